// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim refuses hostile YAML (scenarios and manifests) with the file and line, as the client
// does: an alias inside the node it names, "billion laughs", deep nesting, huge files.
#include "scenario/scenario.h"
#include "scenario/scenarioguard.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace rdsim;

namespace {

// A valid scenario around `extra` (more keys of the one cluster).
QByteArray scenarioWith(const QByteArray &extra)
{
    return "clusters:\n"
           "  - name: a\n"
           "    users: [{name: u, token: t}]\n"
        + extra;
}

// Ten aliases per level of the one below: 10^levels nodes once expanded.
QByteArray laughs(int levels)
{
    QByteArray yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < levels; ++i) {
        const QByteArray below = "*l" + QByteArray::number(i - 1);
        yaml += 'l' + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [";
        for (int k = 0; k < 10; ++k)
            yaml += below + (k < 9 ? ", " : "]\n");
    }
    return yaml;
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']') + '\n';
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestScenarioGuard : public QObject
{
    Q_OBJECT

private slots:
    // yaml-cpp would build users[0] as a node containing itself: every traversal endless.
    void aliasInsideItsOwnNode()
    {
        QString error;
        QVERIFY(!Scenario::fromYaml("clusters:\n"
                                    "  - &c\n"
                                    "    name: a\n"
                                    "    users: [*c]\n",
                                    QStringLiteral("cycle.yaml"), nullptr, &error));
        QCOMPARE(error,
                 QStringLiteral("cycle.yaml:4: not loaded: an alias refers to the node it is in "
                                "(a cycle)"));
    }

    // Anchors and aliases within the limits are ordinary YAML and load as before.
    void plainAliasesStillLoad()
    {
        Scenario scenario;
        QString error;
        QVERIFY2(Scenario::fromYaml("clusters:\n"
                                    "  - name: a\n"
                                    "    users:\n"
                                    "      - name: u\n"
                                    "        token: t\n"
                                    "        groups: &g [ops, dev]\n"
                                    "      - name: v\n"
                                    "        token: w\n"
                                    "        groups: *g\n",
                                    QStringLiteral("ok.yaml"), &scenario, &error),
                 qPrintable(error));
        QCOMPARE(scenario.clusters.at(0).users.at(1).groups,
                 (QStringList {QStringLiteral("ops"), QStringLiteral("dev")}));
    }

    void billionLaughs()
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!Scenario::fromYaml(scenarioWith("    objects:\n") + laughs(9),
                                    QStringLiteral("lol.yaml"), nullptr, &error));
        // Refused where the count passes 200,000 nodes: the first alias of level 5 (line 10)
        // brings it from about 123,000 to 234,000.
        QCOMPARE(error,
                 QStringLiteral("lol.yaml:10: not loaded: its aliases expand to more than 200000 "
                                "nodes"));
        QVERIFY(timer.elapsed() < 5000); // counted, never expanded
        // Five levels (about 123,000 nodes) are within the limit.
        QVERIFY(ScenarioGuard::check(laughs(5), QStringLiteral("five.yaml"), &error));
    }

    void deepNesting()
    {
        QString error;
        QVERIFY(ScenarioGuard::check(nested(100), QStringLiteral("n.yaml"), &error));
        QVERIFY(!ScenarioGuard::check(nested(101), QStringLiteral("n.yaml"), &error));
        QCOMPARE(error,
                 QStringLiteral("n.yaml:1: not loaded: it is nested more than 100 levels deep"));
        // Far deeper than yaml-cpp's own recursion limit: still this message, and no crash.
        QVERIFY(!Scenario::fromYaml(scenarioWith("    objects: " + nested(100000)),
                                    QStringLiteral("deep.yaml"), nullptr, &error));
        QCOMPARE(error,
                 QStringLiteral("deep.yaml:4: not loaded: it is nested more than 100 levels deep"));
    }

    // Found by fuzz/scenario: yaml-cpp reads a top-level ',' as an empty document that
    // consumes nothing, so LoadAll() went on adding empty documents until memory ran out.
    void strayCommaEndsTheDocumentLoop()
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!Scenario::fromYaml(", x\n" + scenarioWith(""), QStringLiteral("comma.yaml"),
                                    nullptr, &error));
        QCOMPARE(error, QStringLiteral("comma.yaml:1: not loaded: a ',' outside [ ] or { }"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifest = dir.filePath(QStringLiteral("comma.yaml"));
        QVERIFY(writeFile(manifest, "- a\n,\n"));
        QVERIFY(!ManifestLoader::loadFile(manifest, nullptr, &error));
        QCOMPARE(error, manifest + QStringLiteral(":2: not loaded: a ',' outside [ ] or { }"));
        QVERIFY(timer.elapsed() < 5000);
    }

    void largerThanFourMiB()
    {
        QString error;
        const QByteArray big = scenarioWith("# " + QByteArray(ScenarioGuard::maxBytes, 'x') + '\n');
        QVERIFY(!Scenario::fromYaml(big, QStringLiteral("big.yaml"), nullptr, &error));
        QCOMPARE(error, QStringLiteral("big.yaml: the file is larger than 4 MiB"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("big.yaml"));
        QVERIFY(writeFile(file, big));
        QVERIFY(!Scenario::fromFile(file, nullptr, &error));
        QCOMPARE(error, file + QStringLiteral(": the file is larger than 4 MiB"));
    }

    // A device that never ends is read with a bound, as a scenario and as a manifest.
    void devZero()
    {
        QString error;
        QVERIFY(!Scenario::fromFile(QStringLiteral("/dev/zero"), nullptr, &error));
        QCOMPARE(error, QStringLiteral("/dev/zero: the file is larger than 4 MiB"));
        QVERIFY(!ManifestLoader::loadFile(QStringLiteral("/dev/zero"), nullptr, &error));
        QCOMPARE(error, QStringLiteral("/dev/zero: the file is larger than 4 MiB"));
        QVERIFY(!Scenario::fromYaml(scenarioWith("    manifests: [/dev/zero]\n"),
                                    QStringLiteral("s.yaml"), nullptr, &error));
        QCOMPARE(error, QStringLiteral("/dev/zero: the file is larger than 4 MiB"));
    }

    // Manifests (a scenario's `manifests:` and `--load DIR`) pass the same limits, and the
    // message names the manifest, not the scenario.
    void hostileManifest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifest = dir.filePath(QStringLiteral("lol.yaml"));
        QVERIFY(writeFile(manifest, laughs(9)));
        const QString expected = manifest
            + QStringLiteral(":6: not loaded: its aliases expand to more than 200000 nodes");
        QString error;
        QVERIFY(!ManifestLoader::loadDirectory(dir.path(), nullptr, &error));
        QCOMPARE(error, expected);
        QVERIFY(!Scenario::fromYaml(scenarioWith("    manifests: [" + manifest.toUtf8() + "]\n"),
                                    QStringLiteral("s.yaml"), nullptr, &error));
        QCOMPARE(error, expected);

        QVERIFY(writeFile(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: *m\n"));
        QVERIFY(!ManifestLoader::loadFile(manifest, nullptr, &error));
        QCOMPARE(error,
                 manifest
                     + QStringLiteral(":4: not loaded: an alias refers to the node it is in (a "
                                      "cycle)"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioGuard)
#include "tst_scenarioguard.moc"

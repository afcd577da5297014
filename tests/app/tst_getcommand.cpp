// SPDX-License-Identifier: GPL-3.0-or-later
// `release-dashboard get` against the demo fleet served in-process: what it lists must be
// what the simulator's store holds, and every failure has its exit code and exact message.
#include "commandline.h"
#include "demofleet.h"
#include "getcommand.h"
#include "headlessrun.h"
#include "kubeconfigloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

namespace {

QString field(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &key : path.split(u'.'))
        value = value.toObject().value(key);
    return value.isString() ? value.toString() : QString();
}

// "env ns/name phase step" for one rollout as the simulator stores it.
QString storedLine(const QString &environment, const QJsonObject &rollout)
{
    const QJsonObject status = rollout.value(QStringLiteral("status")).toObject();
    const QJsonObject canary = rollout.value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("strategy"))
                                   .toObject()
                                   .value(QStringLiteral("canary"))
                                   .toObject();
    const QJsonArray steps = canary.value(QStringLiteral("steps")).toArray();
    QString step = QStringLiteral("-");
    if (!steps.isEmpty() && status.contains(QStringLiteral("currentStepIndex"))) {
        step = QStringLiteral("%1/%2")
                   .arg(status.value(QStringLiteral("currentStepIndex")).toInt())
                   .arg(steps.size());
    }
    return QStringLiteral("%1 %2/%3 %4 %5")
        .arg(environment, field(rollout, QStringLiteral("metadata.namespace")),
             field(rollout, QStringLiteral("metadata.name")),
             status.value(QStringLiteral("phase")).toString(), step);
}

} // namespace

class TestGetCommand : public QObject
{
    Q_OBJECT

private:
    // The demo fleet, its controllers driven by hand so the store holds still while a
    // command reads it.
    DemoFleet m_demo {DemoFleet::Options {false}};
    QTemporaryDir m_dir;

    HeadlessRun run(const QString &line)
    {
        return runHeadless(headlessArguments({}, line), &GetCommand::run, &m_demo);
    }

    // The rollouts as the simulator stores them, environments in the configured order.
    QStringList storedLines()
    {
        QStringList stored;
        for (const QString &environment :
             {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}) {
            const QList<QJsonObject> rollouts = m_demo.objects(
                environment, QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
            for (const QJsonObject &rollout : rollouts)
                stored.append(storedLine(environment, rollout));
        }
        return stored;
    }

    bool variedStates()
    {
        const QString stored = storedLines().join(u'\n');
        for (const QString &phase :
             {QStringLiteral(" Healthy "), QStringLiteral(" Paused "), QStringLiteral(" Degraded "),
              QStringLiteral(" Progressing ")}) {
            if (!stored.contains(phase))
                return false;
        }
        return true;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

    // A kubeconfig with the demo's dev server and a user the server does not know, plus a
    // context whose server is not listening.
    QString brokenKubeconfig()
    {
        KubeconfigSource source;
        source.explicitPath = m_demo.kubeconfigPath();
        Kubeconfig kubeconfig;
        QString error;
        if (!KubeconfigLoader::load(source, &kubeconfig, &error))
            qFatal("%s", qPrintable(error));
        const QString server
            = kubeconfig.cluster(kubeconfig.context(QStringLiteral("dev"))->cluster)->server;
        return writeFile(
            QStringLiteral("broken.kubeconfig"),
            QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n"
                           "- name: dev\n  cluster: {server: \"%1\", "
                           "insecure-skip-tls-verify: true}\n"
                           "- name: gone\n  cluster: {server: \"https://127.0.0.1:1\", "
                           "insecure-skip-tls-verify: true}\n"
                           "users:\n- name: stranger\n  user: {token: wrong-token}\n"
                           "contexts:\n- name: stranger\n  context: {cluster: dev, "
                           "user: stranger}\n"
                           "- name: gone\n  context: {cluster: gone, user: stranger}\n"
                           "current-context: stranger\n")
                .arg(server)
                .toUtf8());
    }

private slots:
    void initTestCase()
    {
        // No user config file leaks in.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        // Until the fleet is in varied states (at most five virtual minutes): canaries pause,
        // one waits for promotion, dev's checkout runs its analysis while staging's is aborted
        // by its own (a few seconds after 150 s).
        m_demo.settleUntil([this] { return variedStates(); }, 300);
    }

    void listsWhatTheSimulatorHolds()
    {
        const HeadlessRun result = run(QStringLiteral("get rollouts -A -o json --demo"));
        QCOMPARE(result.err, QString());
        QCOMPARE(result.code, 0);
        const QJsonObject list = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(list.value(QStringLiteral("errors")).toArray(), QJsonArray());
        QStringList listed;
        QSet<QString> environments;
        for (const QJsonValue &value : list.value(QStringLiteral("items")).toArray()) {
            const QJsonObject item = value.toObject();
            environments.insert(item.value(QStringLiteral("environment")).toString());
            const QJsonValue step = item.value(QStringLiteral("step"));
            listed.append(QStringLiteral("%1 %2/%3 %4 %5")
                              .arg(item.value(QStringLiteral("environment")).toString(),
                                   item.value(QStringLiteral("namespace")).toString(),
                                   item.value(QStringLiteral("name")).toString(),
                                   item.value(QStringLiteral("phase")).toString(),
                                   step.isNull() ? QStringLiteral("-") : step.toString()));
        }
        const QStringList stored = storedLines();
        QCOMPARE(environments.size(), 3);
        // The comparison means something only if the fleet is in varied states.
        QVERIFY2(variedStates(), qPrintable(stored.join(u'\n')));
        QCOMPARE(stored.size(), 11);
        // Same order: environments as configured, then namespace and name.
        QCOMPARE(listed, stored);
    }

    void tableOfOneEnvironment()
    {
        const HeadlessRun result = run(QStringLiteral("get rollouts --demo --env prod -n shop"));
        QCOMPARE(result.code, 0);
        QCOMPARE(result.err, QString());
        const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("ENVIRONMENT   NAMESPACE   NAME  ")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("prod          shop        checkout  ")));
        QVERIFY(
            lines.at(2).startsWith(QStringLiteral("prod          shop        recommendations")));
    }

    void contextNamespaceByDefault()
    {
        // As kubectl: without -A or -n, the context's namespace ("default" here).
        const HeadlessRun result = run(QStringLiteral("get rollouts --demo --env dev"));
        QCOMPARE(result.code, 0);
        QCOMPARE(result.out, QString());
        QCOMPARE(result.err, QStringLiteral("No rollouts found in dev/default.\n"));
    }

    void contextOutsideTheEnvironments()
    {
        const HeadlessRun result
            = run(QStringLiteral("get rollouts --demo --context prod-viewer -n payments -o json"));
        QCOMPARE(result.code, 0);
        const QJsonArray items = QJsonDocument::fromJson(result.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("environment")).toString(),
                 QStringLiteral("prod-viewer"));
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("payments-gateway"));
    }

    void oneRollout()
    {
        HeadlessRun result
            = run(QStringLiteral("get rollout frontend -n shop --demo --env staging -o json"));
        QCOMPARE(result.code, 0);
        const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("kind")).toString(), QStringLiteral("RolloutSummary"));
        QCOMPARE(object.value(QStringLiteral("strategy")).toString(), QStringLiteral("BlueGreen"));
        QCOMPARE(object.value(QStringLiteral("environment")).toString(), QStringLiteral("staging"));

        // The plugin's tree of it (issue 16, tst_getrollouttree has more).
        const QJsonObject tree = object.value(QStringLiteral("tree")).toObject();
        QCOMPARE(tree.value(QStringLiteral("name")).toString(), QStringLiteral("frontend"));
        QVERIFY(!tree.value(QStringLiteral("revisions")).toArray().isEmpty());

        // Across the fleet: found in staging only, which is enough; the plugin's view of it.
        result = run(QStringLiteral("get rollout frontend -n shop --demo"));
        QCOMPARE(result.code, 0);
        QVERIFY2(result.out.startsWith(QStringLiteral("Environment:     staging\n"
                                                      "Name:            frontend\n"
                                                      "Namespace:       shop\n")),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("Strategy:        BlueGreen\n")));
        QVERIFY(result.out.contains(QStringLiteral("⟳ frontend")));
        QCOMPARE(result.out.count(QStringLiteral("Environment:")), 1);
        // -o wide keeps the one-line table.
        result = run(QStringLiteral("get rollout frontend -n shop --demo -o wide"));
        QCOMPARE(result.code, 0);
        QCOMPARE(result.out.split(u'\n', Qt::SkipEmptyParts).size(), 2);
        QVERIFY(result.out.contains(QStringLiteral("staging       shop        frontend")));
    }

    void notFound()
    {
        const HeadlessRun result = run(QStringLiteral("get rollout nope -n shop --demo"));
        QCOMPARE(result.code, 1);
        QCOMPARE(result.out, QString());
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: dev: rollout \"nope\" not found in namespace "
                                "\"shop\"\n"
                                "release-dashboard: staging: rollout \"nope\" not found in "
                                "namespace \"shop\"\n"
                                "release-dashboard: prod: rollout \"nope\" not found in namespace "
                                "\"shop\"\n"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::addRow("unknown environment")
            << "get rollouts --demo --env qa"
            << "release-dashboard: unknown environment 'qa' (environments: dev, staging, prod)\n";
        QTest::addRow("unknown context")
            << "get rollouts --demo --context qa"
            << "release-dashboard: context 'qa' is not in the kubeconfig (contexts: dev, "
               "dev-viewer, staging, staging-viewer, prod, prod-viewer, prod-deployer, "
               "prod-limited)\n";
    }

    void usageErrors()
    {
        QFETCH(QString, line);
        QFETCH(QString, error);
        const HeadlessRun result = run(line);
        QCOMPARE(result.err, error);
        QCOMPARE(result.code, 2);
        QCOMPARE(result.out, QString());
    }

    void configErrors()
    {
        const QString bad = writeFile(QStringLiteral("bad.yaml"),
                                      "environments:\n  - name: dev\n    colour: green\n");
        HeadlessRun result = run(QStringLiteral("get rollouts --demo --config ") + bad);
        QCOMPARE(result.code, 2);
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: %1:3: environments[0].colour: "
                                "'green' is not a colour of the form #rrggbb\n")
                     .arg(bad));

        const QString unknown = writeFile(QStringLiteral("unknown.yaml"),
                                          "environments:\n  - name: dev\n  - name: qa\n"
                                          "    context: qa-cluster\n");
        result = run(QStringLiteral("get rollouts --demo --config ") + unknown);
        QCOMPARE(result.code, 2);
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: %1:4: environments[1].context: context "
                                "'qa-cluster' of environment 'qa' is not in the kubeconfig "
                                "(contexts: dev, dev-viewer, staging, staging-viewer, prod, "
                                "prod-viewer, prod-deployer, prod-limited)\n")
                     .arg(unknown));

        result = run(QStringLiteral("get rollouts --kubeconfig ")
                     + m_dir.filePath(QStringLiteral("none")));
        QCOMPARE(result.code, 2);
        QVERIFY2(result.err.startsWith(QStringLiteral("release-dashboard: ")
                                       + m_dir.filePath(QStringLiteral("none"))),
                 qPrintable(result.err));

        // A config naming viewer contexts works with the demo too.
        const QString viewers = writeFile(QStringLiteral("viewers.yaml"),
                                          "environments:\n  - name: prod-ro\n"
                                          "    context: prod-viewer\n    namespaces: [search]\n");
        result = run(QStringLiteral("get rollouts -A --demo --config ") + viewers);
        QCOMPARE(result.code, 0);
        QCOMPARE(result.out.split(u'\n', Qt::SkipEmptyParts).size(), 2);
        QVERIFY(result.out.contains(QStringLiteral("prod-ro       search      search-indexer")));
    }

    void apiErrors()
    {
        const QString kubeconfig = brokenKubeconfig();
        HeadlessRun result = run(QStringLiteral("get rollouts -A --kubeconfig ") + kubeconfig);
        QCOMPARE(result.code, 1);
        QCOMPARE(result.out, QString());
        const QStringList lines = result.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral(
                     "release-dashboard: stranger: The server did not accept the credentials "
                     "(HTTP 401)")),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("release-dashboard: gone: ")),
                 qPrintable(lines.at(1)));

        // JSON reports the errors in the document as well.
        result = run(QStringLiteral("get rollouts -A -o json --context gone --kubeconfig ")
                     + kubeconfig);
        QCOMPARE(result.code, 1);
        const QJsonObject list = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(list.value(QStringLiteral("items")).toArray(), QJsonArray());
        QCOMPARE(list.value(QStringLiteral("errors")).toArray().size(), 1);
        QCOMPARE(list.value(QStringLiteral("errors"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("environment")),
                 QJsonValue(QStringLiteral("gone")));
    }

    void cyclicKubeconfigInKubeconfigListIsAnError()
    {
        // One hostile entry of KUBECONFIG: a clear error naming it, not a segfault.
        const QString cyclic
            = writeFile(QStringLiteral("cyclic.kubeconfig"),
                        "apiVersion: v1\nkind: Config\nclusters:\n- name: x\n  cluster:\n"
                        "    server: https://127.0.0.1:1\n    extensions: &e\n      - name: loop\n"
                        "        extension: *e\n");
        const HeadlessRun result = run(QStringLiteral("get rollouts -A --kubeconfig ") + cyclic);
        QCOMPARE(result.code, 2);
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: %1:9: not loaded: an alias refers to the "
                                "node it is in (a cycle)\n")
                     .arg(cyclic));
    }
};

QTEST_GUILESS_MAIN(TestGetCommand)
#include "tst_getcommand.moc"

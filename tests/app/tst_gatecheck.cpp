// SPDX-License-Identifier: GPL-3.0-or-later
// `release-dashboard gate check` against a real Prometheus with backfilled data whose answers
// are known, for a real rollout of the demo fleet: a failing absolute gate, a failing
// relative gate, a passing gate, an inconclusive gate (too few points), a gate whose query
// Prometheus rejects; exit codes, text, JSON and JUnit output, --at and --watch.
#include "gatecheckfixture.h"
#include "headlessrun.h"

#include "commandline.h"
#include "gatecommand.h"
#include "historydatabase.h"
#include "historywriter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTextStream>
#include <QXmlStreamReader>

namespace {

const QByteArray failingGates = "gates:\n"
                                "  - name: error ratio\n"
                                "    query: max(gate_error_ratio{"
    + GateCheckFixture::pods()
    + "})\n"
      "    max: 0.02\n"
      "    window: 5m\n"
      "  - name: error ratio against stable\n"
      "    query: max(gate_error_ratio{"
    + GateCheckFixture::pods()
    + "})\n"
      "    relative: { maxIncrease: 10% }\n"
      "    window: 5m\n"
      "  - name: latency\n"
      "    query: max(gate_latency{"
    + GateCheckFixture::pods()
    + "})\n"
      "    max: 0.5\n"
      "    relative: { maxIncrease: 10% }\n"
      "    window: 5m\n";

const QByteArray passingGate = "gates:\n"
                               "  - name: latency\n"
                               "    query: max(gate_latency{"
    + GateCheckFixture::pods()
    + "})\n"
      "    max: 0.5\n";

// max_over_time over one step: a point only where a sample is (no 5-minute look-back).
const QByteArray sparseGate = "gates:\n"
                              "  - name: sparse\n"
                              "    query: max(max_over_time(gate_sparse{"
    + GateCheckFixture::pods()
    + "}[15s]))\n"
      "    max: 2\n"
      "    minSamples: 10\n";

const QByteArray brokenGate = "gates:\n"
                              "  - name: broken\n"
                              "    query: max(gate_latency{"
    + GateCheckFixture::pods()
    + "}\n"
      "    max: 1\n";

} // namespace

class TestGateCheck : public QObject
{
    Q_OBJECT

    GateCheckFixture m_fixture;

    HeadlessRun run(const QString &config, const QStringList &extra)
    {
        const QStringList leading = {QStringLiteral("--demo"), QStringLiteral("--config"), config};
        const QString line
            = QStringLiteral("gate check --env staging --rollout payments/payments-api");
        return runHeadless(headlessArguments(leading, line) + extra, &GateCommand::run,
                           &m_fixture.demo);
    }

    static QJsonObject gateNamed(const QJsonObject &report, const QString &name)
    {
        for (const QJsonValue &gate : report.value(QStringLiteral("gates")).toArray()) {
            if (gate.toObject().value(QStringLiteral("name")).toString() == name)
                return gate.toObject();
        }
        return QJsonObject();
    }

    // Two releases of payments-api: #7 promoted an hour before `at`, #8 in progress then.
    static bool writeHistory(const QString &path, const QString &canary, const QString &stable,
                             const QDateTime &at)
    {
        HistoryDatabase database;
        if (!database.open(path)) {
            qWarning("%s", qPrintable(database.errorMessage()));
            return false;
        }
        HistoryWrite batch;
        for (int revision : {7, 8}) {
            ReleaseSummary release;
            release.key = {QStringLiteral("staging"), QStringLiteral("uid-1"), revision};
            release.namespaceName = QStringLiteral("payments");
            release.workload = QStringLiteral("payments-api");
            release.strategy = QStringLiteral("Canary");
            release.podTemplateHash = revision == 7 ? stable : canary;
            release.startedAt = at.addSecs(revision == 7 ? -7200 : -1800);
            release.endedAt = revision == 7 ? at.addSecs(-3600) : QDateTime();
            release.outcome = revision == 7 ? ReleaseOutcome::Promoted : ReleaseOutcome::InProgress;
            release.firstObservedAt = release.startedAt;
            release.images = {QStringLiteral("ghcr.io/acme/payments-api:2.%1.0").arg(revision)};
            batch.releases.append(release);
        }
        HistoryWriter writer(database);
        if (writer.write(batch))
            return true;
        qWarning("%s", qPrintable(writer.errorMessage()));
        return false;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
    }

    void failingAbsoluteAndRelativeGates()
    {
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("fail.yaml"), failingGates),
                                       {QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(result.code, int(GateCommand::Fail));
        const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("release-dashboard/v1"));
        QCOMPARE(report.value(QStringLiteral("verdict")).toString(), QStringLiteral("Fail"));
        QCOMPARE(report.value(QStringLiteral("canaryHash")).toString(), m_fixture.canaryHash);
        const QJsonObject absolute = gateNamed(report, QStringLiteral("error ratio"));
        QCOMPARE(absolute.value(QStringLiteral("outcome")).toString(), QStringLiteral("Fail"));
        QCOMPARE(absolute.value(QStringLiteral("value")).toDouble(), 0.05);
        QCOMPARE(absolute.value(QStringLiteral("bound")).toString(), QStringLiteral("max 0.02"));
        QCOMPARE(absolute.value(QStringLiteral("window")).toString(), QStringLiteral("5m"));
        QCOMPARE(absolute.value(QStringLiteral("samples")).toInt(), 21);
        QCOMPARE(absolute.value(QStringLiteral("message")).toString(),
                 QStringLiteral("canary 0.05 is above the maximum 0.02"));
        QVERIFY(absolute.value(QStringLiteral("query")).toString().contains(m_fixture.canaryHash));
        const QJsonObject relative
            = gateNamed(report, QStringLiteral("error ratio against stable"));
        QCOMPARE(relative.value(QStringLiteral("outcome")).toString(), QStringLiteral("Fail"));
        QCOMPARE(relative.value(QStringLiteral("stableValue")).toDouble(), 0.01);
        QCOMPARE(relative.value(QStringLiteral("message")).toString(),
                 QStringLiteral("canary 0.05 is 400 % above stable 0.01 (at most 10 % allowed)"));
        QVERIFY(relative.value(QStringLiteral("stableQuery"))
                    .toString()
                    .contains(m_fixture.stableHash));
        const QJsonObject latency = gateNamed(report, QStringLiteral("latency"));
        QCOMPARE(latency.value(QStringLiteral("outcome")).toString(), QStringLiteral("Pass"));
        QCOMPARE(latency.value(QStringLiteral("stableValue")).toDouble(), 0.19);
    }

    void passingGateAsJUnit()
    {
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("pass.yaml"), passingGate),
                                       {QStringLiteral("-o"), QStringLiteral("junit")});
        QCOMPARE(result.code, int(GateCommand::Pass));
        QXmlStreamReader xml(result.out);
        int cases = 0;
        int failures = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            cases += xml.name() == QLatin1String("testcase");
            failures
                += xml.name() == QLatin1String("failure") || xml.name() == QLatin1String("error");
            if (xml.name() == QLatin1String("testsuite"))
                QCOMPARE(xml.attributes().value(QStringLiteral("tests")).toString(),
                         QStringLiteral("1"));
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(cases, 1);
        QCOMPARE(failures, 0);
    }

    void failuresAsJUnit()
    {
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("fail.yaml"), failingGates),
                                       {QStringLiteral("-o"), QStringLiteral("junit")});
        QCOMPARE(result.code, int(GateCommand::Fail));
        QVERIFY2(result.out.contains(QStringLiteral("failures=\"2\"")), qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("<failure message=\"canary 0.05 is above the "
                                                   "maximum 0.02\" type=\"Fail\">")));
    }

    void tooFewPointsIsInconclusive()
    {
        const HeadlessRun result
            = run(m_fixture.config(QStringLiteral("sparse.yaml"), sparseGate), {});
        QCOMPARE(result.code, int(GateCommand::Inconclusive));
        QVERIFY2(result.out.contains(QStringLiteral("too little data: 4 of the 10 points the "
                                                    "canary needs in the last 10m had a value")),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("INCONCLUSIVE")));
    }

    void rejectedQueryIsAnError()
    {
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("broken.yaml"), brokenGate),
                                       {QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(result.code, int(GateCommand::UsageOrConnectionError));
        const QJsonObject gate = gateNamed(QJsonDocument::fromJson(result.out.toUtf8()).object(),
                                           QStringLiteral("broken"));
        QCOMPARE(gate.value(QStringLiteral("outcome")).toString(), QStringLiteral("Error"));
        // Prometheus' own words reach the user.
        QVERIFY2(gate.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("parse error")),
                 qPrintable(gate.value(QStringLiteral("message")).toString()));
    }

    void atAPastInstant()
    {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(m_fixture.nowSeconds - 30 * 60, Qt::UTC);
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("fail.yaml"), failingGates),
                                       {QStringLiteral("--at"), at.toString(Qt::ISODate),
                                        QStringLiteral("-o"), QStringLiteral("json")});
        // Half an hour ago the canary's error ratio was 0.01: every gate passed.
        QCOMPARE(result.code, int(GateCommand::Pass));
        const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("evaluatedAt")).toString(), at.toString(Qt::ISODate));
        QCOMPARE(gateNamed(report, QStringLiteral("error ratio"))
                     .value(QStringLiteral("value"))
                     .toDouble(),
                 0.01);
    }

    // The release history says which revisions ran at a past instant. Here it has them
    // swapped (as after a rollback): the "canary" then was today's stable, whose error
    // ratio is 0.01, judged against today's canary at 0.05.
    void atTakesTheRevisionsOfThatTimeFromTheHistory()
    {
        const QString historyFile = m_fixture.dir.filePath(QStringLiteral("history.sqlite"));
        const QDateTime at = QDateTime::fromSecsSinceEpoch(m_fixture.nowSeconds - 60, Qt::UTC);
        QVERIFY(writeHistory(historyFile, m_fixture.stableHash, m_fixture.canaryHash, at));
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("fail.yaml"), failingGates),
                                       {QStringLiteral("--at"), at.toString(Qt::ISODate),
                                        QStringLiteral("--history-file"), historyFile,
                                        QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(result.err.contains(QStringLiteral("from the release history: "
                                                    "staging/payments/payments-api #8 against "
                                                    "staging/payments/payments-api #7")),
                 qPrintable(result.err));
        const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("canaryHash")).toString(), m_fixture.stableHash);
        const QJsonObject relative
            = gateNamed(report, QStringLiteral("error ratio against stable"));
        QCOMPARE(relative.value(QStringLiteral("value")).toDouble(), 0.01);
        QCOMPARE(relative.value(QStringLiteral("stableValue")).toDouble(), 0.05);
        QCOMPARE(relative.value(QStringLiteral("outcome")).toString(), QStringLiteral("Pass"));
    }

    void watchJudgesAgainUntilItEnds()
    {
        QElapsedTimer timer;
        timer.start();
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("pass.yaml"), passingGate),
                                       {QStringLiteral("--watch"), QStringLiteral("3s")});
        QCOMPARE(result.code, int(GateCommand::Pass));
        QVERIFY(timer.elapsed() >= 3000);
        QCOMPARE(result.out.count(QStringLiteral("staging/payments/payments-api at ")), 2);
    }

    void watchStopsAtTheFirstFailure()
    {
        QElapsedTimer timer;
        timer.start();
        const HeadlessRun result = run(m_fixture.config(QStringLiteral("fail.yaml"), failingGates),
                                       {QStringLiteral("--watch"), QStringLiteral("30m")});
        QCOMPARE(result.code, int(GateCommand::Fail));
        QVERIFY(timer.elapsed() < 60000);
        QCOMPARE(result.out.count(QStringLiteral("staging/payments/payments-api at ")), 1);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::addRow("future") << QStringList {QStringLiteral("--at"),
                                                QStringLiteral("2999-01-01")}
                                << QStringLiteral("--at: '2999-01-01' is not a past time");
        QTest::addRow("at and watch")
            << QStringList {QStringLiteral("--at"), QStringLiteral("1h"), QStringLiteral("--watch"),
                            QStringLiteral("5m")}
            << QStringLiteral("--at and --watch cannot be combined");
        QTest::addRow("format") << QStringList {QStringLiteral("-o"), QStringLiteral("yaml")}
                                << QStringLiteral("unknown output format 'yaml'");
        QTest::addRow("watch") << QStringList {QStringLiteral("--watch"), QStringLiteral("soon")}
                               << QStringLiteral("--watch: 'soon' is not a duration");
    }

    void usageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const HeadlessRun result
            = run(m_fixture.config(QStringLiteral("pass.yaml"), passingGate), extra);
        QCOMPARE(result.code, int(GateCommand::UsageOrConnectionError));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void unknownRollout()
    {
        const QString line
            = QStringLiteral("--demo gate check --env staging --rollout payments/nope");
        const HeadlessRun result
            = runHeadless(headlessArguments({}, line), &GateCommand::run, &m_fixture.demo);
        QCOMPARE(result.code, int(GateCommand::UsageOrConnectionError));
        QVERIFY2(result.err.contains(QStringLiteral("staging: rollout payments/nope not found")),
                 qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestGateCheck)
#include "tst_gatecheck.moc"

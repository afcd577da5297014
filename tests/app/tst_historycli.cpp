// SPDX-License-Identifier: GPL-3.0-or-later
// `release-dashboard history` and `report` run in-process (Application::run, so parsing,
// dispatch and the messages are the program's) over a database filled here with
// HistoryDatabase and HistoryWriter: the table's columns and the JSON's keys exactly, the
// filters, the Markdown and PDF reports, and every error with its text and exit code.
#include "application.h"
#include "headlessrun.h"
#include "historydatabase.h"
#include "historywriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

namespace {

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

ReleaseSummary release(const QString &environment, const QString &ns, const QString &workload,
                       qint64 revision, const char *startedAt)
{
    ReleaseSummary r;
    r.key = {environment, QStringLiteral("uid-%1-%2").arg(environment, workload), revision};
    r.namespaceName = ns;
    r.workload = workload;
    r.strategy = QStringLiteral("Canary");
    r.podTemplateHash = QStringLiteral("hash%1").arg(revision);
    r.images = {QStringLiteral("ghcr.io/acme/%1:1.%2.0").arg(workload).arg(revision)};
    r.stepCount = 2;
    r.startedAt = utc(startedAt);
    r.firstObservedAt = r.startedAt;
    return r;
}

ReleaseSummary ended(ReleaseSummary r, ReleaseOutcome outcome, const char *endedAt)
{
    r.outcome = outcome;
    r.endedAt = utc(endedAt);
    return r;
}

// Four releases in two environments, oldest first.
HistoryWrite sampleWrite()
{
    const QString dev = QStringLiteral("dev");
    const QString prod = QStringLiteral("prod");
    const QString shop = QStringLiteral("shop");
    const QString checkout = QStringLiteral("checkout");
    HistoryWrite w;
    const ReleaseSummary first = ended(release(dev, shop, checkout, 1, "2026-12-01T09:00:00Z"),
                                       ReleaseOutcome::Promoted, "2026-12-01T09:04:12Z");
    ReleaseSummary second = ended(release(dev, shop, checkout, 2, "2026-12-03T10:00:00Z"),
                                  ReleaseOutcome::Aborted, "2026-12-03T10:02:00Z");
    second.images.append(QStringLiteral("ghcr.io/acme/sidecar:7"));
    ReleaseSummary partial = release(prod, shop, checkout, 1, "2026-12-02T08:00:00Z");
    partial.partiallyObserved = true;
    const ReleaseSummary gone
        = ended(release(prod, QStringLiteral("payments"), QStringLiteral("payments-api"), 3,
                        "2026-12-04T12:30:00Z"),
                ReleaseOutcome::Deleted, "2026-12-04T13:35:30Z");
    w.releases = {first, partial, second, gone};
    w.deletedWorkloads = {{prod, gone.key.workloadUid, utc("2026-12-04T13:35:30Z")}};
    w.stepTexts = {{first.key, {QStringLiteral("setWeight: 50"), QStringLiteral("pause: 1m")}},
                   {second.key, {QStringLiteral("setWeight: 50"), QStringLiteral("pause: 1m")}}};
    w.transitions = {
        {first.key,
         {utc("2026-12-01T09:00:05Z"), QStringLiteral("Progressing"), 0, 50, 50, false, QString()}},
        {second.key,
         {utc("2026-12-03T10:00:05Z"), QStringLiteral("Progressing"), 0, 50, 50, false, QString()}},
        {second.key,
         {utc("2026-12-03T10:01:30Z"), QStringLiteral("Degraded"), 1, 0, 0, false,
          QStringLiteral("RolloutAborted: metric error-rate failed")}},
    };
    return w;
}

} // namespace

class TestHistoryCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;

    // Through Application::run, which parses the arguments itself.
    HeadlessRun run(const QString &line)
    {
        const QStringList arguments = headlessArguments({}, line);
        return captureHeadless([&](QTextStream &out, QTextStream &err) {
            return Application::run(arguments, out, err);
        });
    }

    // history over the sample database; "history" and the file are added.
    HeadlessRun history(const QString &options)
    {
        return run(QStringLiteral("history --history-file %1 %2").arg(m_database, options));
    }

    QStringList workloadsOf(const QString &json)
    {
        QStringList names;
        const QJsonArray items = QJsonDocument::fromJson(json.toUtf8()).array();
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            names.append(QStringLiteral("%1/%2#%3")
                             .arg(o.value(QStringLiteral("environment")).toString(),
                                  o.value(QStringLiteral("workload")).toString())
                             .arg(o.value(QStringLiteral("revision")).toInt()));
        }
        return names;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("history.sqlite"));
        HistoryDatabase database;
        QVERIFY2(database.open(m_database), qPrintable(database.errorMessage()));
        HistoryWriter writer(database);
        QVERIFY2(writer.write(sampleWrite()), qPrintable(writer.errorMessage()));
    }

    void table()
    {
        const HeadlessRun r = history(QString());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        // Newest first; UTC times; kubectl's durations; "-" where nothing applies.
        const QStringList expected = {
            QStringLiteral(
                "STARTED            ENVIRONMENT   NAMESPACE   WORKLOAD       REVISION   OUTCOME    "
                "   DURATION   IMAGES                                               NOTES"),
            QStringLiteral(
                "2026-12-04 12:30   prod          payments    payments-api   3          deleted    "
                "   65m        ghcr.io/acme/payments-api:1.3.0                      deleted"),
            QStringLiteral(
                "2026-12-03 10:00   dev           shop        checkout       2          aborted    "
                "   2m         ghcr.io/acme/checkout:1.2.0,ghcr.io/acme/sidecar:7   -"),
            QStringLiteral("2026-12-02 08:00   prod          shop        checkout       1          "
                           "in-progress   -          ghcr.io/acme/checkout:1.1.0                   "
                           "       partial"),
            QStringLiteral(
                "2026-12-01 09:00   dev           shop        checkout       1          promoted   "
                "   4m12s      ghcr.io/acme/checkout:1.1.0                          -"),
        };
        QCOMPARE(r.out.split(u'\n'), expected + QStringList {QString()});
    }

    void json()
    {
        const HeadlessRun r = history(QStringLiteral("-o json --env prod"));
        QCOMPARE(r.code, 0);
        const QJsonArray items = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(items.size(), 2);
        const QJsonObject expected = QJsonDocument::fromJson(R"({
            "environment": "prod", "namespace": "payments", "workload": "payments-api",
            "workloadUid": "uid-prod-payments-api", "revision": 3, "outcome": "deleted",
            "startedAt": "2026-12-04T12:30:00Z", "endedAt": "2026-12-04T13:35:30Z",
            "durationSeconds": 3930, "images": ["ghcr.io/acme/payments-api:1.3.0"],
            "strategy": "Canary", "partiallyObserved": false,
            "workloadDeletedAt": "2026-12-04T13:35:30Z"})")
                                         .object();
        QCOMPARE(items.at(0).toObject(), expected);
        const QJsonObject partial = items.at(1).toObject();
        QCOMPARE(partial.keys(), expected.keys());
        QCOMPARE(partial.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("in-progress"));
        QVERIFY(partial.value(QStringLiteral("endedAt")).isNull());
        QVERIFY(partial.value(QStringLiteral("durationSeconds")).isNull());
        QVERIFY(partial.value(QStringLiteral("workloadDeletedAt")).isNull());
        QCOMPARE(partial.value(QStringLiteral("partiallyObserved")), QJsonValue(true));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QStringList>("releases");
        const QString api = QStringLiteral("prod/payments-api#3");
        const QString dev2 = QStringLiteral("dev/checkout#2");
        const QString prod1 = QStringLiteral("prod/checkout#1");
        const QString dev1 = QStringLiteral("dev/checkout#1");
        QTest::addRow("all") << "" << QStringList {api, dev2, prod1, dev1};
        QTest::addRow("env") << "--env dev" << QStringList {dev2, dev1};
        QTest::addRow("workload") << "--workload shop/checkout" << QStringList {dev2, prod1, dev1};
        QTest::addRow("name") << "--workload payments-api" << QStringList {api};
        QTest::addRow("wrong namespace") << "--workload shop/payments-api" << QStringList {};
        QTest::addRow("env and workload")
            << "--env prod --workload checkout" << QStringList {prod1};
        QTest::addRow("since date") << "--since 2026-12-02" << QStringList {api, dev2, prod1};
        QTest::addRow("since instant") << "--since 2026-12-03T10:00:00Z" << QStringList {api, dev2};
        QTest::addRow("until") << "--until 2026-12-02T08:00:00Z" << QStringList {dev1};
        QTest::addRow("window") << "--since 2026-12-02 --until 2026-12-04"
                                << QStringList {dev2, prod1};
        QTest::addRow("relative") << "--since 100000d" << QStringList {api, dev2, prod1, dev1};
        QTest::addRow("relative none") << "--since 1s" << QStringList {};
        QTest::addRow("outcome") << "--outcome aborted,deleted" << QStringList {api, dev2};
        QTest::addRow("in progress") << "--outcome in-progress" << QStringList {prod1};
    }

    void filters()
    {
        QFETCH(QString, options);
        QFETCH(QStringList, releases);
        const HeadlessRun r = history(options + QStringLiteral(" -o json"));
        QCOMPARE(r.code, 0);
        QCOMPARE(workloadsOf(r.out), releases);
        if (releases.isEmpty()) {
            QCOMPARE(r.out, QStringLiteral("[]\n"));
            const HeadlessRun table = history(options);
            QCOMPARE(table.out, QString());
            QCOMPARE(table.err,
                     QStringLiteral("release-dashboard: No recorded release matches.\n"));
        }
    }

    void missingAndDamaged()
    {
        const QString missing = m_dir.filePath(QStringLiteral("none/history.sqlite"));
        HeadlessRun r = run(QStringLiteral("history --history-file ") + missing);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err,
                 QStringLiteral("release-dashboard: No release history yet at %1\n").arg(missing));
        r = run(QStringLiteral("history -o json --history-file ") + missing);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("[]\n"));
        QVERIFY(!QFile::exists(missing)); // reading never makes a history
        r = run(QStringLiteral("report dev/shop/checkout -o x.md --history-file ") + missing);
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err,
                 QStringLiteral("release-dashboard: No release history yet at %1\n").arg(missing));

        const QString damaged = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        const QByteArray garbage(4096, 'x');
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
        file.close();
        r = run(QStringLiteral("history --history-file ") + damaged);
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(
                     QStringLiteral("release-dashboard: The release history at %1 cannot be read")
                         .arg(damaged)),
                 qPrintable(r.err));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage); // neither repaired nor moved aside
    }

    void markdownReport()
    {
        const QString path = m_dir.filePath(QStringLiteral("checkout.md"));
        HeadlessRun r = run(QStringLiteral("report dev/shop/checkout -o %1 --history-file %2")
                                .arg(path, m_database));
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out,
                 QStringLiteral("Wrote the report of dev/shop/checkout #2 to %1\n").arg(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(file.readAll());
        QVERIFY(
            markdown.startsWith(QStringLiteral("# Release report: checkout revision 2 in dev\n")));
        for (const char *fact : {"| Revision | 2 |", "| Outcome | aborted |",
                                 "| Environment | dev |", "ghcr.io/acme/checkout:1.2.0",
                                 "ghcr.io/acme/sidecar:7", "| Duration | 2 min 00 s |", "Degraded"})
            QVERIFY2(markdown.contains(QString::fromLatin1(fact)), fact);
        // Compared with revision 1, the release before it.
        QVERIFY2(markdown.contains(
                     QStringLiteral("Compared with revision 1, started 2026-12-01 09:00:00 UTC")),
                 qPrintable(markdown));

        // --revision 1: the first release, with nothing before it to compare with.
        r = run(QStringLiteral("report dev/shop/checkout --revision 1 -o %1 --history-file %2")
                    .arg(path, m_database));
        QCOMPARE(r.code, 0);
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString first = QString::fromUtf8(file.readAll());
        QVERIFY(first.startsWith(QStringLiteral("# Release report: checkout revision 1 in dev\n")));
        QVERIFY(!first.contains(QStringLiteral("ghcr.io/acme/checkout:1.2.0")));
    }

    void pdfReport()
    {
        const QString path = m_dir.filePath(QStringLiteral("checkout.pdf"));
        const HeadlessRun r
            = run(QStringLiteral("report prod/payments/payments-api -o %1 --history-file %2")
                      .arg(path, m_database));
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        // poppler-utils comes with scripts/install-deps: missing, the test fails.
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is not installed");
        QProcess process;
        process.start(pdftotext, {path, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("payments-api revision 3")), qPrintable(text));
    }

    void unknownRelease()
    {
        HeadlessRun r
            = run(QStringLiteral("report dev/shop/cart -o x.md --history-file ") + m_database);
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err,
                 QStringLiteral("release-dashboard: report: no release of dev/shop/cart is "
                                "recorded in %1\n")
                     .arg(m_database));
        r = run(QStringLiteral("report dev/shop/checkout --revision 9 -o x.md --history-file ")
                + m_database);
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err,
                 QStringLiteral("release-dashboard: report: dev/shop/checkout has no "
                                "recorded revision 9 (recorded: 1, 2)\n"));
        QVERIFY(!QFile::exists(QStringLiteral("x.md")));
    }
};

QTEST_MAIN(TestHistoryCli)
#include "tst_historycli.moc"

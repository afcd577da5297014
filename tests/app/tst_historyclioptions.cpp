// SPDX-License-Identifier: GPL-3.0-or-later
// The command lines of `history`, `report` and `record`: every option read into
// CommandLineOptions, every error with its exact text, the times --since and --until take,
// and the words that make the program headless.
#include "commandline.h"
#include "historycommandline.h"

#include <QTest>

namespace {

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

} // namespace

class TestHistoryCliOptions : public QObject
{
    Q_OBJECT

private slots:
    void parsing()
    {
        CommandLineOptions o;
        QString text;
        const auto parse = [&](const QString &line) {
            o = CommandLineOptions();
            return CommandLine::parse(QStringList {QStringLiteral("rd")}
                                          + line.split(u' ', Qt::SkipEmptyParts),
                                      &o, &text);
        };
        QCOMPARE(parse(QStringLiteral("history --env dev --workload shop/checkout --since "
                                      "2026-12-01 --until 2026-12-02T10:00:00+02:00 --outcome "
                                      "aborted,deleted --outcome promoted -o json --history-file "
                                      "/h.sqlite")),
                 CommandLine::Result::Ok);
        QCOMPARE(o.mode, CommandLineOptions::Mode::History);
        QVERIFY(o.isHeadless());
        QCOMPARE(o.environment, QStringLiteral("dev"));
        QCOMPARE(o.workloadNamespace, QStringLiteral("shop"));
        QCOMPARE(o.workload, QStringLiteral("checkout"));
        QCOMPARE(o.since, utc("2026-12-01T00:00:00Z"));
        QCOMPARE(o.until, utc("2026-12-02T08:00:00Z"));
        QCOMPARE(o.outcomes,
                 (QList<ReleaseOutcome> {ReleaseOutcome::Aborted, ReleaseOutcome::Deleted,
                                         ReleaseOutcome::Promoted}));
        QCOMPARE(o.output, CommandLineOptions::Output::Json);
        QCOMPARE(o.historyFile, QStringLiteral("/h.sqlite"));

        QCOMPARE(parse(QStringLiteral("history --workload cart --demo")), CommandLine::Result::Ok);
        QCOMPARE(o.workloadNamespace, QString());
        QCOMPARE(o.workload, QStringLiteral("cart"));
        QVERIFY(o.demo);
        QCOMPARE(o.output, CommandLineOptions::Output::Table);

        QCOMPARE(parse(QStringLiteral("report prod/shop/checkout --revision 7 -o r.PDF")),
                 CommandLine::Result::Ok);
        QCOMPARE(o.mode, CommandLineOptions::Mode::Report);
        QCOMPARE(o.environment, QStringLiteral("prod"));
        QCOMPARE(o.workloadNamespace, QStringLiteral("shop"));
        QCOMPARE(o.workload, QStringLiteral("checkout"));
        QCOMPARE(o.revision, 7);
        QCOMPARE(o.reportFile, QStringLiteral("r.PDF"));

        QCOMPARE(parse(QStringLiteral("record --env dev --env prod --env dev --demo")),
                 CommandLine::Result::Ok);
        QCOMPARE(o.mode, CommandLineOptions::Mode::Record);
        QCOMPARE(o.environments, (QStringList {QStringLiteral("dev"), QStringLiteral("prod")}));
        QCOMPARE(parse(QStringLiteral("record --context c --kubeconfig /k")),
                 CommandLine::Result::Ok);
        QCOMPARE(o.context, QStringLiteral("c"));
        QCOMPARE(o.kubeconfig, QStringLiteral("/k"));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::addRow("workload path") << "history --workload a/b/c"
                                       << "--workload: 'a/b/c' is not NAMESPACE/NAME or NAME";
        QTest::addRow("since")
            << "history --since yesterday"
            << "--since: 'yesterday' is not a time (2026-12-01, 2026-12-01T10:00:00Z) or a "
               "duration back from now (30m, 24h, 7d)";
        QTest::addRow("until") << "history --until 5x"
                               << "--until: '5x' is not a time (2026-12-01, "
                                  "2026-12-01T10:00:00Z) or a duration back from now (30m, "
                                  "24h, 7d)";
        QTest::addRow("outcome") << "history --outcome promoted,failed"
                                 << "--outcome: 'failed' is not one of promoted, aborted, "
                                    "superseded, in-progress, deleted";
        QTest::addRow("wide") << "history -o wide"
                              << "history: -o: unknown output format 'wide' (formats: table, "
                                 "json)";
        QTest::addRow("two envs") << "history --env a --env b"
                                  << "history: give --env once";
        QTest::addRow("history context") << "history --context c"
                                         << "history does not take --context";
        QTest::addRow("history -n") << "history -n shop"
                                    << "history does not take --namespace";
        QTest::addRow("history revision") << "history --revision 2"
                                          << "history does not take --revision";
        QTest::addRow("history argument") << "history dev"
                                          << "history: unexpected argument 'dev'";
        QTest::addRow("report nothing") << "report -o r.md"
                                        << "report: name the workload as ENV/NAMESPACE/NAME";
        QTest::addRow("report path") << "report shop/checkout -o r.md"
                                     << "report: 'shop/checkout' is not ENV/NAMESPACE/NAME";
        QTest::addRow("report no file")
            << "report dev/shop/checkout"
            << "report: name the file to write with -o FILE.pdf or -o FILE.md";
        QTest::addRow("report format") << "report dev/shop/checkout -o json"
                                       << "report: -o 'json' must name a file ending in .pdf "
                                          "or .md";
        QTest::addRow("report revision") << "report dev/shop/checkout --revision 0 -o r.md"
                                         << "--revision: '0' is not a revision number (1, 2, ...)";
        QTest::addRow("report env") << "report dev/shop/checkout --env dev -o r.md"
                                    << "report does not take --env";
        QTest::addRow("report two") << "report dev/shop/a dev/shop/b -o r.md"
                                    << "report: unexpected argument 'dev/shop/b'";
        QTest::addRow("record output") << "record -o json"
                                       << "record does not take --output";
        QTest::addRow("record since") << "record --since 1h"
                                      << "record does not take --since";
        QTest::addRow("record env and context") << "record --env a --context b"
                                                << "--context and --env cannot be combined";
        QTest::addRow("since with get") << "get rollouts --since 1h"
                                        << "--since is only valid with history";
        QTest::addRow("revision with undo") << "undo a --revision 2"
                                            << "--revision is only valid with report";
        QTest::addRow("history file in gui")
            << "--history-file /h"
            << "--history-file is only valid with history, report, record, gate check";
    }

    void parseErrors()
    {
        QFETCH(QString, line);
        QFETCH(QString, error);
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(QStringList {QStringLiteral("rd")}
                                        + line.split(u' ', Qt::SkipEmptyParts),
                                    &options, &text),
                 CommandLine::Result::Error);
        QCOMPARE(text, error);
    }

    void times()
    {
        const QDateTime now = utc("2026-12-05T14:03:00Z");
        const auto time = [&](const char *text) {
            QDateTime out;
            return HistoryCommandLine::parseTime(QString::fromLatin1(text), now, &out)
                ? out
                : QDateTime();
        };
        QCOMPARE(time("24h"), utc("2026-12-04T14:03:00Z"));
        QCOMPARE(time("7d"), utc("2026-11-28T14:03:00Z"));
        QCOMPARE(time("30m"), utc("2026-12-05T13:33:00Z"));
        QCOMPARE(time("1h30m"), utc("2026-12-05T12:33:00Z"));
        QCOMPARE(time("2w"), utc("2026-11-21T14:03:00Z"));
        QCOMPARE(time("45s"), utc("2026-12-05T14:02:15Z"));
        QCOMPARE(time("2026-12-01"), utc("2026-12-01T00:00:00Z"));
        QCOMPARE(time("2026-12-01T10:00:00Z"), utc("2026-12-01T10:00:00Z"));
        QCOMPARE(time("2026-12-01T10:00:00.5+01:00"), utc("2026-12-01T09:00:00.500Z"));
        QCOMPARE(time("2026-12-05 14:03"), utc("2026-12-05T14:03:00Z")); // as the table prints
        QCOMPARE(time("2026-12-05T14:03"), utc("2026-12-05T14:03:00Z"));
        for (const char *bad : {"", "h", "24", "-1h", "1y", "2026-13-01", "yesterday", "1h 30m"})
            QVERIFY2(!time(bad).isValid(), bad);
    }

    void headless()
    {
        for (const char *word : {"history", "report", "record"}) {
            QByteArray program("rd"), option("--history-file"), value("record"), command(word);
            char *argv[] = {program.data(), option.data(), value.data(), command.data()};
            QVERIFY(CommandLine::isHeadless(4, argv));
            QCOMPARE(CommandLine::headlessCommand(4, argv), QString::fromLatin1(word));
            QVERIFY(CommandLine::headlessCommands().contains(QString::fromLatin1(word)));
        }
        QByteArray program("rd"), help("--help"), report("report");
        char *argv[] = {program.data(), help.data(), report.data()};
        QVERIFY(CommandLine::isHeadless(3, argv));
        QCOMPARE(CommandLine::headlessCommand(3, argv), QString());
    }
};

QTEST_GUILESS_MAIN(TestHistoryCliOptions)
#include "tst_historyclioptions.moc"

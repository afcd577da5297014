// SPDX-License-Identifier: GPL-3.0-or-later
// The command line: modes, options, and the exact message of every usage error.
#include "commandline.h"

#include <QRegularExpression>
#include <QTest>

#include <vector>

namespace {

QStringList args(const QString &line)
{
    QStringList result = {QStringLiteral("release-dashboard")};
    if (!line.isEmpty())
        result += line.split(u' ');
    return result;
}

bool isHeadlessLine(const QString &line)
{
    const QStringList list = args(line);
    std::vector<QByteArray> storage;
    for (const QString &arg : list)
        storage.push_back(arg.toUtf8());
    std::vector<char *> argv;
    for (QByteArray &arg : storage)
        argv.push_back(arg.data());
    return CommandLine::isHeadless(int(argv.size()), argv.data());
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void gui()
    {
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(QStringLiteral("--demo --lang zh_CN --read-only")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::Gui);
        QVERIFY(options.demo);
        QVERIFY(options.readOnly);
        QCOMPARE(options.language, QStringLiteral("zh_CN"));
        QVERIFY(!options.isHeadless());

        QCOMPARE(CommandLine::parse(args(QStringLiteral("--kubeconfig /k --config /c")), &options,
                                    &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.kubeconfig, QStringLiteral("/k"));
        QCOMPARE(options.config, QStringLiteral("/c"));
        QVERIFY(!options.demo);

        QCOMPARE(CommandLine::parse(args(QStringLiteral("--demo --select prod/shop/checkout")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.select, QStringLiteral("prod/shop/checkout"));
        QVERIFY(!options.showReleases);

        QCOMPARE(CommandLine::parse(args(QStringLiteral("--demo --releases")), &options, &text),
                 CommandLine::Result::Ok);
        QVERIFY(options.showReleases);
    }

    void getRollouts()
    {
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(QStringLiteral("get rollouts -A -o json --demo")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::GetRollouts);
        QVERIFY(options.allNamespaces);
        QCOMPARE(options.output, CommandLineOptions::Output::Json);
        QVERIFY(options.demo);

        QCOMPARE(CommandLine::parse(args(QStringLiteral("get ro -n shop --env prod -o wide")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::GetRollouts);
        QCOMPARE(options.namespaceName, QStringLiteral("shop"));
        QCOMPARE(options.environment, QStringLiteral("prod"));
        QCOMPARE(options.output, CommandLineOptions::Output::Wide);

        // Options may come before the command, as with kubectl.
        QCOMPARE(CommandLine::parse(args(QStringLiteral("--context dev get rollouts.argoproj.io")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.context, QStringLiteral("dev"));
        QCOMPARE(options.output, CommandLineOptions::Output::Table);
        QVERIFY(!options.allNamespaces);
    }

    void getRollout()
    {
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(QStringLiteral("get rollout checkout -n shop -o json")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::GetRollout);
        QCOMPARE(options.name, QStringLiteral("checkout"));
        QCOMPARE(options.namespaceName, QStringLiteral("shop"));
        // kubectl's "get rollouts NAME" works too.
        QCOMPARE(CommandLine::parse(args(QStringLiteral("get rollouts checkout")), &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::GetRollout);
        QCOMPARE(options.name, QStringLiteral("checkout"));
    }

    void actions()
    {
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(QStringLiteral("pause checkout -n shop --env prod")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::Action);
        QCOMPARE(options.action, RolloutAction::Pause);
        QCOMPARE(options.name, QStringLiteral("checkout"));
        QCOMPARE(options.namespaceName, QStringLiteral("shop"));
        QCOMPARE(options.environment, QStringLiteral("prod"));
        QVERIFY(options.isHeadless());

        QCOMPARE(CommandLine::parse(args(QStringLiteral("promote api --full --context c")),
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.action, RolloutAction::PromoteFull);
        QCOMPARE(options.context, QStringLiteral("c"));

        QCOMPARE(
            CommandLine::parse(args(QStringLiteral("undo api --to-revision 4")), &options, &text),
            CommandLine::Result::Ok);
        QCOMPARE(options.action, RolloutAction::Undo);
        QCOMPARE(options.toRevision, 4);
    }

    // --wait is a flag; its bound is --timeout DURATION (Go's syntax), 60 s without it.
    void wait_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("wait");
        QTest::addColumn<qint64>("timeoutMs");
        QTest::addRow("no wait") << "pause a" << false << qint64(60000);
        QTest::addRow("default") << "pause a --wait" << true << qint64(60000);
        QTest::addRow("seconds") << "resume a --wait --timeout 90s" << true << qint64(90000);
        QTest::addRow("attached") << "abort a --timeout=2m --wait" << true << qint64(120000);
        QTest::addRow("before the command")
            << "--wait --timeout 1m30s promote a --full" << true << qint64(90000);
        QTest::addRow("lowest") << "retry a --wait --timeout 1s" << true << qint64(1000);
        QTest::addRow("fraction") << "restart a --wait --timeout 1.5s" << true << qint64(1500);
        QTest::addRow("highest") << "undo a --wait --timeout 1h" << true << qint64(3600000);
    }

    void wait()
    {
        QFETCH(QString, line);
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(line), &options, &text), CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::Action);
        QTEST(options.wait, "wait");
        QTEST(options.waitTimeoutMs, "timeoutMs");
    }

    void waitErrors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::addRow("no unit") << "pause a --wait --timeout 90"
                                 << "--timeout: '90' is not a duration (e.g. 90s, 2m, 1m30s)";
        QTest::addRow("words") << "pause a --wait --timeout soon"
                               << "--timeout: 'soon' is not a duration (e.g. 90s, 2m, 1m30s)";
        QTest::addRow("too short") << "pause a --wait --timeout 999ms"
                                   << "--timeout: 999ms is outside 1s to 1h";
        QTest::addRow("too long") << "pause a --wait --timeout 1h0m1s"
                                  << "--timeout: 1h0m1s is outside 1s to 1h";
        QTest::addRow("negative") << "pause a --wait --timeout=-5s"
                                  << "--timeout: -5s is outside 1s to 1h";
        QTest::addRow("zero") << "pause a --wait --timeout 0"
                              << "--timeout: 0 is outside 1s to 1h";
        QTest::addRow("timeout alone") << "pause a --timeout 30s"
                                       << "--timeout is only valid with --wait";
        QTest::addRow("value after wait")
            << "pause a --wait 90s"
            << "--wait takes no value: give the time with --timeout 90s";
        QTest::addRow("wait with get") << "get rollouts --wait"
                                       << "--wait is only valid with an action command";
        QTest::addRow("timeout in gui") << "--timeout 5s"
                                        << "--timeout is only valid with an action command";
        QTest::addRow("wait with history") << "history --wait"
                                           << "history does not take --wait";
    }

    void waitErrors()
    {
        QFETCH(QString, line);
        QFETCH(QString, error);
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(line), &options, &text), CommandLine::Result::Error);
        QCOMPARE(text, error);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::addRow("unknown option") << "--bogus"
                                        << "Unknown option 'bogus'.";
        QTest::addRow("missing value") << "--config"
                                       << "Missing value after '--config'.";
        QTest::addRow("unknown command")
            << "list rollouts"
            << "unknown command 'list' (commands: get, pause, resume, promote, abort, "
               "retry, restart, undo, history, report, record, gate, app, halt)";
        QTest::addRow("gate without check") << "gate"
                                            << "gate: name what to do: gate check";
        QTest::addRow("gate unknown") << "gate run"
                                      << "gate: unknown command 'run' (commands: check)";
        QTest::addRow("gate without rollout")
            << "gate check --env prod"
            << "gate check: name the rollout with --rollout NAMESPACE/NAME";
        QTest::addRow("gate rollout form") << "gate check --rollout checkout"
                                           << "--rollout: 'checkout' is not NAMESPACE/NAME";
        QTest::addRow("gate foreign option") << "gate check --rollout shop/checkout -A"
                                             << "gate check does not take --all-namespaces";
        QTest::addRow("rollout without gate") << "get rollouts --rollout shop/checkout"
                                              << "--rollout is only valid with gate check";
        QTest::addRow("action without name") << "pause"
                                             << "pause: the rollout's NAME is missing";
        QTest::addRow("action two names") << "abort a b"
                                          << "abort: unexpected argument 'b'";
        QTest::addRow("full without promote") << "abort a --full"
                                              << "--full is only valid with promote";
        QTest::addRow("full with get") << "get rollouts --full"
                                       << "--full is only valid with an action command";
        QTest::addRow("to-revision without undo") << "pause a --to-revision 2"
                                                  << "--to-revision is only valid with undo";
        QTest::addRow("bad revision")
            << "undo a --to-revision two"
            << "--to-revision: 'two' is not a revision number (1, 2, ...)";
        QTest::addRow("select not a path") << "--select prod/checkout"
                                           << "--select: 'prod/checkout' is not ENV/NAMESPACE/NAME";
        QTest::addRow("select with a command")
            << "get rollouts --select a/b/c"
            << "--select is only valid without a command (it opens the window)";
        QTest::addRow("releases with a command")
            << "get rollouts --releases"
            << "--releases is only valid without a command (it opens the window)";
        QTest::addRow("action with -A") << "retry a -A"
                                        << "retry: -A and -o are only valid with get";
        QTest::addRow("get nothing")
            << "get"
            << "get: name a resource: rollouts, rollout NAME or applications";
        QTest::addRow("get pods") << "get pods"
                                  << "get: unknown resource 'pods' (known: rollouts, applications)";
        QTest::addRow("rollout without name") << "get rollout"
                                              << "get rollout: the rollout's NAME is missing";
        QTest::addRow("rollout two names") << "get rollout a b"
                                           << "get rollout: unexpected argument 'b'";
        QTest::addRow("-A and -n") << "get rollouts -A -n shop"
                                   << "-A and -n cannot be combined";
        QTest::addRow("rollout -A")
            << "get rollout a -A"
            << "get rollout NAME: -A cannot be used; name the namespace with -n";
        QTest::addRow("context and env") << "get rollouts --context a --env b"
                                         << "--context and --env cannot be combined";
        QTest::addRow("bad output")
            << "get rollouts -o yaml"
            << "-o: unknown output format 'yaml' (formats: table, wide, json)";
        QTest::addRow("get option in gui")
            << "-n shop"
            << "--namespace is only valid with a command (get, pause, ...)";
        QTest::addRow("output in gui") << "-o json"
                                       << "--output is only valid with a command (get, pause, ...)";
        QTest::addRow("demo and kubeconfig")
            << "--demo --kubeconfig /k"
            << "--demo and --kubeconfig cannot be combined: the demo writes its own kubeconfig";
    }

    void errors()
    {
        QFETCH(QString, line);
        QFETCH(QString, error);
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(line), &options, &text), CommandLine::Result::Error);
        QCOMPARE(text, error);
    }

    void helpAndVersion()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
        CommandLineOptions options;
        QString text;
        QCOMPARE(CommandLine::parse(args(QStringLiteral("--help")), &options, &text),
                 CommandLine::Result::Help);
        QVERIFY(text.contains(QStringLiteral("get rollouts [-A | -n NS]")));
        QVERIFY(text.contains(QStringLiteral("--demo")));
        QCOMPARE(CommandLine::parse(args(QStringLiteral("--version")), &options, &text),
                 CommandLine::Result::Version);
        QCOMPARE(text, QStringLiteral("release-dashboard 0.1.0\n"));
    }

    void isHeadless_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("headless");
        QTest::addRow("nothing") << "" << false;
        QTest::addRow("demo") << "--demo" << false;
        QTest::addRow("get") << "get rollouts" << true;
        QTest::addRow("options first") << "--config /c --demo get rollouts" << true;
        QTest::addRow("value named get") << "--config get" << false;
        QTest::addRow("namespace get") << "-n get" << false;
        QTest::addRow("after --") << "-- get" << true;
        QTest::addRow("other word") << "list" << false;
        QTest::addRow("pause") << "--env prod pause checkout" << true;
        QTest::addRow("undo after revision") << "--to-revision 3 undo checkout" << true;
        QTest::addRow("pause after timeout") << "--timeout 30s --wait pause checkout" << true;
        QTest::addRow("timeout get") << "--timeout get" << false;
        QTest::addRow("help") << "--help" << true;
        QTest::addRow("version after demo") << "--demo --version" << true;
        QTest::addRow("short help") << "-h" << true;
    }

    void isHeadless()
    {
        QFETCH(QString, line);
        QFETCH(bool, headless);
        QCOMPARE(isHeadlessLine(line), headless);
    }

    // The pre-scan knows every option that takes a value: each one --help shows with a
    // <VALUE>, given the value "get", leaves no command (else the window would be skipped, or
    // a command taken for the window, before the parser runs).
    void preScanSkipsEveryValue()
    {
        CommandLineOptions options;
        QString help;
        QCOMPARE(CommandLine::parse(args(QStringLiteral("--help")), &options, &help),
                 CommandLine::Result::Help);
        static const QRegularExpression option(QStringLiteral("^\\s+(?:-(\\w), )?--([\\w-]+) <"),
                                               QRegularExpression::MultilineOption);
        QStringList names;
        for (auto it = option.globalMatch(help); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            names.append(QStringLiteral("--") + match.captured(2));
            if (match.hasCaptured(1))
                names.append(QStringLiteral("-") + match.captured(1));
        }
        QVERIFY(names.contains(QStringLiteral("--timeout")));
        QVERIFY(names.contains(QStringLiteral("-n")));
        for (const QString &name : std::as_const(names))
            QVERIFY2(!isHeadlessLine(name + QStringLiteral(" get")), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"

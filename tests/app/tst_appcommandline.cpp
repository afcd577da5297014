// SPDX-License-Identifier: GPL-3.0-or-later
// The command line of `get applications` and `app sync|rollback|terminate`: what each sets,
// and the exact message of every usage error.
#include "commandline.h"

#include <QTest>

namespace {

QStringList args(const QString &line)
{
    return QStringList {QStringLiteral("release-dashboard")} + line.split(u' ');
}

CommandLineOptions parsed(const QString &line)
{
    CommandLineOptions options;
    QString text;
    if (CommandLine::parse(args(line), &options, &text) != CommandLine::Result::Ok)
        qFatal("%s: %s", qPrintable(line), qPrintable(text));
    return options;
}

} // namespace

class TestAppCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void getApplications()
    {
        CommandLineOptions options = parsed(QStringLiteral("get applications"));
        QCOMPARE(options.mode, CommandLineOptions::Mode::GetApplications);
        QCOMPARE(options.output, CommandLineOptions::Output::Table);
        options = parsed(QStringLiteral("--demo get apps --env dev --instance central -o wide"));
        QCOMPARE(options.mode, CommandLineOptions::Mode::GetApplications);
        QCOMPARE(options.environment, QStringLiteral("dev"));
        QCOMPARE(options.instance, QStringLiteral("central"));
        QCOMPARE(options.output, CommandLineOptions::Output::Wide);
        QCOMPARE(parsed(QStringLiteral("get application -o json")).output,
                 CommandLineOptions::Output::Json);
    }

    void sync()
    {
        const CommandLineOptions options = parsed(
            QStringLiteral("app sync cart-dev --env dev --revision v2 --prune --dry-run --yes"));
        QCOMPARE(options.mode, CommandLineOptions::Mode::AppAction);
        QCOMPARE(options.app.kind, AppActionOptions::Kind::Sync);
        QCOMPARE(options.name, QStringLiteral("cart-dev"));
        QCOMPARE(options.app.revision, QStringLiteral("v2"));
        QVERIFY(options.app.prune);
        QVERIFY(options.app.dryRun);
        QVERIFY(options.app.yes);
        QVERIFY(options.isHeadless());
    }

    void rollbackAndTerminate()
    {
        CommandLineOptions options = parsed(QStringLiteral("app rollback checkout-prod 3 --yes"));
        QCOMPARE(options.app.kind, AppActionOptions::Kind::Rollback);
        QCOMPARE(options.app.historyId, 3);
        QVERIFY(!options.app.dryRun);
        options = parsed(QStringLiteral("app terminate-op checkout-prod --instance central"));
        QCOMPARE(options.app.kind, AppActionOptions::Kind::Terminate);
        QCOMPARE(options.instance, QStringLiteral("central"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::addRow("app alone") << "app"
                                   << "app: name what to do: sync, rollback or terminate";
        QTest::addRow("app unknown")
            << "app delete x"
            << "app: unknown command 'delete' (commands: sync, rollback, terminate)";
        QTest::addRow("sync without name") << "app sync"
                                           << "app sync: the application's NAME is missing";
        QTest::addRow("sync two names") << "app sync a b"
                                        << "app sync: unexpected argument 'b'";
        QTest::addRow("rollback without id")
            << "app rollback a"
            << "app rollback: the history ID is missing (app rollback NAME ID)";
        QTest::addRow("rollback bad id") << "app rollback a two"
                                         << "app rollback: 'two' is not a history ID (0, 1, ...)";
        QTest::addRow("rollback revision") << "app rollback a 1 --revision v2"
                                           << "app rollback does not take --revision";
        QTest::addRow("terminate dry-run") << "app terminate a --dry-run"
                                           << "app terminate does not take --dry-run";
        QTest::addRow("app output") << "app sync a -o json"
                                    << "app sync does not take --output";
        QTest::addRow("app namespace") << "app sync a -n shop"
                                       << "app sync does not take --namespace";
        QTest::addRow("get prune") << "get applications --prune"
                                   << "get applications does not take --prune";
        QTest::addRow("get context") << "get applications --context dev"
                                     << "get applications does not take --context";
        QTest::addRow("get two envs") << "get applications --env a --env b"
                                      << "get applications: give --env once";
        QTest::addRow("get extra") << "get applications x"
                                   << "get applications: unexpected argument 'x'";
        QTest::addRow("get bad output")
            << "get applications -o yaml"
            << "-o: unknown output format 'yaml' (formats: table, wide, json)";
        QTest::addRow("instance elsewhere")
            << "get rollouts --instance a"
            << "--instance is only valid with get applications and app";
        QTest::addRow("yes with an action") << "pause a --yes"
                                            << "--yes is only valid with get applications and app";
        QTest::addRow("prune with history")
            << "history --prune"
            << "--prune is only valid with get applications and app";
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

    // The argv pre-scan skips --instance's value, so the command after it is still found.
    void headless()
    {
        QCOMPARE(CommandLine::headlessCommands().contains(QStringLiteral("app")), true);
        QByteArray program("release-dashboard"), instance("--instance"), value("x"), app("app");
        char *argv[] = {program.data(), instance.data(), value.data(), app.data()};
        QCOMPARE(CommandLine::headlessCommand(4, argv), QStringLiteral("app"));
    }
};

QTEST_GUILESS_MAIN(TestAppCommandLine)
#include "tst_appcommandline.moc"

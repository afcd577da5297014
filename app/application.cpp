// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "appearance.h"
#include "fleetsession.h"

#include "actioncommand.h"
#include "appactioncommand.h"
#include "applicationscommand.h"
#include "canarycommand.h"
#include "commandline.h"
#include "dashboardresources.h"
#include "fleetsetup.h"
#include "gatecommand.h"
#include "getcommand.h"
#include "historycommand.h"
#include "mainwindow.h"
#include "metricscontroller.h"
#include "recordcommand.h"
#include "reportcommand.h"
#include "startuptrace.h"
#include "translationloader.h"
#include "versioninfo.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>

#include <csignal>
#include <cstdio>

#include <curl/curl.h>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("release-dashboard"));
    QCoreApplication::setApplicationName(QStringLiteral("release-dashboard"));
    QCoreApplication::setApplicationVersion(VersionInfo::application());
}

int runWindow(const CommandLineOptions &options)
{
    QGuiApplication::setApplicationDisplayName(
        QCoreApplication::translate("Application", "Release Dashboard"));
    // The .desktop file's name, so desktops match the window to its entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("release-dashboard"));
    initDashboardResources(); // the icons (a static library's resources register on demand)
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/release-dashboard-%1.png").arg(size),
                     QSize(size, size));
    QGuiApplication::setWindowIcon(icon);
    ThemeColours::Theme theme = Appearance::savedTheme();
    if (!options.theme.isEmpty())
        ThemeColours::themeFromName(options.theme, &theme);
    // Before any widget exists: style sheets and colours are taken from it as they are made.
    Appearance::apply(theme);
    MainWindow window;
    // After the window: it stops the window's fetchers before its demo fleet goes away.
    FleetSession session(&window, options);
    session.start();
    window.show();
    StartupTrace::watch(&window);
    const int code = QCoreApplication::exec();
    window.stopFetching();
    return code;
}

} // namespace

int Application::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CommandLineOptions options;
    QString text;
    // First pass for --lang: the help and the errors of the second pass are translated.
    CommandLine::Result result = CommandLine::parse(arguments, &options, &text);
    if (result == CommandLine::Result::Ok)
        TranslationLoader::install(QCoreApplication::instance(), options.language);
    result = CommandLine::parse(arguments, &options, &text);
    switch (result) {
    case CommandLine::Result::Help:
    case CommandLine::Result::Version:
        out << text;
        out.flush();
        return 0;
    case CommandLine::Result::Error:
        err << QStringLiteral("release-dashboard: ") << text << Qt::endl
            << QCoreApplication::translate("Application", "Try 'release-dashboard --help'.")
            << Qt::endl;
        return GetCommand::UsageError;
    case CommandLine::Result::Ok:
        break;
    }
    switch (options.mode) {
    case CommandLineOptions::Mode::Action:
        return ActionCommand::run(options, out, err);
    case CommandLineOptions::Mode::History:
        return HistoryCommand::run(options, out, err);
    case CommandLineOptions::Mode::Report:
        return ReportCommand::run(options, out, err);
    case CommandLineOptions::Mode::Record:
        return RecordCommand::run(options, out, err);
    case CommandLineOptions::Mode::GateCheck:
        return GateCommand::run(options, out, err);
    case CommandLineOptions::Mode::GetApplications:
        return ApplicationsCommand::run(options, out, err);
    case CommandLineOptions::Mode::AppAction:
        return AppActionCommand::run(options, out, err);
    case CommandLineOptions::Mode::GetCanaries:
        return CanaryCommand::get(options, out, err);
    case CommandLineOptions::Mode::Gui:
    case CommandLineOptions::Mode::GetRollouts:
    case CommandLineOptions::Mode::GetRollout:
        break;
    }
    if (options.isHeadless())
        return GetCommand::run(options, out, err);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        err << QStringLiteral("release-dashboard: the window needs a QApplication") << Qt::endl;
        return GetCommand::UsageError;
    }
    return runWindow(options);
}

int Application::main(int argc, char **argv)
{
    StartupTrace::begin();
    // Writes to a closed socket or to the stdin of an rd-sim child that ended fail with EPIPE
    // instead of ending the app.
    std::signal(SIGPIPE, SIG_IGN);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    setIdentity();
    int code = 0;
    {
        QTextStream out(stdout);
        QTextStream err(stderr);
        if (CommandLine::headlessCommand(argc, argv) == QLatin1String("report")) {
            // A PDF is laid out with fonts, which need a QGuiApplication, but never shown:
            // the offscreen platform works without a display (a server, a CI job, ssh).
            // A platform the user chose is kept.
            if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            code = run(QGuiApplication::arguments(), out, err);
        } else if (CommandLine::isHeadless(argc, argv)) {
            QCoreApplication app(argc, argv);
            code = run(QCoreApplication::arguments(), out, err);
        } else {
            QApplication app(argc, argv);
            code = run(QCoreApplication::arguments(), out, err);
        }
    }
    curl_global_cleanup();
    return code;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// soak: the real MainWindow (offscreen) against three rd-sim clusters in child processes for
// a while, under every fault rd-sim can inject, a simulator killed and restarted, event
// storms and pause/resume clicks; then a PASS/FAIL report: the models equal the servers'
// state, memory and threads stayed flat, every action has exactly one attempt and one
// outcome in the audit file and as many PATCHes as the server saw, and the window closes
// within 2 s while the exec credential plugin hangs. Not a ctest: run by hand
// (bench/README.md).
#include "actiondriver.h"
#include "faultschedule.h"
#include "resourcesampler.h"
#include "simchild.h"
#include "simprocess.h"
#include "soakkubeconfig.h"
#include "soakreport.h"
#include "statecheck.h"

#include "fleetfetcher.h"
#include "fleetmodel.h"
#include "kubeconfigloader.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace {

constexpr int kShutdownWatchdogSeconds = 120;

struct Options
{
    int seconds = 300;
    int periodSeconds = 25;
    int activeSeconds = 10;
    int actionSeconds = 6;
    int rollouts = 20;
    int settleSeconds = 90;
};

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Runs the event loop until done() or the timeout; true when done() became true.
template<typename F> bool waitUntil(F done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return true;
}

void runFor(int ms)
{
    waitUntil([] { return false; }, ms);
}

int runSoak(const Options &options)
{
    QStandardPaths::setTestModeEnabled(true); // the person's settings stay untouched
    QSettings().clear();
    QTemporaryDir dir;
    qputenv("RELEASE_DASHBOARD_AUDIT_FILE", dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    SoakReport report;
    QElapsedTimer clock;
    clock.start();

    // Three clusters: alpha (token, verified TLS), beta (the one killed and restarted: a new
    // process makes a new CA, so its kubeconfig entry skips verification), gamma (exec
    // plugin).
    const QString program = QCoreApplication::applicationFilePath();
    const QStringList names {QStringLiteral("alpha"), QStringLiteral("beta"),
                             QStringLiteral("gamma")};
    QList<SimProcess *> sims;
    QList<SoakCluster> clusters;
    for (const QString &name : names) {
        auto *sim = new SimProcess(program, name, freePort(), options.rollouts, qApp);
        QString error;
        if (!sim->start(60000, &error)) {
            std::fprintf(stderr, "soak: %s\n", qPrintable(error));
            return 2;
        }
        sims.append(sim);
        clusters.append(SoakCluster {name, sim->port(),
                                     name == QLatin1String("beta") ? QByteArray() : sim->caPem(),
                                     name == QLatin1String("gamma")});
    }
    SoakKubeconfig files(dir.path());
    const QString kubeconfigPath = files.write(clusters, 20);
    Kubeconfig kubeconfig;
    QString error;
    if (!KubeconfigLoader::load(KubeconfigSource::fromEnvironment(kubeconfigPath), &kubeconfig,
                                &error)) {
        std::fprintf(stderr, "soak: kubeconfig: %s\n", qPrintable(error));
        return 2;
    }
    QList<EnvironmentSpec> environments;
    for (const QString &name : names) {
        EnvironmentSpec spec;
        spec.name = name;
        spec.context = name;
        spec.order = int(environments.size());
        environments.append(spec);
    }

    auto window = std::make_unique<MainWindow>();
    window->setFleet(kubeconfig, environments);
    window->show();
    QHash<QString, ConnectionState> states;
    QObject::connect(window->fetcher(), &FleetFetcher::stateChanged, qApp,
                     [&](const QString &environment, const ConnectionState &state) {
                         if (state.isError() && !states.value(environment).isError())
                             report.disconnections[environment] += 1;
                         states.insert(environment, state);
                     });
    QObject::connect(window->fetcher(), &FleetFetcher::workloadsChanged, qApp,
                     [&](const QString &, const WorkloadDeltaBatch &batch) {
                         ++report.batches;
                         report.changes += batch.changeCount();
                     });
    const auto allLive = [&] {
        for (const QString &name : names) {
            if (!states.value(name).isLive())
                return false;
        }
        return true;
    };
    if (!waitUntil(allLive, 60000)) {
        std::fprintf(stderr, "soak: the environments did not connect\n");
        return 2;
    }
    std::printf("soak: connected in %.1f s; running %d s\n", clock.elapsed() / 1000.0,
                options.seconds);
    std::fflush(stdout);

    ResourceSampler sampler(5000);
    FaultSchedule schedule(sims, sims.at(1), options.periodSeconds * 1000,
                           options.activeSeconds * 1000);
    QList<ActionDriver::Target> targets;
    for (int i = 0; i < 6; ++i) {
        for (const QString &name : names)
            targets.append({name, i % 2 ? QStringLiteral("search") : QStringLiteral("shop"),
                            QStringLiteral("svc-%1").arg(i, 2, 10, QLatin1Char('0'))});
    }
    ActionDriver actions(window.get(), targets, options.actionSeconds * 1000);
    sampler.start();
    schedule.start();
    actions.start();
    QElapsedTimer soakTimer;
    soakTimer.start();
    qint64 nextProgressMs = 60000;
    while (soakTimer.elapsed() < qint64(options.seconds) * 1000) {
        runFor(1000);
        if (soakTimer.elapsed() >= nextProgressMs) {
            nextProgressMs += 60000;
            int events = 0;
            for (SimProcess *sim : std::as_const(sims)) {
                sim->writes(2000);
                events += sim->events();
            }
            report.progress(soakTimer.elapsed(), sampler, actions, events);
        }
    }
    report.soakMs = soakTimer.elapsed();
    sampler.sampleNow();
    sampler.stop();
    actions.stop();
    schedule.stop();

    // Settle: no faults, clocks frozen (nothing changes any more), every environment live,
    // every action answered; then the model must equal each server within settleSeconds.
    for (SimProcess *sim : std::as_const(sims))
        sim->send("freeze");
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return allLive() && actions.allFinished(); }, options.settleSeconds * 1000);
    QList<StateCheck::Result> results;
    bool converged = false;
    while (!converged) {
        runFor(2000);
        results.clear();
        converged = true;
        for (const QString &name : names) {
            results.append(StateCheck::compare(kubeconfig, QStringLiteral("admin-") + name, name,
                                               *window->fleetModel()));
            converged = converged && results.last().ok;
        }
        if (settle.elapsed() > options.settleSeconds * 1000)
            break;
    }
    report.settleMs = settle.elapsed();
    report.stateResults = results;
    report.states = states;
    for (SimProcess *sim : std::as_const(sims)) {
        sim->flush();
        sim->writes();
    }
    report.resources = sampler.verdict();
    report.audit = actions.checkAudit(dir.filePath(QStringLiteral("audit.jsonl")));
    report.setActions(actions);
    report.setSims(sims);
    report.faults = schedule.injectedByKind();
    report.pluginRuns = files.pluginRuns();
    report.printBody();

    // Shutdown while the exec plugin hangs: the plugin now sleeps for an hour; watches of
    // gamma are dropped so the informers must ask for a credential once the cached one
    // (20 s) expires. Then the window is closed, as the person would.
    files.makePluginHang();
    sims.at(2)->send("fault drop 0 -1 0 1 1");
    sims.at(2)->send("bounce");
    const bool hanging = waitUntil([&] { return files.isPluginHanging(); }, 60000);
    report.shutdownStarted(hanging);
    // A shutdown that never ends must still end the soak, with its figure.
    std::mutex watchdogMutex;
    std::condition_variable watchdogDone;
    bool closed = false;
    std::thread watchdog([&] {
        std::unique_lock lock(watchdogMutex);
        if (!watchdogDone.wait_for(lock, std::chrono::seconds(kShutdownWatchdogSeconds),
                                   [&] { return closed; })) {
            std::printf("[FAIL] shutdown with a hanging exec plugin: not done after %d s\n"
                        "==== soak: FAIL ====\n",
                        kShutdownWatchdogSeconds);
            std::fflush(stdout);
            std::_Exit(1);
        }
    });
    QElapsedTimer shutdown;
    shutdown.start();
    window->close();
    window.reset(); // joins the fetcher's and the runner's threads
    report.shutdownMs = shutdown.elapsed();
    {
        std::lock_guard lock(watchdogMutex);
        closed = true;
    }
    watchdogDone.notify_one();
    watchdog.join();
    report.threadsAfterShutdown = ResourceSampler::threadCount();
    report.sleepPid = files.sleepPid();
    const bool passed = report.printShutdownAndVerdict();
    for (SimProcess *sim : std::as_const(sims))
        delete sim;
    return passed ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // --serve-sim: the child (simchild.cpp); no display, no GUI.
    if (argc > 1 && qstrcmp(argv[1], "--serve-sim") == 0) {
        QCoreApplication app(argc, argv);
        const QStringList args = app.arguments();
        SimChildOptions options;
        options.cluster = args.value(2);
        options.port = args.value(args.indexOf(QStringLiteral("--port")) + 1).toInt();
        options.rollouts = args.value(args.indexOf(QStringLiteral("--rollouts")) + 1).toInt();
        return runSimChild(options);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("release-dashboard-soak"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Soak test of the dashboard (bench/soak)."));
    parser.addHelpOption();
    const QCommandLineOption minutes(QStringLiteral("minutes"), QStringLiteral("Duration (5)."),
                                     QStringLiteral("N"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Duration in seconds (quick checks)."),
                                     QStringLiteral("N"));
    const QCommandLineOption period(QStringLiteral("period"),
                                    QStringLiteral("Seconds between faults (25)."),
                                    QStringLiteral("S"));
    const QCommandLineOption active(QStringLiteral("active"),
                                    QStringLiteral("Seconds each fault lasts (10)."),
                                    QStringLiteral("S"));
    const QCommandLineOption rollouts(QStringLiteral("rollouts"),
                                      QStringLiteral("Rollouts per cluster (20)."),
                                      QStringLiteral("N"));
    parser.addOptions({minutes, seconds, period, active, rollouts});
    parser.process(app);
    Options options;
    if (parser.isSet(minutes))
        options.seconds = parser.value(minutes).toInt() * 60;
    if (parser.isSet(seconds))
        options.seconds = parser.value(seconds).toInt();
    if (parser.isSet(period))
        options.periodSeconds = qMax(2, parser.value(period).toInt());
    if (parser.isSet(active))
        options.activeSeconds = qMax(1, parser.value(active).toInt());
    if (parser.isSet(rollouts))
        options.rollouts = qBound(2, parser.value(rollouts).toInt(), 99);
    options.activeSeconds = qMin(options.activeSeconds, options.periodSeconds - 1);
    return runSoak(options);
}

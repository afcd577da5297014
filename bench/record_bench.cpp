// SPDX-License-Identifier: GPL-3.0-or-later
// record_bench: issue 12's budget for the release record. Recording the 5-cluster fleet of
// fleet_bench through an event storm adds no GUI stall over budget (DESIGN.md: max <= 16 ms
// while 1,000 watch events/s arrive), and what the database costs per release.
//
// The fleet server (FleetServer, a child process) rewrites objects as live_bench's does and
// also runs releases through their canary steps (ReleaseStorm: new ReplicaSets, step and
// weight changes, a person's promote, AnalysisRuns gaining measurements, Events), so the
// recorder has releases, transitions, actions, measurements and events to write. The real
// MainWindow (offscreen) shows the fleet in sessions, in the order off, on, on, off (ABBA,
// so a drift of the machine's load or the server's size weighs on both alike):
//
// - off: no recorder at all (the window's own recording is ended before it starts: it would
//   otherwise write into $RELEASE_DASHBOARD_HISTORY_FILE, here a file in a temporary folder);
// - on: a HistoryRecorder connected to the fetcher exactly as app/releaserecording.cpp does
//   (FleetFetcher::workloadsChanged -> HistoryRecorder::record, the batch queued to the
//   recorder's thread; auditPath empty), from before the first list, so it has the catch-up.
//
// Each session waits for every list, lets the recorder write its catch-up, then measures the
// gaps of a 1 ms GUI-thread timer for --seconds while the storm goes on. Printed: the stall
// (max, p99, median) per session and per mode, the events that reached the window, rows
// and releases written, the recorder thread's CPU time, and the database's size (with its
// -wal) and bytes per release.
//
//   record_bench [--clusters N] [--rollouts N] [--churn N] [--releases N] [--seconds N]
//                [--rounds N] [--record FILE]
// --record FILE: the first recording session's database (the next ones FILE.2, ...), kept;
// by default they are in a temporary folder removed at the end. Exit code 1 when the stall
// with recording misses the budget, 2 when the fleet could not be reached.
#include "benchoptions.h"
#include "fleetserver.h"
#include "recordfigures.h"
#include "stallmeter.h"

#include "fleetfetcher.h"
#include "fleetmodel.h"
#include "historyrecorder.h"
#include "kubeconfigloader.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

using BenchOptions::intOption;
using BenchOptions::waitUntil;

constexpr double StallMaxBudgetMs = 16.0;

struct Fleet
{
    Kubeconfig kubeconfig;
    QList<EnvironmentSpec> environments;
    int rows = 0;
};

struct Session
{
    bool recording = false;
    QString databasePath;
    StallMeter::Result stall;
    double eventsPerSecond = 0;
    // Recording sessions only.
    DatabaseFigures afterCatchUp;
    DatabaseFigures atEnd; // before the recorder closed
    qint64 bytesClosed = 0; // the file after the recorder closed (WAL checkpointed)
    qint64 catchUpRows = 0;
    double catchUpCpuSeconds = 0;
    qint64 stormRows = 0; // written while the stall was measured
    qint64 stormReleaseRows = 0;
    int flushes = 0;
    double stormCpuSeconds = 0; // the recorder thread's, while the stall was measured
    double drainMs = 0; // flushNow() right after: what was still queued
};

// The recorder's counts, from its written() signal.
struct WriteCounter
{
    qint64 rows = 0;
    qint64 releases = 0;
    int flushes = 0;
};

Session runSession(const Fleet &fleet, bool recording, const QString &databasePath,
                   const QString &windowHistory, int seconds)
{
    Session session;
    session.recording = recording;
    session.databasePath = databasePath;
    auto window = std::make_unique<MainWindow>();
    window->resize(1600, 1000);
    window->setFleet(fleet.kubeconfig, fleet.environments);
    // Ends the recording the window started in setFleet (a new file starts recording only
    // with the next setFleet): "off" has no recorder, and "on" has only ours.
    window->setHistoryFile(windowHistory);

    std::unique_ptr<HistoryRecorder> recorder;
    WriteCounter written;
    if (recording) {
        HistoryRecorderOptions options;
        options.databasePath = databasePath;
        recorder = std::make_unique<HistoryRecorder>(options);
        QObject::connect(recorder.get(), &HistoryRecorder::written,
                         [&written](int releases, int rows) {
                             written.rows += rows;
                             written.releases += releases;
                             ++written.flushes;
                         });
        QObject::connect(recorder.get(), &HistoryRecorder::writeFailed, [](const QString &error) {
            std::fprintf(stderr, "record_bench: write failed: %s\n", qPrintable(error));
        });
        recorder->start();
        // As app/releaserecording.cpp: batches go straight from the fetcher to the recorder.
        QObject::connect(window->fetcher(), &FleetFetcher::workloadsChanged, recorder.get(),
                         &HistoryRecorder::record);
    }
    window->show();
    qint64 events = 0;
    QElapsedTimer lastListBatch;
    lastListBatch.start();
    QObject::connect(window->fetcher(), &FleetFetcher::workloadsChanged, window.get(),
                     [&](const QString &, const WorkloadDeltaBatch &batch) {
                         events += batch.changeCount();
                         if (batch.reset || batch.changeCount() > 500)
                             lastListBatch.restart();
                     });
    const FleetModel &model = *window->fleetModel();
    if (!waitUntil([&] { return model.rowCount() >= fleet.rows; }, 600000)) {
        std::fprintf(stderr, "record_bench: %d of %d rows after 10 minutes\n", model.rowCount(),
                     fleet.rows);
        std::exit(2);
    }
    waitUntil([&] { return lastListBatch.elapsed() > 5000; }, 600000);

    if (recorder) {
        recorder->flushNow(); // the catch-up is written before the storm is measured
        session.catchUpRows = written.rows;
        session.catchUpCpuSeconds = threadCpuSeconds(QStringLiteral("history"));
        session.afterCatchUp = databaseFigures(databasePath);
        written = WriteCounter();
    }
    const qint64 eventsBefore = events;
    session.stall = StallMeter::measure(seconds * 1000);
    session.eventsPerSecond = double(events - eventsBefore) / seconds;
    if (recorder) {
        session.stormRows = written.rows;
        session.stormReleaseRows = written.releases;
        session.flushes = written.flushes;
        session.stormCpuSeconds
            = threadCpuSeconds(QStringLiteral("history")) - session.catchUpCpuSeconds;
        QElapsedTimer drain;
        drain.start();
        recorder->flushNow();
        session.drainMs = double(drain.nsecsElapsed()) / 1e6;
        session.atEnd = databaseFigures(databasePath);
        recorder.reset(); // writes nothing more, checkpoints and closes
        session.bytesClosed = fileBytes(databasePath) + fileBytes(databasePath + "-wal");
    }
    window.reset();
    QCoreApplication::processEvents();
    return session;
}

void printSession(int index, const Session &s, int seconds)
{
    std::printf("session %d, %-13s %6.0f events/s  stall max %6.2f  p99 %5.2f  median %5.2f ms\n",
                index + 1, s.recording ? "recording:" : "no recorder:", s.eventsPerSecond,
                s.stall.maxGapMs, s.stall.p99GapMs, s.stall.medianGapMs);
    if (!s.recording)
        return;
    std::printf("    catch-up: %lld rows (%lld releases, %.1f MB in use), recorder CPU %.2f s\n",
                s.catchUpRows, s.afterCatchUp.releases, s.afterCatchUp.usedBytes / 1e6,
                s.catchUpCpuSeconds);
    std::printf("    storm: %lld rows in %d transactions (%.0f rows/s, %lld release rows), "
                "recorder CPU %.2f s (%.1f %% of a core, %.0f rows per CPU second), "
                "left queued at the end: %.1f ms\n",
                s.stormRows, s.flushes, double(s.stormRows) / seconds, s.stormReleaseRows,
                s.stormCpuSeconds, 100.0 * s.stormCpuSeconds / seconds,
                s.stormCpuSeconds > 0 ? double(s.stormRows) / s.stormCpuSeconds : 0.0, s.drainMs);
    std::printf("    database at the end: %s\n", qPrintable(describe(s.atEnd)));
    std::printf("    file after close (WAL checkpointed): %.1f MB\n", s.bytesClosed / 1e6);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    FleetServer::Options options = FleetServer::Options::fromArguments(args);
    // About 1,000 watch events/s in all: the churn and ~18 writes per release.
    if (!args.contains(QStringLiteral("--churn")))
        options.churnPerSecond = 800;
    if (!args.contains(QStringLiteral("--releases")))
        options.releasesPerSecond = 10;
    if (args.contains(QStringLiteral("--serve"))) {
        QCoreApplication app(argc, argv);
        return FleetServer::serve(options);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int seconds = std::max(5, intOption(args, QStringLiteral("--seconds"), 20));
    const int rounds = std::max(1, intOption(args, QStringLiteral("--rounds"), 2));
    QTemporaryDir temporary;
    const qsizetype recordAt = args.indexOf(QStringLiteral("--record"));
    const QString firstDatabase = recordAt >= 0 && recordAt + 1 < args.size()
        ? args.at(recordAt + 1)
        : temporary.filePath(QStringLiteral("history.sqlite"));
    // The window's own recording and audit log stay in the temporary folder, never the
    // user's data folder.
    qputenv("RELEASE_DASHBOARD_HISTORY_FILE",
            temporary.filePath(QStringLiteral("window-history.sqlite")).toLocal8Bit());
    qputenv("RELEASE_DASHBOARD_AUDIT_FILE",
            temporary.filePath(QStringLiteral("audit.jsonl")).toLocal8Bit());

    const StallMeter::Result idle = StallMeter::measure(2000);
    QProcess server;
    const QString kubeconfigPath = FleetServer::start(server, options);
    Fleet fleet;
    QString error;
    KubeconfigSource source;
    source.explicitPath = kubeconfigPath;
    if (kubeconfigPath.isEmpty() || !KubeconfigLoader::load(source, &fleet.kubeconfig, &error)) {
        std::fprintf(stderr, "record_bench: the fleet did not start %s\n", qPrintable(error));
        return 2;
    }
    for (int i = 0; i < options.clusters; ++i) {
        EnvironmentSpec spec;
        spec.name = FleetServer::clusterName(i);
        spec.context = spec.name;
        spec.order = i;
        fleet.environments.append(spec);
    }
    fleet.rows = options.clusters * options.rollouts;

    QList<Session> sessions;
    int recordings = 0;
    for (int round = 0; round < rounds; ++round) {
        for (int half = 0; half < 2; ++half) {
            const bool recording = (round % 2 == 0) == (half == 1); // off, on, on, off, ...
            const QString path = !recording ? QString()
                : recordings++ == 0         ? firstDatabase
                                            : firstDatabase + u'.' + QString::number(recordings);
            for (const char *suffix : {"", "-wal", "-shm"}) {
                if (recording)
                    QFile::remove(path + QLatin1String(suffix));
            }
            sessions.append(runSession(
                fleet, recording, path,
                temporary.filePath(QStringLiteral("window-off-%1.sqlite").arg(sessions.size())),
                seconds));
            printSession(int(sessions.size()) - 1, sessions.constLast(), seconds);
            std::fflush(stdout);
        }
    }
    FleetServer::stop(server);

    std::printf("\nfleet: %d clusters x %d Rollouts, churn %d writes/s, %.0f releases/s; "
                "%d s per session\n",
                options.clusters, options.rollouts, options.churnPerSecond,
                options.releasesPerSecond, seconds);
    StallSummary on;
    StallSummary off;
    StorageSummary storage;
    for (const Session &s : std::as_const(sessions)) {
        (s.recording ? on : off).add(s.stall, s.eventsPerSecond);
        if (s.recording)
            storage.add(s.afterCatchUp, s.atEnd, s.stormRows, s.stormCpuSeconds, seconds);
    }
    std::printf("%-34s max %6.2f ms  p99 %5.2f ms  median %5.2f ms  %5.0f events/s\n",
                "GUI stall with recording (worst)", on.maxMs, on.p99Ms, on.medianMs,
                on.eventsPerSecond());
    std::printf("%-34s max %6.2f ms  p99 %5.2f ms  median %5.2f ms  %5.0f events/s\n",
                "GUI stall without (peer)", off.maxMs, off.p99Ms, off.medianMs,
                off.eventsPerSecond());
    std::printf("%-34s max %6.2f ms  median %5.2f ms\n", "idle timer before the fleet",
                idle.maxGapMs, idle.medianGapMs);
    std::printf("%-34s %s\n", "storm releases", qPrintable(storage.describe()));
    const bool pass = on.maxMs <= StallMaxBudgetMs;
    std::printf(
        "RESULT\tGUI stall recording, max\t%.2f ms\t<= 16 ms\twithout recording %.2f ms\t%s\n",
        on.maxMs, off.maxMs, pass ? "PASS" : "MISS");
    std::printf("RESULT\tGUI stall recording, p99\t%.2f ms\t-\twithout recording %.2f ms\t-\n",
                on.p99Ms, off.p99Ms);
    std::printf("RESULT\thistory bytes per storm release\t%.0f B\t-\t%.0f rows per release\t-\n",
                storage.bytesPerRelease(), storage.rowsPerRelease());
    std::printf("RESULT\trecorder write throughput\t%.0f rows/s\t-\t%.0f rows per CPU second\t-\n",
                storage.rowsPerSecond(), storage.rowsPerCpuSecond());
    std::printf("%s\n", pass ? "budget met" : "BUDGET MISSED");
    return pass ? 0 : 1;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Fleet ingest against kubectl, in one run (DESIGN.md, "Performance budget"): 5 simulated
// clusters of 1,000 Rollouts, 3,000 ReplicaSets and 10,000 realistic pods each (--clusters
// and --rollouts change that, e.g. 20 clusters of 250 for the same objects over more
// environments). Ours is
// FleetFetcher (list + decode) feeding FleetModel (model build) until every row is there and
// sampled rollout details have all their pods; the peer is the machine's kubectl getting the
// same objects as JSON (each context in turn, as a user would, and all at once). Wall
// time, best of N rounds, interleaved so a busy machine slows each alike.
//
// The simulator runs in a child process (FleetServer: this program with --serve): it keeps 70,000
// objects as QJsonObjects, and in our process it would swamp the resident-memory figure, which is
// meant to be the dashboard's own. Both peers pay the same server, over the same HTTPS.
#include "fleetgenerator.h"
#include "fleetserver.h"
#include "procstatus.h"

#include "fleetfetcher.h"
#include "fleetmodel.h"
#include "kubeconfigloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr double kBudgetRatio = 5.0;
constexpr double kBudgetMegabytes = 300.0;

// MiB of a kB line of /proc/self/status ("VmHWM:   123456 kB").
double statusMegabytes(const char *field)
{
    return double(procStatusField(field)) / 1024.0;
}

struct Sample
{
    QString ns;
    QString name;
};

// Whether the rollout's detail has its three ReplicaSets and all its pods.
bool detailComplete(const FleetModel &model, const QString &environment, const Sample &sample)
{
    const QModelIndex index
        = model.indexOf(environment, FleetRow::Kind::Rollout, sample.ns, sample.name);
    const std::shared_ptr<const Rollout> rollout
        = index.isValid() ? model.rolloutAt(index.row()) : nullptr;
    if (!rollout)
        return false;
    const RolloutDetail detail = model.store().rolloutDetail(environment, rollout->metadata.uid);
    qsizetype pods = 0;
    for (const QList<Pod> &list : detail.podsByReplicaSetUid)
        pods += list.size();
    return detail.replicaSets.size() == FleetGenerator::replicaSetsPerRollout
        && pods == FleetGenerator::podsPerRollout;
}

// --stop-after-ingest: the figures of the first ingest (and the peak so far, with no kubectl
// rounds: quick to compare memory work), then the end of the process with the
// model, the fetcher and its informers alive, so that heaptrack's "leaked" memory is what
// the dashboard holds at the end of ingest (heaptrack_print -l). The simulator child ends
// when its standard input closes.
[[noreturn]] void stopWithEverythingAlive(double seconds, double resident, const HeapUsage &heap,
                                          double stallMs)
{
    std::printf("ingest %.3f s, resident %.1f MB (VmHWM %.1f MB), heap in use %.1f MB, malloc "
                "holds %.1f MB, longest GUI stall %.1f ms\n",
                seconds, resident, statusMegabytes("VmHWM"), double(heap.inUse) / (1024.0 * 1024.0),
                double(heap.held) / (1024.0 * 1024.0), stallMs);
    std::fflush(stdout);
    std::exit(0);
}

// One ingest of the whole fleet: seconds from start() until FleetModel has every row and
// the sampled details are complete in every environment; -1 on timeout.
double ingestOnce(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                  int rollouts, double *residentAtEnd, HeapUsage *heapAtEnd, bool stopAtEnd)
{
    const QStringList spaces = FleetGenerator::namespaces();
    // The first (a paused canary with pods on two ReplicaSets) and the last Rollout.
    const QList<Sample> samples {
        {spaces.at(0), QStringLiteral("svc-0000")},
        {spaces.at((rollouts - 1) % spaces.size()),
         QStringLiteral("svc-%1").arg(rollouts - 1, 4, 10, QLatin1Char('0'))}};
    const qsizetype replicaSets = qsizetype(rollouts) * FleetGenerator::replicaSetsPerRollout;
    const qsizetype pods = qsizetype(rollouts) * FleetGenerator::podsPerRollout;

    FleetModel model;
    model.setEnvironments(environments);
    // --no-slices: every batch applied whole, as before slicing (for an A/B of the stall);
    // --slice-objects=N: another slice size than the model's default.
    for (const QString &argument : QCoreApplication::arguments()) {
        if (argument == QLatin1String("--no-slices"))
            model.setSliceObjects(std::numeric_limits<int>::max());
        else if (argument.startsWith(QLatin1String("--slice-objects=")))
            model.setSliceObjects(argument.section(QLatin1Char('='), 1).toInt());
    }
    FleetFetcher fetcher(kubeconfig, environments);
    struct Progress
    {
        qsizetype replicaSets = 0;
        qsizetype pods = 0;
        bool complete = false;
    };
    QHash<QString, Progress> progress;
    int complete = 0;
    double seconds = -1;
    double longestGapMs = 0;
    QElapsedTimer timer;
    QEventLoop loop;
    // Whether the environment holds everything; checked after each batch and after each
    // slice the model applies on a later turn (large batches are applied in slices).
    const auto check = [&](const QString &environment) {
        Progress &p = progress[environment];
        if (p.complete || model.hasPendingSlices(environment)
            || model.workloadCount(environment) < rollouts || p.replicaSets < replicaSets
            || p.pods < pods)
            return;
        for (const Sample &sample : samples) {
            if (!detailComplete(model, environment, sample))
                return;
        }
        p.complete = true;
        if (++complete == environments.size()) {
            seconds = double(timer.nsecsElapsed()) / 1e9;
            *residentAtEnd = statusMegabytes("VmRSS");
            *heapAtEnd = heapUsage();
            if (stopAtEnd)
                stopWithEverythingAlive(seconds, *residentAtEnd, *heapAtEnd, longestGapMs);
            loop.quit();
        }
    };
    QObject::connect(&fetcher, &FleetFetcher::workloadsChanged, &loop,
                     [&](const QString &environment, const WorkloadDeltaBatch &batch) {
                         model.applyBatch(environment, batch);
                         Progress &p = progress[environment];
                         if (batch.reset)
                             p = Progress();
                         p.replicaSets += batch.upserts<ReplicaSet>().size();
                         p.pods += batch.upserts<Pod>().size();
                         check(environment);
                     });
    QObject::connect(&model, &FleetModel::rolloutDetailsChanged, &loop,
                     [&](const QString &environment) { check(environment); });
    // The GUI thread's longest stall while the lists arrive: the gaps between the ticks of a
    // 1 ms timer (an initial list of 10,000 pods applied in one go was 100 ms and more).
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        longestGapMs = std::max(longestGapMs, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.start();
    });
    sinceTick.start();
    ticker.start();
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    timer.start();
    fetcher.start();
    loop.exec();
    fetcher.stop();
    ticker.stop();
    std::printf("longest GUI stall during ingest: %.1f ms\n", longestGapMs);
    if (seconds < 0) {
        for (const EnvironmentSpec &env : environments) {
            const Progress p = progress.value(env.name);
            std::fprintf(stderr,
                         "fleet_bench: timeout: %s has %d rows, %lld ReplicaSets, %lld pods\n",
                         qPrintable(env.name), model.workloadCount(env.name),
                         static_cast<long long>(p.replicaSets), static_cast<long long>(p.pods));
        }
    }
    return seconds;
}

// kubectl get of the same objects for every context, output to /dev/null; -1 on failure.
double kubectlOnce(const QString &kubeconfig, const QString &cacheDir, int clusters, bool parallel)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    bool ok = true;
    const auto finish = [&ok](QProcess &process) {
        process.waitForFinished(-1);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            std::fprintf(stderr, "fleet_bench: kubectl failed: %s\n",
                         process.readAllStandardError().constData());
            ok = false;
        }
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < clusters; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setStandardOutputFile(QProcess::nullDevice());
        process->start(QStringLiteral("kubectl"),
                       {QStringLiteral("get"),
                        QStringLiteral("rollouts.argoproj.io,replicasets,pods"),
                        QStringLiteral("-A"), QStringLiteral("-o"), QStringLiteral("json"),
                        QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--context"),
                        FleetServer::clusterName(i), QStringLiteral("--cache-dir"), cacheDir});
        if (!parallel)
            finish(*process);
        processes.push_back(std::move(process));
    }
    if (parallel) {
        for (auto &process : processes)
            finish(*process);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return ok ? seconds : -1;
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const FleetServer::Options fleet = FleetServer::Options::fromArguments(args);
    const int rollouts = fleet.rollouts;
    const int clusters = fleet.clusters;
    const int rounds = std::max(1, intOption(args, QStringLiteral("--rounds"), 3));
    if (args.contains(QStringLiteral("--serve")))
        return FleetServer::serve(fleet);
    // --no-peer: our rounds only, for memory work; the ratio to kubectl is not measured.
    const bool peer = !args.contains(QStringLiteral("--no-peer"));

    QProcess server;
    const QString kubeconfigPath = FleetServer::start(server, fleet);
    if (kubeconfigPath.isEmpty()) {
        std::fprintf(stderr, "fleet_bench: the simulator did not start\n");
        return 2;
    }
    Kubeconfig kubeconfig;
    QString error;
    KubeconfigSource source;
    source.explicitPath = kubeconfigPath;
    if (!KubeconfigLoader::load(source, &kubeconfig, &error)) {
        std::fprintf(stderr, "fleet_bench: %s\n", qPrintable(error));
        return 2;
    }
    QList<EnvironmentSpec> environments;
    for (int i = 0; i < clusters; ++i) {
        EnvironmentSpec spec;
        spec.name = FleetServer::clusterName(i);
        spec.context = FleetServer::clusterName(i);
        spec.order = i;
        environments.append(spec);
    }

    QTemporaryDir cacheDir;
    // kubectl's discovery cache warmed once, as on a user's machine.
    if (peer && kubectlOnce(kubeconfigPath, cacheDir.path(), clusters, false) < 0)
        return 2;

    std::printf("fleet: %d clusters x (%d Rollouts, %d ReplicaSets, %d pods); best of %d\n",
                clusters, rollouts, rollouts * FleetGenerator::replicaSetsPerRollout,
                rollouts * FleetGenerator::podsPerRollout, rounds);
    std::printf("resident before ingest: %.1f MB (VmHWM %.1f MB)\n", statusMegabytes("VmRSS"),
                statusMegabytes("VmHWM"));
    const double inf = std::numeric_limits<double>::infinity();
    double ours = inf, sequential = inf, parallel = inf, resident = 0;
    HeapUsage heap;
    for (int round = 0; round < rounds; ++round) {
        double rss = 0;
        HeapUsage roundHeap;
        const double a = ingestOnce(kubeconfig, environments, rollouts, &rss, &roundHeap,
                                    args.contains(QStringLiteral("--stop-after-ingest")));
        const double b = peer ? kubectlOnce(kubeconfigPath, cacheDir.path(), clusters, false) : 0;
        const double c = peer ? kubectlOnce(kubeconfigPath, cacheDir.path(), clusters, true) : 0;
        if (a < 0 || b < 0 || c < 0)
            return 2;
        std::printf("round %d: ours %.3f s, kubectl sequential %.3f s, kubectl parallel %.3f s\n",
                    round + 1, a, b, c);
        std::fflush(stdout);
        ours = std::min(ours, a);
        sequential = std::min(sequential, b);
        parallel = std::min(parallel, c);
        if (rss > resident)
            heap = roundHeap;
        resident = std::max(resident, rss);
    }
    const double peak = statusMegabytes("VmHWM");
    FleetServer::stop(server);

    const double ratio = sequential / ours;
    const QByteArray oursLabel
        = QStringLiteral("FleetFetcher + FleetModel, %1 clusters").arg(clusters).toUtf8();
    std::printf("\n%-40s %8.3f s\n", oursLabel.constData(), ours);
    std::printf("%-40s %8.3f s   ratio %.2f (budget >= %.0f)\n", "kubectl, contexts in turn",
                sequential, ratio, kBudgetRatio);
    std::printf("%-40s %8.3f s   ratio %.2f\n", "kubectl, all contexts in parallel", parallel,
                parallel / ours);
    std::printf("%-40s %8.1f MB at the end of ingest, VmHWM %.1f MB (budget <= %.0f)\n",
                "resident memory", resident, peak, kBudgetMegabytes);
    // Live objects against what malloc keeps: the difference is the allocator's free memory.
    std::printf("%-40s %8.1f MB in use at the end of ingest, malloc holds %.1f MB\n", "heap",
                double(heap.inUse) / (1024.0 * 1024.0), double(heap.held) / (1024.0 * 1024.0));
    const bool pass = (ratio >= kBudgetRatio || !peer) && peak <= kBudgetMegabytes;
    if (peer) {
        std::printf("RESULT\tfleet ingest, %d clusters x %d Rollouts\t%.2f s\t>= %.0fx kubectl\t"
                    "kubectl in turn %.2f s: %.1fx\t%s\n",
                    clusters, rollouts, ours, kBudgetRatio, sequential, ratio,
                    ratio >= kBudgetRatio ? "PASS" : "MISS");
    }
    std::printf("RESULT\tpeak resident memory, %d clusters x %d Rollouts\t%.0f MB\t<= %.0f MB\t"
                "-\t%s\n",
                clusters, rollouts, peak, kBudgetMegabytes,
                peak <= kBudgetMegabytes ? "PASS" : "MISS");
    std::printf("%s\n", pass ? "budget met" : "BUDGET MISSED");
    return pass ? 0 : 1;
}

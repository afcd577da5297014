// SPDX-License-Identifier: GPL-3.0-or-later
// thread_bench: the threads of fetching (DESIGN.md: "independent of kinds and namespaces: a
// small fixed pool plus at most one per environment"). 20 environments (FleetServer
// clusters in a child process), every kind the fetcher watches, first in one namespace each
// and then in five: the threads the fetcher added once every informer lists and watches.
// The peer is the thread-per-informer design this replaced: one per (kind, namespace) plus
// one per environment.
//   thread_bench [--clusters N] [--namespaces N]
// Exit code 1 when the count grows with namespaces or exceeds environments + the pool.
#include "fleetgenerator.h"
#include "fleetserver.h"
#include "procstatus.h"

#include "environmentworker.h"
#include "fleetfetcher.h"
#include "kubeconfigloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <cstdio>

namespace {

// The blocking pool (exec plugins) and what Qt and libcurl start for themselves.
constexpr int PoolAllowance = 8;

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

// Threads added while every informer of these environments lists and watches; -1 when they
// did not all get there within a minute. *informers: how many there were.
int threadsWhileWatching(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                         int *informers)
{
    const int before = int(procStatusField("Threads"));
    FleetFetcher fetcher(kubeconfig, environments);
    fetcher.start();
    *informers = 0;
    const auto allWatching = [&] {
        int count = 0;
        for (const EnvironmentSpec &env : environments) {
            for (const InformerStats &stats : fetcher.informerStats(env.name)) {
                if (stats.lists < 1 || stats.watches < 1)
                    return false;
                ++count;
            }
        }
        *informers = count;
        return true;
    };
    QElapsedTimer timer;
    timer.start();
    while (!allWatching()) {
        if (timer.elapsed() > 60000)
            return -1;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    const int added = int(procStatusField("Threads")) - before;
    fetcher.stop();
    return added;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    FleetServer::Options fleet = FleetServer::Options::fromArguments(args);
    if (!args.contains(QStringLiteral("--clusters")))
        fleet.clusters = 20;
    if (!args.contains(QStringLiteral("--rollouts")))
        fleet.rollouts = 20;
    if (args.contains(QStringLiteral("--serve")))
        return FleetServer::serve(fleet);
    const int namespaces = std::clamp(intOption(args, QStringLiteral("--namespaces"), 5), 1,
                                      int(FleetGenerator::namespaces().size()));

    QProcess server;
    const QString kubeconfigPath = FleetServer::start(server, fleet);
    Kubeconfig kubeconfig;
    QString error;
    KubeconfigSource source;
    source.explicitPath = kubeconfigPath;
    if (kubeconfigPath.isEmpty() || !KubeconfigLoader::load(source, &kubeconfig, &error)) {
        std::fprintf(stderr, "thread_bench: the fleet did not start %s\n", qPrintable(error));
        return 2;
    }
    const auto environmentsWith = [&](int spaces) {
        QList<EnvironmentSpec> list;
        for (int i = 0; i < fleet.clusters; ++i) {
            EnvironmentSpec spec;
            spec.name = FleetServer::clusterName(i);
            spec.context = spec.name;
            spec.namespaces = FleetGenerator::namespaces().mid(0, spaces);
            list.append(spec);
        }
        return list;
    };
    int informersOne = 0;
    int informersMany = 0;
    const int one = threadsWhileWatching(kubeconfig, environmentsWith(1), &informersOne);
    const int many = threadsWhileWatching(kubeconfig, environmentsWith(namespaces), &informersMany);
    FleetServer::stop(server);
    if (one < 0 || many < 0) {
        std::fprintf(stderr, "thread_bench: the informers did not all start watching\n");
        return 2;
    }
    const int kinds
        = int(EnvironmentWorker::informerSpecsFor(environmentsWith(1).constFirst()).size());
    const int budget = fleet.clusters + PoolAllowance;
    const int peer = informersMany + fleet.clusters;
    std::printf("%d environments x %d kinds\n", fleet.clusters, kinds);
    std::printf("%-40s %4d informers, %4d threads added\n", "1 namespace each", informersOne, one);
    std::printf("%-40s %4d informers, %4d threads added (budget <= %d)\n",
                qPrintable(QStringLiteral("%1 namespaces each").arg(namespaces)), informersMany,
                many, budget);
    std::printf("%-40s %4d threads\n", "a thread per informer (peer)", peer);
    const bool pass = many <= budget && many <= one;
    std::printf("RESULT\tthreads, %d environments x %d kinds x %d namespaces\t%d\t<= %d, not "
                "growing with namespaces\tthread per informer: %d\t%s\n",
                fleet.clusters, kinds, namespaces, many, budget, peer, pass ? "PASS" : "MISS");
    return pass ? 0 : 1;
}

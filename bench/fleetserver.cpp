// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetserver.h"

#include "fleetgenerator.h"
#include "releasestorm.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {

constexpr int ChurnTickMs = 10;

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

QString uidOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("uid"))
        .toString();
}

// An object the churn rewrites, and which of its two states it has now.
struct ChurnTarget
{
    rdsim::ObjectStore *store;
    const rdsim::ResourceType *type;
    QString ns;
    QString name;
    bool flipped = false;
};

// Rollouts: status.readyReplicas one lower and back (the Replicas column changes). Pods:
// the first container's readiness (the rollout detail changes). Both as the controllers'
// status writes would be.
void flip(ChurnTarget &target)
{
    using namespace rdsim;
    std::optional<QJsonObject> object = target.store->get(*target.type, target.ns, target.name);
    if (!object)
        return;
    target.flipped = !target.flipped;
    QJsonObject status = object->value(QStringLiteral("status")).toObject();
    if (target.type->plural == QLatin1String("rollouts")) {
        const int ready = status.value(QStringLiteral("readyReplicas")).toInt();
        status.insert(QStringLiteral("readyReplicas"), target.flipped ? ready - 1 : ready + 1);
    } else {
        QJsonArray containers = status.value(QStringLiteral("containerStatuses")).toArray();
        if (!containers.isEmpty()) {
            QJsonObject first = containers.at(0).toObject();
            first.insert(QStringLiteral("ready"), !target.flipped);
            containers.replace(0, first);
            status.insert(QStringLiteral("containerStatuses"), containers);
        }
    }
    object->insert(QStringLiteral("status"), status);
    object->remove(QStringLiteral("metadata")); // no resourceVersion: no conflict check
    QJsonObject metadata;
    metadata.insert(QStringLiteral("namespace"), target.ns);
    metadata.insert(QStringLiteral("name"), target.name);
    object->insert(QStringLiteral("metadata"), metadata);
    target.store->update(*target.type, *object, WriteScope::Status, true);
}

} // namespace

QStringList FleetServer::Options::arguments() const
{
    return {QStringLiteral("--clusters"), QString::number(clusters),
            QStringLiteral("--rollouts"), QString::number(rollouts),
            QStringLiteral("--churn"),    QString::number(churnPerSecond),
            QStringLiteral("--releases"), QString::number(releasesPerSecond)};
}

FleetServer::Options FleetServer::Options::fromArguments(const QStringList &args)
{
    Options options;
    options.clusters = std::max(1, intOption(args, QStringLiteral("--clusters"), 5));
    options.rollouts = std::max(1, intOption(args, QStringLiteral("--rollouts"), 1000));
    options.churnPerSecond = std::max(0, intOption(args, QStringLiteral("--churn"), 0));
    const qsizetype releases = args.indexOf(QStringLiteral("--releases"));
    if (releases >= 0 && releases + 1 < args.size())
        options.releasesPerSecond = std::max(0.0, args.at(releases + 1).toDouble());
    return options;
}

QString FleetServer::clusterName(int index)
{
    return QStringLiteral("fleet-%1").arg(index + 1);
}

int FleetServer::serve(const Options &options)
{
    using namespace rdsim;
    UserSpec admin;
    admin.name = QStringLiteral("admin");
    admin.token = QStringLiteral("fleet-bench-token");
    admin.rules = {
        PolicyRule {{QStringLiteral("*")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}, {}}};
    Scenario scenario;
    for (int i = 0; i < options.clusters; ++i) {
        ClusterScenario cluster;
        cluster.name = clusterName(i);
        cluster.namespaces = FleetGenerator::namespaces();
        cluster.users = {admin};
        scenario.clusters.append(cluster);
    }
    SimulatorOptions simOptions;
    simOptions.frozen = true;
    Simulator sim(scenario, simOptions);
    QString error;
    if (!sim.start(&error)) {
        std::fprintf(stderr, "fleet server: simulator: %s\n", qPrintable(error));
        return 2;
    }
    const ResourceType &rolloutType
        = *ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
    const ResourceType &rsType
        = *ResourceCatalog::find(QStringLiteral("apps"), QStringLiteral("replicasets"));
    const ResourceType &podType = *ResourceCatalog::find(QString(), QStringLiteral("pods"));
    QList<ChurnTarget> churn; // every Rollout and pod
    QElapsedTimer timer;
    timer.start();
    for (SimCluster *cluster : sim.clusters()) {
        ObjectStore *store = &cluster->store();
        const bool ok = FleetGenerator::generate(
            options.rollouts, [&](FleetGenerator::Kind kind, const QJsonObject &object) {
                const ResourceType &type = kind == FleetGenerator::Kind::Rollout ? rolloutType
                    : kind == FleetGenerator::Kind::ReplicaSet                   ? rsType
                                                                                 : podType;
                const StoreResult result = store->load(type, object);
                if (!result.ok()) {
                    std::fprintf(stderr, "fleet server: load: %s\n",
                                 qPrintable(result.error.message));
                    return QString();
                }
                if (kind != FleetGenerator::Kind::ReplicaSet) {
                    const QJsonObject meta = object.value(QStringLiteral("metadata")).toObject();
                    churn.append({store, &type, meta.value(QStringLiteral("namespace")).toString(),
                                  meta.value(QStringLiteral("name")).toString()});
                }
                return uidOf(result.object);
            });
        if (!ok)
            return 2;
    }
    std::fprintf(stderr, "fleet server: loaded %d clusters in %.1f s\n", options.clusters,
                 double(timer.elapsed()) / 1000.0);

    // Rollouts and pods in turn, each list round-robin.
    QList<ChurnTarget> rolloutTargets;
    QList<ChurnTarget> podTargets;
    for (const ChurnTarget &target : std::as_const(churn))
        (target.type == &rolloutType ? rolloutTargets : podTargets).append(target);
    // Releases run on the healthy Rollouts; every tenth is already paused mid-canary.
    QList<ReleaseStorm::Rollout> releaseTargets;
    for (const ChurnTarget &target : std::as_const(rolloutTargets)) {
        if (target.name.mid(4).toInt() % 10 != 0)
            releaseTargets.append({target.store, target.ns, target.name});
    }
    ReleaseStorm storm(releaseTargets, options.releasesPerSecond);
    QElapsedTimer stormClock;
    stormClock.start();
    qint64 written = 0;
    double owed = 0;
    QTimer churnTimer;
    QObject::connect(&churnTimer, &QTimer::timeout, [&] {
        if (options.releasesPerSecond > 0)
            storm.tick(stormClock.elapsed());
        owed += double(options.churnPerSecond) * ChurnTickMs / 1000.0;
        for (; owed >= 1.0; owed -= 1.0, ++written) {
            QList<ChurnTarget> &targets = written % 2 == 0 ? rolloutTargets : podTargets;
            if (!targets.isEmpty())
                flip(targets[(written / 2) % targets.size()]);
        }
    });
    if (options.churnPerSecond > 0 || options.releasesPerSecond > 0)
        churnTimer.start(ChurnTickMs);

    std::printf("KUBECONFIG %s\n", qPrintable(sim.kubeconfigPath()));
    std::fflush(stdout);
    // Serve until the parent closes our stdin (or dies).
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            QCoreApplication::quit();
    });
    QCoreApplication::exec();
    churnTimer.stop();
    if (options.releasesPerSecond > 0)
        std::fprintf(stderr, "fleet server: %lld releases started, %lld promoted, %lld writes\n",
                     storm.releasesStarted(), storm.releasesPromoted(), storm.writes());
    sim.stop();
    return 0;
}

QString FleetServer::start(QProcess &child, const Options &options)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                QStringList {QStringLiteral("--serve")} + options.arguments());
    while (child.waitForReadyRead(600000)) {
        while (child.canReadLine()) {
            const QString line = QString::fromUtf8(child.readLine()).trimmed();
            if (line.startsWith(QStringLiteral("KUBECONFIG ")))
                return line.mid(11);
        }
    }
    return QString();
}

void FleetServer::stop(QProcess &child)
{
    child.closeWriteChannel();
    if (!child.waitForFinished(60000))
        child.kill();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator.h"

#include "api/apiserver.h"
#include "api/faultinjector.h"
#include "api/loadtesterservice.h"
#include "argocd/argocdapps.h"
#include "argocd/argocdserver.h"
#include "controllers/clustercontrollers.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/podhistory.h"
#include "metrics/syntheticmetrics.h"
#include "reports/simreportcontroller.h"
#include "security/accesscontrol.h"
#include "security/kubeconfigwriter.h"

#include <QDir>
#include <QJsonArray>
#include <QSet>

#include <utility>

namespace rdsim {

namespace {

// How often (virtual ms) the controller loop records pod changes for Prometheus queries at
// most; queries record the latest state themselves.
constexpr qint64 kHistoryIntervalMs = 1000;
// Controller passes start() runs before it serves: the first bootstraps a rollout that starts
// mid-release (revision 1 made stable), the second begins its update (revision 2).
constexpr int kStartingPasses = 2;

} // namespace

SimCluster::SimCluster(const ClusterScenario &scenario, VirtualClock &clock) :
    m_name(scenario.name),
    m_requestedPort(scenario.port),
    m_store(std::make_unique<ObjectStore>(&clock)),
    m_access(std::make_unique<AccessControl>()),
    m_faults(std::make_unique<FaultInjector>()),
    m_metrics(std::make_unique<SyntheticMetrics>(&clock)),
    m_history(std::make_unique<PodHistory>())
{
    for (const UserSpec &user : scenario.users)
        m_access->addUser(user);
    for (const FaultRule &rule : scenario.faults)
        m_faults->add(rule);
    for (const MetricBehaviour &behaviour : scenario.metrics)
        m_metrics->setBehaviour(behaviour);
    m_controllers = std::make_unique<ClusterControllers>(*m_store, clock, *m_metrics);
    m_reports = std::make_unique<SimReportController>(*m_store, clock, scenario.imageScans,
                                                      scenario.unservedKinds);
    m_unservedKinds = scenario.unservedKinds;
}

SimCluster::~SimCluster() = default;

QString SimCluster::argoCdUrl() const
{
    return m_argoCd ? m_argoCd->url() : QString();
}

QString SimCluster::url() const
{
    return m_server ? m_server->url() : QString();
}

int SimCluster::port() const
{
    return m_server ? m_server->port() : 0;
}

Simulator::Simulator(const Scenario &scenario, const SimulatorOptions &options) :
    m_scenario(scenario),
    m_options(options),
    m_clock(std::make_unique<VirtualClock>(scenario.clockSpeed))
{
    if (options.frozen)
        m_clock->setFrozen(true);
    for (const ClusterScenario &cluster : m_scenario.clusters) {
        m_clusters.push_back(std::make_unique<SimCluster>(cluster, *m_clock));
        m_clusterList << m_clusters.back().get();
    }
}

Simulator::~Simulator()
{
    stop();
}

SimCluster *Simulator::cluster(const QString &name) const
{
    for (SimCluster *cluster : m_clusterList) {
        if (cluster->name() == name)
            return cluster;
    }
    return nullptr;
}

QByteArray Simulator::caPem() const
{
    return m_ca.certificatePem();
}

bool Simulator::start(QString *error)
{
    if (!m_ca.isValid()) {
        *error
            = QStringLiteral("cannot create the certificate authority: %1").arg(m_ca.errorString());
        return false;
    }
    const PemKeyPair serverCertificate = m_ca.issueServerCertificate(
        {QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1"), QStringLiteral("::1")});
    for (int i = 0; i < m_clusterList.size(); ++i) {
        SimCluster &cluster = *m_clusterList.at(i);
        if (!loadObjects(cluster, m_scenario.clusters.at(i), error))
            return false;
        ApiServer::Context context;
        context.clusterName = cluster.name();
        context.store = cluster.m_store.get();
        context.access = cluster.m_access.get();
        context.faults = cluster.m_faults.get();
        context.metrics = cluster.m_metrics.get();
        context.clock = m_clock.get();
        context.history = cluster.m_history.get();
        context.unservedKinds = cluster.m_unservedKinds;
        if (!startArgoCd(cluster, m_scenario.clusters.at(i).argocd, serverCertificate, error)) {
            stop();
            return false;
        }
        if (cluster.m_argoCd)
            context.proxiedServices << cluster.m_argoCd.get();
        cluster.m_loadTester = std::make_unique<LoadTesterService>(
            *cluster.m_store, cluster.m_controllers->flaggerLoadTester());
        context.proxiedServices << cluster.m_loadTester.get();
        // The loaded pods are the first state of the history (from their start times).
        cluster.m_history->observe(*cluster.m_store, m_clock->nowMs());
        cluster.m_server
            = std::make_unique<ApiServer>(context, serverCertificate, m_ca.certificatePem());
        int port = cluster.m_requestedPort;
        if (port == 0 && m_options.basePort != 0)
            port = m_options.basePort + i;
        QString listenError;
        if (!cluster.m_server->listen(m_options.host, port, &listenError)) {
            *error = QStringLiteral("cluster %1: cannot listen on %2:%3: %4")
                         .arg(cluster.name(), m_options.host, QString::number(port), listenError);
            stop();
            return false;
        }
    }
    // The scenario's starting state before anyone learns the address (the kubeconfig): a
    // rollout that starts mid-release has its revisions and its update begun, so a client
    // asking at once sees what the scenario describes rather than the loaded objects (a
    // `--demo pause` found staging's payments-api "fully promoted" on a slow machine).
    if (!m_options.frozen && m_options.runControllers) {
        for (int pass = 0; pass < kStartingPasses; ++pass)
            reconcileOnce();
    }
    if (!writeKubeconfig(error)) {
        stop();
        return false;
    }
    if (!m_options.frozen && m_options.runControllers) {
        m_running = true;
        m_controllerThread = std::thread([this] { controllerLoop(); });
    }
    return true;
}

void Simulator::stop()
{
    m_running = false;
    if (m_controllerThread.joinable())
        m_controllerThread.join();
    for (SimCluster *cluster : std::as_const(m_clusterList)) {
        if (cluster->m_argoCdApps)
            cluster->m_argoCdApps->shutdown();
        if (cluster->m_argoCd)
            cluster->m_argoCd->stop();
        cluster->m_store->shutdown();
        if (cluster->m_server)
            cluster->m_server->stop();
    }
}

bool Simulator::setClusterOnline(const QString &name, bool online, QString *error)
{
    SimCluster *simCluster = cluster(name);
    if (!simCluster || !simCluster->m_server) {
        *error = QStringLiteral("no cluster %1 is served").arg(name);
        return false;
    }
    ApiServer &server = *simCluster->m_server;
    if (!online) {
        if (simCluster->m_offlinePort == 0)
            simCluster->m_offlinePort = server.port();
        server.stop();
        return true;
    }
    if (simCluster->m_offlinePort == 0)
        return true; // never taken offline
    const int port = std::exchange(simCluster->m_offlinePort, 0);
    return server.listen(m_options.host, port, error);
}

bool Simulator::dropArgoCdStreams(const QString &name, QString *error)
{
    SimCluster *simCluster = cluster(name);
    if (!simCluster || !simCluster->m_argoCd) {
        *error = QStringLiteral("no cluster %1 with Argo CD is served").arg(name);
        return false;
    }
    simCluster->m_argoCd->dropStreams();
    return true;
}

void Simulator::reconcileOnce()
{
    for (SimCluster *cluster : std::as_const(m_clusterList)) {
        cluster->controllers().reconcileOnce();
        cluster->reports().reconcile();
        // Argo CD compares after the controllers moved, as its informers see their writes.
        if (cluster->m_argoCdApps)
            cluster->m_argoCdApps->reconcile();
        cluster->history().observe(cluster->store(), m_clock->nowMs(), kHistoryIntervalMs);
    }
}

void Simulator::controllerLoop()
{
    while (m_running) {
        const auto started = std::chrono::steady_clock::now();
        reconcileOnce();
        std::this_thread::sleep_until(started + std::chrono::milliseconds(m_options.tickMs));
    }
}

// The cluster's Argo CD: its applications over the loaded objects, reachable through the
// service proxy and, with a port, on its own listener (same certificate as the cluster).
bool Simulator::startArgoCd(SimCluster &cluster, const ArgoCdConfig &config,
                            const PemKeyPair &certificate, QString *error)
{
    if (!config.enabled)
        return true;
    cluster.m_argoCdApps = std::make_unique<ArgoCdApps>(config, *cluster.m_store, *m_clock);
    cluster.m_argoCd
        = std::make_unique<ArgoCdServer>(*cluster.m_argoCdApps, config, m_clock->nowRfc3339());
    if (config.port < 0)
        return true;
    QString listenError;
    if (!cluster.m_argoCd->listen(m_options.host, config.port, certificate, m_ca.certificatePem(),
                                  &listenError)) {
        *error = QStringLiteral("cluster %1: %2").arg(cluster.name(), listenError);
        return false;
    }
    return true;
}

// Namespaces first (the scenario's, "default", and any an object names), then the objects
// in the order given, keeping their status as written.
bool Simulator::loadObjects(SimCluster &cluster, const ClusterScenario &scenario, QString *error)
{
    QList<QJsonObject> objects = scenario.objects;
    for (const auto &[target, object] : std::as_const(m_options.extraObjects)) {
        if (target.isEmpty() || target == cluster.name())
            objects << object;
    }

    const ResourceType *namespaces = ResourceCatalog::find({}, QStringLiteral("namespaces"));
    QStringList wanted {QStringLiteral("default")};
    wanted << scenario.namespaces;
    for (const QJsonObject &object : std::as_const(objects)) {
        const QString ns = object.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("namespace"))
                               .toString();
        if (!ns.isEmpty())
            wanted << ns;
        if (object.value(QStringLiteral("kind")).toString() == QStringLiteral("Namespace"))
            wanted.removeAll(object.value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString());
    }
    wanted.removeDuplicates();
    for (const QString &ns : std::as_const(wanted)) {
        const QJsonObject object {
            {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("name"), ns}}},
            {QStringLiteral("spec"),
             QJsonObject {
                 {QStringLiteral("finalizers"), QJsonArray {QStringLiteral("kubernetes")}}}},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), QStringLiteral("Active")}}}};
        cluster.store().load(*namespaces, object);
    }

    for (int i = 0; i < objects.size(); ++i) {
        const QJsonObject &object = objects.at(i);
        const QString apiVersion = object.value(QStringLiteral("apiVersion")).toString();
        const QString kind = object.value(QStringLiteral("kind")).toString();
        const QString name = object.value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
        const ResourceType *type = ResourceCatalog::findByKind(apiVersion, kind);
        if (!type || type->isReview) {
            *error = QStringLiteral("cluster %1: object %2 (%3 \"%4\"): kind %3 of apiVersion "
                                    "\"%5\" is not served by rd-sim")
                         .arg(cluster.name(), QString::number(i + 1), kind, name, apiVersion);
            return false;
        }
        if (cluster.m_unservedKinds.contains(type->key())) {
            *error = QStringLiteral("cluster %1: object %2 (%3 \"%4\"): the cluster does not "
                                    "serve %5 (serves:/withoutKinds:)")
                         .arg(cluster.name(), QString::number(i + 1), kind, name, type->key());
            return false;
        }
        const StoreResult result = cluster.store().load(*type, object);
        if (!result.ok()) {
            *error = QStringLiteral("cluster %1: object %2 (%3 \"%4\"): %5")
                         .arg(cluster.name(), QString::number(i + 1), kind, name,
                              result.error.message);
            return false;
        }
    }
    return true;
}

// One context per (cluster, user): "<cluster>" for the cluster's first user, else
// "<cluster>-<user>". A user with a client certificate authenticates with it; otherwise with
// the token, otherwise with basic auth.
bool Simulator::writeKubeconfig(QString *error)
{
    QList<KubeconfigEntry> entries;
    for (int i = 0; i < m_clusterList.size(); ++i) {
        SimCluster &cluster = *m_clusterList.at(i);
        const QList<UserSpec> users = m_scenario.clusters.at(i).users;
        for (int u = 0; u < users.size(); ++u) {
            const UserSpec &user = users.at(u);
            KubeconfigEntry entry;
            entry.clusterName = cluster.name();
            entry.server = cluster.url();
            entry.caPem = m_ca.certificatePem();
            entry.userName = cluster.name() + u'-' + user.name;
            entry.contextName = u == 0 ? cluster.name() : entry.userName;
            if (user.clientCertificate) {
                const PemKeyPair pair = m_ca.issueClientCertificate(user.name, user.groups);
                entry.clientCertificatePem = pair.certificatePem;
                entry.clientKeyPem = pair.privateKeyPem;
            } else if (!user.token.isEmpty()) {
                entry.token = user.token;
            } else {
                entry.username = user.name;
                entry.password = user.password;
            }
            entries << entry;
        }
    }
    m_kubeconfigPath = m_options.kubeconfigPath;
    if (m_kubeconfigPath.isEmpty()) {
        if (!m_tempDir.isValid()) {
            *error = QStringLiteral("cannot create a temporary folder for the kubeconfig");
            return false;
        }
        m_kubeconfigPath = m_tempDir.filePath(QStringLiteral("kubeconfig"));
    }
    const QString current = m_clusterList.isEmpty() ? QString() : m_clusterList.first()->name();
    return KubeconfigWriter::write(m_kubeconfigPath, entries, current, error);
}

} // namespace rdsim

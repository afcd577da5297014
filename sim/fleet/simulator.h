// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/scenario.h"
#include "security/certificateauthority.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <thread>

namespace rdsim {

class AccessControl;
class ApiServer;
class ArgoCdApps;
class ArgoCdServer;
class ClusterControllers;
class LoadTesterService;
class FaultInjector;
class ObjectStore;
class PodHistory;
class SimReportController;
class SyntheticMetrics;
class VirtualClock;

struct SimulatorOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int basePort = 0; // non-zero: cluster i listens on basePort + i unless its scenario sets one
    bool frozen = false; // no controller ever runs; the clock stands still
    bool runControllers = true; // false: the caller drives reconcileOnce() (tests)
    int tickMs = 100; // real milliseconds between controller passes
    // Extra objects per cluster name ("" = every cluster), e.g. from --load.
    QList<QPair<QString, QJsonObject>> extraObjects;
    QString kubeconfigPath; // empty: written into a private temporary folder
};

// One simulated cluster: its state, users, faults, metrics, controllers and API server.
class SimCluster
{
public:
    SimCluster(const ClusterScenario &scenario, VirtualClock &clock);
    ~SimCluster();

    QString name() const { return m_name; }
    QString url() const;
    int port() const;
    ObjectStore &store() { return *m_store; }
    AccessControl &access() { return *m_access; }
    FaultInjector &faults() { return *m_faults; }
    SyntheticMetrics &metrics() { return *m_metrics; }
    // Which pods existed when, recorded after every controller pass (Prometheus queries).
    PodHistory &history() { return *m_history; }
    ClusterControllers &controllers() { return *m_controllers; }
    // Trivy's and Kyverno's reports, written after the controllers moved (issue 15).
    SimReportController &reports() { return *m_reports; }
    ApiServer &server() { return *m_server; }
    // The cluster's Argo CD (null without an `argocd:` block in the scenario).
    ArgoCdApps *argoCdApps() { return m_argoCdApps.get(); }
    ArgoCdServer *argoCd() { return m_argoCd.get(); }
    // Argo CD's own HTTPS listener (https://127.0.0.1:PORT), empty when it has none.
    QString argoCdUrl() const;

private:
    friend class Simulator;
    QString m_name;
    int m_requestedPort = 0;
    int m_offlinePort = 0; // while taken offline: the port it listens on again
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<SyntheticMetrics> m_metrics;
    std::unique_ptr<PodHistory> m_history;
    std::unique_ptr<ClusterControllers> m_controllers;
    std::unique_ptr<SimReportController> m_reports;
    QStringList m_unservedKinds;
    std::unique_ptr<ArgoCdApps> m_argoCdApps;
    std::unique_ptr<ArgoCdServer> m_argoCd;
    std::unique_ptr<LoadTesterService> m_loadTester; // Flagger's, behind the service proxy
    std::unique_ptr<ApiServer> m_server;
};

// The whole simulated fleet: one virtual clock and one certificate authority shared by every
// cluster, a kubeconfig naming them all, and a controller thread.
class Simulator
{
public:
    Simulator(const Scenario &scenario, const SimulatorOptions &options);
    ~Simulator();
    Simulator(const Simulator &) = delete;
    Simulator &operator=(const Simulator &) = delete;

    // Loads the objects, starts every API server and (unless frozen or told not to) the
    // controllers, and writes the kubeconfig. False with *error when anything fails.
    bool start(QString *error);
    void stop();

    VirtualClock &clock() { return *m_clock; }
    const QList<SimCluster *> &clusters() const { return m_clusterList; }
    SimCluster *cluster(const QString &name) const;
    QString kubeconfigPath() const { return m_kubeconfigPath; }
    QByteArray caPem() const;
    CertificateAuthority &certificateAuthority() { return m_ca; }
    // Runs every cluster's controllers once (for tests with runControllers = false).
    void reconcileOnce();
    // Takes a cluster's API server down (the listening socket and open watches closed: its
    // clients see the connection go, as in a network outage) or brings it back on the same
    // port. False with *error for an unknown cluster or when it cannot listen again.
    bool setClusterOnline(const QString &name, bool online, QString *error);
    // Ends every open Argo CD application stream of a cluster at once (clients must
    // reconnect). False with *error for an unknown cluster or one without Argo CD.
    bool dropArgoCdStreams(const QString &name, QString *error);

private:
    bool loadObjects(SimCluster &cluster, const ClusterScenario &scenario, QString *error);
    bool writeKubeconfig(QString *error);
    bool startArgoCd(SimCluster &cluster, const ArgoCdConfig &config, const PemKeyPair &certificate,
                     QString *error);
    void controllerLoop();

    Scenario m_scenario;
    SimulatorOptions m_options;
    std::unique_ptr<VirtualClock> m_clock;
    CertificateAuthority m_ca;
    std::vector<std::unique_ptr<SimCluster>> m_clusters;
    QList<SimCluster *> m_clusterList;
    QTemporaryDir m_tempDir;
    QString m_kubeconfigPath;
    std::atomic<bool> m_running {false};
    std::thread m_controllerThread;
};

} // namespace rdsim

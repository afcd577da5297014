// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The in-process simulator as the API server for the fetcher tests: clusters "east" and
// "west" (frozen: no controller moves anything, so the store holds exactly what a test
// wrote), users admin (everything), viewer (pods in "shop" only) and operator (workloads
// and AnalysisRuns, but not pods or events), and helpers that build Rollouts, ReplicaSets,
// Deployments, pods, AnalysisRuns and Events as JSON and read back the server's state.

#include "simobjects.h"

#include "connectionstate.h"
#include "fleetdelta.h"
#include "fleetfetcher.h"
#include "kubeconfigloader.h"

#include "api/apiserver.h"
#include "api/faultinjector.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QTest>

#include <memory>

namespace rdsim { }
using namespace rdsim;

class FleetSim : public SimObjects
{
public:
    static Scenario scenario()
    {
        UserSpec admin;
        admin.name = QStringLiteral("admin");
        admin.clientCertificate = true;
        admin.rules = {PolicyRule {
            {QStringLiteral("*")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}, {}}};
        UserSpec viewer;
        viewer.name = QStringLiteral("viewer");
        viewer.token = QStringLiteral("viewer-token");
        viewer.rules
            = {PolicyRule {{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")},
                           {QString()},
                           {QStringLiteral("pods")},
                           {},
                           {QStringLiteral("shop")}}};
        UserSpec operatorUser;
        operatorUser.name = QStringLiteral("operator");
        operatorUser.token = QStringLiteral("operator-token");
        operatorUser.rules
            = {PolicyRule {{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")},
                           {QStringLiteral("argoproj.io"), QStringLiteral("apps")},
                           {QStringLiteral("rollouts"), QStringLiteral("analysisruns"),
                            QStringLiteral("replicasets"), QStringLiteral("deployments")},
                           {},
                           {}}};
        Scenario scenario;
        for (const QString &name : {QStringLiteral("east"), QStringLiteral("west")}) {
            ClusterScenario cluster;
            cluster.name = name;
            cluster.namespaces = {QStringLiteral("shop"), QStringLiteral("infra")};
            cluster.users = {admin, viewer, operatorUser};
            scenario.clusters.append(cluster);
        }
        return scenario;
    }

    bool start(QString *error)
    {
        SimulatorOptions options;
        options.frozen = true;
        m_sim = std::make_unique<Simulator>(scenario(), options);
        if (!m_sim->start(error))
            return false;
        for (SimCluster *cluster : m_sim->clusters())
            cluster->server().setBookmarkIntervalMs(200);
        KubeconfigSource source;
        source.explicitPath = m_sim->kubeconfigPath();
        return KubeconfigLoader::load(source, &m_kubeconfig, error);
    }

    Simulator &simulator() { return *m_sim; }
    SimCluster &cluster(const QString &name = QStringLiteral("east"))
    {
        return *m_sim->cluster(name);
    }
    ObjectStore &store(const QString &name = QStringLiteral("east"))
    {
        return cluster(name).store();
    }
    const Kubeconfig &kubeconfig() const { return m_kubeconfig; }

    static EnvironmentSpec environment(const QString &name, const QString &context,
                                       const QStringList &namespaces = {})
    {
        EnvironmentSpec spec;
        spec.name = name;
        spec.context = context;
        spec.namespaces = namespaces;
        return spec;
    }

    // Short delays everywhere so faults recover quickly and watches end (and start again
    // from their last resourceVersion) every second.
    static InformerOptions fastOptions()
    {
        InformerOptions options;
        options.backoff.initialMs = 50;
        options.backoff.maxMs = 400;
        options.backoff.jitter = 0;
        options.batchIntervalMs = 50;
        options.watchTimeoutMinSeconds = 1;
        options.watchTimeoutMaxSeconds = 1;
        options.requestRetries = 3;
        options.requestRetryMaxWaitSeconds = 2;
        return options;
    }

    // Three rollouts (one paused), a rollout-owned and a plain ReplicaSet, and a Deployment;
    // for the rollout detail a pod of each kind of ReplicaSet, an AnalysisRun and Events
    // about a Rollout (kept) and a Deployment (left out by the informer).
    void seedMixedWorkloads(const QString &clusterName)
    {
        create(rollouts(), rollout("shop", "api"), clusterName);
        create(rollouts(), rollout("shop", "cart", "Paused"), clusterName);
        create(rollouts(), rollout("infra", "gate"), clusterName);
        create(replicaSets(), replicaSet("shop", "api-6f7", "6f7"), clusterName);
        create(replicaSets(), plainReplicaSet("infra", "redis-abc"), clusterName);
        create(deployments(), deployment("infra", "redis"), clusterName);
        create(pods(), pod("shop", "api-6f7-q2x8z", "6f7"), clusterName);
        create(pods(), pod("infra", "redis-abc-k4m2p", QString()), clusterName);
        create(analysisRuns(), analysisRun("shop", "api-6f7-2-1"), clusterName);
        create(events(), event("shop", "api.17a", "Rollout", "api"), clusterName);
        create(events(), event("infra", "redis.17b", "Deployment", "redis"), clusterName);
    }

    void create(const ResourceType &type, const QJsonObject &object,
                const QString &clusterName = QStringLiteral("east"))
    {
        const StoreResult result = store(clusterName).create(type, object);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
    }
    // Changes status.phase (a visible change with a new resourceVersion).
    void setPhase(const QString &ns, const QString &name, const QString &phase,
                  const QString &clusterName = QStringLiteral("east"))
    {
        std::optional<QJsonObject> object = store(clusterName).get(rollouts(), ns, name);
        QVERIFY(object);
        QJsonObject status = object->value(QStringLiteral("status")).toObject();
        status.insert(QStringLiteral("phase"), phase);
        object->insert(QStringLiteral("status"), status);
        const StoreResult result
            = store(clusterName).update(rollouts(), *object, WriteScope::Whole);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
    }
    void remove(const ResourceType &type, const QString &ns, const QString &name,
                const QString &clusterName = QStringLiteral("east"))
    {
        const StoreResult result = store(clusterName).remove(type, ns, name);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
    }

    // "R shop/api" -> resourceVersion, for everything the fetchers should mirror: Rollouts
    // (R), Deployments (D), their ReplicaSets (S) and pods (P), AnalysisRuns (A) and Events
    // about Rollouts, Deployments, ReplicaSets, pods and AnalysisRuns (E).
    QMap<QString, QString> serverState(const QString &clusterName = QStringLiteral("east"))
    {
        QMap<QString, QString> state;
        const QStringList eventKinds {QStringLiteral("Rollout"), QStringLiteral("Deployment"),
                                      QStringLiteral("ReplicaSet"), QStringLiteral("Pod"),
                                      QStringLiteral("AnalysisRun")};
        const auto add = [&](const ResourceType &type, const QString &prefix, bool workloadsOnly) {
            for (const QJsonObject &object : store(clusterName).list(type)) {
                const QJsonObject meta = object.value(QStringLiteral("metadata")).toObject();
                const QJsonObject labels = meta.value(QStringLiteral("labels")).toObject();
                // The label of a Rollout's, or of a Deployment's, ReplicaSets and pods.
                if (workloadsOnly && !labels.contains(QStringLiteral("rollouts-pod-template-hash"))
                    && !labels.contains(QStringLiteral("pod-template-hash")))
                    continue;
                const QString involvedKind = object.value(QStringLiteral("involvedObject"))
                                                 .toObject()
                                                 .value(QStringLiteral("kind"))
                                                 .toString();
                if (&type == &events() && !eventKinds.contains(involvedKind))
                    continue;
                state.insert(prefix + meta.value(QStringLiteral("namespace")).toString()
                                 + QLatin1Char('/') + meta.value(QStringLiteral("name")).toString(),
                             meta.value(QStringLiteral("resourceVersion")).toString());
            }
        };
        add(rollouts(), QStringLiteral("R "), false);
        add(replicaSets(), QStringLiteral("S "), true);
        add(deployments(), QStringLiteral("D "), false);
        add(pods(), QStringLiteral("P "), true);
        add(analysisRuns(), QStringLiteral("A "), false);
        add(events(), QStringLiteral("E "), false);
        return state;
    }

private:
    std::unique_ptr<Simulator> m_sim;
    Kubeconfig m_kubeconfig;
};

// What the GUI would know, rebuilt from a FleetFetcher's signals: the same keys as
// FleetSim::serverState. Counts what arrived so tests can assert on batching.
class FleetMirror : public QObject
{
public:
    explicit FleetMirror(FleetFetcher *fetcher)
    {
        connect(fetcher, &FleetFetcher::workloadsChanged, this, &FleetMirror::apply);
        connect(fetcher, &FleetFetcher::stateChanged, this,
                [this](const QString &environment, const ConnectionState &state) {
                    m_states[environment].append(state);
                });
    }

    QMap<QString, QString> state(const QString &environment) const
    {
        return m_state.value(environment);
    }
    QList<ConnectionState> states(const QString &environment) const
    {
        return m_states.value(environment);
    }
    ConnectionState lastState(const QString &environment) const
    {
        const QList<ConnectionState> list = m_states.value(environment);
        return list.isEmpty() ? ConnectionState() : list.constLast();
    }
    ConnectionState::Kind lastKind(const QString &environment) const
    {
        return lastState(environment).kind;
    }
    int batches(const QString &environment) const { return m_batches.value(environment); }
    int resets(const QString &environment) const { return m_resets.value(environment); }
    // Upserts or deletes of a key that the mirror's state did not justify: an upsert that
    // changed nothing (same resourceVersion) or a delete of an unknown key.
    int redundant(const QString &environment) const { return m_redundant.value(environment); }
    QList<WorkloadDeltaBatch> batchList(const QString &environment) const
    {
        return m_batchList.value(environment);
    }
    // The newest detailStatus a batch carried (empty before one did).
    QList<DetailKindStatus> detailStatus(const QString &environment) const
    {
        return m_detailStatus.value(environment);
    }

private:
    void apply(const QString &environment, const WorkloadDeltaBatch &batch)
    {
        QMap<QString, QString> &state = m_state[environment];
        ++m_batches[environment];
        m_batchList[environment].append(batch);
        if (batch.reset) {
            ++m_resets[environment];
            state.clear();
        }
        const auto upsert = [&](const QString &prefix, const ObjectMeta &meta) {
            const QString key = prefix + meta.namespaceName + QLatin1Char('/') + meta.name;
            if (state.value(key) == meta.resourceVersion)
                ++m_redundant[environment];
            state.insert(key, meta.resourceVersion);
        };
        const auto remove = [&](const QString &prefix, const QString &key) {
            if (state.remove(prefix + key) == 0)
                ++m_redundant[environment];
        };
        for (const QString &key : batch.deletes<Rollout>())
            remove(QStringLiteral("R "), key);
        for (const QString &key : batch.deletes<ReplicaSet>())
            remove(QStringLiteral("S "), key);
        for (const QString &key : batch.deletes<Deployment>())
            remove(QStringLiteral("D "), key);
        for (const QString &key : batch.deletes<Pod>())
            remove(QStringLiteral("P "), key);
        for (const QString &key : batch.deletes<AnalysisRun>())
            remove(QStringLiteral("A "), key);
        for (const QString &key : batch.deletes<Event>())
            remove(QStringLiteral("E "), key);
        for (const Rollout &object : batch.upserts<Rollout>())
            upsert(QStringLiteral("R "), object.metadata);
        for (const ReplicaSet &object : batch.upserts<ReplicaSet>())
            upsert(QStringLiteral("S "), object.metadata);
        for (const Deployment &object : batch.upserts<Deployment>())
            upsert(QStringLiteral("D "), object.metadata);
        for (const Pod &object : batch.upserts<Pod>())
            upsert(QStringLiteral("P "), object.metadata);
        for (const AnalysisRun &object : batch.upserts<AnalysisRun>())
            upsert(QStringLiteral("A "), object.metadata);
        for (const Event &object : batch.upserts<Event>())
            upsert(QStringLiteral("E "), object.metadata);
        if (!batch.detailStatus.isEmpty())
            m_detailStatus[environment] = batch.detailStatus;
    }

    QHash<QString, QMap<QString, QString>> m_state;
    QHash<QString, QList<ConnectionState>> m_states;
    QHash<QString, int> m_batches;
    QHash<QString, int> m_resets;
    QHash<QString, int> m_redundant;
    QHash<QString, QList<WorkloadDeltaBatch>> m_batchList;
    QHash<QString, QList<DetailKindStatus>> m_detailStatus;
};

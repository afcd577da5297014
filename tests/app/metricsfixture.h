// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// MetricsController against a served Prometheus: the demo fleet in process (rd-sim's
// Prometheus API through the Kubernetes service proxy, as the demo reaches it), two minutes
// in, and a controller with its own view. Shared by tst_metricscontroller (what is queried
// and drawn) and tst_metricsrounds (which round's answers are used, the live timer).
// The client's headers first: the simulator's header brings `using namespace rdsim`, whose
// WatchEvent would make the decoder's ambiguous.
#include "jsondecoder.h"
#include "metricscontroller.h"
#include "replicasetstatus.h"
#include "rolloutmetricsview.h"

#include "../fetchers/demosim.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

constexpr int answerTimeoutMs = 20000;

class MetricsFixture
{
public:
    // Two minutes of the demo: canaries running, analysis measuring, staging's checkout
    // regressing 90 s into its canary.
    bool start(QString *error)
    {
        if (!m_sim.start(error))
            return false;
        m_sim.step(120);
        return true;
    }

    // The rollout as the fleet model assembles it: its ReplicaSets, AnalysisRuns and Events.
    RolloutDetail detail(const QString &environment, const QString &ns, const QString &name)
    {
        SimCluster &cluster = m_sim.cluster(environment);
        const auto objects = [&](const char *group, const char *plural) {
            return listJson(cluster.store().list(*ResourceCatalog::find(QLatin1String(group),
                                                                        QLatin1String(plural))),
                            ns);
        };
        JsonDecoder decoder;
        RolloutDetail result;
        result.environment = environment;
        result.rollout = decoder
                             .decodeObject<Rollout>(
                                 QJsonDocument(m_sim.rollout(environment, ns, name)).toJson())
                             .value;
        const QString uid = result.rollout.metadata.uid;
        result.replicaSets = ownedReplicaSets(
            decoder.decodeList<ReplicaSet>(objects("apps", "replicasets")).items, uid);
        for (const AnalysisRun &run :
             decoder.decodeList<AnalysisRun>(objects("argoproj.io", "analysisruns")).items) {
            if (run.metadata.isOwnedBy(uid))
                result.analysisRuns.append(run);
        }
        std::sort(result.analysisRuns.begin(), result.analysisRuns.end(),
                  [](const AnalysisRun &a, const AnalysisRun &b) {
                      return a.metadata.creationTimestamp > b.metadata.creationTimestamp;
                  });
        for (const Event &event : decoder.decodeList<Event>(objects("", "events")).items) {
            if (event.involvedObject.name.startsWith(name))
                result.events.append(event);
        }
        std::sort(result.events.begin(), result.events.end(),
                  [](const Event &a, const Event &b) { return a.lastSeen() > b.lastSeen(); });
        return result;
    }

    struct Setup
    {
        RolloutMetricsView view;
        MetricsController controller {nullptr, &view};
    };

    // A shown view (1280 × 450, UTC) and its active controller on the demo's environments,
    // on the simulator's clock; null when the view is not exposed.
    std::unique_ptr<Setup> setup(const QList<ChartSpec> &charts)
    {
        auto s = std::make_unique<Setup>();
        s->view.resize(1280, 450);
        s->view.setUtc(true);
        s->view.show();
        if (!QTest::qWaitForWindowExposed(&s->view))
            return nullptr;
        Simulator *sim = &m_sim.simulator();
        s->controller.setClock([sim] { return sim->clock().nowMs(); });
        s->controller.setConfiguredCharts(charts);
        s->controller.setFleet(m_sim.kubeconfig(), demoEnvironments());
        s->controller.setActive(true);
        return s;
    }

    // What a controller of its own needs: the fleet and the simulator's clock.
    const Kubeconfig &kubeconfig() const { return m_sim.kubeconfig(); }
    std::function<qint64()> clock()
    {
        Simulator *sim = &m_sim.simulator();
        return [sim] { return sim->clock().nowMs(); };
    }

    static QList<EnvironmentSpec> demoEnvironments()
    {
        QList<EnvironmentSpec> environments;
        for (const char *name : {"dev", "staging", "prod"}) {
            // The default Prometheus: the service proxy to monitoring/prometheus.
            EnvironmentSpec spec;
            spec.name = QLatin1String(name);
            spec.context = spec.name;
            environments.append(spec);
        }
        return environments;
    }

private:
    static QByteArray listJson(const QList<QJsonObject> &objects, const QString &ns)
    {
        QJsonArray items;
        for (const QJsonObject &object : objects) {
            if (object.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace"))
                == ns)
                items.append(object);
        }
        return QJsonDocument(QJsonObject {{QStringLiteral("items"), items}}).toJson();
    }

    DemoSim m_sim;
};

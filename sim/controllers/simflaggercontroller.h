// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simflaggercanaryspec.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace rdsim {

class EventRecorder;
class FlaggerLoadTester;
class ObjectStore;
class Requeue;
class SyntheticMetrics;
class VirtualClock;

// Flagger (fluxcd/flagger, pkg/controller/scheduler*.go) for Canaries whose target is a
// Deployment: every analysis interval of the virtual clock (and at once for a new Canary) it
// runs one step of Flagger's course. Initializing creates `<target>-primary` (labels
// app=<target>-primary) and the Services `<svc>`, `<svc>-primary`, `<svc>-canary`, scales the
// target to 0, then Initialized. A new pod template (checksum against status.lastAppliedSpec)
// starts an analysis: confirm-rollout gates (Waiting), the target scaled up (Progressing),
// then per interval rollback/rollout/pre-rollout webhooks and metric checks, canary weight by
// stepWeight/stepWeights up to maxWeight (or iterations for blue/green), confirm-promotion
// (WaitingPromotion), Promoting (the primary takes the target's template), Finalising,
// Succeeded; failed checks up to the threshold roll back (Failed). `spec.suspend` freezes
// everything. Events like Flagger's (reason Synced, component flagger). The mesh is not
// simulated: the routes are kept here, per Canary, and status.canaryWeight reports them as
// Flagger does.
class FlaggerController
{
public:
    FlaggerController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                      const SyntheticMetrics &metrics, FlaggerLoadTester &loadTester,
                      Requeue &requeue);
    void reconcile();

    // Flagger's default mesh provider (`-mesh-provider`), used when a Canary names none.
    static QString defaultProvider() { return QStringLiteral("istio"); }

    // One step of one Canary: its object, spec and target, refreshed after each write.
    struct Run
    {
        QJsonObject canary;
        FlaggerCanarySpec spec;
        QString ns;
        QString name;
        QJsonObject target; // the target Deployment
        QString checksum; // of the target's pod template
        QString phase() const;
        int statusInt(const char *field) const;
        QString id() const { return name + u'.' + ns; } // "podinfo.test", as Flagger logs it
        QString targetId() const { return spec.targetName + u'.' + ns; }
        QString primaryName() const { return spec.targetName + QStringLiteral("-primary"); }
        QString provider() const;
    };

private:
    void advance(Run &run);
    // The stages of scheduler.go's advanceCanary; false: this step ends here.
    bool initialize(Run &run);
    bool shouldAdvance(Run &run);
    bool startOrContinue(Run &run);
    bool restartOnNewRevision(Run &run);
    bool handleManualRollbackOrPromotion(Run &run);
    bool failWhenThresholdReached(Run &run);
    bool runChecks(Run &run);
    void advanceCanaryWeight(Run &run);
    void advanceBlueGreen(Run &run);
    void promote(Run &run);
    void skipAnalysis(Run &run);
    void rollback(Run &run);

    // simflaggerbootstrap.cpp: a scenario's release in flight (rd-sim.dev/previous-image)
    void startWithPreviousImage(Run &run);
    void releaseAfterInitialization(Run &run);

    // simflaggerworkloads.cpp
    bool ensureServices(Run &run);
    bool ensurePrimary(Run &run);
    void copyTemplateToPrimary(Run &run);
    void scaleTarget(Run &run, int replicas);
    int replicasToScaleUp(const Run &run) const;
    // Why a Deployment is not ready yet, in Flagger's words; empty when it is.
    static QString notReadyReason(const QJsonObject &deployment);
    std::optional<QJsonObject> deployment(const QString &ns, const QString &name) const;

    // simflaggerstatus.cpp: canary.Controller's status writes
    void syncStatus(Run &run, const QString &phase, int weight = 0, int failedChecks = 0,
                    int iterations = 0);
    void setPhase(Run &run, const QString &phase);
    void setStatusField(Run &run, const char *field, int value);
    void writeStatus(Run &run, QJsonObject status, const QString &phase);

    // simflaggerchecks.cpp
    bool runMetricChecks(Run &run);
    std::optional<double> measure(const Run &run, const FlaggerCanarySpec::Metric &metric,
                                  QString *query, QString *error) const;
    // The webhooks of one type, each in order; true when every one answered 2xx.
    bool callHooks(Run &run, const QString &type, const QString &phase);
    bool callWebhook(const Run &run, const FlaggerCanarySpec::Webhook &hook, const QString &phase,
                     QString *error) const;
    bool confirmRollout(Run &run);
    bool confirmPromotion(Run &run);
    bool confirmTrafficIncrease(Run &run);
    bool rollbackRequested(Run &run);

    void info(const Run &run, const QString &message);
    void warning(const Run &run, const QString &message);

    int routedWeight(const Run &run) const;
    void setRoutes(const Run &run, int canaryWeight);

    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
    const SyntheticMetrics &m_metrics;
    FlaggerLoadTester &m_loadTester;
    Requeue &m_requeue;
    struct Schedule
    {
        qint64 nextMs = 0;
        qint64 intervalMs = 0;
    };
    QHash<QString, Schedule> m_schedule; // canary uid -> its job's ticker
    QHash<QString, int> m_routes; // canary uid -> the canary's routed weight (the "mesh")
};

} // namespace rdsim

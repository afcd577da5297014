// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler of Flagger's controller (pkg/controller/scheduler.go): one call of advance()
// is one tick of a Canary's job. The order of the stages and their words follow Flagger.
#include "simflaggercontroller.h"

#include "eventrecorder.h"
#include "jsonutil.h"
#include "requeue.h"
#include "simflaggerphases.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QSet>

#include <algorithm>

namespace rdsim {

using namespace FlaggerPhases;

QString FlaggerController::Run::phase() const
{
    return JsonUtil::stringAt(canary, "status.phase");
}

int FlaggerController::Run::statusInt(const char *field) const
{
    return JsonUtil::objectAt(canary, "status").value(QLatin1String(field)).toInt(0);
}

QString FlaggerController::Run::provider() const
{
    return spec.provider.isEmpty() ? FlaggerController::defaultProvider() : spec.provider;
}

FlaggerController::FlaggerController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                                     const SyntheticMetrics &metrics, FlaggerLoadTester &loadTester,
                                     Requeue &requeue) :
    m_store(store),
    m_clock(clock),
    m_events(events),
    m_metrics(metrics),
    m_loadTester(loadTester),
    m_requeue(requeue)
{ }

// Each Canary has a job that runs at once and then every analysis interval; a new interval
// starts a new job, as scheduleCanaries() does.
void FlaggerController::reconcile()
{
    const ResourceType &canaries = FlaggerPhases::canaryType();
    const qint64 now = m_clock.nowMs();
    QSet<QString> seen;
    for (const QJsonObject &canary : m_store.list(canaries)) {
        const QString uid = JsonUtil::uid(canary);
        seen.insert(uid);
        Run run;
        run.canary = canary;
        run.spec = FlaggerCanarySpec::read(canary);
        run.ns = JsonUtil::nameSpace(canary);
        run.name = JsonUtil::name(canary);
        Schedule &schedule = m_schedule[uid];
        if (schedule.intervalMs != run.spec.intervalMs) {
            schedule.intervalMs = run.spec.intervalMs;
            schedule.nextMs = now;
        }
        if (now >= schedule.nextMs) {
            schedule.nextMs = std::max(schedule.nextMs + schedule.intervalMs, now + 1);
            advance(run);
        }
        m_requeue.at(schedule.nextMs);
    }
    for (auto it = m_schedule.begin(); it != m_schedule.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        m_routes.remove(it.key());
        it = m_schedule.erase(it);
    }
}

void FlaggerController::advance(Run &run)
{
    if (run.spec.suspend) {
        info(run, QStringLiteral("skipping canary run as object is suspended"));
        return;
    }
    if (!run.spec.problem.isEmpty())
        return warning(run, run.spec.problem);
    const std::optional<QJsonObject> target = deployment(run.ns, run.spec.targetName);
    if (!target)
        return warning(run,
                       QStringLiteral("deployment %1 get query error: deployments.apps "
                                      "\"%2\" not found")
                           .arg(run.targetId(), run.spec.targetName));
    run.target = *target;
    run.checksum = templateChecksum(run.target);
    startWithPreviousImage(run);
    if (!initialize(run) || !shouldAdvance(run))
        return;
    if (!run.spec.skipAnalysis) {
        const std::optional<QJsonObject> primary = deployment(run.ns, run.primaryName());
        const QString reason = primary ? notReadyReason(*primary) : QStringLiteral("not found");
        if (!reason.isEmpty())
            return warning(
                run, QStringLiteral("%1.%2 not ready: %3").arg(run.primaryName(), run.ns, reason));
    }
    if (!startOrContinue(run) || !restartOnNewRevision(run))
        return;
    const QString canaryReason = notReadyReason(run.target);
    if (!canaryReason.isEmpty())
        return warning(
            run,
            QStringLiteral("canary deployment %1 not ready: %2").arg(run.targetId(), canaryReason));
    if (run.spec.skipAnalysis)
        return skipAnalysis(run);
    if (!handleManualRollbackOrPromotion(run) || !failWhenThresholdReached(run) || !runChecks(run))
        return;
    if (run.spec.isProgressive())
        advanceCanaryWeight(run);
    else
        advanceBlueGreen(run);
}

// Initializing: the Services, the primary and, once the primary is ready, the target scaled
// to zero; then Initialized with the template's checksum as applied and promoted.
bool FlaggerController::initialize(Run &run)
{
    const QString phase = run.phase();
    const bool initializing = phase.isEmpty() || phase == initializingPhase();
    if (phase.isEmpty())
        setPhase(run, initializingPhase());
    if (!ensureServices(run) || !ensurePrimary(run))
        return false;
    if (!initializing)
        return true;
    const std::optional<QJsonObject> primary = deployment(run.ns, run.primaryName());
    const QString reason = primary ? notReadyReason(*primary) : QStringLiteral("not found");
    if (!reason.isEmpty()) {
        warning(run, QStringLiteral("%1.%2 not ready: %3").arg(run.primaryName(), run.ns, reason));
        return false;
    }
    scaleTarget(run, 0);
    syncStatus(run, initializedPhase());
    info(run, QStringLiteral("Initialization done! %1").arg(run.id()));
    releaseAfterInitialization(run);
    return true;
}

// Flagger's hasSpecChanged: a first checksum, or one that is neither the applied nor the
// promoted one (a manual rollback to the promoted template starts nothing).
bool FlaggerController::shouldAdvance(Run &run)
{
    if (isAnalysisPhase(run.phase()))
        return true;
    const QJsonObject status = JsonUtil::objectAt(run.canary, "status");
    const QString applied = status.value(QLatin1String("lastAppliedSpec")).toString();
    const QString promoted = status.value(QLatin1String("lastPromotedSpec")).toString();
    const bool changed = applied.isEmpty() || (promoted != run.checksum && applied != run.checksum);
    // A failed canary still records the template it last saw.
    if (run.phase() == failedPhase() && applied != run.checksum)
        syncStatus(run, failedPhase(), run.statusInt("canaryWeight"), run.statusInt("failedChecks"),
                   run.statusInt("iterations"));
    return changed;
}

// checkCanaryStatus: a run in progress goes on; a new revision waits for confirm-rollout,
// then scales the target up and starts Progressing (the checks begin at the next tick).
bool FlaggerController::startOrContinue(Run &run)
{
    const QString phase = run.phase();
    if (phase == progressingPhase() || phase == waitingPromotionPhase() || phase == promotingPhase()
        || phase == finalisingPhase())
        return true;
    if (!confirmRollout(run))
        return false;
    info(run, QStringLiteral("New revision detected! Scaling up %1").arg(run.targetId()));
    scaleTarget(run, replicasToScaleUp(run));
    setRoutes(run, 0);
    syncStatus(run, progressingPhase());
    return false;
}

bool FlaggerController::restartOnNewRevision(Run &run)
{
    const QString phase = run.phase();
    if (phase != progressingPhase() && phase != waitingPromotionPhase())
        return true;
    const QJsonObject status = JsonUtil::objectAt(run.canary, "status");
    const QString applied = status.value(QLatin1String("lastAppliedSpec")).toString();
    const QString promoted = status.value(QLatin1String("lastPromotedSpec")).toString();
    if (applied == run.checksum || promoted == run.checksum)
        return true;
    info(run,
         QStringLiteral("New revision detected! Restarting analysis for %1").arg(run.targetId()));
    setRoutes(run, 0);
    syncStatus(run, progressingPhase());
    return false;
}

} // namespace rdsim

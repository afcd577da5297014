// SPDX-License-Identifier: GPL-3.0-or-later
#include "bluegreenstrategy.h"

#include "analysisstarter.h"
#include "jsonutil.h"
#include "requeue.h"
#include "rolloutreconciler.h"

#include "core/virtualclock.h"

#include <QStringList>

#include <algorithm>

namespace rdsim {

namespace {
const QString kBlueGreenPause = QStringLiteral("BlueGreenPause");
} // namespace

BlueGreenStrategy::BlueGreenStrategy(RolloutReconciler &reconciler) : r(reconciler)
{
    m_active = r.serviceHash(r.spec.activeService(), r.status.activeSelector);
    m_preview = r.serviceHash(r.spec.previewService(), r.status.previewSelector);
}

void BlueGreenStrategy::run()
{
    r.getAllReplicaSetsAndSyncRevision(true);
    reconcilePreviewService();
    if (r.podTemplateChanged()) {
        syncStatus();
        return;
    }
    r.restartPods();
    reconcileReplicaSets();
    reconcilePause();
    reconcileActiveService();
    AnalysisStarter(r).reconcile();
    syncStatus();
}

int BlueGreenStrategy::newReplicaSetReplicas() const
{
    const int replicas = r.spec.replicas();
    const std::optional<int> preview = r.spec.previewReplicaCount();
    if (!preview || !r.newRS)
        return replicas;
    const RsState *active = r.replicaSetByHash(r.status.activeSelector);
    if (!active || active == r.newRS)
        return replicas;
    if (r.newRS->available() >= *preview && r.status.scaleUpPreviewCheckPoint)
        return replicas;
    return *preview;
}

bool BlueGreenStrategy::readyForPause() const
{
    if (!r.newRS)
        return false;
    const int desired = newReplicaSetReplicas();
    return r.newRS->specReplicas() == desired && r.newRS->available() == desired;
}

bool BlueGreenStrategy::fastTracked() const
{
    if (!r.newRS)
        return false;
    return r.newRS->hasScaleDownDeadline() || r.status.promoteFull || m_active.isEmpty()
        || m_active == r.newRS->hash();
}

bool BlueGreenStrategy::needsControllerPause() const
{
    return !r.spec.autoPromotionEnabled() || r.spec.autoPromotionSeconds() > 0;
}

bool BlueGreenStrategy::completedPause() const
{
    if (r.pause.hasAddPause())
        return false;
    if (r.status.scaleUpPreviewCheckPoint || !needsControllerPause())
        return true;
    const PauseCondition *condition = r.status.pauseCondition(kBlueGreenPause);
    if (r.spec.autoPromotionEnabled()) {
        const int seconds = r.spec.autoPromotionSeconds();
        if (seconds == 0)
            return true;
        if (!condition)
            return false;
        const qint64 deadline
            = VirtualClock::fromRfc3339(condition->startTime) + qint64(seconds) * 1000;
        if (r.nowMs > deadline)
            return true;
        r.env.requeue.at(deadline + 1);
        return false;
    }
    // Without auto-promotion only a person removing the pause condition completes it.
    return r.status.controllerPause && !condition;
}

bool BlueGreenStrategy::completedPrePromotionAnalysis() const
{
    if (!r.spec.blueGreen().contains(QLatin1String("prePromotionAnalysis")))
        return true;
    return JsonUtil::stringAt(r.currentRuns.prePromotion, "status.phase")
        == QLatin1String("Successful");
}

void BlueGreenStrategy::reconcilePreviewService()
{
    if (r.spec.previewService().isEmpty() || !r.haltProgress().isEmpty() || !r.newRS)
        return;
    m_preview = r.newRS->hash();
    r.switchService(r.spec.previewService(), m_preview);
}

void BlueGreenStrategy::reconcileReplicaSets()
{
    r.removeScaleDownDeadlines();
    if (RsState *active = r.replicaSetByHash(m_active))
        r.scaleReplicaSet(*active, r.spec.replicas());
    r.reconcileNewReplicaSet(newReplicaSetReplicas());
    scaleDownOldReplicaSets();
    r.reconcileRevisionHistoryLimit();
}

void BlueGreenStrategy::scaleDownOldReplicaSets()
{
    QList<RsState *> old;
    for (RsState *rs : std::as_const(r.otherRSs)) {
        if (rs->specReplicas() > 0)
            old.append(rs);
    }
    if (old.isEmpty() || r.status.pauseCondition(QStringLiteral("InconclusiveAnalysisRun")))
        return;
    // Without a scale-down delay the old pods stay until post-promotion analysis passes.
    if (r.spec.blueGreen().contains(QLatin1String("postPromotionAnalysis"))
        && !r.spec.blueGreen().contains(QLatin1String("scaleDownDelaySeconds"))
        && !AnalysisStarter::skipPostPromotion(r)
        && JsonUtil::stringAt(r.currentRuns.postPromotion, "status.phase")
            != QLatin1String("Successful"))
        return;
    std::sort(old.begin(), old.end(),
              [](const RsState *a, const RsState *b) { return a->revision() > b->revision(); });
    int annotated = 0;
    for (RsState *rs : old) {
        if (r.isReplicaSetReferenced(*rs) || rs->specReplicas() == 0)
            continue;
        const int desired = r.scaleDownDelayHelper(*rs, annotated, r.spec.replicas());
        if (rs->specReplicas() != desired)
            r.scaleReplicaSet(*rs, desired);
    }
}

void BlueGreenStrategy::reconcilePause()
{
    if (r.status.abort || !readyForPause() || !r.haltProgress().isEmpty())
        return;
    if (fastTracked() || r.status.scaleUpPreviewCheckPoint || !needsControllerPause()) {
        r.pause.removeReasons << kBlueGreenPause;
        return;
    }
    if (!completedPrePromotionAnalysis())
        return;
    if (r.status.pauseCondition(kBlueGreenPause)) {
        if (completedPause())
            r.pause.removeReasons << kBlueGreenPause;
    } else if (!r.status.controllerPause) {
        r.pause.addReasons << kBlueGreenPause;
    }
}

void BlueGreenStrategy::reconcileActiveService()
{
    if (!r.haltProgress().isEmpty() || !readyForPause() || !r.isSaturated(r.newRS))
        return;
    QString hash = m_active;
    if (fastTracked() || (completedPause() && completedPrePromotionAnalysis()))
        hash = r.newRS->hash();
    if (r.status.abort)
        hash = r.status.stableRS;
    m_active = hash;
    r.switchService(r.spec.activeService(), hash);
}

bool BlueGreenStrategy::scaleUpPreviewCheckPoint() const
{
    const std::optional<int> preview = r.spec.previewReplicaCount();
    if (!preview)
        return false;
    if (r.status.scaleUpPreviewCheckPoint)
        return true;
    if (!completedPrePromotionAnalysis() || !completedPause())
        return false;
    return r.newRS && *preview == r.newRS->available();
}

void BlueGreenStrategy::syncStatus()
{
    RolloutStatus next = r.calculateBaseStatus();
    next.stableRS = r.status.stableRS;
    if (r.podTemplateChanged())
        r.resetRolloutStatus(next);
    if (r.status.promoteFull) {
        r.pause.clear = true;
        r.pause.removeAbort = true;
    }
    next.previewSelector = m_preview;
    next.activeSelector = m_active;
    const QString reason = r.shouldFullPromote(next);
    if (!reason.isEmpty())
        r.promoteStable(next, reason);
    else
        next.scaleUpPreviewCheckPoint = scaleUpPreviewCheckPoint();

    if (const RsState *active = r.replicaSetByHash(next.activeSelector)) {
        next.hpaReplicas = active->statusReplicas();
        QStringList parts;
        const QJsonObject labels = JsonUtil::objectAt(active->object, "spec.selector.matchLabels");
        for (auto it = labels.begin(); it != labels.end(); ++it)
            parts << it.key() + u'=' + it.value().toString();
        next.selector = parts.join(u',');
        next.availableReplicas = active->available();
        next.readyReplicas = active->ready();
    } else {
        next.hpaReplicas = 0;
        next.availableReplicas = 0;
        for (const auto &rs : r.allRSs) {
            next.hpaReplicas += rs->statusReplicas();
            next.availableReplicas += rs->available();
        }
        next.selector = r.spec.selectorString();
    }
    r.calculateRolloutConditions(next);
    r.persist(next);
}

} // namespace rdsim

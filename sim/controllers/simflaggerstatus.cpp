// SPDX-License-Identifier: GPL-3.0-or-later
// The Canary status writes of Flagger's canary.Controller (pkg/canary/status.go): each sets
// lastTransitionTime, and the Promoted condition when the phase says something new.
#include "simflaggercontroller.h"

#include "eventrecorder.h"
#include "jsonutil.h"
#include "simflaggerphases.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

namespace rdsim {

using namespace FlaggerPhases;

namespace {
const QString kFlaggerComponent = QStringLiteral("flagger");
const QString kReason = QStringLiteral("Synced");
} // namespace

void FlaggerController::writeStatus(Run &run, QJsonObject status, const QString &phase)
{
    const QString now = m_clock.nowRfc3339();
    status.insert(QStringLiteral("lastTransitionTime"), now);
    const QJsonArray conditions
        = nextConditions(JsonUtil::objectAt(run.canary, "status"), phase, run.spec.targetKind, now);
    if (!conditions.isEmpty())
        status.insert(QStringLiteral("conditions"), conditions);
    QJsonObject canary = run.canary;
    canary.insert(QStringLiteral("status"), status);
    const StoreResult result = m_store.update(canaryType(), canary, WriteScope::Status);
    if (result.ok())
        run.canary = result.object;
}

// SyncStatus: the phase and counters given, the template's checksum as applied (and promoted
// when Initialized), the tracked configs (rd-sim serves no ConfigMaps or Secrets: none).
void FlaggerController::syncStatus(Run &run, const QString &phase, int weight, int failedChecks,
                                   int iterations)
{
    QJsonObject status = JsonUtil::objectAt(run.canary, "status");
    status.insert(QStringLiteral("phase"), phase);
    status.insert(QStringLiteral("canaryWeight"), weight);
    status.insert(QStringLiteral("failedChecks"), failedChecks);
    status.insert(QStringLiteral("iterations"), iterations);
    status.insert(QStringLiteral("lastAppliedSpec"), run.checksum);
    if (phase == initializedPhase())
        status.insert(QStringLiteral("lastPromotedSpec"), run.checksum);
    status.insert(QStringLiteral("trackedConfigs"), QJsonObject());
    writeStatus(run, status, phase);
}

// SetStatusPhase: outside Progressing, Waiting and Promoting the weight and iterations go to
// 0 (WaitingPromotion: iterations - 1); Initialized and Succeeded promote the applied spec.
void FlaggerController::setPhase(Run &run, const QString &phase)
{
    QJsonObject status = JsonUtil::objectAt(run.canary, "status");
    status.insert(QStringLiteral("phase"), phase);
    if (phase != progressingPhase() && phase != waitingPhase() && phase != promotingPhase()) {
        status.insert(QStringLiteral("canaryWeight"), 0);
        status.insert(QStringLiteral("iterations"),
                      phase == waitingPromotionPhase() ? run.spec.iterations - 1 : 0);
    }
    if (!status.contains(QLatin1String("failedChecks")))
        status.insert(QStringLiteral("failedChecks"), 0);
    if (phase == initializedPhase() || phase == succeededPhase())
        status.insert(QStringLiteral("lastPromotedSpec"),
                      status.value(QLatin1String("lastAppliedSpec")));
    writeStatus(run, status, phase);
}

void FlaggerController::setStatusField(Run &run, const char *field, int value)
{
    QJsonObject status = JsonUtil::objectAt(run.canary, "status");
    status.insert(QLatin1String(field), value);
    writeStatus(run, status, run.phase());
}

void FlaggerController::info(const Run &run, const QString &message)
{
    m_events.normal(run.canary, kFlaggerComponent, kReason, message);
}

void FlaggerController::warning(const Run &run, const QString &message)
{
    m_events.warning(run.canary, kFlaggerComponent, kReason, message);
}

int FlaggerController::routedWeight(const Run &run) const
{
    const auto it = m_routes.constFind(JsonUtil::uid(run.canary));
    return it != m_routes.constEnd() ? *it : run.statusInt("canaryWeight");
}

void FlaggerController::setRoutes(const Run &run, int canaryWeight)
{
    m_routes.insert(JsonUtil::uid(run.canary), canaryWeight);
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis half of Flagger's scheduler (scheduler.go): manual rollback, promotion and
// finalising, the failed-checks threshold, the checks of each interval, and the traffic
// steps of a canary or the iterations of a blue/green.
#include "simflaggercontroller.h"

#include "simflaggerphases.h"

#include <algorithm>

namespace rdsim {

using namespace FlaggerPhases;

namespace {
constexpr int kFlaggerTotalWeight = 100;
// Flagger's kubernetes provider cannot shift traffic: it runs a blue/green of 10 iterations.
constexpr int kKubernetesIterations = 10;
} // namespace

bool FlaggerController::handleManualRollbackOrPromotion(Run &run)
{
    const QString phase = run.phase();
    if ((phase == progressingPhase() || phase == waitingPhase() || phase == waitingPromotionPhase())
        && rollbackRequested(run)) {
        warning(run, QStringLiteral("Rolling back %1 manual webhook invoked").arg(run.id()));
        rollback(run);
        return false;
    }
    if (phase == promotingPhase()) {
        const int promotionStep = run.spec.stepWeightPromotion;
        if (run.provider() == QLatin1String("kubernetes")) {
            setPhase(run, finalisingPhase());
        } else if (promotionStep == 0) {
            info(run, QStringLiteral("Routing all traffic to primary"));
            setRoutes(run, 0);
            setPhase(run, finalisingPhase());
        } else {
            const int canaryWeight = std::max(0, routedWeight(run) - promotionStep);
            setRoutes(run, canaryWeight);
            info(run,
                 QStringLiteral("Advance %1 primary weight %2")
                     .arg(run.id())
                     .arg(kFlaggerTotalWeight - canaryWeight));
            if (canaryWeight == 0)
                setPhase(run, finalisingPhase());
            else
                setStatusField(run, "canaryWeight", canaryWeight);
        }
        return false;
    }
    if (phase == finalisingPhase()) {
        scaleTarget(run, 0);
        setPhase(run, succeededPhase());
        info(run, QStringLiteral("Promotion completed! Scaling down %1").arg(run.targetId()));
        return false;
    }
    return true;
}

bool FlaggerController::failWhenThresholdReached(Run &run)
{
    const QString phase = run.phase();
    if ((phase == progressingPhase() || phase == waitingPromotionPhase())
        && run.statusInt("failedChecks") >= run.spec.threshold) {
        rollback(run);
        return false;
    }
    return true;
}

// The first tick of an analysis (nothing routed yet) runs the pre-rollout hooks; the others
// the rollout hooks and the metrics. A failure counts one failed check.
bool FlaggerController::runChecks(Run &run)
{
    bool passed = true;
    if (routedWeight(run) == 0 && run.statusInt("iterations") == 0 && !run.spec.mirror) {
        info(run, QStringLiteral("Starting canary analysis for %1").arg(run.targetId()));
        passed = callHooks(run, QStringLiteral("pre-rollout"), progressingPhase());
    } else {
        passed
            = callHooks(run, QStringLiteral("rollout"), progressingPhase()) && runMetricChecks(run);
    }
    if (!passed) {
        setStatusField(run, "failedChecks", run.statusInt("failedChecks") + 1);
        return false;
    }
    if (run.provider() == QLatin1String("kubernetes") && run.spec.iterations < 1) {
        warning(run,
                QStringLiteral("Progressive traffic is not supported when using the "
                               "kubernetes provider"));
        warning(run, QStringLiteral("Setting canaryAnalysis.iterations: 10"));
        run.spec.iterations = kKubernetesIterations;
    }
    return true;
}

void FlaggerController::advanceCanaryWeight(Run &run)
{
    const int weight = routedWeight(run);
    const int step = run.spec.nextStepWeight(weight);
    if (step <= 0)
        return;
    const QString phase = run.phase();
    if (phase != promotingPhase() && phase != waitingPromotionPhase() && phase != finalisingPhase()
        && !confirmTrafficIncrease(run))
        return;
    if (weight < run.spec.effectiveMaxWeight()) {
        const int next = std::min(kFlaggerTotalWeight, weight + step);
        setRoutes(run, next);
        setStatusField(run, "canaryWeight", next);
        info(run, QStringLiteral("Advance %1 canary weight %2").arg(run.id()).arg(next));
        return;
    }
    if (confirmPromotion(run))
        promote(run);
}

void FlaggerController::advanceBlueGreen(Run &run)
{
    const int done = run.statusInt("iterations");
    const int wanted = run.spec.iterations;
    if (wanted > done) {
        setStatusField(run, "iterations", done + 1);
        info(run,
             QStringLiteral("Advance %1 canary iteration %2/%3")
                 .arg(run.id())
                 .arg(done + 1)
                 .arg(wanted));
        return;
    }
    if (!confirmPromotion(run))
        return;
    if (wanted == done) {
        if (run.provider() != QLatin1String("kubernetes")) {
            info(run, QStringLiteral("Routing all traffic to canary"));
            setRoutes(run, kFlaggerTotalWeight);
        }
        setStatusField(run, "iterations", done + 1);
        return;
    }
    promote(run);
}

void FlaggerController::promote(Run &run)
{
    info(run,
         QStringLiteral("Copying %1 template spec to %2.%3")
             .arg(run.targetId(), run.primaryName(), run.ns));
    copyTemplateToPrimary(run);
    setPhase(run, promotingPhase());
}

void FlaggerController::skipAnalysis(Run &run)
{
    setRoutes(run, 0);
    info(run,
         QStringLiteral("Copying %1 template spec to %2.%3")
             .arg(run.targetId(), run.primaryName(), run.ns));
    copyTemplateToPrimary(run);
    scaleTarget(run, 0);
    setPhase(run, succeededPhase());
    info(run,
         QStringLiteral("Promotion completed! Canary analysis was skipped for %1")
             .arg(run.targetId()));
}

// All traffic back to the primary, the target scaled to zero, Failed (Flagger's SyncStatus
// then also resets failedChecks and iterations to 0).
void FlaggerController::rollback(Run &run)
{
    const int failedChecks = run.statusInt("failedChecks");
    if (failedChecks >= run.spec.threshold)
        warning(run,
                QStringLiteral("Rolling back %1 failed checks threshold reached %2")
                    .arg(run.id())
                    .arg(failedChecks));
    setRoutes(run, 0);
    warning(run, QStringLiteral("Canary failed! Scaling down %1").arg(run.id()));
    scaleTarget(run, 0);
    syncStatus(run, failedPhase());
}

} // namespace rdsim

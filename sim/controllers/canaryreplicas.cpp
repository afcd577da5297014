// SPDX-License-Identifier: GPL-3.0-or-later
#include "canaryreplicas.h"

#include "jsonutil.h"
#include "rolloutreconciler.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rdsim {

namespace CanaryReplicas {

namespace {

bool tied(int weight, int total)
{
    const double value = double(total) * (double(weight) / 100.0);
    return value - std::floor(value) == 0.5;
}

double delta(int weight, int canary, int total)
{
    return std::abs(double(canary * 100) / double(total) - double(weight));
}

int replicasForScaleDown(const RsState *rs, bool ignoreAvailability)
{
    if (!rs)
        return 0;
    if (rs->specReplicas() < rs->available())
        return rs->specReplicas();
    return ignoreAvailability ? rs->specReplicas() : rs->available();
}

int scaleDownCount(const RsState *drain, int desired, int scaleDown, int current)
{
    if (drain && drain->specReplicas() > desired)
        return std::max(desired, drain->specReplicas() - scaleDown);
    return current;
}

// adjustReplicaWithinLimits: keeps the pair within maxSurge while not dropping below the
// minimum availability.
std::pair<int, int> adjust(const RsState *drain, const RsState *adjustRs, int drainCount,
                           int adjustCount, int maxAllowed, int minAvailable)
{
    int overLimit = std::max(0, adjustCount + drainCount - maxAllowed);
    int totalAvailable = 0;
    if (drain)
        totalAvailable += std::min(drain->available(), drainCount);
    if (adjustRs) {
        adjustCount -= overLimit;
        totalAvailable += std::min(adjustRs->available(), adjustCount);
        const int extra = std::max(0, adjustRs->available() - adjustCount);
        const int missing = std::max(0, minAvailable - totalAvailable);
        adjustCount += std::min(extra, missing);
        overLimit = std::max(0, adjustCount + drainCount - maxAllowed);
        drainCount -= overLimit;
    }
    return {drainCount, adjustCount};
}

int weightToReplicas(int replicas, int weight)
{
    return int(std::ceil(double(weight * replicas) / 100.0));
}

int withMinPods(const RolloutReconciler &r, int count)
{
    const QJsonValue minPods = r.spec.canary().value(QLatin1String("minPodsPerReplicaSet"));
    if (count == 0 || !minPods.isDouble() || !r.spec.hasTrafficRouting())
        return count;
    return std::max(count, minPods.toInt());
}

std::optional<QJsonObject> setCanaryScale(const RolloutReconciler &r)
{
    if (!r.spec.hasTrafficRouting())
        return std::nullopt;
    if (r.status.abort && r.spec.abortScaleDownDelaySeconds())
        return std::nullopt;
    const int steps = r.spec.stepCount();
    const int index = r.currentStepIndex();
    if (steps == 0 || index >= steps)
        return std::nullopt;
    for (int i = index; i >= 0; --i) {
        const QJsonObject step = r.spec.step(i);
        if (!step.contains(QLatin1String("setCanaryScale")))
            continue;
        const QJsonObject scale = step.value(QLatin1String("setCanaryScale")).toObject();
        if (scale.value(QLatin1String("matchTrafficWeight")).toBool())
            return std::nullopt;
        return scale;
    }
    return std::nullopt;
}

} // namespace

int currentSetWeight(const RolloutReconciler &r)
{
    if (r.status.abort)
        return 0;
    const int steps = r.spec.stepCount();
    const int index = r.currentStepIndex();
    if (steps == 0 || index >= steps)
        return 100;
    for (int i = index; i >= 0; --i) {
        const QJsonObject step = r.spec.step(i);
        if (step.contains(QLatin1String("setWeight")))
            return step.value(QLatin1String("setWeight")).toInt();
    }
    return 0;
}

std::pair<std::optional<int>, int> replicasOrWeight(const RolloutReconciler &r)
{
    if (r.status.promoteFull || r.status.stableRS.isEmpty()
        || r.status.currentPodHash == r.status.stableRS)
        return {std::nullopt, 100};
    if (const std::optional<QJsonObject> scale = setCanaryScale(r)) {
        if (scale->contains(QLatin1String("replicas")))
            return {scale->value(QLatin1String("replicas")).toInt(), 0};
        if (scale->contains(QLatin1String("weight")))
            return {std::nullopt, scale->value(QLatin1String("weight")).toInt()};
    }
    return {std::nullopt, currentSetWeight(r)};
}

std::pair<int, int> approximate(int replicas, int weight, int maxSurge)
{
    if (replicas == 0)
        return {0, 0};
    struct Option
    {
        int canary;
        int total;
    };
    std::vector<Option> options;
    const int ceilCount = int(std::ceil(double(replicas * weight) / 100.0));
    const int floorCount = int(std::floor(double(replicas * weight) / 100.0));
    const bool zeroAllowed = weight == 100 || weight == 0 || (replicas == 1 && maxSurge == 0);
    if (ceilCount < replicas || zeroAllowed)
        options.push_back({ceilCount, replicas});
    if (!tied(weight, replicas) && (floorCount != 0 || zeroAllowed))
        options.push_back({floorCount, replicas});
    if (maxSurge > 0) {
        options.push_back({ceilCount, replicas + 1});
        if (!tied(weight, replicas + 1) && (floorCount != 0 || zeroAllowed))
            options.push_back({floorCount, replicas + 1});
    }
    if (options.empty())
        return {0, replicas};
    Option best = options.front();
    double bestDelta = delta(weight, best.canary, best.total);
    for (const Option &option : options) {
        const double d = delta(weight, option.canary, option.total);
        if (d < bestDelta) {
            best = option;
            bestDelta = d;
        }
    }
    return {best.canary, best.total - best.canary};
}

std::pair<int, int> basic(const RolloutReconciler &r)
{
    const int replicas = r.spec.replicas();
    const int weight = replicasOrWeight(r).second;
    const int maxSurge = r.spec.maxSurge();
    auto [desiredNew, desiredStable] = approximate(replicas, weight, maxSurge);
    const RsState *newRs = r.newRS;
    const RsState *stableRs = r.stableRS;

    int newCount = newRs ? newRs->specReplicas() : 0;
    int stableCount = 0;
    const bool scaleStable = stableRs && stableRs != newRs;
    if (scaleStable) {
        stableCount = stableRs->specReplicas();
    } else {
        // Without a separate stable ReplicaSet the canary steps do not apply: go to 100%.
        desiredNew = replicas;
        desiredStable = 0;
    }
    const int maxAllowed = replicas + maxSurge;
    int total = newRs ? newRs->specReplicas() : 0;
    int otherTotal = 0;
    for (const RsState *rs : r.otherRSs)
        otherTotal += rs->specReplicas();
    total += otherTotal;
    if (scaleStable)
        total += stableRs->specReplicas();
    int scaleUp = maxAllowed - total;

    if (scaleStable && stableRs->specReplicas() < desiredStable && scaleUp > 0) {
        if (stableRs->specReplicas() + scaleUp < desiredStable) {
            stableCount = stableRs->specReplicas() + scaleUp;
            scaleUp = 0;
        } else {
            stableCount = desiredStable;
            scaleUp -= desiredStable - stableRs->specReplicas();
        }
    }
    if (newRs && newRs->specReplicas() < desiredNew && scaleUp > 0)
        newCount = std::min(newRs->specReplicas() + scaleUp, desiredNew);

    // Older ReplicaSets are scaled down first, before the canary or stable shrink.
    if (otherTotal > 0)
        return {newCount, stableCount};

    const int minAvailable = replicas - r.spec.maxUnavailable();
    const bool increasing = !newRs || desiredNew >= newRs->specReplicas();
    const int toScaleDown
        = replicasForScaleDown(newRs, !increasing) + replicasForScaleDown(stableRs, increasing);
    if (toScaleDown <= minAvailable)
        return {newCount, stableCount};
    const int scaleDown = toScaleDown - minAvailable;
    if (!increasing) {
        newCount = scaleDownCount(newRs, desiredNew, scaleDown, newCount);
        std::tie(newCount, stableCount)
            = adjust(newRs, stableRs, newCount, stableCount, maxAllowed, minAvailable);
    } else if (scaleStable) {
        stableCount = scaleDownCount(stableRs, desiredStable, scaleDown, stableCount);
        std::tie(stableCount, newCount)
            = adjust(stableRs, newRs, stableCount, newCount, maxAllowed, minAvailable);
    }
    return {newCount, stableCount};
}

std::pair<int, int> trafficRouted(const RolloutReconciler &r, const QJsonObject &weights)
{
    const int replicas = r.spec.replicas();
    const auto [pinned, weight] = replicasOrWeight(r);
    int canary = pinned ? *pinned : withMinPods(r, weightToReplicas(replicas, weight));
    if (!r.spec.dynamicStableScale())
        return {canary, replicas};
    int stable = weightToReplicas(replicas, 100 - weight);
    if (!weights.isEmpty()) {
        stable = std::max(
            stable, weightToReplicas(replicas, int(JsonUtil::intAt(weights, "stable.weight"))));
        if (r.status.abort)
            canary = std::max(
                canary, weightToReplicas(replicas, int(JsonUtil::intAt(weights, "canary.weight"))));
    }
    return {withMinPods(r, canary), withMinPods(r, stable)};
}

std::pair<int, int> desired(const RolloutReconciler &r, const QJsonObject &weights)
{
    return r.spec.hasTrafficRouting() ? trafficRouted(r, weights) : basic(r);
}

bool atDesiredCounts(const RolloutReconciler &r, const QJsonObject &weights)
{
    const auto [canary, stable] = desired(r, weights);
    if (!r.newRS || r.newRS->specReplicas() != canary || r.newRS->available() != canary)
        return false;
    if (!r.spec.hasTrafficRouting() || !r.spec.dynamicStableScale()) {
        if (!r.stableRS || r.stableRS->specReplicas() != stable
            || r.stableRS->statusReplicas() != stable)
            return false;
    }
    if (!r.spec.hasTrafficRouting()) {
        for (const RsState *rs : r.otherRSs) {
            if (rs->available() != 0)
                return false;
        }
    }
    return true;
}

} // namespace CanaryReplicas

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoders_p.h"
#include "rollout.h"

namespace JsonRead {

static void decodePauseCondition(Context &ctx, Element value, const Path &path, PauseCondition &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "reason"))
            readToken(ctx, v, p, out.reason);
        else if (is(key, "startTime"))
            readTime(ctx, v, p, out.startTime);
    });
}

static void decodeRunStatus(Context &ctx, Element value, const Path &path,
                            std::optional<AnalysisRunStatusRef> &out)
{
    if (value.is_null())
        return;
    AnalysisRunStatusRef ref;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readString(ctx, v, p, ref.name);
        else if (is(key, "status"))
            readToken(ctx, v, p, ref.status);
        else if (is(key, "message"))
            readString(ctx, v, p, ref.message);
    });
    out = std::move(ref);
}

static void decodeTrafficWeight(Context &ctx, Element value, const Path &path, TrafficWeight &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "weight"))
            readInt32(ctx, v, p, out.weight);
        else if (is(key, "serviceName"))
            readToken(ctx, v, p, out.serviceName);
        else if (is(key, "podTemplateHash"))
            readToken(ctx, v, p, out.podTemplateHash);
    });
}

static void decodeWeights(Context &ctx, Element value, const Path &path,
                          std::optional<TrafficWeights> &out)
{
    if (value.is_null())
        return;
    TrafficWeights weights;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "canary"))
            decodeTrafficWeight(ctx, v, p, weights.canary);
        else if (is(key, "stable"))
            decodeTrafficWeight(ctx, v, p, weights.stable);
        else if (is(key, "additional"))
            readList(ctx, v, p, weights.additional, decodeTrafficWeight);
        else if (is(key, "verified"))
            readBool(ctx, v, p, weights.verified);
    });
    out = std::move(weights);
}

static void decodeCanaryStatus(Context &ctx, Element value, const Path &path, RolloutStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "weights"))
            decodeWeights(ctx, v, p, out.canaryWeights);
        else if (is(key, "currentStepAnalysisRunStatus"))
            decodeRunStatus(ctx, v, p, out.currentStepAnalysisRunStatus);
        else if (is(key, "currentBackgroundAnalysisRunStatus"))
            decodeRunStatus(ctx, v, p, out.currentBackgroundAnalysisRunStatus);
        else if (is(key, "currentExperiment"))
            readString(ctx, v, p, out.currentExperiment);
        else if (is(key, "stablePingPong"))
            readToken(ctx, v, p, out.stablePingPong);
    });
}

static void decodeBlueGreenStatus(Context &ctx, Element value, const Path &path, RolloutStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "activeSelector"))
            readToken(ctx, v, p, out.activeSelector);
        else if (is(key, "previewSelector"))
            readToken(ctx, v, p, out.previewSelector);
        else if (is(key, "scaleUpPreviewCheckPoint"))
            readBool(ctx, v, p, out.scaleUpPreviewCheckPoint);
        else if (is(key, "prePromotionAnalysisRunStatus"))
            decodeRunStatus(ctx, v, p, out.prePromotionAnalysisRunStatus);
        else if (is(key, "postPromotionAnalysisRunStatus"))
            decodeRunStatus(ctx, v, p, out.postPromotionAnalysisRunStatus);
    });
}

// observedGeneration is a string, but tolerate a number: some tools write one.
static void readGeneration(Context &ctx, Element value, const Path &path, QString &out)
{
    if (value.type() == simdjson::dom::element_type::INT64) {
        out = QString::number(value.get_int64().value_unsafe());
        return;
    }
    readToken(ctx, value, path, out); // a small number, the same for many rollouts
}

void decodeRolloutStatus(Context &ctx, Element value, const Path &path, RolloutStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "phase"))
            readToken(ctx, v, p, out.phase);
        else if (is(key, "message")) // "CanaryPauseStep", "more replicas need to be updated"
            readToken(ctx, v, p, out.message);
        else if (is(key, "currentStepIndex"))
            readInt32(ctx, v, p, out.currentStepIndex);
        else if (is(key, "pauseConditions"))
            readList(ctx, v, p, out.pauseConditions, decodePauseCondition);
        else if (is(key, "controllerPause"))
            readBool(ctx, v, p, out.controllerPause);
        else if (is(key, "abort"))
            readBool(ctx, v, p, out.abort);
        else if (is(key, "abortedAt"))
            readTime(ctx, v, p, out.abortedAt);
        else if (is(key, "promoteFull"))
            readBool(ctx, v, p, out.promoteFull);
        else if (is(key, "restartedAt"))
            readTime(ctx, v, p, out.restartedAt);
        else if (is(key, "stableRS"))
            readToken(ctx, v, p, out.stableRS);
        else if (is(key, "currentPodHash"))
            readToken(ctx, v, p, out.currentPodHash);
        else if (is(key, "currentStepHash"))
            readToken(ctx, v, p, out.currentStepHash);
        else if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "updatedReplicas"))
            readInt32(ctx, v, p, out.updatedReplicas);
        else if (is(key, "readyReplicas"))
            readInt32(ctx, v, p, out.readyReplicas);
        else if (is(key, "availableReplicas"))
            readInt32(ctx, v, p, out.availableReplicas);
        else if (is(key, "HPAReplicas"))
            readInt32(ctx, v, p, out.hpaReplicas);
        else if (is(key, "selector"))
            readString(ctx, v, p, out.selector);
        else if (is(key, "observedGeneration"))
            readGeneration(ctx, v, p, out.observedGeneration);
        else if (is(key, "workloadObservedGeneration"))
            readGeneration(ctx, v, p, out.workloadObservedGeneration);
        else if (is(key, "conditions"))
            decodeConditions(ctx, v, p, out.conditions);
        else if (is(key, "canary"))
            decodeCanaryStatus(ctx, v, p, out);
        else if (is(key, "blueGreen"))
            decodeBlueGreenStatus(ctx, v, p, out);
    });
}

} // namespace JsonRead

// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoders_p.h"
#include "rollout.h"

namespace JsonRead {

static void decodePauseCondition(Context &ctx, Element value, const Path &path,
                                 PauseCondition &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "reason")
            readToken(ctx, v, p, out.reason);
        else if (key == "startTime")
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
        if (key == "name")
            readString(ctx, v, p, ref.name);
        else if (key == "status")
            readToken(ctx, v, p, ref.status);
        else if (key == "message")
            readString(ctx, v, p, ref.message);
    });
    out = std::move(ref);
}

static void decodeTrafficWeight(Context &ctx, Element value, const Path &path,
                                TrafficWeight &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "weight")
            readInt32(ctx, v, p, out.weight);
        else if (key == "serviceName")
            readToken(ctx, v, p, out.serviceName);
        else if (key == "podTemplateHash")
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
        if (key == "canary")
            decodeTrafficWeight(ctx, v, p, weights.canary);
        else if (key == "stable")
            decodeTrafficWeight(ctx, v, p, weights.stable);
        else if (key == "additional")
            readList(ctx, v, p, weights.additional, decodeTrafficWeight);
        else if (key == "verified")
            readBool(ctx, v, p, weights.verified);
    });
    out = std::move(weights);
}

static void decodeCanaryStatus(Context &ctx, Element value, const Path &path, RolloutStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "weights")
            decodeWeights(ctx, v, p, out.canaryWeights);
        else if (key == "currentStepAnalysisRunStatus")
            decodeRunStatus(ctx, v, p, out.currentStepAnalysisRunStatus);
        else if (key == "currentBackgroundAnalysisRunStatus")
            decodeRunStatus(ctx, v, p, out.currentBackgroundAnalysisRunStatus);
        else if (key == "currentExperiment")
            readString(ctx, v, p, out.currentExperiment);
        else if (key == "stablePingPong")
            readToken(ctx, v, p, out.stablePingPong);
    });
}

static void decodeBlueGreenStatus(Context &ctx, Element value, const Path &path,
                                  RolloutStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "activeSelector")
            readToken(ctx, v, p, out.activeSelector);
        else if (key == "previewSelector")
            readToken(ctx, v, p, out.previewSelector);
        else if (key == "scaleUpPreviewCheckPoint")
            readBool(ctx, v, p, out.scaleUpPreviewCheckPoint);
        else if (key == "prePromotionAnalysisRunStatus")
            decodeRunStatus(ctx, v, p, out.prePromotionAnalysisRunStatus);
        else if (key == "postPromotionAnalysisRunStatus")
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
    readString(ctx, value, path, out);
}

void decodeRolloutStatus(Context &ctx, Element value, const Path &path, RolloutStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "phase")
            readToken(ctx, v, p, out.phase);
        else if (key == "message")
            readString(ctx, v, p, out.message);
        else if (key == "currentStepIndex")
            readInt32(ctx, v, p, out.currentStepIndex);
        else if (key == "pauseConditions")
            readList(ctx, v, p, out.pauseConditions, decodePauseCondition);
        else if (key == "controllerPause")
            readBool(ctx, v, p, out.controllerPause);
        else if (key == "abort")
            readBool(ctx, v, p, out.abort);
        else if (key == "abortedAt")
            readTime(ctx, v, p, out.abortedAt);
        else if (key == "promoteFull")
            readBool(ctx, v, p, out.promoteFull);
        else if (key == "restartedAt")
            readTime(ctx, v, p, out.restartedAt);
        else if (key == "stableRS")
            readToken(ctx, v, p, out.stableRS);
        else if (key == "currentPodHash")
            readToken(ctx, v, p, out.currentPodHash);
        else if (key == "currentStepHash")
            readToken(ctx, v, p, out.currentStepHash);
        else if (key == "replicas")
            readInt32(ctx, v, p, out.replicas);
        else if (key == "updatedReplicas")
            readInt32(ctx, v, p, out.updatedReplicas);
        else if (key == "readyReplicas")
            readInt32(ctx, v, p, out.readyReplicas);
        else if (key == "availableReplicas")
            readInt32(ctx, v, p, out.availableReplicas);
        else if (key == "HPAReplicas")
            readInt32(ctx, v, p, out.hpaReplicas);
        else if (key == "selector")
            readString(ctx, v, p, out.selector);
        else if (key == "observedGeneration")
            readGeneration(ctx, v, p, out.observedGeneration);
        else if (key == "workloadObservedGeneration")
            readGeneration(ctx, v, p, out.workloadObservedGeneration);
        else if (key == "conditions")
            decodeConditions(ctx, v, p, out.conditions);
        else if (key == "canary")
            decodeCanaryStatus(ctx, v, p, out);
        else if (key == "blueGreen")
            decodeBlueGreenStatus(ctx, v, p, out);
    });
}

} // namespace JsonRead

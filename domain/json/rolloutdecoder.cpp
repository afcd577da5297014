// SPDX-License-Identifier: GPL-3.0-or-later
// Rollout metadata and spec (strategy and steps); the status is in rolloutstatusdecoder.cpp.
#include "decoders_p.h"
#include "rollout.h"
#include "trafficroutingdecoder_p.h"

namespace JsonRead {

static void decodeExperimentTemplate(Context &ctx, Element value, const Path &path,
                                     ExperimentTemplate &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readToken(ctx, v, p, out.name);
        else if (is(key, "specRef"))
            readToken(ctx, v, p, out.specRef);
        else if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "weight"))
            readInt32(ctx, v, p, out.weight);
    });
}

void decodeExperimentAnalysis(Context &ctx, Element value, const Path &path,
                              ExperimentAnalysis &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readToken(ctx, v, p, out.name);
        else if (is(key, "templateName"))
            readToken(ctx, v, p, out.templateName);
        else if (is(key, "clusterScope"))
            readBool(ctx, v, p, out.clusterScope);
        else if (is(key, "requiredForCompletion"))
            readBool(ctx, v, p, out.requiredForCompletion);
    });
}

static void decodeExperimentStep(Context &ctx, Element value, const Path &path, ExperimentStep &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "templates")) {
            readList(ctx, v, p, out.templates, decodeExperimentTemplate);
        } else if (is(key, "analyses")) {
            readList(ctx, v, p, out.analyses, decodeExperimentAnalysis);
        } else if (is(key, "duration")) {
            IntOrString duration; // a DurationString; tolerate a bare number of seconds
            if (readIntOrString(ctx, v, p, duration))
                out.duration = duration.toString();
        }
    });
}

static void decodeSetCanaryScale(Context &ctx, Element value, const Path &path, SetCanaryScale &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "weight"))
            readInt32(ctx, v, p, out.weight);
        else if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "matchTrafficWeight"))
            readBool(ctx, v, p, out.matchTrafficWeight);
    });
}

static void decodeHeaderMatch(Context &ctx, Element value, const Path &path, HeaderRouteMatch &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "headerName")) {
            readToken(ctx, v, p, out.headerName);
        } else if (is(key, "headerValue")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element hv, const Path &hp) {
                if (is(k, "exact"))
                    readString(ctx, hv, hp, out.exact);
                else if (is(k, "prefix"))
                    readString(ctx, hv, hp, out.prefix);
                else if (is(k, "regex"))
                    readString(ctx, hv, hp, out.regex);
            });
        }
    });
}

static bool isPresent(Element value)
{
    return !value.is_null();
}

static void decodeStep(Context &ctx, Element value, const Path &path, RolloutStep &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "setWeight")) {
            readInt32(ctx, v, p, out.setWeight);
        } else if (is(key, "pause")) {
            Object pause;
            if (!asObject(ctx, v, p, pause))
                return;
            out.hasPause = true;
            Element duration;
            if (pause["duration"].get(duration) == simdjson::SUCCESS)
                readIntOrString(ctx, duration, p.child("duration"), out.pauseDuration);
        } else if (is(key, "experiment")) {
            if (!isPresent(v))
                return;
            out.experiment.emplace();
            decodeExperimentStep(ctx, v, p, *out.experiment);
        } else if (is(key, "analysis")) {
            if (!isPresent(v))
                return;
            out.analysis.emplace();
            decodeRolloutAnalysis(ctx, v, p, *out.analysis);
        } else if (is(key, "setCanaryScale")) {
            if (!isPresent(v))
                return;
            out.setCanaryScale.emplace();
            decodeSetCanaryScale(ctx, v, p, *out.setCanaryScale);
        } else if (is(key, "setHeaderRoute")) {
            out.hasHeaderRoute = isPresent(v);
            forEachMember(ctx, v, p, [&](std::string_view k, Element hv, const Path &hp) {
                if (is(k, "name"))
                    readToken(ctx, hv, hp, out.routeName);
                else if (is(k, "match"))
                    readList(ctx, hv, hp, out.headerMatches, decodeHeaderMatch);
            });
        } else if (is(key, "setMirrorRoute")) {
            decodeMirrorRoute(ctx, v, p, out);
        } else if (is(key, "plugin")) {
            out.hasPlugin = isPresent(v);
            forEachMember(ctx, v, p, [&](std::string_view k, Element pv, const Path &pp) {
                if (is(k, "name"))
                    readToken(ctx, pv, pp, out.routeName);
                else if (is(k, "config"))
                    out.pluginConfig = minifiedJson(pv);
            });
        }
    });
    // The order CanaryStepString checks the members in.
    using Kind = RolloutStep::Kind;
    if (out.setWeight)
        out.kind = Kind::SetWeight;
    else if (out.hasPause)
        out.kind = Kind::Pause;
    else if (out.experiment)
        out.kind = Kind::Experiment;
    else if (out.analysis)
        out.kind = Kind::Analysis;
    else if (out.setCanaryScale)
        out.kind = Kind::SetCanaryScale;
    else if (out.hasHeaderRoute)
        out.kind = Kind::SetHeaderRoute;
    else if (out.hasMirrorRoute)
        out.kind = Kind::SetMirrorRoute;
    else if (out.hasPlugin)
        out.kind = Kind::Plugin;
}

static void decodeCanary(Context &ctx, Element value, const Path &path, CanaryStrategy &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "steps")) {
            readList(ctx, v, p, out.steps, decodeStep);
        } else if (is(key, "trafficRouting")) {
            decodeTrafficRouting(ctx, v, p, out);
        } else if (is(key, "canaryService")) {
            readToken(ctx, v, p, out.canaryService);
        } else if (is(key, "stableService")) {
            readToken(ctx, v, p, out.stableService);
        } else if (is(key, "analysis")) {
            if (!isPresent(v))
                return;
            out.hasBackgroundAnalysis = true;
            decodeRolloutAnalysis(ctx, v, p, out.backgroundAnalysis);
            Object object;
            Element startingStep;
            if (v.get_object().get(object) == simdjson::SUCCESS
                && object["startingStep"].get(startingStep) == simdjson::SUCCESS)
                readInt32(ctx, startingStep, p.child("startingStep"),
                          out.backgroundAnalysisStartingStep);
        } else if (is(key, "pingPong")) {
            decodePingPong(ctx, v, p, out);
        } else if (is(key, "maxSurge")) {
            readIntOrString(ctx, v, p, out.maxSurge);
        } else if (is(key, "maxUnavailable")) {
            readIntOrString(ctx, v, p, out.maxUnavailable);
        }
    });
}

static void decodeOptionalAnalysis(Context &ctx, Element value, const Path &path,
                                   std::optional<RolloutAnalysis> &out)
{
    if (!isPresent(value))
        return;
    out.emplace();
    decodeRolloutAnalysis(ctx, value, path, *out);
}

static void decodeBlueGreen(Context &ctx, Element value, const Path &path, BlueGreenStrategy &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "activeService"))
            readToken(ctx, v, p, out.activeService);
        else if (is(key, "previewService"))
            readToken(ctx, v, p, out.previewService);
        else if (is(key, "autoPromotionEnabled"))
            readBool(ctx, v, p, out.autoPromotionEnabled);
        else if (is(key, "autoPromotionSeconds"))
            readInt32(ctx, v, p, out.autoPromotionSeconds);
        else if (is(key, "previewReplicaCount"))
            readInt32(ctx, v, p, out.previewReplicaCount);
        else if (is(key, "scaleDownDelaySeconds"))
            readInt32(ctx, v, p, out.scaleDownDelaySeconds);
        else if (is(key, "prePromotionAnalysis"))
            decodeOptionalAnalysis(ctx, v, p, out.prePromotionAnalysis);
        else if (is(key, "postPromotionAnalysis"))
            decodeOptionalAnalysis(ctx, v, p, out.postPromotionAnalysis);
    });
}

static void decodeStrategy(Context &ctx, Element value, const Path &path, RolloutSpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "canary") && isPresent(v)) {
            out.canary.emplace();
            decodeCanary(ctx, v, p, *out.canary);
        } else if (is(key, "blueGreen") && isPresent(v)) {
            out.blueGreen.emplace();
            decodeBlueGreen(ctx, v, p, *out.blueGreen);
        }
    });
}

static void decodeWorkloadRef(Context &ctx, Element value, const Path &path, WorkloadRef &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "apiVersion"))
            readToken(ctx, v, p, out.apiVersion);
        else if (is(key, "kind"))
            readToken(ctx, v, p, out.kind);
        else if (is(key, "name"))
            readToken(ctx, v, p, out.name);
    });
}

static void decodeSpec(Context &ctx, Element value, const Path &path, RolloutSpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "paused"))
            readBool(ctx, v, p, out.paused);
        else if (is(key, "restartAt"))
            readTime(ctx, v, p, out.restartAt);
        else if (is(key, "workloadRef"))
            decodeWorkloadRef(ctx, v, p, out.workloadRef);
        else if (is(key, "progressDeadlineSeconds"))
            readInt32(ctx, v, p, out.progressDeadlineSeconds);
        else if (is(key, "progressDeadlineAbort"))
            readBool(ctx, v, p, out.progressDeadlineAbort);
        else if (is(key, "strategy"))
            decodeStrategy(ctx, v, p, out);
        else if (is(key, "template"))
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
    });
}

void decode(Context &ctx, Element value, const Path &path, Rollout &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata"))
            decodeMeta(ctx, v, p, out.metadata);
        else if (is(key, "spec"))
            decodeSpec(ctx, v, p, out.spec);
        else if (is(key, "status"))
            decodeRolloutStatus(ctx, v, p, out.status);
    });
}

} // namespace JsonRead

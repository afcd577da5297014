// SPDX-License-Identifier: GPL-3.0-or-later
// Rollout metadata and spec (strategy and steps); the status is in rolloutstatusdecoder.cpp.
#include "decoders_p.h"
#include "rollout.h"

namespace JsonRead {

static void decodeExperimentTemplate(Context &ctx, Element value, const Path &path,
                                     ExperimentTemplate &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "name")
            readToken(ctx, v, p, out.name);
        else if (key == "specRef")
            readToken(ctx, v, p, out.specRef);
        else if (key == "replicas")
            readInt32(ctx, v, p, out.replicas);
        else if (key == "weight")
            readInt32(ctx, v, p, out.weight);
    });
}

static void decodeExperimentAnalysis(Context &ctx, Element value, const Path &path,
                                     ExperimentAnalysis &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "name")
            readToken(ctx, v, p, out.name);
        else if (key == "templateName")
            readToken(ctx, v, p, out.templateName);
        else if (key == "clusterScope")
            readBool(ctx, v, p, out.clusterScope);
        else if (key == "requiredForCompletion")
            readBool(ctx, v, p, out.requiredForCompletion);
    });
}

static void decodeExperimentStep(Context &ctx, Element value, const Path &path,
                                 ExperimentStep &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "templates") {
            readList(ctx, v, p, out.templates, decodeExperimentTemplate);
        } else if (key == "analyses") {
            readList(ctx, v, p, out.analyses, decodeExperimentAnalysis);
        } else if (key == "duration") {
            IntOrString duration; // a DurationString; tolerate a bare number of seconds
            if (readIntOrString(ctx, v, p, duration))
                out.duration = duration.toString();
        }
    });
}

static void decodeSetCanaryScale(Context &ctx, Element value, const Path &path,
                                 SetCanaryScale &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "weight")
            readInt32(ctx, v, p, out.weight);
        else if (key == "replicas")
            readInt32(ctx, v, p, out.replicas);
        else if (key == "matchTrafficWeight")
            readBool(ctx, v, p, out.matchTrafficWeight);
    });
}

static void decodeHeaderMatch(Context &ctx, Element value, const Path &path,
                              HeaderRouteMatch &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "headerName") {
            readToken(ctx, v, p, out.headerName);
        } else if (key == "headerValue") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element hv, const Path &hp) {
                if (k == "exact")
                    readString(ctx, hv, hp, out.exact);
                else if (k == "prefix")
                    readString(ctx, hv, hp, out.prefix);
                else if (k == "regex")
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
        if (key == "setWeight") {
            readInt32(ctx, v, p, out.setWeight);
        } else if (key == "pause") {
            Object pause;
            if (!asObject(ctx, v, p, pause))
                return;
            out.hasPause = true;
            Element duration;
            if (pause["duration"].get(duration) == simdjson::SUCCESS)
                readIntOrString(ctx, duration, p.child("duration"), out.pauseDuration);
        } else if (key == "experiment") {
            if (!isPresent(v))
                return;
            out.experiment.emplace();
            decodeExperimentStep(ctx, v, p, *out.experiment);
        } else if (key == "analysis") {
            if (!isPresent(v))
                return;
            out.analysis.emplace();
            decodeRolloutAnalysis(ctx, v, p, *out.analysis);
        } else if (key == "setCanaryScale") {
            if (!isPresent(v))
                return;
            out.setCanaryScale.emplace();
            decodeSetCanaryScale(ctx, v, p, *out.setCanaryScale);
        } else if (key == "setHeaderRoute") {
            out.hasHeaderRoute = isPresent(v);
            forEachMember(ctx, v, p, [&](std::string_view k, Element hv, const Path &hp) {
                if (k == "name")
                    readToken(ctx, hv, hp, out.routeName);
                else if (k == "match")
                    readList(ctx, hv, hp, out.headerMatches, decodeHeaderMatch);
            });
        } else if (key == "setMirrorRoute") {
            out.hasMirrorRoute = isPresent(v);
            forEachMember(ctx, v, p, [&](std::string_view k, Element mv, const Path &mp) {
                if (k == "name")
                    readToken(ctx, mv, mp, out.routeName);
                else if (k == "percentage")
                    readInt32(ctx, mv, mp, out.mirrorPercentage);
            });
        } else if (key == "plugin") {
            out.hasPlugin = isPresent(v);
            forEachMember(ctx, v, p, [&](std::string_view k, Element pv, const Path &pp) {
                if (k == "name")
                    readToken(ctx, pv, pp, out.routeName);
                else if (k == "config")
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

static void decodeTrafficRouting(Context &ctx, Element value, const Path &path,
                                 CanaryStrategy &out)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    out.hasTrafficRouting = true;
    for (const simdjson::dom::key_value_pair &member : object) {
        const Path p = path.child(member.key);
        if (member.key == "maxTrafficWeight")
            readInt32(ctx, member.value, p, out.maxTrafficWeight);
        else if (member.key != "managedRoutes" && !member.value.is_null())
            out.trafficRouters.append(ctx.token(member.key));
    }
}

static void decodeCanary(Context &ctx, Element value, const Path &path, CanaryStrategy &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "steps") {
            readList(ctx, v, p, out.steps, decodeStep);
        } else if (key == "trafficRouting") {
            decodeTrafficRouting(ctx, v, p, out);
        } else if (key == "canaryService") {
            readToken(ctx, v, p, out.canaryService);
        } else if (key == "stableService") {
            readToken(ctx, v, p, out.stableService);
        } else if (key == "analysis") {
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
        } else if (key == "pingPong") {
            out.hasPingPong = isPresent(v);
        } else if (key == "maxSurge") {
            readIntOrString(ctx, v, p, out.maxSurge);
        } else if (key == "maxUnavailable") {
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

static void decodeBlueGreen(Context &ctx, Element value, const Path &path,
                            BlueGreenStrategy &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "activeService")
            readToken(ctx, v, p, out.activeService);
        else if (key == "previewService")
            readToken(ctx, v, p, out.previewService);
        else if (key == "autoPromotionEnabled")
            readBool(ctx, v, p, out.autoPromotionEnabled);
        else if (key == "autoPromotionSeconds")
            readInt32(ctx, v, p, out.autoPromotionSeconds);
        else if (key == "previewReplicaCount")
            readInt32(ctx, v, p, out.previewReplicaCount);
        else if (key == "scaleDownDelaySeconds")
            readInt32(ctx, v, p, out.scaleDownDelaySeconds);
        else if (key == "prePromotionAnalysis")
            decodeOptionalAnalysis(ctx, v, p, out.prePromotionAnalysis);
        else if (key == "postPromotionAnalysis")
            decodeOptionalAnalysis(ctx, v, p, out.postPromotionAnalysis);
    });
}

static void decodeStrategy(Context &ctx, Element value, const Path &path, RolloutSpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "canary" && isPresent(v)) {
            out.canary.emplace();
            decodeCanary(ctx, v, p, *out.canary);
        } else if (key == "blueGreen" && isPresent(v)) {
            out.blueGreen.emplace();
            decodeBlueGreen(ctx, v, p, *out.blueGreen);
        }
    });
}

static void decodeWorkloadRef(Context &ctx, Element value, const Path &path, WorkloadRef &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "apiVersion")
            readToken(ctx, v, p, out.apiVersion);
        else if (key == "kind")
            readToken(ctx, v, p, out.kind);
        else if (key == "name")
            readToken(ctx, v, p, out.name);
    });
}

static void decodeSpec(Context &ctx, Element value, const Path &path, RolloutSpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "replicas")
            readInt32(ctx, v, p, out.replicas);
        else if (key == "paused")
            readBool(ctx, v, p, out.paused);
        else if (key == "restartAt")
            readTime(ctx, v, p, out.restartAt);
        else if (key == "workloadRef")
            decodeWorkloadRef(ctx, v, p, out.workloadRef);
        else if (key == "progressDeadlineSeconds")
            readInt32(ctx, v, p, out.progressDeadlineSeconds);
        else if (key == "progressDeadlineAbort")
            readBool(ctx, v, p, out.progressDeadlineAbort);
        else if (key == "strategy")
            decodeStrategy(ctx, v, p, out);
        else if (key == "template")
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
    });
}

void decode(Context &ctx, Element value, const Path &path, Rollout &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "metadata")
            decodeMeta(ctx, v, p, out.metadata);
        else if (key == "spec")
            decodeSpec(ctx, v, p, out.spec);
        else if (key == "status")
            decodeRolloutStatus(ctx, v, p, out.status);
    });
}

} // namespace JsonRead

// SPDX-License-Identifier: GPL-3.0-or-later
// Argo Rollouts Experiments.
#include "decoders_p.h"
#include "experiment.h"

#include <QCoreApplication>

namespace JsonRead {

void reportTruncated(Context &ctx, const Path &path, int max)
{
    ctx.reportMessage(path,
                      QCoreApplication::translate("JsonRead",
                                                  "more than %1 entries; the rest are "
                                                  "not shown")
                          .arg(max));
}

static void decodeTemplate(Context &ctx, Element value, const Path &path,
                           ExperimentTemplateSpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readString(ctx, v, p, out.name);
        else if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "template"))
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
    });
}

static void decodeTemplateStatus(Context &ctx, Element value, const Path &path,
                                 ExperimentTemplateStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readString(ctx, v, p, out.name);
        else if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "updatedReplicas"))
            readInt32(ctx, v, p, out.updatedReplicas);
        else if (is(key, "readyReplicas"))
            readInt32(ctx, v, p, out.readyReplicas);
        else if (is(key, "availableReplicas"))
            readInt32(ctx, v, p, out.availableReplicas);
        else if (is(key, "status"))
            readKnownToken(ctx, v, p, out.status);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
        else if (is(key, "lastTransitionTime"))
            readTime(ctx, v, p, out.lastTransitionTime);
        else if (is(key, "podTemplateHash"))
            readToken(ctx, v, p, out.podTemplateHash);
    });
}

static void decodeRunStatus(Context &ctx, Element value, const Path &path,
                            ExperimentAnalysisRunStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readString(ctx, v, p, out.name);
        else if (is(key, "analysisRun"))
            readString(ctx, v, p, out.analysisRun);
        else if (is(key, "phase"))
            readKnownToken(ctx, v, p, out.phase);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
    });
}

static void decodeExperimentSpec(Context &ctx, Element value, const Path &path, Experiment &out)
{
    constexpr int max = Experiment::maxListEntries;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "templates"))
            readBoundedList(ctx, v, p, out.templates, max, decodeTemplate);
        else if (is(key, "analyses"))
            readBoundedList(ctx, v, p, out.analyses, max, decodeExperimentAnalysis);
        else if (is(key, "duration"))
            readToken(ctx, v, p, out.duration);
        else if (is(key, "terminate"))
            readBool(ctx, v, p, out.terminate);
    });
}

static void decodeExperimentStatus(Context &ctx, Element value, const Path &path, Experiment &out)
{
    constexpr int max = Experiment::maxListEntries;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "phase"))
            readKnownToken(ctx, v, p, out.phase);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
        else if (is(key, "availableAt"))
            readTime(ctx, v, p, out.availableAt);
        else if (is(key, "templateStatuses"))
            readBoundedList(ctx, v, p, out.templateStatuses, max, decodeTemplateStatus);
        else if (is(key, "analysisRuns"))
            readBoundedList(ctx, v, p, out.analysisRuns, max, decodeRunStatus);
    });
}

void decode(Context &ctx, Element value, const Path &path, Experiment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata"))
            decodeMeta(ctx, v, p, out.metadata);
        else if (is(key, "spec"))
            decodeExperimentSpec(ctx, v, p, out);
        else if (is(key, "status"))
            decodeExperimentStatus(ctx, v, p, out);
    });
}

} // namespace JsonRead

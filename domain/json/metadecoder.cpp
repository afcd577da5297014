// SPDX-License-Identifier: GPL-3.0-or-later
// ObjectMeta, conditions and pod templates: the parts every kind shares.
#include "condition.h"
#include "decoders_p.h"
#include "objectmeta.h"
#include "podtemplate.h"
#include "rolloutspec.h"

namespace JsonRead {

void decodeMeta(Context &ctx, Element value, const Path &path, ObjectMeta &out, StringBlock *block)
{
    StringBlock local; // name, uid and resourceVersion, built in one allocation
    StringBlock &unique = block ? *block : local;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        switch (key.size()) {
        case 3:
            if (is(key, "uid"))
                readString(ctx, v, p, out.uid, unique);
            break;
        case 4:
            if (is(key, "name"))
                readString(ctx, v, p, out.name, unique);
            break;
        case 6:
            if (is(key, "labels"))
                decodeStringMap(ctx, v, p, out.labels, ctx.shared().labels, true);
            break;
        case 9:
            if (is(key, "namespace"))
                readToken(ctx, v, p, out.namespaceName);
            break;
        case 10:
            if (is(key, "generation"))
                readInt64(ctx, v, p, out.generation);
            break;
        case 11:
            if (is(key, "annotations"))
                decodeStringMap(ctx, v, p, out.annotations, ctx.shared().annotations, false);
            break;
        case 15:
            if (is(key, "resourceVersion"))
                readString(ctx, v, p, out.resourceVersion, unique);
            else if (is(key, "ownerReferences"))
                decodeOwnerReferences(ctx, v, p, out.ownerReferences);
            break;
        case 17:
            if (is(key, "creationTimestamp"))
                readTime(ctx, v, p, out.creationTimestamp);
            else if (is(key, "deletionTimestamp"))
                readTime(ctx, v, p, out.deletionTimestamp);
            break;
        default:
            break;
        }
    });
    local.build();
}

bool readConditionField(Context &ctx, std::string_view key, Element value, const Path &path,
                        Condition &out)
{
    if (is(key, "type"))
        readKnownToken(ctx, value, path, out.type);
    else if (is(key, "status"))
        readKnownToken(ctx, value, path, out.status);
    else if (is(key, "reason"))
        readToken(ctx, value, path, out.reason);
    else
        return false;
    return true;
}

void decodeCondition(Context &ctx, Element value, const Path &path, Condition &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (readConditionField(ctx, key, v, p, out))
            return;
        if (is(key, "message")) // "Rollout is healthy", repeated across a fleet
            readToken(ctx, v, p, out.message);
        else if (is(key, "lastTransitionTime"))
            readTime(ctx, v, p, out.lastTransitionTime);
        else if (is(key, "lastUpdateTime"))
            readTime(ctx, v, p, out.lastUpdateTime);
    });
}

void decodeConditions(Context &ctx, Element value, const Path &path, QList<Condition> &out)
{
    readList(ctx, value, path, out, decodeCondition);
}

void decodePodSpec(Context &ctx, Element value, const Path &path, PodTemplate &out,
                   QString *nodeName)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "containers"))
            decodeContainers(ctx, v, p, out.containers);
        else if (is(key, "initContainers"))
            decodeContainers(ctx, v, p, out.initContainers);
        else if (nodeName && is(key, "nodeName"))
            readToken(ctx, v, p, *nodeName);
    });
}

void decodePodTemplateSpec(Context &ctx, Element value, const Path &path, PodTemplate &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "spec"))
            decodePodSpec(ctx, v, p, out, nullptr);
    });
}

static void decodeAnalysisArg(Context &ctx, Element value, const Path &path, AnalysisArg &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readToken(ctx, v, p, out.name);
        else if (is(key, "value"))
            readString(ctx, v, p, out.value);
        else if (is(key, "valueFrom"))
            out.hasValueFrom = !v.is_null();
    });
}

void decodeAnalysisArgs(Context &ctx, Element value, const Path &path, QList<AnalysisArg> &out)
{
    readList(ctx, value, path, out, decodeAnalysisArg);
}

static void decodeTemplateRef(Context &ctx, Element value, const Path &path,
                              AnalysisTemplateRef &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "templateName"))
            readToken(ctx, v, p, out.templateName);
        else if (is(key, "clusterScope"))
            readBool(ctx, v, p, out.clusterScope);
    });
}

static void decodeDryRun(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachElement(ctx, value, path, [&](Element element, const Path &p) {
        forEachMember(ctx, element, p, [&](std::string_view key, Element v, const Path &mp) {
            QString metric;
            if (is(key, "metricName") && readToken(ctx, v, mp, metric))
                out.append(metric);
        });
    });
}

void decodeRolloutAnalysis(Context &ctx, Element value, const Path &path, RolloutAnalysis &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "templates"))
            readList(ctx, v, p, out.templates, decodeTemplateRef);
        else if (is(key, "args"))
            decodeAnalysisArgs(ctx, v, p, out.args);
        else if (is(key, "dryRun"))
            decodeDryRun(ctx, v, p, out.dryRunMetrics);
    });
}

} // namespace JsonRead

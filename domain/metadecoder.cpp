// SPDX-License-Identifier: GPL-3.0-or-later
// ObjectMeta, conditions and pod templates: the parts every kind shares.
#include "condition.h"
#include "decoders_p.h"
#include "objectmeta.h"
#include "podtemplate.h"
#include "rolloutspec.h"

namespace JsonRead {

static void decodeOwnerReference(Context &ctx, Element value, const Path &path,
                                 OwnerReference &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "uid")
            readString(ctx, v, p, out.uid);
        else if (key == "name")
            readToken(ctx, v, p, out.name); // shared by all pods of one ReplicaSet
        else if (key == "kind")
            readToken(ctx, v, p, out.kind);
        else if (key == "apiVersion")
            readToken(ctx, v, p, out.apiVersion);
        else if (key == "controller")
            readBool(ctx, v, p, out.controller);
    });
}

static void decodeStringMap(Context &ctx, Element value, const Path &path, StringMap &out,
                            bool internValues)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    out.reserve(qsizetype(object.size()));
    for (const simdjson::dom::key_value_pair &member : object) {
        // Megabytes across a fleet, and nothing here shows it.
        if (member.key == "kubectl.kubernetes.io/last-applied-configuration")
            continue;
        QString text;
        const Path p = path.child(member.key);
        const bool ok = internValues ? readToken(ctx, member.value, p, text)
                                     : readString(ctx, member.value, p, text);
        if (ok || member.value.is_null())
            out.append(ctx.token(member.key), text);
    }
    out.finishAppending();
}

void decodeMeta(Context &ctx, Element value, const Path &path, ObjectMeta &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        switch (key.size()) {
        case 3:
            if (key == "uid")
                readString(ctx, v, p, out.uid);
            break;
        case 4:
            if (key == "name")
                readString(ctx, v, p, out.name);
            break;
        case 6:
            if (key == "labels")
                decodeStringMap(ctx, v, p, out.labels, true);
            break;
        case 9:
            if (key == "namespace")
                readToken(ctx, v, p, out.namespaceName);
            break;
        case 10:
            if (key == "generation")
                readInt64(ctx, v, p, out.generation);
            break;
        case 11:
            if (key == "annotations")
                decodeStringMap(ctx, v, p, out.annotations, false);
            break;
        case 15:
            if (key == "resourceVersion")
                readString(ctx, v, p, out.resourceVersion);
            else if (key == "ownerReferences")
                readList(ctx, v, p, out.ownerReferences, decodeOwnerReference);
            break;
        case 17:
            if (key == "creationTimestamp")
                readTime(ctx, v, p, out.creationTimestamp);
            else if (key == "deletionTimestamp")
                readTime(ctx, v, p, out.deletionTimestamp);
            break;
        default:
            break;
        }
    });
}

static void decodeCondition(Context &ctx, Element value, const Path &path, Condition &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "type")
            readToken(ctx, v, p, out.type);
        else if (key == "status")
            readToken(ctx, v, p, out.status);
        else if (key == "reason")
            readToken(ctx, v, p, out.reason);
        else if (key == "message")
            readString(ctx, v, p, out.message);
        else if (key == "lastTransitionTime")
            readTime(ctx, v, p, out.lastTransitionTime);
        else if (key == "lastUpdateTime")
            readTime(ctx, v, p, out.lastUpdateTime);
    });
}

void decodeConditions(Context &ctx, Element value, const Path &path, QList<Condition> &out)
{
    readList(ctx, value, path, out, decodeCondition);
}

static void decodeContainer(Context &ctx, Element value, const Path &path, ContainerSpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "name") {
            readToken(ctx, v, p, out.name);
        } else if (key == "image") {
            readToken(ctx, v, p, out.image);
        } else if (key == "restartPolicy") {
            QString policy;
            if (readToken(ctx, v, p, policy))
                out.restartPolicyAlways = policy == QLatin1String("Always");
        }
    });
}

void decodePodSpec(Context &ctx, Element value, const Path &path, PodTemplate &out,
                   QString *nodeName)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "containers")
            readList(ctx, v, p, out.containers, decodeContainer);
        else if (key == "initContainers")
            readList(ctx, v, p, out.initContainers, decodeContainer);
        else if (nodeName && key == "nodeName")
            readToken(ctx, v, p, *nodeName);
    });
}

void decodePodTemplateSpec(Context &ctx, Element value, const Path &path, PodTemplate &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "spec")
            decodePodSpec(ctx, v, p, out, nullptr);
    });
}

static void decodeAnalysisArg(Context &ctx, Element value, const Path &path, AnalysisArg &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "name")
            readToken(ctx, v, p, out.name);
        else if (key == "value")
            readString(ctx, v, p, out.value);
        else if (key == "valueFrom")
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
        if (key == "templateName")
            readToken(ctx, v, p, out.templateName);
        else if (key == "clusterScope")
            readBool(ctx, v, p, out.clusterScope);
    });
}

static void decodeDryRun(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachElement(ctx, value, path, [&](Element element, const Path &p) {
        forEachMember(ctx, element, p, [&](std::string_view key, Element v, const Path &mp) {
            QString metric;
            if (key == "metricName" && readToken(ctx, v, mp, metric))
                out.append(metric);
        });
    });
}

void decodeRolloutAnalysis(Context &ctx, Element value, const Path &path, RolloutAnalysis &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "templates")
            readList(ctx, v, p, out.templates, decodeTemplateRef);
        else if (key == "args")
            decodeAnalysisArgs(ctx, v, p, out.args);
        else if (key == "dryRun")
            decodeDryRun(ctx, v, p, out.dryRunMetrics);
    });
}

} // namespace JsonRead

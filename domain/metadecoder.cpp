// SPDX-License-Identifier: GPL-3.0-or-later
// ObjectMeta, conditions and pod templates: the parts every kind shares.
#include "condition.h"
#include "decoders_p.h"
#include "objectmeta.h"
#include "podtemplate.h"
#include "rolloutspec.h"

namespace JsonRead {

// Cache signatures are a prefix-free byte encoding (a tag, then length-prefixed bytes), so
// two different values can never produce the same signature, whatever their strings hold.
static void appendBytes(std::string &signature, std::string_view bytes)
{
    const quint32 size = quint32(bytes.size());
    signature.append(reinterpret_cast<const char *>(&size), sizeof(size));
    signature.append(bytes);
}

static void appendField(std::string &signature, std::string_view key, std::string_view value)
{
    signature += 'F';
    appendBytes(signature, key);
    appendBytes(signature, value);
}

static void decodeOwnerReference(Context &ctx, Element value, const Path &path, OwnerReference &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "uid"))
            readString(ctx, v, p, out.uid);
        else if (is(key, "name"))
            readToken(ctx, v, p, out.name); // shared by all pods of one ReplicaSet
        else if (is(key, "kind"))
            readToken(ctx, v, p, out.kind);
        else if (is(key, "apiVersion"))
            readToken(ctx, v, p, out.apiVersion);
        else if (is(key, "controller"))
            readBool(ctx, v, p, out.controller);
    });
}

// Labels and annotations. Signature: each member in order.
static void decodeStringMap(Context &ctx, Element value, const Path &path, StringMap &out,
                            ValueCache<StringMap> &cache, bool internValues)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    // Megabytes across a fleet, and nothing here shows it.
    static constexpr std::string_view lastApplied
        = "kubectl.kubernetes.io/last-applied-configuration";
    std::string &signature = ctx.signature();
    bool cacheable = true;
    for (const simdjson::dom::key_value_pair &member : object) {
        std::string_view text;
        if (member.key == lastApplied)
            continue;
        if (member.value.get(text) != simdjson::SUCCESS) {
            cacheable = false; // a null or wrong type: decode (and report) it the slow way
            break;
        }
        appendField(signature, member.key, text);
    }
    const size_t hash = cacheable ? hashBytes(signature.data(), signature.size()) : 0;
    if (cacheable) {
        if (const StringMap *shared = cache.find(signature, hash)) {
            out = *shared;
            return;
        }
    }
    out.reserve(qsizetype(object.size()));
    for (const simdjson::dom::key_value_pair &member : object) {
        if (member.key == lastApplied)
            continue;
        QString text;
        const Path p = path.child(member.key);
        const bool ok = internValues ? readToken(ctx, member.value, p, text)
                                     : readString(ctx, member.value, p, text);
        if (ok || member.value.is_null())
            out.append(ctx.token(member.key), text);
    }
    out.finishAppending();
    if (cacheable)
        cache.store(signature, hash, out);
}

// Owner references of pods repeat per ReplicaSet; share them. Signature: each reference's
// apiVersion, kind, name, uid and controller flag.
static void decodeOwnerReferences(Context &ctx, Element value, const Path &path,
                                  QList<OwnerReference> &out)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    std::string &signature = ctx.signature();
    bool cacheable = true;
    for (Element element : array) {
        Object object;
        if (element.get(object) != simdjson::SUCCESS) {
            cacheable = false;
            break;
        }
        for (const simdjson::dom::key_value_pair &member : object) {
            std::string_view text;
            bool flag = false;
            if (is(member.key, "controller")) {
                if (member.value.get(flag) == simdjson::SUCCESS) {
                    signature += flag ? 'C' : 'N';
                } else if (!member.value.is_null()) {
                    cacheable = false;
                    break;
                }
            } else if (is(member.key, "uid") || is(member.key, "name") || is(member.key, "kind")
                       || is(member.key, "apiVersion")) {
                if (member.value.get(text) != simdjson::SUCCESS) {
                    cacheable = false;
                    break;
                }
                appendField(signature, member.key, text);
            }
        }
        signature += 'E';
    }
    ValueCache<QList<OwnerReference>> &cache = ctx.shared().owners;
    const size_t hash = cacheable ? hashBytes(signature.data(), signature.size()) : 0;
    if (cacheable) {
        if (const QList<OwnerReference> *shared = cache.find(signature, hash)) {
            out = *shared;
            return;
        }
    }
    readList(ctx, value, path, out, decodeOwnerReference);
    if (cacheable)
        cache.store(signature, hash, out);
}

void decodeMeta(Context &ctx, Element value, const Path &path, ObjectMeta &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        switch (key.size()) {
        case 3:
            if (is(key, "uid"))
                readString(ctx, v, p, out.uid);
            break;
        case 4:
            if (is(key, "name"))
                readString(ctx, v, p, out.name);
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
                readString(ctx, v, p, out.resourceVersion);
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
}

// Condition types and statuses repeat millions of times across a fleet. Static literals
// cost no lookup and, unlike shared heap strings, no atomic reference count per copy.
static bool readConditionToken(Context &ctx, Element value, const Path &path, QString &out)
{
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS)
        return readToken(ctx, value, path, out); // null, or a wrong type to report
    switch (text.size()) {
    case 4:
        if (is(text, "True"))
            return out = QStringLiteral("True"), true;
        break;
    case 5:
        if (is(text, "False"))
            return out = QStringLiteral("False"), true;
        if (is(text, "Ready"))
            return out = QStringLiteral("Ready"), true;
        break;
    case 7:
        if (is(text, "Unknown"))
            return out = QStringLiteral("Unknown"), true;
        break;
    case 9:
        if (is(text, "Available"))
            return out = QStringLiteral("Available"), true;
        break;
    case 11:
        if (is(text, "Initialized"))
            return out = QStringLiteral("Initialized"), true;
        if (is(text, "Progressing"))
            return out = QStringLiteral("Progressing"), true;
        break;
    case 12:
        if (is(text, "PodScheduled"))
            return out = QStringLiteral("PodScheduled"), true;
        break;
    case 15:
        if (is(text, "ContainersReady"))
            return out = QStringLiteral("ContainersReady"), true;
        break;
    default:
        break;
    }
    out = ctx.token(text);
    return true;
}

static void decodeCondition(Context &ctx, Element value, const Path &path, Condition &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "type"))
            readConditionToken(ctx, v, p, out.type);
        else if (is(key, "status"))
            readConditionToken(ctx, v, p, out.status);
        else if (is(key, "reason"))
            readToken(ctx, v, p, out.reason);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
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

static void decodeContainer(Context &ctx, Element value, const Path &path, ContainerSpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name")) {
            readToken(ctx, v, p, out.name);
        } else if (is(key, "image")) {
            readToken(ctx, v, p, out.image);
        } else if (is(key, "restartPolicy")) {
            QString policy;
            if (readToken(ctx, v, p, policy))
                out.restartPolicyAlways = policy == QLatin1String("Always");
        }
    });
}

// Every pod of a ReplicaSet has the same containers; share the list. Signature: each
// container's name, image and restartPolicy.
static void decodeContainers(Context &ctx, Element value, const Path &path,
                             QList<ContainerSpec> &out)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    std::string &signature = ctx.signature();
    bool cacheable = true;
    for (Element element : array) {
        Object object;
        if (element.get(object) != simdjson::SUCCESS) {
            cacheable = false;
            break;
        }
        for (const simdjson::dom::key_value_pair &member : object) {
            if (!is(member.key, "name") && !is(member.key, "image")
                && !is(member.key, "restartPolicy"))
                continue;
            std::string_view text;
            if (member.value.get(text) != simdjson::SUCCESS) {
                cacheable = false;
                break;
            }
            appendField(signature, member.key, text);
        }
        signature += 'E';
    }
    ValueCache<QList<ContainerSpec>> &cache = ctx.shared().containers;
    const size_t hash = cacheable ? hashBytes(signature.data(), signature.size()) : 0;
    if (cacheable) {
        if (const QList<ContainerSpec> *shared = cache.find(signature, hash)) {
            out = *shared;
            return;
        }
    }
    readList(ctx, value, path, out, decodeContainer);
    if (cacheable)
        cache.store(signature, hash, out);
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

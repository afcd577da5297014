// SPDX-License-Identifier: GPL-3.0-or-later
// Labels, annotations, owner references and container lists: the values every pod of one
// ReplicaSet repeats, so each is first looked up in a ValueCache by its signature. The
// signature pass keeps the strings it read, so a miss builds the value from them without
// walking the JSON again. A value with a null or wrong-typed field is not cached; it takes
// the general path, which reports the problem with its path.
#include "decoders_p.h"
#include "objectmeta.h"
#include "podtemplate.h"

#include <QVarLengthArray>

namespace JsonRead {

// Tags in signatures, between the strings of the document. A field read by name is tagged
// rather than keyed with its name: the same identity, with less to hash and compare.
static constexpr std::string_view endOfElement = "E";
static constexpr std::string_view controllerTrue = "C";
static constexpr std::string_view controllerFalse = "N";
static constexpr std::string_view apiVersionTag = "a";
static constexpr std::string_view imageTag = "i";
static constexpr std::string_view kindTag = "k";
static constexpr std::string_view nameTag = "n";
static constexpr std::string_view restartPolicyTag = "r";
static constexpr std::string_view uidTag = "u";

void decodeStringMap(Context &ctx, Element value, const Path &path, StringMap &out,
                     ValueCache<StringMap> &cache, bool internValues)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    // Megabytes across a fleet, and nothing here shows it.
    static constexpr std::string_view lastApplied
        = "kubectl.kubernetes.io/last-applied-configuration";
    // Signature: each member in order, as key and value (so parts alternate).
    Signature &signature = ctx.signature();
    bool cacheable = true;
    for (const simdjson::dom::key_value_pair &member : object) {
        std::string_view text;
        if (member.key == lastApplied)
            continue;
        if (member.value.get(text) != simdjson::SUCCESS) {
            cacheable = false; // a null or wrong type: decode (and report) it the slow way
            break;
        }
        signature.addField(member.key, text);
    }
    if (cacheable) {
        if (const StringMap *shared = cache.find(signature)) {
            out = *shared;
            return;
        }
        const std::vector<std::string_view> &parts = signature.parts();
        out.reserve(qsizetype(parts.size() / 2));
        for (size_t i = 0; i + 1 < parts.size(); i += 2) {
            out.append(ctx.token(parts[i]),
                       internValues ? ctx.token(parts[i + 1]) : Context::text(parts[i + 1]));
        }
        out.finishAppending();
        cache.store(signature, out);
        return;
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
}

static void decodeOwnerReference(Context &ctx, Element value, const Path &path, OwnerReference &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "uid"))
            readString(ctx, v, p, out.uid);
        else if (is(key, "name"))
            readToken(ctx, v, p, out.name); // shared by all pods of one ReplicaSet
        else if (is(key, "kind"))
            readKnownToken(ctx, v, p, out.kind);
        else if (is(key, "apiVersion"))
            readKnownToken(ctx, v, p, out.apiVersion);
        else if (is(key, "controller"))
            readBool(ctx, v, p, out.controller);
    });
}

static QString knownOrToken(Context &ctx, std::string_view text)
{
    QString known = knownToken(text);
    return known.isNull() ? ctx.token(text) : known;
}

// The fields of one owner reference as read; a null view (data() == nullptr) was absent.
struct OwnerViews
{
    std::string_view apiVersion;
    std::string_view kind;
    std::string_view name;
    std::string_view uid;
    bool controller = false;
};

void decodeOwnerReferences(Context &ctx, Element value, const Path &path,
                           QList<OwnerReference> &out)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    // Signature: each reference's apiVersion, kind, name, uid and controller flag.
    Signature &signature = ctx.signature();
    QVarLengthArray<OwnerViews, 4> owners;
    bool cacheable = true;
    for (Element element : array) {
        Object object;
        if (element.get(object) != simdjson::SUCCESS) {
            cacheable = false;
            break;
        }
        OwnerViews &owner = owners.emplace_back();
        for (const simdjson::dom::key_value_pair &member : object) {
            std::string_view *field = nullptr;
            std::string_view tag;
            if (is(member.key, "controller")) {
                if (member.value.get(owner.controller) == simdjson::SUCCESS) {
                    signature.add(owner.controller ? controllerTrue : controllerFalse);
                } else if (!member.value.is_null()) {
                    cacheable = false;
                    break;
                }
                continue;
            }
            if (is(member.key, "uid")) {
                field = &owner.uid;
                tag = uidTag;
            } else if (is(member.key, "name")) {
                field = &owner.name;
                tag = nameTag;
            } else if (is(member.key, "kind")) {
                field = &owner.kind;
                tag = kindTag;
            } else if (is(member.key, "apiVersion")) {
                field = &owner.apiVersion;
                tag = apiVersionTag;
            } else {
                continue;
            }
            if (member.value.get(*field) != simdjson::SUCCESS) {
                cacheable = false;
                break;
            }
            signature.addField(tag, *field);
        }
        signature.add(endOfElement);
    }
    if (!cacheable) {
        readList(ctx, value, path, out, decodeOwnerReference);
        return;
    }
    ValueCache<QList<OwnerReference>> &cache = ctx.shared().owners;
    if (const QList<OwnerReference> *shared = cache.find(signature)) {
        out = *shared;
        return;
    }
    out.reserve(owners.size());
    for (const OwnerViews &owner : owners) {
        OwnerReference &reference = out.emplaceBack();
        // The values decodeOwnerReference gives: an absent field stays null, an empty uid
        // is an empty string, an empty token is null.
        if (owner.apiVersion.data())
            reference.apiVersion = knownOrToken(ctx, owner.apiVersion);
        if (owner.kind.data())
            reference.kind = knownOrToken(ctx, owner.kind);
        if (owner.name.data())
            reference.name = ctx.token(owner.name);
        if (owner.uid.data()) // shared: every pod of the ReplicaSet names the same owner
            reference.uid = owner.uid.empty() ? Context::text(owner.uid) : ctx.token(owner.uid);
        reference.controller = owner.controller;
    }
    cache.store(signature, out);
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

struct ContainerViews
{
    std::string_view name;
    std::string_view image;
    std::string_view restartPolicy;
};

void decodeContainers(Context &ctx, Element value, const Path &path, QList<ContainerSpec> &out)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    // Signature: each container's name, image and restartPolicy.
    Signature &signature = ctx.signature();
    QVarLengthArray<ContainerViews, 4> containers;
    bool cacheable = true;
    for (Element element : array) {
        Object object;
        if (element.get(object) != simdjson::SUCCESS) {
            cacheable = false;
            break;
        }
        ContainerViews &container = containers.emplace_back();
        for (const simdjson::dom::key_value_pair &member : object) {
            std::string_view *field = nullptr;
            std::string_view tag;
            if (is(member.key, "name")) {
                field = &container.name;
                tag = nameTag;
            } else if (is(member.key, "image")) {
                field = &container.image;
                tag = imageTag;
            } else if (is(member.key, "restartPolicy")) {
                field = &container.restartPolicy;
                tag = restartPolicyTag;
            } else {
                continue;
            }
            if (member.value.get(*field) != simdjson::SUCCESS) {
                cacheable = false;
                break;
            }
            signature.addField(tag, *field);
        }
        signature.add(endOfElement);
    }
    if (!cacheable) {
        readList(ctx, value, path, out, decodeContainer);
        return;
    }
    ValueCache<QList<ContainerSpec>> &cache = ctx.shared().containers;
    if (const QList<ContainerSpec> *shared = cache.find(signature)) {
        out = *shared;
        return;
    }
    out.reserve(containers.size());
    for (const ContainerViews &container : containers) {
        ContainerSpec &spec = out.emplaceBack();
        // An absent name or image stays null, as token() of an empty view returns.
        spec.name = ctx.token(container.name);
        spec.image = ctx.token(container.image);
        spec.restartPolicyAlways = container.restartPolicy == "Always";
    }
    cache.store(signature, out);
}

} // namespace JsonRead

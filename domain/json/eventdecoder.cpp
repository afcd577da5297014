// SPDX-License-Identifier: GPL-3.0-or-later
// Events and Status error objects.
#include "decoders_p.h"
#include "event.h"
#include "kubestatus.h"

namespace JsonRead {

static void decodeObjectReference(Context &ctx, Element value, const Path &path,
                                  ObjectReference &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "kind"))
            readToken(ctx, v, p, out.kind);
        else if (is(key, "namespace"))
            readToken(ctx, v, p, out.namespaceName);
        else if (is(key, "name"))
            readString(ctx, v, p, out.name);
        else if (is(key, "uid"))
            readString(ctx, v, p, out.uid);
        else if (is(key, "apiVersion"))
            readToken(ctx, v, p, out.apiVersion);
        else if (is(key, "fieldPath"))
            readToken(ctx, v, p, out.fieldPath);
    });
}

void decode(Context &ctx, Element value, const Path &path, Event &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata")) {
            decodeMeta(ctx, v, p, out.metadata);
        } else if (is(key, "involvedObject")) {
            decodeObjectReference(ctx, v, p, out.involvedObject);
        } else if (is(key, "reason")) {
            readToken(ctx, v, p, out.reason);
        } else if (is(key, "message")) {
            readString(ctx, v, p, out.message);
        } else if (is(key, "type")) {
            readToken(ctx, v, p, out.type);
        } else if (is(key, "count")) {
            readInt32(ctx, v, p, out.count);
        } else if (is(key, "firstTimestamp")) {
            readTime(ctx, v, p, out.firstTimestamp);
        } else if (is(key, "lastTimestamp")) {
            readTime(ctx, v, p, out.lastTimestamp);
        } else if (is(key, "eventTime")) {
            readTime(ctx, v, p, out.eventTime);
        } else if (is(key, "reportingComponent")) {
            readToken(ctx, v, p, out.reportingController);
        } else if (is(key, "source")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (is(k, "component"))
                    readToken(ctx, sv, sp, out.sourceComponent);
                else if (is(k, "host"))
                    readToken(ctx, sv, sp, out.sourceHost);
            });
        }
    });
}

static void decodeCause(Context &ctx, Element value, const Path &path, StatusCause &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "reason"))
            readString(ctx, v, p, out.reason);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
        else if (is(key, "field"))
            readString(ctx, v, p, out.field);
    });
}

void decode(Context &ctx, Element value, const Path &path, KubeStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "status")) {
            readString(ctx, v, p, out.status);
        } else if (is(key, "message")) {
            readString(ctx, v, p, out.message);
        } else if (is(key, "reason")) {
            readString(ctx, v, p, out.reason);
        } else if (is(key, "code")) {
            readInt32(ctx, v, p, out.code);
        } else if (is(key, "details")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element dv, const Path &dp) {
                if (is(k, "name"))
                    readString(ctx, dv, dp, out.detailsName);
                else if (is(k, "group"))
                    readString(ctx, dv, dp, out.detailsGroup);
                else if (is(k, "kind"))
                    readString(ctx, dv, dp, out.detailsKind);
                else if (is(k, "causes"))
                    readList(ctx, dv, dp, out.causes, decodeCause);
                else if (is(k, "retryAfterSeconds"))
                    readInt32(ctx, dv, dp, out.retryAfterSeconds);
            });
        }
    });
}

} // namespace JsonRead

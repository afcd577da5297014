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
        if (key == "kind")
            readToken(ctx, v, p, out.kind);
        else if (key == "namespace")
            readToken(ctx, v, p, out.namespaceName);
        else if (key == "name")
            readString(ctx, v, p, out.name);
        else if (key == "uid")
            readString(ctx, v, p, out.uid);
        else if (key == "apiVersion")
            readToken(ctx, v, p, out.apiVersion);
        else if (key == "fieldPath")
            readToken(ctx, v, p, out.fieldPath);
    });
}

void decode(Context &ctx, Element value, const Path &path, Event &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "metadata") {
            decodeMeta(ctx, v, p, out.metadata);
        } else if (key == "involvedObject") {
            decodeObjectReference(ctx, v, p, out.involvedObject);
        } else if (key == "reason") {
            readToken(ctx, v, p, out.reason);
        } else if (key == "message") {
            readString(ctx, v, p, out.message);
        } else if (key == "type") {
            readToken(ctx, v, p, out.type);
        } else if (key == "count") {
            readInt32(ctx, v, p, out.count);
        } else if (key == "firstTimestamp") {
            readTime(ctx, v, p, out.firstTimestamp);
        } else if (key == "lastTimestamp") {
            readTime(ctx, v, p, out.lastTimestamp);
        } else if (key == "eventTime") {
            readTime(ctx, v, p, out.eventTime);
        } else if (key == "reportingComponent") {
            readToken(ctx, v, p, out.reportingController);
        } else if (key == "source") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (k == "component")
                    readToken(ctx, sv, sp, out.sourceComponent);
                else if (k == "host")
                    readToken(ctx, sv, sp, out.sourceHost);
            });
        }
    });
}

static void decodeCause(Context &ctx, Element value, const Path &path, StatusCause &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "reason")
            readString(ctx, v, p, out.reason);
        else if (key == "message")
            readString(ctx, v, p, out.message);
        else if (key == "field")
            readString(ctx, v, p, out.field);
    });
}

void decode(Context &ctx, Element value, const Path &path, KubeStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "status") {
            readString(ctx, v, p, out.status);
        } else if (key == "message") {
            readString(ctx, v, p, out.message);
        } else if (key == "reason") {
            readString(ctx, v, p, out.reason);
        } else if (key == "code") {
            readInt32(ctx, v, p, out.code);
        } else if (key == "details") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element dv, const Path &dp) {
                if (k == "name")
                    readString(ctx, dv, dp, out.detailsName);
                else if (k == "group")
                    readString(ctx, dv, dp, out.detailsGroup);
                else if (k == "kind")
                    readString(ctx, dv, dp, out.detailsKind);
                else if (k == "causes")
                    readList(ctx, dv, dp, out.causes, decodeCause);
                else if (k == "retryAfterSeconds")
                    readInt32(ctx, dv, dp, out.retryAfterSeconds);
            });
        }
    });
}

} // namespace JsonRead

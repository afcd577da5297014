// SPDX-License-Identifier: GPL-3.0-or-later
// Pods: the largest lists by far, so only what the pod status and the detail view need.
#include "decoders_p.h"
#include "pod.h"

namespace JsonRead {

static void decodeStateDetails(Context &ctx, Element value, const Path &path, ContainerState &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "reason"))
            readToken(ctx, v, p, out.reason);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
        else if (is(key, "exitCode"))
            readInt32(ctx, v, p, out.exitCode);
        else if (is(key, "signal"))
            readInt32(ctx, v, p, out.signal);
        else if (is(key, "startedAt"))
            readTime(ctx, v, p, out.startedAt);
        else if (is(key, "finishedAt"))
            readTime(ctx, v, p, out.finishedAt);
    });
}

static void decodeState(Context &ctx, Element value, const Path &path, ContainerState &out)
{
    // {"waiting": {...}} | {"running": {...}} | {"terminated": {...}}; lastState is often {}.
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        ContainerState::Kind kind;
        if (is(key, "waiting"))
            kind = ContainerState::Kind::Waiting;
        else if (is(key, "running"))
            kind = ContainerState::Kind::Running;
        else if (is(key, "terminated"))
            kind = ContainerState::Kind::Terminated;
        else
            return;
        if (v.is_null())
            return;
        out.kind = kind;
        decodeStateDetails(ctx, v, p, out);
    });
}

static void decodeContainerStatus(Context &ctx, Element value, const Path &path,
                                  ContainerStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readToken(ctx, v, p, out.name);
        else if (is(key, "image"))
            readToken(ctx, v, p, out.image);
        else if (is(key, "ready"))
            readBool(ctx, v, p, out.ready);
        else if (is(key, "started"))
            readBool(ctx, v, p, out.started);
        else if (is(key, "restartCount"))
            readInt32(ctx, v, p, out.restartCount);
        else if (is(key, "state"))
            decodeState(ctx, v, p, out.state);
        else if (is(key, "lastState"))
            decodeState(ctx, v, p, out.lastState);
    });
}

static void decodePodStatus(Context &ctx, Element value, const Path &path, Pod &out,
                            StringBlock &unique)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "phase"))
            readKnownToken(ctx, v, p, out.phase);
        else if (is(key, "reason"))
            readToken(ctx, v, p, out.reason);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message, unique);
        else if (is(key, "conditions"))
            decodeConditions(ctx, v, p, out.conditions);
        else if (is(key, "containerStatuses"))
            readList(ctx, v, p, out.containerStatuses, decodeContainerStatus);
        else if (is(key, "initContainerStatuses"))
            readList(ctx, v, p, out.initContainerStatuses, decodeContainerStatus);
        else if (is(key, "hostIP")) // a few bytes: cheaper in the block than looked up
            readToken(ctx, v, p, out.hostIP, unique);
        else if (is(key, "podIP"))
            readString(ctx, v, p, out.podIP, unique);
        else if (is(key, "startTime"))
            readTime(ctx, v, p, out.startTime);
    });
}

void decode(Context &ctx, Element value, const Path &path, Pod &out)
{
    StringBlock unique; // name, uid, resourceVersion, IPs and message: one allocation
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata"))
            decodeMeta(ctx, v, p, out.metadata, &unique);
        else if (is(key, "spec"))
            decodePodSpec(ctx, v, p, out.spec, &out.nodeName);
        else if (is(key, "status"))
            decodePodStatus(ctx, v, p, out, unique);
    });
    unique.build();
}

} // namespace JsonRead

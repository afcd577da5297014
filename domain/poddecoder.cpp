// SPDX-License-Identifier: GPL-3.0-or-later
// Pods: the largest lists by far, so only what the pod status and the detail view need.
#include "decoders_p.h"
#include "pod.h"

namespace JsonRead {

static void decodeStateDetails(Context &ctx, Element value, const Path &path,
                               ContainerState &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "reason")
            readToken(ctx, v, p, out.reason);
        else if (key == "message")
            readString(ctx, v, p, out.message);
        else if (key == "exitCode")
            readInt32(ctx, v, p, out.exitCode);
        else if (key == "signal")
            readInt32(ctx, v, p, out.signal);
        else if (key == "startedAt")
            readTime(ctx, v, p, out.startedAt);
        else if (key == "finishedAt")
            readTime(ctx, v, p, out.finishedAt);
    });
}

static void decodeState(Context &ctx, Element value, const Path &path, ContainerState &out)
{
    // {"waiting": {...}} | {"running": {...}} | {"terminated": {...}}; lastState is often {}.
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        ContainerState::Kind kind;
        if (key == "waiting")
            kind = ContainerState::Kind::Waiting;
        else if (key == "running")
            kind = ContainerState::Kind::Running;
        else if (key == "terminated")
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
        if (key == "name")
            readToken(ctx, v, p, out.name);
        else if (key == "image")
            readToken(ctx, v, p, out.image);
        else if (key == "ready")
            readBool(ctx, v, p, out.ready);
        else if (key == "started")
            readBool(ctx, v, p, out.started);
        else if (key == "restartCount")
            readInt32(ctx, v, p, out.restartCount);
        else if (key == "state")
            decodeState(ctx, v, p, out.state);
        else if (key == "lastState")
            decodeState(ctx, v, p, out.lastState);
    });
}

static void decodePodStatus(Context &ctx, Element value, const Path &path, Pod &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "phase")
            readToken(ctx, v, p, out.phase);
        else if (key == "reason")
            readToken(ctx, v, p, out.reason);
        else if (key == "message")
            readString(ctx, v, p, out.message);
        else if (key == "conditions")
            decodeConditions(ctx, v, p, out.conditions);
        else if (key == "containerStatuses")
            readList(ctx, v, p, out.containerStatuses, decodeContainerStatus);
        else if (key == "initContainerStatuses")
            readList(ctx, v, p, out.initContainerStatuses, decodeContainerStatus);
        else if (key == "hostIP")
            readToken(ctx, v, p, out.hostIP);
        else if (key == "podIP")
            readString(ctx, v, p, out.podIP);
        else if (key == "startTime")
            readTime(ctx, v, p, out.startTime);
    });
}

void decode(Context &ctx, Element value, const Path &path, Pod &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "metadata")
            decodeMeta(ctx, v, p, out.metadata);
        else if (key == "spec")
            decodePodSpec(ctx, v, p, out.spec, &out.nodeName);
        else if (key == "status")
            decodePodStatus(ctx, v, p, out);
    });
}

} // namespace JsonRead

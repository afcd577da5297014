// SPDX-License-Identifier: GPL-3.0-or-later
// Pods: the largest lists by far, so only what the pod status and the detail view need.
#include "decoders_p.h"
#include "pod.h"

#include <QHashFunctions>

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

// What podStatus() reads of a condition: its type, status and reason. The message and the
// times are shown nowhere; without them the conditions of pods in the same state are equal.
static void decodePodCondition(Context &ctx, Element value, const Path &path, Condition &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        readConditionField(ctx, key, v, p, out);
    });
}

static size_t hashOf(const ContainerState &s, size_t seed)
{
    // Decoded times are UTC; a null one has the local time zone, costly to convert.
    const qint64 finished = s.finishedAt.isValid() ? s.finishedAt.toMSecsSinceEpoch() : 0;
    return qHashMulti(seed, int(s.kind), s.reason, s.exitCode, s.signal, finished);
}

static size_t hashOf(const QList<ContainerStatus> &list)
{
    size_t hash = 0;
    for (const ContainerStatus &c : list) {
        hash = qHashMulti(hash, c.name, c.image, c.ready, c.started.value_or(false),
                          c.started.has_value(), c.restartCount);
        hash = hashOf(c.lastState, hashOf(c.state, hash));
    }
    return hash;
}

static size_t hashOf(const QList<Condition> &list)
{
    size_t hash = 0;
    for (const Condition &c : list)
        hash = qHashMulti(hash, c.type, c.status, c.reason);
    return hash;
}

// Every pod of a ReplicaSet in the same state has equal conditions and container statuses
// as decoded here: one list each, shared.
template<typename T, typename F>
static void decodeShared(Context &ctx, Element value, const Path &path, ListCache<T> &cache,
                         F &&decodeItem, QList<T> &out)
{
    QList<T> &list = cache.scratch();
    readList(ctx, value, path, list, decodeItem);
    if (!list.isEmpty())
        cache.take(hashOf(list), out);
}

static void decodePodStatus(Context &ctx, Element value, const Path &path, Pod &out,
                            StringBlock &unique)
{
    SharedValues &shared = ctx.shared();
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "phase"))
            readKnownToken(ctx, v, p, out.phase);
        else if (is(key, "reason"))
            readToken(ctx, v, p, out.reason);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message, unique);
        else if (is(key, "conditions"))
            decodeShared(ctx, v, p, shared.podConditions, decodePodCondition, out.conditions);
        else if (is(key, "containerStatuses"))
            decodeShared(ctx, v, p, shared.containerStatuses, decodeContainerStatus,
                         out.containerStatuses);
        else if (is(key, "initContainerStatuses"))
            decodeShared(ctx, v, p, shared.containerStatuses, decodeContainerStatus,
                         out.initContainerStatuses);
        else if (is(key, "hostIP")) // one per node: shared
            readToken(ctx, v, p, out.hostIP);
        else if (is(key, "podIP"))
            readString(ctx, v, p, out.podIP, unique);
        else if (is(key, "startTime"))
            readTime(ctx, v, p, out.startTime);
    });
}

void decode(Context &ctx, Element value, const Path &path, Pod &out)
{
    StringBlock unique; // name, uid, resourceVersion, pod IP and message: one allocation
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

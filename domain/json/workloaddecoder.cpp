// SPDX-License-Identifier: GPL-3.0-or-later
// ReplicaSets and Deployments.
#include "decoders_p.h"
#include "deployment.h"
#include "replicaset.h"

namespace JsonRead {

static void decodeReplicaSetSpec(Context &ctx, Element value, const Path &path, ReplicaSet &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "replicas"))
            readInt32(ctx, v, p, out.specReplicas);
        else if (is(key, "template"))
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
    });
}

static void decodeReplicaSetStatus(Context &ctx, Element value, const Path &path, ReplicaSet &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "fullyLabeledReplicas"))
            readInt32(ctx, v, p, out.fullyLabeledReplicas);
        else if (is(key, "readyReplicas"))
            readInt32(ctx, v, p, out.readyReplicas);
        else if (is(key, "availableReplicas"))
            readInt32(ctx, v, p, out.availableReplicas);
        else if (is(key, "observedGeneration"))
            readInt64(ctx, v, p, out.observedGeneration);
        else if (is(key, "conditions"))
            decodeConditions(ctx, v, p, out.conditions);
    });
}

void decode(Context &ctx, Element value, const Path &path, ReplicaSet &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata"))
            decodeMeta(ctx, v, p, out.metadata);
        else if (is(key, "spec"))
            decodeReplicaSetSpec(ctx, v, p, out);
        else if (is(key, "status"))
            decodeReplicaSetStatus(ctx, v, p, out);
    });
}

static void decodeDeploymentStrategy(Context &ctx, Element value, const Path &path, Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "type")) {
            readToken(ctx, v, p, out.strategyType);
        } else if (is(key, "rollingUpdate")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element rv, const Path &rp) {
                if (is(k, "maxSurge"))
                    readIntOrString(ctx, rv, rp, out.maxSurge);
                else if (is(k, "maxUnavailable"))
                    readIntOrString(ctx, rv, rp, out.maxUnavailable);
            });
        }
    });
}

static void decodeDeploymentSpec(Context &ctx, Element value, const Path &path, Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "replicas"))
            readInt32(ctx, v, p, out.specReplicas);
        else if (is(key, "paused"))
            readBool(ctx, v, p, out.paused);
        else if (is(key, "strategy"))
            decodeDeploymentStrategy(ctx, v, p, out);
        else if (is(key, "progressDeadlineSeconds"))
            readInt32(ctx, v, p, out.progressDeadlineSeconds);
        else if (is(key, "minReadySeconds"))
            readInt32(ctx, v, p, out.minReadySeconds);
        else if (is(key, "template"))
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
    });
}

static void decodeDeploymentStatus(Context &ctx, Element value, const Path &path, Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "observedGeneration"))
            readInt64(ctx, v, p, out.observedGeneration);
        else if (is(key, "replicas"))
            readInt32(ctx, v, p, out.replicas);
        else if (is(key, "updatedReplicas"))
            readInt32(ctx, v, p, out.updatedReplicas);
        else if (is(key, "readyReplicas"))
            readInt32(ctx, v, p, out.readyReplicas);
        else if (is(key, "availableReplicas"))
            readInt32(ctx, v, p, out.availableReplicas);
        else if (is(key, "unavailableReplicas"))
            readInt32(ctx, v, p, out.unavailableReplicas);
        else if (is(key, "conditions"))
            decodeConditions(ctx, v, p, out.conditions);
    });
}

void decode(Context &ctx, Element value, const Path &path, Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata"))
            decodeMeta(ctx, v, p, out.metadata);
        else if (is(key, "spec"))
            decodeDeploymentSpec(ctx, v, p, out);
        else if (is(key, "status"))
            decodeDeploymentStatus(ctx, v, p, out);
    });
}

} // namespace JsonRead

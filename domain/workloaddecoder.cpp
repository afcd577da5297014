// SPDX-License-Identifier: GPL-3.0-or-later
// ReplicaSets and Deployments.
#include "decoders_p.h"
#include "deployment.h"
#include "replicaset.h"

namespace JsonRead {

static void decodeReplicaSetSpec(Context &ctx, Element value, const Path &path, ReplicaSet &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "replicas")
            readInt32(ctx, v, p, out.specReplicas);
        else if (key == "template")
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
    });
}

static void decodeReplicaSetStatus(Context &ctx, Element value, const Path &path,
                                   ReplicaSet &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "replicas")
            readInt32(ctx, v, p, out.replicas);
        else if (key == "fullyLabeledReplicas")
            readInt32(ctx, v, p, out.fullyLabeledReplicas);
        else if (key == "readyReplicas")
            readInt32(ctx, v, p, out.readyReplicas);
        else if (key == "availableReplicas")
            readInt32(ctx, v, p, out.availableReplicas);
        else if (key == "observedGeneration")
            readInt64(ctx, v, p, out.observedGeneration);
        else if (key == "conditions")
            decodeConditions(ctx, v, p, out.conditions);
    });
}

void decode(Context &ctx, Element value, const Path &path, ReplicaSet &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "metadata")
            decodeMeta(ctx, v, p, out.metadata);
        else if (key == "spec")
            decodeReplicaSetSpec(ctx, v, p, out);
        else if (key == "status")
            decodeReplicaSetStatus(ctx, v, p, out);
    });
}

static void decodeDeploymentStrategy(Context &ctx, Element value, const Path &path,
                                     Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "type") {
            readToken(ctx, v, p, out.strategyType);
        } else if (key == "rollingUpdate") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element rv, const Path &rp) {
                if (k == "maxSurge")
                    readIntOrString(ctx, rv, rp, out.maxSurge);
                else if (k == "maxUnavailable")
                    readIntOrString(ctx, rv, rp, out.maxUnavailable);
            });
        }
    });
}

static void decodeDeploymentSpec(Context &ctx, Element value, const Path &path, Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "replicas")
            readInt32(ctx, v, p, out.specReplicas);
        else if (key == "paused")
            readBool(ctx, v, p, out.paused);
        else if (key == "strategy")
            decodeDeploymentStrategy(ctx, v, p, out);
        else if (key == "progressDeadlineSeconds")
            readInt32(ctx, v, p, out.progressDeadlineSeconds);
        else if (key == "minReadySeconds")
            readInt32(ctx, v, p, out.minReadySeconds);
        else if (key == "template")
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
    });
}

static void decodeDeploymentStatus(Context &ctx, Element value, const Path &path,
                                   Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "observedGeneration")
            readInt64(ctx, v, p, out.observedGeneration);
        else if (key == "replicas")
            readInt32(ctx, v, p, out.replicas);
        else if (key == "updatedReplicas")
            readInt32(ctx, v, p, out.updatedReplicas);
        else if (key == "readyReplicas")
            readInt32(ctx, v, p, out.readyReplicas);
        else if (key == "availableReplicas")
            readInt32(ctx, v, p, out.availableReplicas);
        else if (key == "unavailableReplicas")
            readInt32(ctx, v, p, out.unavailableReplicas);
        else if (key == "conditions")
            decodeConditions(ctx, v, p, out.conditions);
    });
}

void decode(Context &ctx, Element value, const Path &path, Deployment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "metadata")
            decodeMeta(ctx, v, p, out.metadata);
        else if (key == "spec")
            decodeDeploymentSpec(ctx, v, p, out);
        else if (key == "status")
            decodeDeploymentStatus(ctx, v, p, out);
    });
}

} // namespace JsonRead

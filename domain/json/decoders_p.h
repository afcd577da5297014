// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: one function per type, each reading a JSON value into a struct.

#include "jsonreader_p.h"

struct AnalysisArg;
struct ContainerSpec;
struct AnalysisRun;
struct Condition;
struct Deployment;
struct Event;
struct KubeStatus;
struct ObjectMeta;
struct OwnerReference;
struct Pod;
struct PodTemplate;
struct ReplicaSet;
struct Rollout;
struct RolloutAnalysis;
struct RolloutStatus;

namespace JsonRead {

// block, when given, collects the name, uid and resourceVersion for the caller to build
// with the object's other unique strings; otherwise decodeMeta() builds them itself.
void decodeMeta(Context &ctx, Element value, const Path &path, ObjectMeta &out,
                StringBlock *block = nullptr);
// Labels or annotations; internValues shares the values' strings too (labels repeat).
void decodeStringMap(Context &ctx, Element value, const Path &path, StringMap &out,
                     ValueCache<StringMap> &cache, bool internValues);
void decodeOwnerReferences(Context &ctx, Element value, const Path &path,
                           QList<OwnerReference> &out);
void decodeContainers(Context &ctx, Element value, const Path &path, QList<ContainerSpec> &out);
void decodeConditions(Context &ctx, Element value, const Path &path, QList<Condition> &out);
// A condition's type, status or reason (what a pod's conditions keep); false for other keys.
bool readConditionField(Context &ctx, std::string_view key, Element value, const Path &path,
                        Condition &out);
// A pod spec ({containers, initContainers, nodeName, ...}); nodeName may be null.
void decodePodSpec(Context &ctx, Element value, const Path &path, PodTemplate &out,
                   QString *nodeName);
// A workload's spec.template ({metadata, spec}).
void decodePodTemplateSpec(Context &ctx, Element value, const Path &path, PodTemplate &out);
void decodeAnalysisArgs(Context &ctx, Element value, const Path &path, QList<AnalysisArg> &out);
void decodeRolloutAnalysis(Context &ctx, Element value, const Path &path, RolloutAnalysis &out);
void decodeRolloutStatus(Context &ctx, Element value, const Path &path, RolloutStatus &out);

void decode(Context &ctx, Element value, const Path &path, Rollout &out);
void decode(Context &ctx, Element value, const Path &path, ReplicaSet &out);
void decode(Context &ctx, Element value, const Path &path, Pod &out);
void decode(Context &ctx, Element value, const Path &path, Deployment &out);
void decode(Context &ctx, Element value, const Path &path, AnalysisRun &out);
void decode(Context &ctx, Element value, const Path &path, Event &out);
void decode(Context &ctx, Element value, const Path &path, KubeStatus &out);

} // namespace JsonRead

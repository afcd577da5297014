// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: one function per type, each reading a JSON value into a struct.

#include "jsonreader_p.h"

struct AnalysisArg;
struct AnalysisRun;
struct Condition;
struct Deployment;
struct Event;
struct KubeStatus;
struct ObjectMeta;
struct Pod;
struct PodTemplate;
struct ReplicaSet;
struct Rollout;
struct RolloutAnalysis;
struct RolloutStatus;

namespace JsonRead {

void decodeMeta(Context &ctx, Element value, const Path &path, ObjectMeta &out);
void decodeConditions(Context &ctx, Element value, const Path &path, QList<Condition> &out);
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

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
struct FlaggerCanary;
struct FlaggerMetricTemplate;
struct Experiment;
struct ExperimentAnalysis;
struct Job;
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
void decodeCondition(Context &ctx, Element value, const Path &path, Condition &out);
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
// An experiment's analyses[] entry (a canary step's and an Experiment's share the shape).
void decodeExperimentAnalysis(Context &ctx, Element value, const Path &path,
                              ExperimentAnalysis &out);

void decode(Context &ctx, Element value, const Path &path, Rollout &out);
void decode(Context &ctx, Element value, const Path &path, ReplicaSet &out);
void decode(Context &ctx, Element value, const Path &path, Pod &out);
void decode(Context &ctx, Element value, const Path &path, Deployment &out);
void decode(Context &ctx, Element value, const Path &path, AnalysisRun &out);
void decode(Context &ctx, Element value, const Path &path, Event &out);
void decode(Context &ctx, Element value, const Path &path, FlaggerCanary &out);
void decode(Context &ctx, Element value, const Path &path, FlaggerMetricTemplate &out);
void decode(Context &ctx, Element value, const Path &path, KubeStatus &out);
void decode(Context &ctx, Element value, const Path &path, Experiment &out);
void decode(Context &ctx, Element value, const Path &path, Job &out);

// Reports that a list was cut at `max` entries (experimentdecoder.cpp).
void reportTruncated(Context &ctx, const Path &path, int max);

// readList() that keeps at most `max` entries and reports the rest as one issue: for lists
// a controller writes a handful of, so a hostile object cannot grow every copy of it.
template<typename T, typename F>
void readBoundedList(Context &ctx, Element value, const Path &path, QList<T> &out, int max,
                     F &&decode)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    qsizetype index = 0;
    for (Element element : array) {
        if (index == max) {
            reportTruncated(ctx, path, max);
            return;
        }
        out.emplaceBack();
        decode(ctx, element, path.at(index), out.last());
        ++index;
    }
}

} // namespace JsonRead

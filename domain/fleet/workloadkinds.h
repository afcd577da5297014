// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every kind the app watches, registered in one place. The batch that carries changes to the
// GUI, the accumulator that merges them, the slicer that hands them over in parts, and the
// informer's path, name and decoder are all written once over WatchedKinds, so a new kind is:
//   1. its value type and decoder in domain/kube (a T with `metadata`, JsonDecoder::decode<T>);
//   2. a WorkloadKindTraits<T> below, with its enum value and API resource;
//   3. its place in WatchedKinds;
//   4. where the store keeps it (a row kind in FleetRow, or an ObjectIndex in WorkloadIndex).
// docs/architecture.md ("The store and adding a kind") walks through the Deployment.

#include "analysisrun.h"
#include "deployment.h"
#include "event.h"
#include "experiment.h"
#include "flaggercanary.h"
#include "job.h"
#include "pod.h"
#include "replicaset.h"
#include "rollout.h"

#include <QLatin1String>
#include <QStringView>
#include <QtGlobal>

#include <tuple>
#include <type_traits>

enum class WorkloadKind : quint8 {
    Rollout,
    ReplicaSet,
    Deployment,
    Pod,
    AnalysisRun,
    Event,
    Experiment,
    Job,
    FlaggerCanary,
};

// The kinds only the rollout detail shows. An environment is usable without them, so a
// failure to list one does not change its ConnectionState (which the Rollouts, ReplicaSets
// and Deployments drive): it is reported as a DetailKindStatus, and the detail says what is
// missing and why.
enum class DetailKind : quint8 { Pods, AnalysisRuns, Events, Experiments, Jobs, FlaggerCanaries };
constexpr int DetailKindCount = 6;

// Where the API serves a kind: /api/v1/... for the core group, /apis/GROUP/VERSION/...
// otherwise.
struct KindResource
{
    const char *group; // "" for the core group
    const char *version;
    const char *plural;
};

// One specialization per watched kind: `kind`, `name` (the API's kind, as an owner or an
// Event's involved object names it), `resource`, and `detail` for the detail kinds (kinds the
// environment's state does not wait for), with `isDetail` true.
template<typename T> struct WorkloadKindTraits;

template<> struct WorkloadKindTraits<Rollout>
{
    static constexpr WorkloadKind kind = WorkloadKind::Rollout;
    static constexpr const char *name = "Rollout";
    static constexpr KindResource resource {"argoproj.io", "v1alpha1", "rollouts"};
    static constexpr bool isDetail = false;
};
template<> struct WorkloadKindTraits<ReplicaSet>
{
    static constexpr WorkloadKind kind = WorkloadKind::ReplicaSet;
    static constexpr const char *name = "ReplicaSet";
    static constexpr KindResource resource {"apps", "v1", "replicasets"};
    static constexpr bool isDetail = false;
};
template<> struct WorkloadKindTraits<Deployment>
{
    static constexpr WorkloadKind kind = WorkloadKind::Deployment;
    static constexpr const char *name = "Deployment";
    static constexpr KindResource resource {"apps", "v1", "deployments"};
    static constexpr bool isDetail = false;
};
template<> struct WorkloadKindTraits<Pod>
{
    static constexpr WorkloadKind kind = WorkloadKind::Pod;
    static constexpr const char *name = "Pod";
    static constexpr KindResource resource {"", "v1", "pods"};
    static constexpr bool isDetail = true;
    static constexpr DetailKind detail = DetailKind::Pods;
};
template<> struct WorkloadKindTraits<AnalysisRun>
{
    static constexpr WorkloadKind kind = WorkloadKind::AnalysisRun;
    static constexpr const char *name = "AnalysisRun";
    static constexpr KindResource resource {"argoproj.io", "v1alpha1", "analysisruns"};
    static constexpr bool isDetail = true;
    static constexpr DetailKind detail = DetailKind::AnalysisRuns;
};
template<> struct WorkloadKindTraits<Event>
{
    static constexpr WorkloadKind kind = WorkloadKind::Event;
    static constexpr const char *name = "Event";
    static constexpr KindResource resource {"", "v1", "events"};
    static constexpr bool isDetail = true;
    static constexpr DetailKind detail = DetailKind::Events;
};
template<> struct WorkloadKindTraits<Experiment>
{
    static constexpr WorkloadKind kind = WorkloadKind::Experiment;
    static constexpr const char *name = "Experiment";
    static constexpr KindResource resource {"argoproj.io", "v1alpha1", "experiments"};
    static constexpr bool isDetail = true;
    static constexpr DetailKind detail = DetailKind::Experiments;
};
template<> struct WorkloadKindTraits<Job>
{
    static constexpr WorkloadKind kind = WorkloadKind::Job;
    static constexpr const char *name = "Job";
    static constexpr KindResource resource {"batch", "v1", "jobs"};
    static constexpr bool isDetail = true;
    static constexpr DetailKind detail = DetailKind::Jobs;
};
// Flagger's canaries are rows like Rollouts, but most clusters run no Flagger: a 404 or 403
// on them must not fail the environment, so they are reported as a detail kind's status.
template<> struct WorkloadKindTraits<FlaggerCanary>
{
    static constexpr WorkloadKind kind = WorkloadKind::FlaggerCanary;
    static constexpr const char *name = "Canary";
    static constexpr KindResource resource {"flagger.app", "v1beta1", "canaries"};
    static constexpr bool isDetail = true;
    static constexpr DetailKind detail = DetailKind::FlaggerCanaries;
};

// Stands for a kind where a value is needed: f(KindTag<T>{}) lets a generic lambda name T.
template<typename T> struct KindTag
{
    using type = T;
};

template<typename... Ts> struct KindList
{
    // std::tuple<W<Ts>...>: one W per kind (its pending changes, its upserts and deletes).
    template<template<typename> class W> using Tuple = std::tuple<W<Ts>...>;
    static constexpr int size = int(sizeof...(Ts));

    // f(KindTag<T>{}) for every kind, in list order.
    template<typename F> static void forEach(F &&f) { (f(KindTag<Ts> {}), ...); }
    // f(KindTag<T>{}) for the kind whose enum value is `kind`.
    template<typename F> static void visit(WorkloadKind kind, F &&f)
    {
        ((WorkloadKindTraits<Ts>::kind == kind ? f(KindTag<Ts> {}) : void()), ...);
    }
};

// In the order a batch is applied when it is handed over in parts (BatchSlicer): ReplicaSets
// before the workloads, so a Rollout's row is derived with its ReplicaSets (actual weight,
// revision, images) from its first part, never shown without them; Deployments before the
// Flagger canaries that manage them (a canary's row shows its Deployments' images).
using WatchedKinds = KindList<ReplicaSet, Rollout, Deployment, FlaggerCanary, Pod, AnalysisRun,
                              Event, Experiment, Job>;

// True when `kind` ("Rollout", as an object reference gives it) is one of WatchedKinds.
inline bool isWatchedKindName(QStringView kind)
{
    bool watched = false;
    WatchedKinds::forEach([&](auto tag) {
        watched = watched
            || kind == QLatin1String(WorkloadKindTraits<typename decltype(tag)::type>::name);
    });
    return watched;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "deployment.h"
#include "event.h"
#include "pod.h"
#include "replicaset.h"
#include "rollout.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// The kinds only the rollout detail shows. An environment is usable without them, so a
// failure to list one does not change its ConnectionState (which the Rollouts, ReplicaSets
// and Deployments drive): it is reported as a DetailKindStatus, and the detail says what is
// missing and why.
enum class DetailKind : quint8 { Pods, AnalysisRuns, Events };
constexpr int DetailKindCount = 3;

struct DetailKindStatus
{
    enum class Problem : quint8 {
        None, // listed (or still being listed)
        Forbidden, // 403: the user may not list it
        NotServed, // 404: the cluster does not serve it (e.g. no AnalysisRun CRD)
        Failing, // another error; the informer retries and the data may be stale
    };

    Problem problem = Problem::None;
    QString reason; // the server's answer, translated; empty when None

    bool isAvailable() const { return problem == Problem::None; }
    bool operator==(const DetailKindStatus &o) const
    {
        return problem == o.problem && reason == o.reason;
    }
    bool operator!=(const DetailKindStatus &o) const { return !(*this == o); }
};

// The changes to one environment's workloads since the previous batch, as the informers
// send them to the GUI thread (at most one batch per ~100 ms per environment). Keys are
// "namespace/name". Within a batch an object appears at most once: either upserted (its
// newest state) or deleted.
struct WorkloadDeltaBatch
{
    // Everything of this environment is replaced: the upserts are its complete state (of
    // every kind) and any object not upserted is gone (the deletes lists are then empty).
    // The first batch after FleetFetcher::start() is a reset; a relist after 410 sends
    // ordinary upserts and the deletes of objects that vanished meanwhile.
    bool reset = false;
    QList<Rollout> rolloutUpserts;
    QStringList rolloutDeletes;
    QList<ReplicaSet> replicaSetUpserts;
    QStringList replicaSetDeletes;
    QList<Deployment> deploymentUpserts;
    QStringList deploymentDeletes;
    // Detail kinds: pods of Rollout ReplicaSets, AnalysisRuns, and Events about Rollouts,
    // ReplicaSets, pods and AnalysisRuns.
    QList<Pod> podUpserts;
    QStringList podDeletes;
    QList<AnalysisRun> analysisRunUpserts;
    QStringList analysisRunDeletes;
    QList<Event> eventUpserts;
    QStringList eventDeletes;
    // Indexed by DetailKind (DetailKindCount entries) when the availability of a detail kind
    // changed since the previous batch, and always in a reset batch; empty otherwise.
    QList<DetailKindStatus> detailStatus;

    bool isEmpty() const { return !reset && changeCount() == 0 && detailStatus.isEmpty(); }
    // Objects upserted or deleted (detailStatus is not an object change).
    int changeCount() const
    {
        return int(rolloutUpserts.size() + rolloutDeletes.size() + replicaSetUpserts.size()
                   + replicaSetDeletes.size() + deploymentUpserts.size() + deploymentDeletes.size()
                   + podUpserts.size() + podDeletes.size() + analysisRunUpserts.size()
                   + analysisRunDeletes.size() + eventUpserts.size() + eventDeletes.size());
    }

    static QString key(const QString &namespaceName, const QString &name)
    {
        return namespaceName + QLatin1Char('/') + name;
    }
};

// The upsert and delete lists of one kind, so code that handles every kind the same way
// (informers, the accumulator, the model's indexes) is written once as a template.
template<typename T> struct WorkloadDeltaSlots;

#define RD_WORKLOAD_DELTA_SLOTS(Type, field)                                                       \
    template<> struct WorkloadDeltaSlots<Type>                                                     \
    {                                                                                              \
        static QList<Type> &upserts(WorkloadDeltaBatch &b) { return b.field##Upserts; }            \
        static const QList<Type> &upserts(const WorkloadDeltaBatch &b)                             \
        {                                                                                          \
            return b.field##Upserts;                                                               \
        }                                                                                          \
        static QStringList &deletes(WorkloadDeltaBatch &b) { return b.field##Deletes; }            \
        static const QStringList &deletes(const WorkloadDeltaBatch &b)                             \
        {                                                                                          \
            return b.field##Deletes;                                                               \
        }                                                                                          \
    };
RD_WORKLOAD_DELTA_SLOTS(Rollout, rollout)
RD_WORKLOAD_DELTA_SLOTS(ReplicaSet, replicaSet)
RD_WORKLOAD_DELTA_SLOTS(Deployment, deployment)
RD_WORKLOAD_DELTA_SLOTS(Pod, pod)
RD_WORKLOAD_DELTA_SLOTS(AnalysisRun, analysisRun)
RD_WORKLOAD_DELTA_SLOTS(Event, event)
#undef RD_WORKLOAD_DELTA_SLOTS

Q_DECLARE_METATYPE(DetailKindStatus)
Q_DECLARE_METATYPE(WorkloadDeltaBatch)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetdelta.h"
#include "objectindex.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <type_traits>

// What one environment holds besides its rows: the ReplicaSets, pods, AnalysisRuns,
// Events, Experiments and Jobs, indexed by owner so the rows and the rollout detail find theirs
// without a scan, and whether the detail kinds could be listed. GUI thread only, owned by
// FleetModel.
class WorkloadIndex
{
public:
    WorkloadIndex();

    // Applies the batch's ReplicaSets, pods, AnalysisRuns and Events; with `replace` (a
    // reset) they replace everything held. *replicaSetOwners receives the uid of every owner
    // whose ReplicaSets changed (rows derive weights and revisions from them).
    // *detailOwners receives, for every changed object, the uid at the top of its
    // controller chain before and after the change (pod -> ReplicaSet -> Rollout, Event ->
    // involved object -> ...): the Rollouts whose detail changed, and other owners the
    // caller filters out. Costs the changed objects only, except for a replace.
    void apply(const WorkloadDeltaBatch &batch, bool replace, QSet<QString> *replicaSetOwners,
               QSet<QString> *detailOwners);
    // DetailKindCount entries, indexed by DetailKind (empty: all available). True when it
    // changed.
    bool setDetailStatus(const QList<DetailKindStatus> &status);
    DetailKindStatus detailStatus(DetailKind kind) const { return m_detailStatus.at(int(kind)); }
    QList<DetailKindStatus> detailStatus() const { return m_detailStatus; }

    // Any owner reference to ownerUid, in no particular order.
    QList<ReplicaSet> replicaSetsOwnedBy(const QString &ownerUid) const
    {
        return m_replicaSets.inGroup(ownerUid);
    }
    // Controlled by the Rollout, newest revision first (then by name).
    QList<ReplicaSet> replicaSetsControlledBy(const QString &rolloutUid) const;
    // Controlled by the ReplicaSet, by name.
    QList<Pod> podsControlledBy(const QString &replicaSetUid) const;
    // Controlled by the Rollout, newest first (creationTimestamp, then name).
    QList<AnalysisRun> analysisRunsControlledBy(const QString &rolloutUid) const;
    // Controlled by the Rollout, newest revision first (then oldest first, as the plugin).
    QList<Experiment> experimentsControlledBy(const QString &rolloutUid) const;
    // The Jobs of the AnalysisRun's job metrics, oldest first (then by name).
    QList<Job> jobsOfAnalysisRun(const QString &runUid) const;
    // About any of the objects, newest first (Event::lastSeen, then name), at most `limit`.
    QList<Event> eventsAbout(const QStringList &objectUids, int limit) const;

    // The index of one kind (ReplicaSet, Pod, AnalysisRun or Event).
    template<typename T> const ObjectIndex<T> &index() const
    {
        if constexpr (std::is_same_v<T, ReplicaSet>)
            return m_replicaSets;
        else if constexpr (std::is_same_v<T, Pod>)
            return m_pods;
        else if constexpr (std::is_same_v<T, AnalysisRun>)
            return m_analysisRuns;
        else if constexpr (std::is_same_v<T, Experiment>)
            return m_experiments;
        else if constexpr (std::is_same_v<T, Job>)
            return m_jobs;
        else
            return m_events;
    }

    qsizetype replicaSetCount() const { return m_replicaSets.size(); }
    qsizetype podCount() const { return m_pods.size(); }
    qsizetype analysisRunCount() const { return m_analysisRuns.size(); }
    qsizetype eventCount() const { return m_events.size(); }
    qsizetype experimentCount() const { return m_experiments.size(); }
    qsizetype jobCount() const { return m_jobs.size(); }

private:
    // The uid at the top of the object's controller chain, as far as it is known here.
    QString topOwner(const ReplicaSet &replicaSet) const;
    QString topOwner(const Pod &pod) const;
    QString topOwner(const AnalysisRun &run) const;
    QString topOwner(const Event &event) const;
    QString topOwner(const Experiment &experiment) const;
    QString topOwner(const Job &job) const;
    // The top of the chain above a controller uid of an Experiment or an AnalysisRun (which
    // an Experiment may control), or the uid itself.
    QString topOwnerOfController(const QString &controllerUid) const;

    template<typename T>
    void noteBefore(const ObjectIndex<T> &index, const WorkloadDeltaBatch &batch,
                    QSet<QString> *replicaSetOwners, QSet<QString> *detailOwners) const;
    template<typename T>
    void applyTo(ObjectIndex<T> &index, const WorkloadDeltaBatch &batch, bool replace,
                 QSet<QString> *replicaSetOwners);
    template<typename T>
    void noteAfter(const WorkloadDeltaBatch &batch, QSet<QString> *replicaSetOwners,
                   QSet<QString> *detailOwners) const;

    ObjectIndex<ReplicaSet> m_replicaSets;
    ObjectIndex<Pod> m_pods;
    ObjectIndex<AnalysisRun> m_analysisRuns;
    ObjectIndex<Event> m_events;
    ObjectIndex<Experiment> m_experiments;
    ObjectIndex<Job> m_jobs;
    QList<DetailKindStatus> m_detailStatus;
};

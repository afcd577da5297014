// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "event.h"
#include "experiment.h"
#include "job.h"
#include "pod.h"
#include "replicaset.h"
#include "rollout.h"
#include "rolloutsituation.h"
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// An Experiment a canary step of the rollout made, with what it owns.
struct ExperimentDetail
{
    Experiment experiment;
    // Controlled by the experiment (one per template), by name; their pods are in
    // RolloutDetail::podsByReplicaSetUid.
    QList<ReplicaSet> replicaSets;
    // Controlled by the experiment, newest first; their Jobs in RolloutDetail::jobsByRunUid.
    QList<AnalysisRun> analysisRuns;

    bool operator==(const ExperimentDetail &o) const
    {
        return experiment == o.experiment && replicaSets == o.replicaSets
            && analysisRuns == o.analysisRuns;
    }
    bool operator!=(const ExperimentDetail &o) const { return !(*this == o); }
};

// Everything the rollout detail view shows about one Rollout, assembled on the GUI thread
// from what the environment's informers delivered (FleetModel::rolloutDetail). A value: the
// view keeps no pointers into the model.
struct RolloutDetail
{
    QString environment;
    QString environmentColour; // "#rrggbb" from the config, or empty
    Rollout rollout;
    // Owned by the rollout (controller ownerReference), newest revision first.
    QList<ReplicaSet> replicaSets;
    // Pods by the uid of the ReplicaSet that controls them, each list sorted by name.
    QHash<QString, QList<Pod>> podsByReplicaSetUid;
    // Owned by the rollout, newest first (creationTimestamp, then name).
    QList<AnalysisRun> analysisRuns;
    // Controlled by the rollout, newest revision first (the plugin's order).
    QList<ExperimentDetail> experiments;
    // The Jobs of each AnalysisRun's job metrics (the rollout's and its experiments'), by
    // the run's uid, oldest first; their pods by the Job's uid.
    QHash<QString, QList<Job>> jobsByRunUid;
    QHash<QString, QList<Pod>> podsByJobUid;
    // Events whose involvedObject is the rollout, one of its ReplicaSets, pods or
    // AnalysisRuns; newest first (Event::lastSeen), at most maxEvents.
    QList<Event> events;
    // Translated notes on what is missing and why, e.g. "Pods are not shown: listing pods in
    // this environment is forbidden." Empty when every kind was listed.
    QStringList notices;

    // What the watch saw happen that the object no longer says (manual pause time, abort
    // step).
    RolloutObservations observations;
    // When the environment stopped being live (null while live) and why: everything above
    // is then the last known state.
    QDateTime staleSince;
    QString staleReason;

    bool isStale() const { return staleSince.isValid(); }
    // The rollout's AnalysisRuns, then its experiments' (newest experiment first).
    QList<AnalysisRun> allAnalysisRuns() const
    {
        QList<AnalysisRun> runs = analysisRuns;
        for (const ExperimentDetail &experiment : experiments)
            runs += experiment.analysisRuns;
        return runs;
    }
    // The situation at `now` (no countdown while stale).
    RolloutSituation situation(const QDateTime &now) const
    {
        return RolloutSituationText::describe(rollout,
                                              RolloutTrafficFacts::of(rollout, replicaSets),
                                              SituationContext {now, !isStale(), observations});
    }

    static constexpr int maxEvents = 100;
    bool isValid() const { return !rollout.metadata.uid.isEmpty(); }
};

Q_DECLARE_METATYPE(RolloutDetail)

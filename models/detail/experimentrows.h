// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "keyedtreemodel.h"
#include "rolloutdetail.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>

// The rows of a rollout's Experiments (in ReplicaSetModel's tree) and of its analysis Jobs (in
// AnalysisRunsModel's), worded once for both models. Status cells carry the phase's symbol and
// name, their tooltip the kubectl plugin's icon and what it means (RolloutTree).
class ExperimentRows
{
    Q_DECLARE_TR_FUNCTIONS(ExperimentRows)

public:
    using Node = KeyedNode<DetailRow>;

    // ReplicaSetModel's columns, as its Column enum numbers them.
    struct ReplicaSetColumns
    {
        int name, revision, role, status, ready, restarts, age, images, count;
    };
    // The experiment's own row: name, revision, role ("experiment", "current step"), phase,
    // available of desired pods over its templates, age, images tagged Σ:<template>.
    static DetailRow experimentRow(const ExperimentDetail &entry, const RolloutDetail &detail,
                                   const QDateTime &now, const ReplicaSetColumns &columns);
    // Below it, first: what the step is doing (its duration and how much is left), spanned.
    static DetailRow stateRow(const ExperimentDetail &entry, const RolloutDetail &detail,
                              const QDateTime &now);
    // One row per spec.analyses entry: its name, template, whether the experiment waits for
    // it, and its run's phase.
    static void appendAnalyses(Node *experiment, const ExperimentDetail &entry,
                               const ReplicaSetColumns &columns);
    static const QString stateKey;

    // AnalysisRunsModel's columns.
    struct RunColumns
    {
        int name, phase, summary, values, when, count;
    };
    // The run's Jobs, each below the metric that made it (or the run), with its pods.
    static void appendJobs(Node *run, const QList<Job> &jobs,
                           const QHash<QString, QList<Pod>> &podsByJobUid, const QDateTime &now,
                           const RunColumns &columns);
    // The tooltip of a status with the plugin's icon: "✔ succeeded or healthy".
    static QString iconToolTip(const QString &icon);
};

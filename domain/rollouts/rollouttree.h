// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutdetail.h"
#include "rolloutstatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The tree `kubectl argo rollouts get rollout` prints (cmd/get/get_rollout.go over the
// RolloutInfo of info/*.go), built from a RolloutDetail: the rollout, then per revision
// (newest first) its ReplicaSets with their pods, its Experiments with their ReplicaSets,
// pods and AnalysisRuns, and its AnalysisRuns, each run with its Jobs. The text printer, the
// JSON of `get rollout -o json` and the detail view's icons all read it.

// The plugin's status icons (info/info.go) and the word for what each means.
namespace PluginIcon {
inline constexpr const char *waiting = "◷";
inline constexpr const char *progressing = "◌";
inline constexpr const char *warning = "⚠";
inline constexpr const char *unknown = "?";
inline constexpr const char *ok = "✔";
inline constexpr const char *bad = "✖";
inline constexpr const char *paused = "॥";
inline constexpr const char *neutral = "•";

// rolloutIcon, replicaSetIcon, podIcon and analysisIcon of info/: " " for a status they do
// not know.
QString forRollout(const QString &phase);
QString forReplicaSet(const QString &health);
QString forPod(const QString &podStatus);
QString forAnalysis(const QString &analysisPhase);
// The icon's meaning as one stable word ("ok", "progressing", "waiting", "warning",
// "unknown", "bad", "paused", "neutral"; "none" for " "), for JSON and scripts.
QString meaning(const QString &icon);
// The same, translated, for people ("succeeded", "in progress", ...).
QString meaningText(const QString &icon);
} // namespace PluginIcon

struct RolloutTreeNode
{
    enum class Kind { Rollout, Revision, ReplicaSet, Pod, Experiment, AnalysisRun, Job };

    Kind kind = Kind::Rollout;
    QString name;
    QString status; // the plugin's word: a phase, a ReplicaSet health, a pod status
    QString icon; // PluginIcon's
    QDateTime created; // invalid for a revision
    // The INFO column's entries: stable, canary, delay:…, ready:1/1, restarts:2, ✔ 3, …
    QStringList info;
    QStringList images; // a ReplicaSet's or a Job's containers' images
    QString templateName; // an experiment's ReplicaSet: its template
    QString message; // a run's or an experiment's message
    qint64 revision = 0;
    QList<RolloutTreeNode> children;

    // "Rollout", "ReplicaSet", ..., as the KIND column prints it ("" for a revision).
    QString kindName() const;
};

class RolloutTree
{
    Q_DECLARE_TR_FUNCTIONS(RolloutTree)

public:
    // The rollout's node with its revisions as children.
    // now: for the scale-down delays.
    static RolloutTreeNode build(const RolloutDetail &detail, const QDateTime &now);
    // The header's Images: the running ReplicaSets' images tagged stable/canary/… and the
    // experiments' tagged Σ:<template> (info.Images), merged per image and sorted.
    static QList<ImageInfo> images(const RolloutDetail &detail);
    // One experiment's images tagged Σ:<template> (info.ExperimentImages).
    static QList<ImageInfo> experimentImages(const ExperimentDetail &experiment);
    // What the current experiment step is doing, for people: "Step 2 of 4: experiment X has
    // run 5m of 10m, 5m left", "... is Successful"; empty when the rollout is not at an
    // experiment step.
    static QString experimentStepState(const RolloutDetail &detail, const QDateTime &now);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "rollout.h"
#include "rolloutdetail.h"
#include "rolloutref.h"
#include "rolloutsituation.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What NoticeDetector compares between two states of a rollout, and nothing more: a few
// values instead of the whole Rollout, so remembering every rollout of a large fleet is
// cheap. Made from values the store already derived (revision, situation), or from a
// RolloutDetail, never derived a second way.
struct RolloutNoticeFacts
{
    // One AnalysisRun as the rollout's status refers to it and as its own object says.
    struct Run
    {
        QString phase; // the object's phase, else the rollout's reference's status
        QString message;
        bool failed = false; // Failed or Error, by either source
        bool referenced = false; // named in the rollout's status (current step, background, ...)

        bool operator==(const Run &o) const
        {
            return phase == o.phase && message == o.message && failed == o.failed
                && referenced == o.referenced;
        }
        bool operator!=(const Run &o) const { return !(*this == o); }
    };

    QString environment;
    QString uid;
    QString namespaceName;
    QString name;
    qint64 revision = 0;
    RolloutSituation::Kind situation = RolloutSituation::Kind::Unknown;
    // How far the revision has got: a canary's step index (nil = 0); a blue-green's 1 once the
    // active service selects the new version, else 0. Promotion moves it on.
    qint32 progress = 0;
    qint32 stepCount = 0; // a canary's steps; 0 for a blue-green
    bool manualPause = false; // spec.paused: a person's pause, not a step's
    bool aborted = false;
    bool promoteFull = false;
    bool fullyPromoted = false; // stableRS == currentPodHash
    QDateTime abortedAt;
    QStringList abortReasons; // rolloutErrorConditions() while aborted
    QHash<QString, Run> runs; // by name

    RolloutRef ref() const { return RolloutRef {environment, uid}; }
    bool operator==(const RolloutNoticeFacts &o) const;
    bool operator!=(const RolloutNoticeFacts &o) const { return !(*this == o); }

    // revision and situation as FleetRow derived them (rolloutRevision, describe); runs: the
    // AnalysisRuns the rollout controls (empty when they cannot be listed).
    static RolloutNoticeFacts of(const QString &environment, const Rollout &rollout,
                                 qint64 revision, RolloutSituation::Kind situation,
                                 const QList<AnalysisRun> &runs);
    // The same from an assembled detail (tests, tools): its revision from its ReplicaSets and
    // its situation as the detail view describes it.
    static RolloutNoticeFacts of(const RolloutDetail &detail);
    static bool isFailedPhase(const QString &phase);
};

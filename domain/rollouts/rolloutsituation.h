// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replicaset.h"
#include "rollout.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// What a rollout is doing, in the words a person acts on: the one wording the fleet table,
// the detail header, the tray and `get -o wide` share. The phase and its message
// (rolloutPhase) stay the controller's vocabulary ("Paused — CanaryPauseStep"); this says
// what that means now ("Pause 40s — 25s left", "Waiting for promotion", "Paused by a person
// since 23:41 — Resume continues at step 4") and whether a person is needed.

// What the watch has seen happen to a rollout, which its object no longer says: when
// spec.paused was set (the API has no timestamp for a manual pause) and at which step an
// abort happened (the controller resets currentStepIndex to 0 on abort). Null / nullopt
// when it happened before the window started watching.
struct RolloutObservations
{
    QDateTime manualPauseSeenAt;
    // Who made the manual pause, when the window knows because it made it itself (its
    // quality gate's onGateFail: pause); empty: a person, or another client.
    QString manualPauseBy;
    std::optional<qint32> abortedAtStep; // 0-based, as status.currentStepIndex

    bool operator==(const RolloutObservations &o) const
    {
        return manualPauseSeenAt == o.manualPauseSeenAt && manualPauseBy == o.manualPauseBy
            && abortedAtStep == o.abortedAtStep;
    }
    bool operator!=(const RolloutObservations &o) const { return !(*this == o); }
    // The observations after `previous` was replaced by `next` at `now`: a manual pause or
    // an abort that starts between the two is dated / placed; one that ends is forgotten.
    static RolloutObservations follow(const RolloutObservations &before, const Rollout &previous,
                                      const Rollout &next, const QDateTime &now);
};

// The rollout's facts that come from its ReplicaSets: how much traffic (or how many pods)
// the new version has and how many of its pods still run.
struct RolloutTrafficFacts
{
    qint32 actualWeight = 0; // canary: ActualWeight; blue-green: 100 when active is new
    qint32 newReplicas = 0; // status.replicas of the ReplicaSet of currentPodHash
    qint32 stableReplicas = 0; // status.replicas of the stableRS ReplicaSet

    bool operator==(const RolloutTrafficFacts &o) const
    {
        return actualWeight == o.actualWeight && newReplicas == o.newReplicas
            && stableReplicas == o.stableReplicas;
    }
    bool operator!=(const RolloutTrafficFacts &o) const { return !(*this == o); }
    static RolloutTrafficFacts of(const Rollout &rollout, const QList<ReplicaSet> &replicaSets);
};

struct RolloutSituation
{
    enum class Kind : quint8 {
        Healthy, // nothing is rolling out
        Progressing, // the controller is moving it on by itself
        TimedPause, // a pause step or blue-green auto-promotion with a deadline
        WaitingForPromotion, // a pause without a deadline: a person promotes
        ManualPause, // spec.paused: a person paused it; only Resume continues
        Inconclusive, // analysis or experiment inconclusive: a person decides
        Aborting, // aborted, the new version still has traffic
        Aborted, // aborted, all traffic on stable
        Degraded, // InvalidSpec, ProgressDeadlineExceeded, ...
        Unknown, // a phase this version does not know
    };

    Kind kind = Kind::Unknown;
    QString text; // translated, one line
    // Only a person moves it on (manual pause, waiting for promotion, inconclusive).
    bool waitsForPerson = false;
    // Aborting, aborted, degraded or unknown.
    bool isFailure() const
    {
        return kind == Kind::Aborting || kind == Kind::Aborted || kind == Kind::Degraded
            || kind == Kind::Unknown;
    }
    bool needsAttention() const { return waitsForPerson || isFailure(); }
    // Milliseconds to the end of a timed pause while the countdown runs (live data).
    std::optional<qint64> remainingMSecs;
};

struct SituationContext
{
    QDateTime now;
    // False while the environment is disconnected: no countdown runs on data that may be
    // stale, and "resuming…" is never claimed.
    bool live = true;
    RolloutObservations observations;
};

class RolloutSituationText
{
    Q_DECLARE_TR_FUNCTIONS(RolloutSituation)

public:
    static RolloutSituation describe(const Rollout &rollout, const RolloutTrafficFacts &facts,
                                     const SituationContext &context);
    // "Resume continues at step 4 of 6" / "Resume continues the update".
    static QString resumeText(const Rollout &rollout);
    // "23:41" today, else "Dec 4 23:41" (local time).
    static QString clockTime(const QDateTime &time, const QDateTime &now);
    // The line's head ("Paused by a person since 23:41") and the rest after " — "
    // ("Resume continues at step 4 of 6"); the rest is empty without a dash.
    static std::pair<QString, QString> split(const QString &text);
    // "23:41" (withSeconds: "23:41:05") today, else with the date; local time.
    static QString clockTime(const QDateTime &time, const QDateTime &now, bool withSeconds);
    // The attention reason for a tooltip: "Waiting for a person: …" / "Failed: …"; empty
    // when the rollout needs nobody.
    static QString attentionReason(const RolloutSituation &situation);

private:
    static QString progressingText(const Rollout &rollout, const QString &message);
    static QString degradedText(const QString &message);
    static QString abortText(const Rollout &rollout, const RolloutTrafficFacts &facts,
                             bool *settled);
    static RolloutSituation pausedSituation(const Rollout &rollout,
                                            const SituationContext &context);
};

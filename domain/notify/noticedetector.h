// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notice.h"
#include "rolloutnoticefacts.h"
#include "rolloutref.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// Turns the states of the rollouts watched live into notices: an AnalysisRun failed, the
// rollout was aborted, a person paused it (spec.paused, not a pause step), a person promoted
// it, it finished (the new revision stable and Healthy). Only what changed between two
// states seen is told: the first state of a rollout, and every state given with live false
// (start-up, a reconnect's catch-up), only become what the next one is compared with, so
// nothing that happened before the watch saw it is told as news.
//
// Every notice is remembered by Notice::key() (environment, rollout, revision, kind, subject)
// until the rollout moves to a newer revision or is forgotten, and is never told twice, also
// when a state flaps or is delivered again. A manual pause that ends is forgotten at once,
// so pausing again is told again.
//
// Pure values and no clock: the app feeds it from FleetModel and decides what to show.
class NoticeDetector
{
    Q_DECLARE_TR_FUNCTIONS(NoticeDetector)

public:
    // The notices for the rollout's new state (none when live is false or it is the first
    // state seen of it); the state is remembered either way.
    QList<Notice> observe(const RolloutNoticeFacts &facts, bool live = true);
    // The rollout was deleted: its states and what was told about it are forgotten.
    void forget(const RolloutRef &ref);
    // Every rollout of the environment (it left the fleet).
    void forgetEnvironment(const QString &environment);
    void clear();
    bool knows(const RolloutRef &ref) const { return m_rollouts.contains(ref); }

    // A quality gate failed for that rollout (uid and revision as far as they are known):
    // the notice, or nullopt when this gate's failure was told for the revision already.
    std::optional<Notice> gateFailed(const QString &environment, const QString &namespaceName,
                                     const QString &rolloutName, const QString &rolloutUid,
                                     qint64 revision, const QString &gateName,
                                     const QString &message);

private:
    struct Memory
    {
        RolloutNoticeFacts facts;
        // The progress at which the revision last waited for a person to promote it (a pause
        // without a deadline, an inconclusive analysis). Kept through the states in between
        // (the controller unpauses before it moves on), so the move past it is a promotion.
        std::optional<qint32> waitingAt;
        bool seen = false; // facts hold a state (a gate failure may come before any)
        struct Told
        {
            qint64 revision = 0;
            Notice::Kind kind = Notice::Kind::AnalysisFailed;
        };
        QHash<QString, Told> told; // by Notice::key()
    };

    void analysisFailures(const Memory &memory, const RolloutNoticeFacts &after,
                          QList<Notice> *out) const;
    std::optional<Notice> promotion(const Memory &memory, const RolloutNoticeFacts &after) const;
    static Notice noticeFor(const RolloutNoticeFacts &facts, Notice::Kind kind,
                            const QString &subject, const QString &text);
    QList<Notice> detect(const Memory &memory, const RolloutNoticeFacts &after) const;
    // Keeps the notices not told yet and remembers them.
    static QList<Notice> untold(Memory *memory, const QList<Notice> &notices);
    // Drops what was told about older revisions.
    static void moveTo(Memory *memory, qint64 revision);
    static void followWaiting(Memory *memory, const RolloutNoticeFacts &after);

    QHash<RolloutRef, Memory> m_rollouts;
};

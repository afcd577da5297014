// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutactionexecutor.h"
#include "rolloutactionrules.h"
#include <QCoreApplication>
#include <QString>

class KubeClient;

// `--wait` of the action commands: after the API server accepted an action, reads the
// rollout again about once a second until it shows the effect, judged by
// rolloutActionConfirmed() with the executor's ActionExpectation, as the window's
// PendingActionTracker judges it, or until the timeout. Only a rollout read from the
// cluster confirms: a failed read is remembered, never taken for an effect.
class ActionWait
{
    Q_DECLARE_TR_FUNCTIONS(ActionWait)

public:
    struct Outcome
    {
        bool confirmed = false;
        qint64 elapsedMs = 0; // from the start of the wait to the read that confirmed
        QString lastError; // the last read that failed, if the last read failed
    };

    // Blocks the calling thread. client: the executor's, for the same context.
    static Outcome wait(KubeClient *client, const RolloutActionRequest &request,
                        const ActionExpectation &expectation, qint64 timeoutMs,
                        int intervalMs = 1000);

    // "paused shop/checkout; the controller shows it (after 2.1 s)", after "prod: ".
    static QString confirmedText(const RolloutActionRequest &request, qint64 elapsedMs);
    // Said before the wait starts, so a person at a terminal is not left guessing.
    static QString waitingText(const RolloutActionRequest &request, qint64 timeoutMs);
    // The API server accepted it but the controller did not show it in time (exit code 5).
    static QString timeoutText(const RolloutActionRequest &request, qint64 timeoutMs,
                               const QString &lastError);
};

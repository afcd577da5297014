// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutactionexecutor.h"
#include "rolloutactionrules.h"
#include <QCoreApplication>
#include <QString>

#include <functional>

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
    // The loop of wait() for any object: readConfirms reads it once (on the client, whose
    // limits poll() sets so a read ends with the wait) and says whether it shows the effect,
    // or sets *error when the read failed. The Flagger canary actions use it too.
    static Outcome poll(KubeClient *client, const std::function<bool(QString *error)> &readConfirms,
                        qint64 timeoutMs, int intervalMs = 1000);

    // "paused shop/checkout; the controller shows it (after 2.1 s)", after "prod: ".
    static QString confirmedText(const RolloutActionRequest &request, qint64 elapsedMs);
    // Said before the wait starts, so a person at a terminal is not left guessing.
    static QString waitingText(const RolloutActionRequest &request, qint64 timeoutMs);
    // The API server accepted it but the controller did not show it in time (exit code 5).
    static QString timeoutText(const RolloutActionRequest &request, qint64 timeoutMs,
                               const QString &lastError);
};

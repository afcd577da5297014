// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggercanary.h"
#include "rolloutstatus.h"

#include <QCoreApplication>
#include <QString>

// A Flagger canary in the dashboard's status vocabulary, the one the fleet table shows for
// Argo Rollouts (RolloutPhaseInfo: Healthy, Progressing, Paused, Degraded and a message), as
// Flagger's scheduler (pkg/controller/scheduler.go, scheduler_hooks.go, finalizer.go) means
// each phase. docs/flagger.md is the table with the reasons. A class only to give lupdate
// one translation context.

// What a canary waits for when it is Paused.
enum class FlaggerWait {
    None,
    Suspended, // spec.suspend: Flagger does not reconcile it at all
    ConfirmRollout, // phase Waiting: a confirm-rollout webhook has not answered 2xx yet
    ConfirmPromotion, // phase WaitingPromotion: a confirm-promotion webhook holds it
};

class FlaggerStatus
{
    Q_DECLARE_TR_FUNCTIONS(FlaggerStatus)

public:
    // Initializing, Progressing, Promoting, Finalising, Terminating, no phase yet or an
    // unknown one: Progressing; Initialized, Succeeded, Terminated: Healthy; Waiting,
    // WaitingPromotion and spec.suspend: Paused; Failed: Degraded (before suspend, as a
    // Rollout's Degraded comes before its pause). The message is translated; a Paused
    // canary's is never "CanaryPauseStep", so requiresAttention() flags every one of them.
    static RolloutPhaseInfo phase(const FlaggerCanary &canary);
    // Why phase() is Paused; None otherwise.
    static FlaggerWait wait(const FlaggerCanary &canary);
    // One line for the table's tooltip and the detail header: "Canary weight 30% · 1 of 5
    // failed checks", "Iteration 3 of 10 · 0 of 2 failed checks", "Waiting for promotion
    // approval", "Rolled back after 5 failed checks", "Suspended", "Promoted", ...
    static QString summary(const FlaggerCanary &canary);
    // The "step" column while the analysis runs, numbered like a Rollout's steps: the weights
    // of Flagger's schedule reached ("3/5" at 30% with 10% steps to 50%), or iterations
    // against the analysis' ("3/10"); the full count once it is done and waiting for or running
    // the promotion; empty otherwise.
    static QString stepString(const FlaggerCanary &canary);
    // The weight the router gives the canary: status.canaryWeight, except at WaitingPromotion,
    // where Flagger writes 0 (pkg/canary/status.go) while the router stays at the max weight.
    static qint32 routedWeight(const FlaggerCanary &canary);
    // The iteration the analysis is at: status.iterations, except at WaitingPromotion, where
    // Flagger writes iterations - 1 although every iteration has passed.
    static qint32 iterationsDone(const FlaggerCanary &canary);

private:
    static QString progressText(const FlaggerCanary &canary);
};

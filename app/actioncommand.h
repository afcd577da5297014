// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditrecord.h"

#include <QCoreApplication>

class DemoServer;
class KubeClient;
class QTextStream;
struct CommandLineOptions;
struct RolloutActionResult;

// `release-dashboard pause|resume|promote [--full]|abort|retry|restart|undo NAME [--wait
// [--timeout DURATION]]`: one action on one rollout with the same checks and audit as the
// window, for scripts. Without --wait it returns once the API server accepted the patches;
// with --wait once the controller shows the effect as the window judges it (ActionWait).
// Exit codes: 0 done (or nothing to do; with --wait: and the controller shows it), 1 failed
// (API or network error, not found), 2 usage or configuration error, 3 denied (no
// permission), 4 refused (read-only, or the action does not fit the rollout's state),
// 5 (--wait only) accepted by the API server but not shown by the controller within the
// timeout. A failed, denied or refused action exits as without --wait.
class ActionCommand
{
    Q_DECLARE_TR_FUNCTIONS(ActionCommand)

public:
    enum ExitCode {
        Success = 0,
        Failure = 1,
        UsageError = 2,
        Denied = 3,
        Refused = 4,
        NotConfirmed = 5
    };

    // demo: as GetCommand::run.
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);

    // The exit code of an action's outcome; the Argo CD application commands share it.
    static int exitCodeOf(AuditRecord::Result result);
    // "<environment>: <message>" on stdout when the outcome is a success, else on stderr;
    // returns exitCodeOf(result).
    static int report(QTextStream &out, QTextStream &err, const QString &environment,
                      AuditRecord::Result result, const QString &message);

private:
    // --wait after the API server accepted: Success once confirmed, else NotConfirmed.
    static int waitForEffect(KubeClient *client, const RolloutActionResult &result,
                             const QString &environment, qint64 timeoutMs, QTextStream &out,
                             QTextStream &err);
};

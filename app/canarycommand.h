// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

struct ClusterConnection;
class DemoServer;
class QTextStream;
struct CommandLineOptions;
struct EnvironmentSpec;
struct FlaggerActionResult;
class KubeClient;

// The Flagger canary commands (app/canarycommandline.h, docs/cli.md).
//  - `get canaries`: each environment's canaries read once and printed as a table or JSON.
//    Exit codes as `get rollouts`: 0, 1 when an environment could not be read (what could be
//    is still printed), 2 usage; an environment without Flagger (canaries.flagger.app not
//    served) is a note, not an error.
//  - `pause|resume|promote|abort|halt canary NAME`: FlaggerActionExecutor (abort opens the
//    rollback gate, halt closes the gate as the window's Close gate does), with ActionCommand's
//    exit codes. --wait reads the canary about once a second until it shows the effect
//    (FlaggerActions::confirmed); a gate whose effect only Flagger's next check shows (a closed
//    gate always) is told as sent, with nothing to wait for.
class CanaryCommand
{
    Q_DECLARE_TR_FUNCTIONS(CanaryCommand)

public:
    static int get(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);
    // For ActionCommand::run, once it has chosen the one environment and its connection.
    static int act(const CommandLineOptions &options, const EnvironmentSpec &environment,
                   const ClusterConnection &connection, QTextStream &out, QTextStream &err);

private:
    static int waitForEffect(KubeClient *client, const FlaggerActionResult &result,
                             qint64 timeoutMs, QTextStream &out, QTextStream &err);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncommand.h"

#include "accesscache.h"
#include "actionwait.h"
#include "auditlog.h"
#include "canarycommand.h"
#include "commandline.h"
#include "fleetsetup.h"
#include "headlessfleet.h"
#include "kubeclient.h"
#include "rolloutactionexecutor.h"

#include <cstdlib>
#include <QTextStream>

int ActionCommand::exitCodeOf(AuditRecord::Result result)
{
    switch (result) {
    case AuditRecord::Result::Succeeded:
    case AuditRecord::Result::NothingToDo:
        return Success;
    case AuditRecord::Result::Denied:
        return Denied;
    case AuditRecord::Result::Refused:
        return Refused;
    case AuditRecord::Result::None:
    case AuditRecord::Result::Failed:
        break;
    }
    return Failure;
}

int ActionCommand::report(QTextStream &out, QTextStream &err, const QString &environment,
                          AuditRecord::Result result, const QString &message)
{
    const QString line = QStringLiteral("%1: %2").arg(environment, message);
    const int code = exitCodeOf(result);
    if (code == Success)
        out << line << Qt::endl;
    else
        HeadlessFleet::printError(err, line);
    return code;
}

int ActionCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                       DemoServer *demo)
{
    const auto printError = &HeadlessFleet::printError;
    HeadlessFleet fleet;
    if (const int code = fleet.open(options, demo, err))
        return code;
    const FleetSetup &setup = fleet.setup();
    const QList<EnvironmentSpec> &environments = fleet.environments();
    QString error;
    // An action goes to exactly one place: several environments must be narrowed down.
    if (environments.size() != 1) {
        QStringList names;
        for (const EnvironmentSpec &spec : std::as_const(environments))
            names.append(spec.name);
        printError(err,
                   tr("%1: name the environment with --env or --context (environments: %2)")
                       .arg(options.actionWord(), names.join(QStringLiteral(", "))));
        return UsageError;
    }
    const EnvironmentSpec &environment = environments.first();
    ClusterConnection connection;
    if (!ClusterConnection::resolve(setup.kubeconfig, environment.context, &connection, &error)) {
        printError(err, error);
        return UsageError;
    }
    if (options.canary)
        return CanaryCommand::act(options, environment, connection, out, err);

    RolloutActionRequest request;
    request.environment = environment.name;
    request.context = connection.contextName;
    request.namespaceName
        = options.namespaceName.isEmpty() ? connection.namespaceName : options.namespaceName;
    request.name = options.name;
    request.action = options.action;
    request.revision = options.toRevision;
    request.readOnly = options.readOnly || environment.readOnly;
    request.client = QStringLiteral("cli");

    KubeClient client(connection);
    AuditLog audit(AuditLog::defaultPath());
    AccessCache access;
    RolloutActionExecutor executor(&client, &audit, &access);
    // A retry's wait is told as it starts, so the person is not left guessing.
    executor.setProgress([&err](const QString &text) {
        HeadlessFleet::printError(err, text);
        err.flush();
    });
    const RolloutActionResult result = executor.run(request);
#ifdef RD_TEST_HOOKS
    // Tests prove the audit record survives a crash right after an action. Not compiled
    // into Release builds (what scripts/demo and scripts/package ship).
    if (qEnvironmentVariableIsSet("RELEASE_DASHBOARD_CRASH_AFTER_ACTION"))
        std::abort();
#endif
    // Only a patch that was sent has an effect to wait for: a failure, a refusal and
    // "nothing to do" are told at once, as without --wait.
    if (options.wait && result.awaitsEffect())
        return waitForEffect(&client, result, environment.name, options.waitTimeoutMs, out, err);
    return report(out, err, environment.name, result.result, result.message);
}

int ActionCommand::waitForEffect(KubeClient *client, const RolloutActionResult &result,
                                 const QString &environment, qint64 timeoutMs, QTextStream &out,
                                 QTextStream &err)
{
    const RolloutActionRequest &request = result.request;
    HeadlessFleet::printError(
        err,
        QStringLiteral("%1: %2").arg(environment, ActionWait::waitingText(request, timeoutMs)));
    err.flush();
    const ActionWait::Outcome outcome
        = ActionWait::wait(client, request, result.expectation, timeoutMs);
    if (!outcome.confirmed) {
        HeadlessFleet::printError(
            err,
            QStringLiteral("%1: %2").arg(
                environment, ActionWait::timeoutText(request, timeoutMs, outcome.lastError)));
        return NotConfirmed;
    }
    out << QStringLiteral("%1: %2").arg(environment,
                                        ActionWait::confirmedText(request, outcome.elapsedMs))
        << Qt::endl;
    return Success;
}

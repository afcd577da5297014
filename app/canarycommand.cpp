// SPDX-License-Identifier: GPL-3.0-or-later
#include "canarycommand.h"

#include "accesscache.h"
#include "actioncommand.h"
#include "actionwait.h"
#include "auditlog.h"
#include "canaryprinter.h"
#include "clusterconnection.h"
#include "commandline.h"
#include "datawarnings.h"
#include "flaggeractionexecutor.h"
#include "headlessfleet.h"
#include "jsondecoder.h"
#include "kubeclient.h"

#include <QTextStream>

#include <algorithm>

namespace {

using Errors = QList<QPair<QString, QString>>;

// What `get canaries` read of all environments.
struct CanaryListing
{
    QList<CanaryListItem> canaries;
    Errors errors;
    QStringList notes; // shown on stderr, not failing
    QStringList scopes; // for "No canaries found in ..."
};

QStringList namespacesOf(const CommandLineOptions &options, const EnvironmentSpec &environment,
                         const ClusterConnection &connection)
{
    if (!options.namespaceName.isEmpty())
        return {options.namespaceName};
    if (!options.allNamespaces)
        return {connection.namespaceName};
    return environment.namespaces.isEmpty() ? QStringList {QString()} : environment.namespaces;
}

// One namespace's canaries; false with an error when they could not be read.
bool listNamespace(KubeClient *client, const QString &ns, const QString &environment,
                   const QString &context, CanaryListing *listing)
{
    const KubeListResult result = client->list(KubePath::resource(
        QStringLiteral("flagger.app"), QStringLiteral("v1beta1"), QStringLiteral("canaries"), ns));
    if (result.error.kind == NetError::Kind::NotFound) {
        listing->notes.append(
            CanaryCommand::tr("%1: Flagger is not installed (canaries.flagger.app "
                              "is not served)")
                .arg(environment));
        return false;
    }
    if (!result.isOk()) {
        listing->errors.append({environment, result.error.message});
        return false;
    }
    JsonDecoder decoder;
    QList<CanaryListItem> found;
    for (const QByteArray &page : result.pages) {
        const ObjectList<FlaggerCanary> list = decoder.decodeList<FlaggerCanary>(page);
        if (!list.isOk()) {
            listing->errors.append({environment, list.report.error});
            return false;
        }
        for (const DecodeIssue &issue : list.report.issues)
            listing->notes.append(QStringLiteral("%1: %2").arg(
                environment,
                DataWarnings::text(QStringLiteral("canaries.flagger.app"), QString(), issue)));
        for (const FlaggerCanary &canary : list.items)
            found.append({environment, context, canary});
    }
    std::sort(found.begin(), found.end(), [](const CanaryListItem &a, const CanaryListItem &b) {
        const ObjectMeta &x = a.canary.metadata;
        const ObjectMeta &y = b.canary.metadata;
        return x.namespaceName != y.namespaceName ? x.namespaceName < y.namespaceName
                                                  : x.name < y.name;
    });
    listing->canaries += found;
    return true;
}

void listEnvironment(const Kubeconfig &kubeconfig, const CommandLineOptions &options,
                     const EnvironmentSpec &environment, CanaryListing *listing)
{
    ClusterConnection connection;
    QString error;
    if (!ClusterConnection::resolve(kubeconfig, environment.context, &connection, &error)) {
        listing->errors.append({environment.name, error});
        return;
    }
    KubeClient client(connection);
    // A command line waits for an answer, but not for half a minute of Retry-After.
    client.setRetryPolicy(2, 5);
    for (const QString &ns : namespacesOf(options, environment, connection)) {
        listing->scopes.append(ns.isEmpty() ? environment.name
                                            : QStringLiteral("%1/%2").arg(environment.name, ns));
        if (!listNamespace(&client, ns, environment.name, connection.contextName, listing))
            return;
    }
}

QString target(const FlaggerActionRequest &request)
{
    return request.namespaceName + QLatin1Char('/') + request.name;
}

QString confirmedText(const FlaggerActionRequest &request, qint64 elapsedMs)
{
    const QString canary = target(request);
    const QString after = QString::number(double(elapsedMs) / 1000.0, 'f', 1);
    // Whole sentences per action, so each language can word them its own way.
    switch (request.action) {
    case FlaggerAction::Pause:
        return CanaryCommand::tr("suspended %1; the canary shows it (after %2 s)")
            .arg(canary, after);
    case FlaggerAction::Resume:
        return CanaryCommand::tr("resumed %1; the canary shows it (after %2 s)").arg(canary, after);
    case FlaggerAction::Promote:
        return CanaryCommand::tr("promoted %1; Flagger is promoting it (after %2 s)")
            .arg(canary, after);
    case FlaggerAction::Halt:
    case FlaggerAction::Rollback:
        break;
    }
    return CanaryCommand::tr("rolled back %1; Flagger failed the canary (after %2 s)")
        .arg(canary, after);
}

} // namespace

int CanaryCommand::get(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                       DemoServer *demo)
{
    if (options.output == CommandLineOptions::Output::Wide) {
        HeadlessFleet::printError(err,
                                  tr("get canaries: -o wide is not available; use table or "
                                     "json"));
        return ActionCommand::UsageError;
    }
    HeadlessFleet fleet;
    if (const int code = fleet.open(options, demo, err))
        return code;
    CanaryListing listing;
    for (const EnvironmentSpec &environment : fleet.environments())
        listEnvironment(fleet.setup().kubeconfig, options, environment, &listing);
    if (options.output == CommandLineOptions::Output::Json)
        out << QString::fromUtf8(CanaryPrinter::jsonList(listing.canaries, listing.errors));
    else if (!listing.canaries.isEmpty())
        out << CanaryPrinter::table(listing.canaries, QDateTime::currentDateTimeUtc());
    else if (listing.errors.isEmpty())
        err << tr("No canaries found in %1.").arg(listing.scopes.join(QStringLiteral(", ")))
            << Qt::endl;
    out.flush();
    for (const QString &note : std::as_const(listing.notes))
        HeadlessFleet::printError(err, note);
    for (const auto &e : std::as_const(listing.errors))
        HeadlessFleet::printError(err, QStringLiteral("%1: %2").arg(e.first, e.second));
    err.flush();
    return listing.errors.isEmpty() ? ActionCommand::Success : ActionCommand::Failure;
}

int CanaryCommand::act(const CommandLineOptions &options, const EnvironmentSpec &environment,
                       const ClusterConnection &connection, QTextStream &out, QTextStream &err)
{
    FlaggerActionRequest request;
    request.environment = environment.name;
    request.context = connection.contextName;
    request.namespaceName
        = options.namespaceName.isEmpty() ? connection.namespaceName : options.namespaceName;
    request.name = options.name;
    request.action = options.canaryAction;
    request.readOnly = options.readOnly || environment.readOnly;
    request.client = QStringLiteral("cli");

    KubeClient client(connection);
    AuditLog audit(AuditLog::defaultPath());
    AccessCache access;
    FlaggerActionExecutor executor(&client, &audit, &access);
    executor.setProgress([&err](const QString &text) {
        HeadlessFleet::printError(err, text);
        err.flush();
    });
    const FlaggerActionResult result = executor.run(request);
    if (options.wait && result.awaitsEffect())
        return waitForEffect(&client, result, options.waitTimeoutMs, out, err);
    const int code
        = ActionCommand::report(out, err, environment.name, result.result, result.message);
    if (options.wait && result.succeeded())
        HeadlessFleet::printError(err,
                                  tr("%1: --wait: the gate's state lives in the load "
                                     "tester, so the canary cannot show it before Flagger's "
                                     "next check; nothing to wait for.")
                                      .arg(environment.name));
    return code;
}

int CanaryCommand::waitForEffect(KubeClient *client, const FlaggerActionResult &result,
                                 qint64 timeoutMs, QTextStream &out, QTextStream &err)
{
    const FlaggerActionRequest &request = result.request;
    const QString seconds = QString::number(double(timeoutMs) / 1000.0, 'g', 10);
    HeadlessFleet::printError(err,
                              tr("%1: %2 for %3 was sent; waiting up to %4 s for the canary "
                                 "to show it.")
                                  .arg(request.environment, FlaggerActions::id(request.action),
                                       target(request), seconds));
    err.flush();
    JsonDecoder decoder;
    const QString path
        = KubePath::resource(QStringLiteral("flagger.app"), QStringLiteral("v1beta1"),
                             QStringLiteral("canaries"), request.namespaceName, request.name);
    const ActionWait::Outcome outcome = ActionWait::poll(
        client,
        [&](QString *error) {
            const KubeResponse response = client->get(path);
            const Decoded<FlaggerCanary> canary = response.isOk()
                ? decoder.decodeObject<FlaggerCanary>(response.body)
                : Decoded<FlaggerCanary>();
            *error = response.isOk() ? canary.report.error : response.error.message;
            return response.isOk() && canary.isOk()
                && FlaggerActions::confirmed(result.expectation, canary.value);
        },
        timeoutMs);
    if (!outcome.confirmed) {
        QString text = tr("%1 for %2 was sent, but the canary has not shown it within %3 s. Is "
                          "Flagger running?")
                           .arg(FlaggerActions::id(request.action), target(request), seconds);
        if (!outcome.lastError.isEmpty())
            text += QLatin1Char(' ')
                + tr("The last read of the canary failed: %1").arg(outcome.lastError);
        HeadlessFleet::printError(err, QStringLiteral("%1: %2").arg(request.environment, text));
        return ActionCommand::NotConfirmed;
    }
    out << QStringLiteral("%1: %2").arg(request.environment,
                                        confirmedText(request, outcome.elapsedMs))
        << Qt::endl;
    return ActionCommand::Success;
}

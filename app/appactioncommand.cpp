// SPDX-License-Identifier: GPL-3.0-or-later
#include "appactioncommand.h"

#include "actioncommand.h"
#include "appactionexecutor.h"
#include "appcommandline.h"
#include "argoservers.h"
#include "auditlog.h"
#include "headlessfleet.h"

#include <cstdlib>
#include <QTextStream>

namespace {

struct Found
{
    ArgoServer server;
    ArgoApplication application;
};

// The one application named `name` among what the servers listed. A name in several places,
// or found while some server could not be read (it may hold one of that name too), is not
// guessed at: the person names the environment.
int locate(const QList<ArgoServerListing> &listings, const QString &name, QTextStream &err,
           Found *out)
{
    QList<Found> found;
    QStringList unread;
    for (const ArgoServerListing &listing : listings) {
        if (listing.error) {
            HeadlessFleet::printError(err,
                                      QStringLiteral("%1: %2").arg(listing.server.environment.name,
                                                                   listing.error.message));
            unread.append(listing.server.label());
        }
        for (const ArgoApplication &application : listing.applications) {
            if (application.name == name)
                found.append({listing.server, application});
        }
    }
    if (found.size() > 1) {
        QStringList places;
        for (const Found &f : std::as_const(found))
            places.append(f.server.label());
        HeadlessFleet::printError(err,
                                  AppActionCommand::tr("application %1 is in %2: name one "
                                                       "with --env and --instance")
                                      .arg(name, places.join(QStringLiteral(", "))));
        return ActionCommand::UsageError;
    }
    if (found.isEmpty()) {
        QStringList searched;
        for (const ArgoServerListing &listing : listings) {
            if (!listing.error)
                searched.append(listing.server.label());
        }
        HeadlessFleet::printError(
            err,
            searched.isEmpty()
                ? AppActionCommand::tr("application %1: no Argo CD server could be read").arg(name)
                : AppActionCommand::tr("application %1 was not found in %2")
                      .arg(name, searched.join(QStringLiteral(", "))));
        return ActionCommand::Failure;
    }
    if (!unread.isEmpty()) {
        HeadlessFleet::printError(
            err,
            AppActionCommand::tr("application %1 is in %2, but %3 could not be read and may "
                                 "have one of that name too: name it with --env and "
                                 "--instance")
                .arg(name, found.first().server.label(), unread.join(QStringLiteral(", "))));
        return ActionCommand::Failure;
    }
    *out = found.first();
    return ActionCommand::Success;
}

AppActionRequest requestFor(const CommandLineOptions &options, const Found &found)
{
    AppActionRequest request;
    request.environment = found.server.environment.name;
    request.context = found.server.environment.context;
    request.instance = found.server.instance.name;
    request.name = found.application.name;
    request.appNamespace = found.application.appNamespace;
    request.action = options.app;
    request.readOnly = options.readOnly || found.server.environment.readOnly;
    return request;
}

} // namespace

int AppActionCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                          DemoServer *demo)
{
    HeadlessFleet fleet;
    if (const int code = fleet.open(options, demo, err))
        return code;
    QList<ArgoServer> servers;
    QString error;
    if (!ArgoServers::select(fleet.environments(), options.environment, options.instance, &servers,
                             &error)
        || servers.isEmpty()) {
        HeadlessFleet::printError(err,
                                  servers.isEmpty() && error.isEmpty()
                                      ? tr("no environment names an Argo CD server (argocd: in "
                                           "the config file)")
                                      : error);
        return ActionCommand::UsageError;
    }
    const ArgoServers argo(fleet.setup().kubeconfig);
    Found found;
    if (const int code = locate(argo.list(servers), options.name, err, &found))
        return code;
    const AppActionRequest request = requestFor(options, found);
    // As in the window, stopping something (terminate, like pause) never asks first.
    if (!request.readOnly && found.server.environment.isProtected && !options.app.yes
        && options.app.kind != AppActionOptions::Kind::Terminate) {
        return ActionCommand::report(
            out, err, request.environment, AuditRecord::Result::Refused,
            tr("This environment is protected: add --yes to %1 %2.")
                .arg(AppCommandLine::word(options.app.kind), request.name));
    }
    const std::unique_ptr<ArgoCdClient> client = argo.client(found.server, &error);
    if (!client) {
        HeadlessFleet::printError(err, error);
        return ActionCommand::UsageError;
    }
    AuditLog audit(AuditLog::defaultPath());
    const AppActionResult result = AppActionExecutor(client.get(), &audit).run(request);
#ifdef RD_TEST_HOOKS
    // As ActionCommand: tests prove the audit record survives a crash right after an action.
    if (qEnvironmentVariableIsSet("RELEASE_DASHBOARD_CRASH_AFTER_ACTION"))
        std::abort();
#endif
    return ActionCommand::report(out, err, request.environment, result.result, result.message);
}

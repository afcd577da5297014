// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationscommand.h"

#include "applicationprinter.h"
#include "argoservers.h"
#include "commandline.h"
#include "getcommand.h"
#include "headlessfleet.h"

#include <QTextStream>

int ApplicationsCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                             DemoServer *demo)
{
    HeadlessFleet fleet;
    if (const int code = fleet.open(options, demo, err))
        return code;
    QList<ArgoServer> servers;
    QString error;
    if (!ArgoServers::select(fleet.environments(), options.environment, options.instance, &servers,
                             &error)) {
        HeadlessFleet::printError(err, error);
        return GetCommand::UsageError;
    }
    if (servers.isEmpty()) {
        err << tr("No applications: no environment names an Argo CD server (argocd: in the "
                  "config file).")
            << Qt::endl;
        return GetCommand::Success;
    }

    QList<ArgoApplication> applications;
    QList<ArgoListError> errors;
    QStringList scopes; // for "No applications found in ..."
    for (const ArgoServerListing &listing : ArgoServers(fleet.setup().kubeconfig).list(servers)) {
        applications += listing.applications;
        scopes.append(listing.server.label());
        if (listing.error)
            errors.append({listing.server.environment.name, listing.server.instance.name,
                           listing.error.message});
    }

    switch (options.output) {
    case CommandLineOptions::Output::Json:
        out << QString::fromUtf8(ApplicationPrinter::jsonList(applications, errors));
        break;
    case CommandLineOptions::Output::Table:
    case CommandLineOptions::Output::Wide:
        if (!applications.isEmpty()) {
            out << ApplicationPrinter::table(applications,
                                             options.output == CommandLineOptions::Output::Wide,
                                             QDateTime::currentDateTimeUtc());
        } else if (errors.isEmpty()) {
            err << tr("No applications found in %1.").arg(scopes.join(QStringLiteral(", ")))
                << Qt::endl;
        }
        break;
    }
    out.flush();
    // The client's message names the instance ("Argo CD argocd: ..."); the environment is
    // added, since several environments may have a server of the same name.
    for (const ArgoListError &e : std::as_const(errors))
        HeadlessFleet::printError(err, QStringLiteral("%1: %2").arg(e.environment, e.message));
    err.flush();
    return errors.isEmpty() ? GetCommand::Success : GetCommand::Failure;
}

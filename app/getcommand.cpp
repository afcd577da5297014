// SPDX-License-Identifier: GPL-3.0-or-later
#include "getcommand.h"

#include "commandline.h"
#include "fleetsetup.h"
#include "getsafetynets.h"
#include "headlessfleet.h"
#include "rolloutlister.h"
#include "rolloutprinter.h"
#include "rollouttreeprinter.h"

#include <QDateTime>
#include <QTextStream>

namespace {

NamespaceScope scopeOf(const CommandLineOptions &options)
{
    NamespaceScope scope;
    if (options.allNamespaces) {
        scope.kind = NamespaceScope::Kind::All;
    } else if (!options.namespaceName.isEmpty()) {
        scope.kind = NamespaceScope::Kind::One;
        scope.namespaceName = options.namespaceName;
    }
    return scope;
}

QString notFoundMessage(const QString &environment, const QString &ns, const QString &name)
{
    return GetCommand::tr("%1: rollout \"%2\" not found in namespace \"%3\"")
        .arg(environment, name, ns);
}

// `get rollout NAME -o json`: each summary carries its rollout's tree.
void attachTrees(const QList<RolloutDetail> &details, const QDateTime &now,
                 QList<RolloutSummary> *rollouts)
{
    for (RolloutSummary &summary : *rollouts) {
        for (const RolloutDetail &detail : details) {
            if (detail.environment == summary.environment && detail.isValid())
                summary.tree = RolloutTreePrinter::json(detail, now);
        }
    }
}

// `get rollout NAME`: the plugin's view of each environment's rollout, an environment line
// first (the plugin knows one cluster), a blank line between them.
void printTrees(const QList<RolloutDetail> &details, const QDateTime &now, QTextStream &out)
{
    bool first = true;
    for (const RolloutDetail &detail : details) {
        if (!detail.isValid())
            continue;
        if (!first)
            out << '\n';
        first = false;
        out << QStringLiteral("Environment:").leftJustified(17) << detail.environment << '\n'
            << RolloutTreePrinter::text(detail, now);
    }
}

} // namespace

int GetCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                    DemoServer *demo)
{
    const auto printError = &HeadlessFleet::printError;
    HeadlessFleet fleet;
    if (const int code = fleet.open(options, demo, err))
        return code;
    const FleetSetup &setup = fleet.setup();
    const QList<EnvironmentSpec> &environments = fleet.environments();

    const RolloutLister lister(setup.kubeconfig);
    const bool single = options.mode == CommandLineOptions::Mode::GetRollout;
    QList<RolloutSummary> rollouts;
    QList<RolloutDetail> details; // for the safety nets of -o json
    QList<QPair<QString, QString>> errors;
    QStringList warnings; // shown, not failing: the rollouts are listed with defaults
    QStringList notFound;
    QStringList scopes; // for "No resources found in ..."
    for (const EnvironmentSpec &environment : std::as_const(environments)) {
        RolloutDetail tree;
        const EnvironmentListing listing = single
            ? lister.tree(environment, options.namespaceName, options.name, &tree)
            : lister.list(environment, scopeOf(options));
        rollouts += listing.rollouts;
        details += listing.details;
        if (!listing.error.isEmpty())
            errors.append({environment.name, listing.error});
        for (const QString &warning : listing.warnings)
            warnings.append(tr("%1: warning: %2").arg(environment.name, warning));
        if (listing.notFound) {
            notFound.append(
                notFoundMessage(environment.name, listing.namespaces.value(0), options.name));
        }
        for (const QString &ns : listing.namespaces) {
            const QString scope = ns.isEmpty() ? environment.name
                                               : QStringLiteral("%1/%2").arg(environment.name, ns);
            if (!scopes.contains(scope))
                scopes.append(scope);
        }
    }

    // A name found in some environments only is not an error; found nowhere, it is.
    const bool nothingFound = single && rollouts.isEmpty() && !notFound.isEmpty();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (options.output) {
    case CommandLineOptions::Output::Json:
        // Read only here: the table has no column for them and stays as fast as before.
        GetSafetyNets(setup.kubeconfig, setup.environments.environments(), environments)
            .attach(details, &rollouts);
        if (single)
            attachTrees(details, now, &rollouts);
        if (single && (!options.context.isEmpty() || !options.environment.isEmpty())) {
            if (!rollouts.isEmpty())
                out << QString::fromUtf8(RolloutPrinter::jsonObject(rollouts.first()));
        } else {
            out << QString::fromUtf8(RolloutPrinter::jsonList(rollouts, errors));
        }
        break;
    case CommandLineOptions::Output::Table:
    case CommandLineOptions::Output::Wide:
        if (single && options.output == CommandLineOptions::Output::Table) {
            printTrees(details, now, out);
        } else if (!rollouts.isEmpty()) {
            out << RolloutPrinter::table(rollouts,
                                         options.output == CommandLineOptions::Output::Wide, now);
        } else if (!single && errors.isEmpty()) {
            err << tr("No rollouts found in %1.").arg(scopes.join(QStringLiteral(", ")))
                << Qt::endl;
        }
        break;
    }
    out.flush();
    for (const QString &warning : std::as_const(warnings))
        printError(err, warning);
    for (const auto &e : std::as_const(errors))
        printError(err, QStringLiteral("%1: %2").arg(e.first, e.second));
    if (nothingFound) {
        for (const QString &message : std::as_const(notFound))
            printError(err, message);
    }
    err.flush();
    return errors.isEmpty() && !nothingFound ? Success : Failure;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "getcommand.h"

#include "commandline.h"
#include "demofleet.h"
#include "fleetsetup.h"
#include "rolloutlister.h"
#include "rolloutprinter.h"

#include <QDateTime>
#include <QTextStream>

#include <memory>

namespace {

void printError(QTextStream &err, const QString &message)
{
    err << QStringLiteral("release-dashboard: ") << message << Qt::endl;
}

// --env E, --context C, or every environment. A context no environment uses is still
// allowed (as kubectl --context): it becomes an environment of its own name.
bool selectEnvironments(const CommandLineOptions &options, const FleetSetup &setup,
                        QList<EnvironmentSpec> *out, QString *error)
{
    const QList<EnvironmentSpec> &all = setup.environments.environments();
    if (!options.environment.isEmpty()) {
        const EnvironmentSpec *spec = setup.environments.environment(options.environment);
        if (!spec) {
            *error = GetCommand::tr("unknown environment '%1' (environments: %2)")
                         .arg(options.environment,
                              setup.environments.names().join(QStringLiteral(", ")));
            return false;
        }
        *out = {*spec};
        return true;
    }
    if (!options.context.isEmpty()) {
        for (const EnvironmentSpec &spec : all) {
            if (spec.context == options.context)
                out->append(spec);
        }
        if (out->isEmpty()) {
            if (!setup.kubeconfig.context(options.context)) {
                *error = GetCommand::tr("context '%1' is not in the kubeconfig (contexts: %2)")
                             .arg(options.context,
                                  setup.kubeconfig.contextNames().join(QStringLiteral(", ")));
                return false;
            }
            EnvironmentSpec spec;
            spec.name = options.context;
            spec.context = options.context;
            out->append(spec);
        }
        return true;
    }
    *out = all;
    return true;
}

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

} // namespace

int GetCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                    DemoFleet *demo)
{
    std::unique_ptr<DemoFleet> ownDemo;
    QString error;
    if (options.demo && !(demo && demo->isRunning())) {
        ownDemo = std::make_unique<DemoFleet>();
        if (!ownDemo->start(&error)) {
            printError(err, error);
            return Failure;
        }
        demo = ownDemo.get();
    }

    FleetSetup setup;
    if (!FleetSetup::load(options, options.demo ? demo->kubeconfigPath() : QString(), &setup,
                          &error)) {
        printError(err, error);
        return UsageError;
    }
    QList<EnvironmentSpec> environments;
    if (!selectEnvironments(options, setup, &environments, &error)) {
        printError(err, error);
        return UsageError;
    }

    const RolloutLister lister(setup.kubeconfig);
    const bool single = options.mode == CommandLineOptions::Mode::GetRollout;
    QList<RolloutSummary> rollouts;
    QList<QPair<QString, QString>> errors;
    QStringList notFound;
    QStringList scopes; // for "No resources found in ..."
    for (const EnvironmentSpec &environment : std::as_const(environments)) {
        const EnvironmentListing listing = single
            ? lister.get(environment, options.namespaceName, options.name)
            : lister.list(environment, scopeOf(options));
        rollouts += listing.rollouts;
        if (!listing.error.isEmpty())
            errors.append({environment.name, listing.error});
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
    switch (options.output) {
    case CommandLineOptions::Output::Json:
        if (single && (!options.context.isEmpty() || !options.environment.isEmpty())) {
            if (!rollouts.isEmpty())
                out << QString::fromUtf8(RolloutPrinter::jsonObject(rollouts.first()));
        } else {
            out << QString::fromUtf8(RolloutPrinter::jsonList(rollouts, errors));
        }
        break;
    case CommandLineOptions::Output::Table:
    case CommandLineOptions::Output::Wide:
        if (!rollouts.isEmpty()) {
            out << RolloutPrinter::table(rollouts,
                                         options.output == CommandLineOptions::Output::Wide,
                                         QDateTime::currentDateTimeUtc());
        } else if (!single && errors.isEmpty()) {
            err << tr("No rollouts found in %1.").arg(scopes.join(QStringLiteral(", ")))
                << Qt::endl;
        }
        break;
    }
    out.flush();
    for (const auto &e : std::as_const(errors))
        printError(err, QStringLiteral("%1: %2").arg(e.first, e.second));
    if (nothingFound) {
        for (const QString &message : std::as_const(notFound))
            printError(err, message);
    }
    err.flush();
    return errors.isEmpty() && !nothingFound ? Success : Failure;
}

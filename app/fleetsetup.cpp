// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetsetup.h"

#include "chartconfig.h"
#include "commandline.h"
#include "democharts.h"
#include "demoserver.h"
#include "gateconfig.h"
#include "kubeconfigloader.h"

#include <QFileInfo>

QList<KubeContextInfo> FleetSetup::contextInfos(const Kubeconfig &kubeconfig)
{
    QList<KubeContextInfo> infos;
    for (const QString &name : kubeconfig.contextNames()) {
        const KubeContext *context = kubeconfig.context(name);
        const KubeCluster *cluster = context ? kubeconfig.cluster(context->cluster) : nullptr;
        infos.append(KubeContextInfo {name, cluster ? cluster->server : QString(),
                                      context ? context->user : QString(),
                                      context ? context->cluster : QString()});
    }
    return infos;
}

bool FleetSetup::load(const CommandLineOptions &options, const QString &demoKubeconfig,
                      FleetSetup *out, QString *error)
{
    const bool demo = !demoKubeconfig.isEmpty();
    const KubeconfigSource source
        = KubeconfigSource::fromEnvironment(demo ? demoKubeconfig : options.kubeconfig);
    FleetSetup setup;
    if (!KubeconfigLoader::load(source, &setup.kubeconfig, error))
        return false;

    QString configFile = options.config;
    // The user's own config describes the user's clusters, not the demo's.
    if (configFile.isEmpty() && !demo && QFileInfo::exists(EnvironmentConfig::defaultPath()))
        configFile = EnvironmentConfig::defaultPath();
    if (!configFile.isEmpty()) {
        if (!EnvironmentConfig::fromFile(configFile, &setup.environments, error)
            || !ChartConfig::fromFile(configFile, &setup.charts, error)
            || !GateConfig::fromFile(configFile, &setup.gates, error)
            || !HistoryConfig::fromFile(configFile, &setup.history, error)
            || !PromotionConfig::fromFile(configFile, &setup.promotion, error))
            return false;
    } else if (demo) {
        setup.environments = DemoServer::environmentConfig();
        setup.charts = DemoCharts::charts();
        setup.gates = DemoCharts::gates();
    } else {
        setup.contextGroups = ContextGroups::group(contextInfos(setup.kubeconfig),
                                                   setup.kubeconfig.currentContext());
        setup.environments
            = EnvironmentConfig::fromSpecs(ContextGroups::environments(setup.contextGroups));
        if (setup.environments.environments().isEmpty()) {
            *error = tr("The kubeconfig (%1) defines no contexts: there is no environment to "
                        "show")
                         .arg(setup.kubeconfig.files().join(QStringLiteral(", ")));
            return false;
        }
    }
    if (!setup.environments.checkContexts(setup.kubeconfig.contextNames(), error))
        return false;
    if (options.readOnly)
        setup.environments.setAllReadOnly();
    *out = setup;
    return true;
}

// --env E, --context C, or every environment. A context no environment uses is still
// allowed (as kubectl --context): it becomes an environment of its own name.
bool FleetSetup::selectEnvironments(const CommandLineOptions &options, QList<EnvironmentSpec> *out,
                                    QString *error) const
{
    const QList<EnvironmentSpec> &all = environments.environments();
    if (!options.environment.isEmpty()) {
        const EnvironmentSpec *spec = environments.environment(options.environment);
        if (!spec) {
            *error = tr("unknown environment '%1' (environments: %2)")
                         .arg(options.environment, environments.names().join(QStringLiteral(", ")));
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
            if (!kubeconfig.context(options.context)) {
                *error = tr("context '%1' is not in the kubeconfig (contexts: %2)")
                             .arg(options.context,
                                  kubeconfig.contextNames().join(QStringLiteral(", ")));
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

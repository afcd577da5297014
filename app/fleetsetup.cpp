// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetsetup.h"

#include "commandline.h"
#include "demofleet.h"
#include "kubeconfigloader.h"

#include <QFileInfo>

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
        if (!EnvironmentConfig::fromFile(configFile, &setup.environments, error))
            return false;
    } else if (demo) {
        setup.environments = DemoFleet::environmentConfig();
    } else {
        setup.environments = EnvironmentConfig::fromContexts(setup.kubeconfig.contextNames());
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentconfig.h"

#include <QString>

// A demo fleet as the app uses it: something that serves the simulated clusters of
// resources/scenarios/demo.yaml on loopback, writes a kubeconfig for them, and can take one
// offline (the Demo menu). The app connects through that kubeconfig exactly as to real
// clusters. The app's server is the rd-sim executable as a child process (DemoProcess); the
// tests serve the same fleet in-process (tests/support/demofleet.h) to step its clock.
class DemoServer
{
public:
    virtual ~DemoServer();

    // Starts serving and writes the kubeconfig; false with *error (translated) when the
    // fleet cannot be served.
    virtual bool start(QString *error) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual QString kubeconfigPath() const = 0;
    // Takes a cluster's API server down (the listening socket and open watches closed) or
    // brings it back on the same port: an outage as a person's network would show it.
    virtual bool setClusterOnline(const QString &cluster, bool online, QString *error) = 0;

    // dev, staging and prod with their colours; the viewer and deployer contexts of the
    // demo kubeconfig are not environments.
    static EnvironmentConfig environmentConfig();
};

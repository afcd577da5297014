// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentconfig.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

// The demo: the simulated fleet of resources/scenarios/demo.yaml (embedded) served
// in-process on loopback, with a private kubeconfig. The app then connects through the
// ordinary kubeconfig + HTTPS path, exactly as to a real cluster. The simulator's types stay
// out of this header so nothing else in the app sees them.
class DemoFleet
{
    Q_DECLARE_TR_FUNCTIONS(DemoFleet)

public:
    struct Options
    {
        bool runControllers = true; // false: the caller steps reconcileOnce() (tests)
    };

    DemoFleet();
    explicit DemoFleet(const Options &options);
    ~DemoFleet();
    DemoFleet(const DemoFleet &) = delete;
    DemoFleet &operator=(const DemoFleet &) = delete;

    // Parses the embedded scenario, starts the API servers and the controllers and writes
    // the kubeconfig. False with *error when anything fails.
    bool start(QString *error);
    void stop();
    bool isRunning() const;
    QString kubeconfigPath() const;

    // Runs every cluster's controllers once (Options::runControllers = false).
    void reconcileOnce();
    // Moves the fleet's virtual clock forward: with reconcileOnce(), tests play the demo's
    // minutes in milliseconds.
    void advanceClock(qint64 virtualMs);
    // Takes a cluster's API server down (listening socket and open watches closed) or
    // brings it back on the same port: an outage as a person's network would show it.
    bool setClusterOnline(const QString &cluster, bool online, QString *error);
    // The stored objects of one kind in one cluster, as the simulator holds them (tests
    // compare what the client shows with them). Empty for an unknown cluster or kind.
    QList<QJsonObject> objects(const QString &cluster, const QString &group,
                               const QString &plural) const;

    // resources/scenarios/demo.yaml from the resources.
    static QByteArray scenarioYaml();
    // dev, staging and prod with their colours; the viewer and deployer contexts of the
    // demo kubeconfig are not environments.
    static EnvironmentConfig environmentConfig();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

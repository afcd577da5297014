// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demoserver.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

// The demo fleet (resources/scenarios/demo.yaml) served in-process, for tests: the same
// clusters `release-dashboard --demo` gets from its rd-sim child, on loopback with a private
// kubeconfig, but with the simulator at hand to step its clock and read what it stores. The
// app connects through the kubeconfig exactly as to a real cluster. The simulator's types
// stay out of this header.
class DemoFleet final : public DemoServer
{
public:
    struct Options
    {
        bool runControllers = true; // false: the caller steps reconcileOnce() (tests)
    };

    DemoFleet();
    explicit DemoFleet(const Options &options);
    ~DemoFleet() override;
    DemoFleet(const DemoFleet &) = delete;
    DemoFleet &operator=(const DemoFleet &) = delete;

    // Parses the built-in scenario, starts the API servers and the controllers and writes
    // the kubeconfig. False with *error when anything fails.
    bool start(QString *error) override;
    void stop() override;
    bool isRunning() const override;
    QString kubeconfigPath() const override;
    bool setClusterOnline(const QString &cluster, bool online, QString *error) override;

    // Runs every cluster's controllers once (Options::runControllers = false).
    void reconcileOnce();
    // Moves the fleet's virtual clock forward: with reconcileOnce(), tests play the demo's
    // minutes in milliseconds.
    void advanceClock(qint64 virtualMs);
    // Plays the fleet forward a virtual second at a time (the clock, then every cluster's
    // controllers once), as rd-sim's controller thread would see it: `seconds` of them.
    void settle(int seconds);
    // As settle(), until done() holds or `limit` seconds have been played; done()'s answer.
    bool settleUntil(const std::function<bool()> &done, int limit);
    // The stored objects of one kind in one cluster, as the simulator holds them (tests
    // compare what the client shows with them). Empty for an unknown cluster or kind.
    QList<QJsonObject> objects(const QString &cluster, const QString &group,
                               const QString &plural) const;
    // From now on, keeps the requests one cluster's API server answers (none are kept before),
    // for tests of what a command asks for; takeRequests() hands out those kept since the last
    // call, in the order answered, as "METHOD path" with "?query" when there is one.
    void recordRequests(const QString &cluster);
    QStringList takeRequests(const QString &cluster);

    // resources/scenarios/demo.yaml as built into the simulator (rdsim::DemoScenario).
    static QByteArray scenarioYaml();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

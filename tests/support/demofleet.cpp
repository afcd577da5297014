// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofleet.h"

#include "api/apiserver.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "demo/demoscenario.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

using namespace rdsim;

struct DemoFleet::Private
{
    Options options;
    std::unique_ptr<Simulator> simulator;
};

DemoFleet::DemoFleet() : DemoFleet(Options()) { }

DemoFleet::DemoFleet(const Options &options) : d(std::make_unique<Private>())
{
    d->options = options;
}

DemoFleet::~DemoFleet()
{
    stop();
}

QByteArray DemoFleet::scenarioYaml()
{
    return DemoScenario::yaml();
}

bool DemoFleet::start(QString *error)
{
    stop();
    Scenario scenario;
    if (!DemoScenario::load(&scenario, error))
        return false;
    SimulatorOptions options;
    options.runControllers = d->options.runControllers;
    d->simulator = std::make_unique<Simulator>(scenario, options);
    if (!d->simulator->start(error)) {
        *error = QStringLiteral("The demo fleet did not start: %1").arg(*error);
        d->simulator.reset();
        return false;
    }
    return true;
}

void DemoFleet::stop()
{
    if (!d->simulator)
        return;
    d->simulator->stop();
    d->simulator.reset();
}

bool DemoFleet::isRunning() const
{
    return d->simulator != nullptr;
}

QString DemoFleet::kubeconfigPath() const
{
    return d->simulator ? d->simulator->kubeconfigPath() : QString();
}

void DemoFleet::reconcileOnce()
{
    if (d->simulator)
        d->simulator->reconcileOnce();
}

void DemoFleet::advanceClock(qint64 virtualMs)
{
    if (d->simulator)
        d->simulator->clock().advance(virtualMs);
}

void DemoFleet::settle(int seconds)
{
    for (int i = 0; i < seconds; ++i) {
        advanceClock(1000);
        reconcileOnce();
    }
}

bool DemoFleet::settleUntil(const std::function<bool()> &done, int limit)
{
    for (int i = 0; i < limit && !done(); ++i)
        settle(1);
    return done();
}

QList<QJsonObject> DemoFleet::objects(const QString &cluster, const QString &group,
                                      const QString &plural) const
{
    if (!d->simulator)
        return {};
    SimCluster *simCluster = d->simulator->cluster(cluster);
    const ResourceType *type = ResourceCatalog::find(group, plural);
    if (!simCluster || !type)
        return {};
    return simCluster->store().list(*type);
}

void DemoFleet::recordRequests(const QString &cluster)
{
    if (SimCluster *simCluster = d->simulator ? d->simulator->cluster(cluster) : nullptr)
        simCluster->server().setRecording(true);
}

QStringList DemoFleet::takeRequests(const QString &cluster)
{
    SimCluster *simCluster = d->simulator ? d->simulator->cluster(cluster) : nullptr;
    if (!simCluster)
        return {};
    QStringList requests;
    for (const RecordedRequest &request : simCluster->server().takeRecordedRequests()) {
        QString line = request.method + QLatin1Char(' ') + request.path;
        if (!request.query.isEmpty())
            line += QLatin1Char('?') + request.query;
        requests.append(line);
    }
    return requests;
}

bool DemoFleet::setClusterOnline(const QString &cluster, bool online, QString *error)
{
    if (!d->simulator) {
        *error = QStringLiteral("The demo fleet is not running");
        return false;
    }
    return d->simulator->setClusterOnline(cluster, online, error);
}

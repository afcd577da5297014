// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofleet.h"

#include "dashboardresources.h"

#include "api/apiserver.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QFile>
#include <QHash>

// The simulator's types move into namespace rdsim; this compiles before and after.
namespace rdsim { }
using namespace rdsim;

struct DemoFleet::Private
{
    Options options;
    std::unique_ptr<Simulator> simulator;
    QHash<QString, int> ports; // clusters taken offline -> the port to listen on again
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
    initDashboardResources();
    QFile file(QStringLiteral(":/scenarios/demo.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

EnvironmentConfig DemoFleet::environmentConfig()
{
    // Written as a config file would be, so the demo exercises the same parser.
    static const QByteArray yaml = R"(environments:
  - { name: dev, context: dev, colour: "#2e9d5b" }
  - { name: staging, context: staging, colour: "#d68910" }
  - { name: prod, context: prod, colour: "#c0392b", protected: true }
)";
    EnvironmentConfig config;
    QString error;
    if (!EnvironmentConfig::fromYaml(yaml, QStringLiteral("<demo>"), &config, &error))
        qFatal("built-in demo configuration: %s", qPrintable(error));
    return config;
}

bool DemoFleet::start(QString *error)
{
    stop();
    const QByteArray yaml = scenarioYaml();
    if (yaml.isEmpty()) {
        *error = tr("The demo scenario is missing from the application's resources");
        return false;
    }
    Scenario scenario;
    if (!Scenario::fromYaml(yaml, QStringLiteral("demo.yaml"), &scenario, error))
        return false;
    SimulatorOptions options;
    options.runControllers = d->options.runControllers;
    d->simulator = std::make_unique<Simulator>(scenario, options);
    if (!d->simulator->start(error)) {
        *error = tr("The demo fleet did not start: %1").arg(*error);
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

bool DemoFleet::setClusterOnline(const QString &cluster, bool online, QString *error)
{
    SimCluster *simCluster = d->simulator ? d->simulator->cluster(cluster) : nullptr;
    if (!simCluster) {
        *error = tr("The demo has no cluster %1").arg(cluster);
        return false;
    }
    ApiServer &server = simCluster->server();
    const auto port = d->ports.constFind(cluster);
    if (!online) {
        if (port == d->ports.cend())
            d->ports.insert(cluster, server.port());
        server.stop(); // closes the watches too: clients see the connection go
        return true;
    }
    if (port == d->ports.cend())
        return true; // never taken offline
    const int number = *port;
    d->ports.remove(cluster);
    return server.listen(QStringLiteral("127.0.0.1"), number, error);
}

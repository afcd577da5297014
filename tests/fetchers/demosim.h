// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The demo fleet (resources/scenarios/demo.yaml) in process, with the controllers driven by
// the test: step() moves the virtual clock and reconciles, so every state is reached
// deterministically. Connections come from the kubeconfig the simulator writes, through our
// own loader, exactly as the app gets them.

#include "clusterconnection.h"
#include "kubeconfigloader.h"

#include "api/apiserver.h"
#include "api/faultinjector.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <memory>
#include <QJsonObject>
#include <QTest>

using namespace rdsim;

class DemoSim
{
public:
    bool start(QString *error)
    {
        Scenario scenario;
        if (!Scenario::fromFile(QStringLiteral(RD_SOURCE_DIR "/resources/scenarios/demo.yaml"),
                                &scenario, error))
            return false;
        SimulatorOptions options;
        options.runControllers = false;
        m_sim = std::make_unique<Simulator>(scenario, options);
        if (!m_sim->start(error))
            return false;
        KubeconfigSource source;
        source.explicitPath = m_sim->kubeconfigPath();
        return KubeconfigLoader::load(source, &m_kubeconfig, error);
    }

    Simulator &simulator() { return *m_sim; }
    SimCluster &cluster(const QString &name) { return *m_sim->cluster(name); }
    const Kubeconfig &kubeconfig() const { return m_kubeconfig; }

    ClusterConnection connection(const QString &context) const
    {
        ClusterConnection connection;
        QString error;
        if (!ClusterConnection::resolve(m_kubeconfig, context, &connection, &error))
            qFatal("context %s: %s", qPrintable(context), qPrintable(error));
        return connection;
    }

    // Moves the virtual clock in one-second steps, reconciling after each.
    void step(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            m_sim->clock().advance(1000);
            m_sim->reconcileOnce();
        }
    }

    QJsonObject rollout(const QString &clusterName, const QString &ns, const QString &name)
    {
        const ResourceType *type
            = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
        return cluster(clusterName).store().get(*type, ns, name).value_or(QJsonObject());
    }

    // PATCH, POST and GET requests to rollouts the server answered since the last call.
    QList<RecordedRequest> takeRequests(const QString &clusterName)
    {
        return cluster(clusterName).server().takeRecordedRequests();
    }

private:
    std::unique_ptr<Simulator> m_sim;
    Kubeconfig m_kubeconfig;
};

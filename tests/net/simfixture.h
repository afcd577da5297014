// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The in-process simulator as the real server for the net/ integration tests: one cluster
// "sim" with users of every kind, a frozen clock (no controller touches the objects) and
// the kubeconfig it writes, loaded through our own loader.

#include "clusterconnection.h"
#include "kubeconfigloader.h"

#include "api/apiserver.h"
#include "api/faultinjector.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QJsonObject>

#include <memory>

// The simulator lives in its own namespace; these tests use many of its types.
using namespace rdsim;

class SimFixture
{
public:
    // Users: admin (client certificate, all rights), viewer (token, read pods in "shop"),
    // basic (password, all rights), exec (token "exec-good", all rights).
    static Scenario scenario()
    {
        const PolicyRule all {
            {QStringLiteral("*")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}, {}};
        UserSpec admin;
        admin.name = QStringLiteral("admin");
        admin.clientCertificate = true;
        admin.token = QStringLiteral("admin-token");
        admin.rules = {all};
        UserSpec viewer;
        viewer.name = QStringLiteral("viewer");
        viewer.token = QStringLiteral("viewer-token");
        viewer.rules
            = {PolicyRule {{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")},
                           {QString()},
                           {QStringLiteral("pods")},
                           {},
                           {QStringLiteral("shop")}}};
        UserSpec basic;
        basic.name = QStringLiteral("basic");
        basic.password = QStringLiteral("basic-pass");
        basic.rules = {all};
        UserSpec exec;
        exec.name = QStringLiteral("exec");
        exec.token = QStringLiteral("exec-good");
        exec.rules = {all};

        ClusterScenario cluster;
        cluster.name = QStringLiteral("sim");
        cluster.namespaces = {QStringLiteral("shop")};
        cluster.users = {admin, viewer, basic, exec};
        Scenario scenario;
        scenario.clusters = {cluster};
        return scenario;
    }

    bool start(QString *error)
    {
        SimulatorOptions options;
        options.frozen = true;
        m_sim = std::make_unique<Simulator>(scenario(), options);
        if (!m_sim->start(error))
            return false;
        KubeconfigSource source;
        source.explicitPath = m_sim->kubeconfigPath();
        return KubeconfigLoader::load(source, &m_kubeconfig, error);
    }

    Simulator &simulator() { return *m_sim; }
    SimCluster &cluster() { return *m_sim->cluster(QStringLiteral("sim")); }
    const Kubeconfig &kubeconfig() const { return m_kubeconfig; }

    // "sim" (admin), "sim-viewer", "sim-basic", "sim-exec".
    ClusterConnection connection(const QString &context) const
    {
        ClusterConnection c;
        QString error;
        if (!ClusterConnection::resolve(m_kubeconfig, context, &c, &error))
            qFatal("cannot resolve %s: %s", qPrintable(context), qPrintable(error));
        return c;
    }

    static const ResourceType &pods()
    {
        return *ResourceCatalog::find(QString(), QStringLiteral("pods"));
    }
    static QJsonObject pod(const QString &name, const QString &ns = QStringLiteral("shop"))
    {
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}}};
    }
    void addPods(int count)
    {
        for (int i = 0; i < count; ++i)
            cluster().store().create(pods(), pod(QStringLiteral("web-%1").arg(i)));
    }

private:
    std::unique_ptr<Simulator> m_sim;
    Kubeconfig m_kubeconfig;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// rd-sim on tests/data/scenarios/flagger-actions.yaml in process, its Flagger controller
// stepped by hand, for tst_flaggeractionexecutor: runs one canary action as the window does and
// reads back the writes the cluster answered.

#include "accesscache.h"
#include "auditlog.h"
#include "flaggeractionexecutor.h"
#include "jsondecoder.h"
#include "kubeclient.h"
#include "kubeconfigloader.h"

// After the client headers: the simulator has its own WatchEvent.
#include "api/apiserver.h"
#include "core/virtualclock.h"
#include "fleet/simulator.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace rdsim;

namespace FlaggerActionTest {

const QString dev = QStringLiteral("dev");
const QString test = QStringLiteral("test");
const QString podinfo = QStringLiteral("podinfo");
const QString canaryPath = QStringLiteral("/apis/flagger.app/v1beta1/namespaces/test/canaries/");
const QString proxy
    = QStringLiteral("/api/v1/namespaces/test/services/flagger-loadtester:80/proxy");
const QString payload = QStringLiteral(R"({"name":"podinfo","namespace":"test"})");

} // namespace FlaggerActionTest

using namespace FlaggerActionTest;

class FlaggerActionSim
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<Simulator> m_sim;
    Kubeconfig m_kubeconfig;
    std::unique_ptr<AuditLog> m_audit;
    AccessCache m_access;

    ClusterConnection connection(const QString &context) const
    {
        ClusterConnection out;
        QString error;
        if (!ClusterConnection::resolve(m_kubeconfig, context, &out, &error))
            qFatal("context %s: %s", qPrintable(context), qPrintable(error));
        return out;
    }

    void step(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            m_sim->clock().advance(1000);
            m_sim->reconcileOnce();
        }
    }

    // The canary as the client reads it.
    FlaggerCanary canary(const QString &name = podinfo)
    {
        KubeClient client(connection(dev));
        const KubeResponse got = client.get(canaryPath + name);
        return JsonDecoder().decodeObject<FlaggerCanary>(got.body).value;
    }

    // Steps the virtual clock until the canary's phase is `phase` (at most `limit` seconds).
    bool stepUntilPhase(const QString &phase, int limit = 300)
    {
        for (int i = 0; i < limit && canary().status.phase != phase; ++i)
            step(1);
        return canary().status.phase == phase;
    }

    // uid: the canary the person confirmed (empty: whichever has that name, as the command line).
    FlaggerActionResult run(FlaggerAction action, const QString &name = podinfo,
                            const QString &context = dev, const QString &uid = QString())
    {
        m_sim->cluster(dev)->server().takeRecordedRequests();
        KubeClient client(connection(context));
        FlaggerActionRequest request;
        request.environment = context;
        request.context = context;
        request.namespaceName = test;
        request.name = name;
        request.uid = uid;
        request.action = action;
        request.client = QStringLiteral("cli");
        return FlaggerActionExecutor(&client, m_audit.get(), &m_access).run(request);
    }

    // The writes the cluster answered since run() started: "METHOD path|type|body|status".
    QStringList writes()
    {
        QStringList sent;
        for (const RecordedRequest &r : m_sim->cluster(dev)->server().takeRecordedRequests()) {
            if (r.method == QLatin1String("PATCH")
                || (r.method == QLatin1String("POST") && r.path.contains(QLatin1String("/proxy"))))
                sent << QStringLiteral("%1 %2|%3|%4|%5")
                            .arg(r.method, r.path, r.contentType, QString::fromUtf8(r.body))
                            .arg(r.status);
        }
        return sent;
    }

    // Whether the load tester's promotion gate for podinfo is open, asked as Flagger asks it.
    bool gateOpen()
    {
        KubeClient client(connection(dev));
        const KubeResponse answer
            = client.post(proxy + QStringLiteral("/gate/check"), payload.toUtf8());
        writes(); // not one of the actions' requests
        return answer.isOk();
    }

    // A new revision of podinfo's target: Flagger starts an analysis.
    void deployImage(const QString &image)
    {
        KubeClient client(connection(dev));
        const QByteArray patch
            = QStringLiteral(R"({"spec":{"template":{"spec":{"containers":[{"name":"podinfod",)"
                             R"("image":"%1"}]}}}})")
                  .arg(image)
                  .toUtf8();
        QVERIFY(client
                    .patch(QStringLiteral("/apis/apps/v1/namespaces/test/deployments/podinfo"),
                           PatchType::Merge, patch)
                    .isOk());
    }
};

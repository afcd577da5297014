// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The demo fleet in rd-sim for action tests: runs one action through a RolloutActionExecutor
// like the window does, and reads back the PATCH requests the cluster answered.
#include "accesscache.h"
#include "auditlog.h"
#include "jsondecoder.h"
#include "kubeclient.h"
#include "rolloutactionexecutor.h"

// After the client headers: the simulator has its own WatchEvent.
#include "demosim.h"

#include <QJsonDocument>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class ActionSimFixture
{
public:
    DemoSim sim;
    std::unique_ptr<AuditLog> audit;
    AccessCache access;

    // Starts the fleet with request recording and two virtual minutes behind it:
    // payments-api waits at its indefinite pause, prod's checkout is aborted by its
    // analysis, dev's checkout is in flight.
    bool start(QString *error)
    {
        if (!m_dir.isValid() || !sim.start(error))
            return false;
        for (SimCluster *cluster : sim.simulator().clusters())
            cluster->server().setRecording(true);
        audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit.jsonl")));
        sim.step(60);
        return true;
    }

    RolloutActionResult run(const QString &context, const QString &ns, const QString &name,
                            RolloutAction action, bool readOnly = false, qint64 revision = 0,
                            const std::function<void(RolloutActionExecutor &)> &configure = {})
    {
        const QString cluster = context.section(QLatin1Char('-'), 0, 0);
        sim.takeRequests(cluster);
        KubeClient client(sim.connection(context));
        RolloutActionRequest request;
        request.environment = context;
        request.context = context;
        request.namespaceName = ns;
        request.name = name;
        request.action = action;
        request.readOnly = readOnly;
        request.revision = revision;
        RolloutActionExecutor executor(&client, audit.get(), &access);
        if (configure)
            configure(executor);
        return executor.run(request);
    }

    // The PATCH requests the cluster answered since run() started, as "path|type|body".
    QStringList patches(const QString &cluster)
    {
        QStringList sent;
        for (const RecordedRequest &request : sim.takeRequests(cluster)) {
            if (request.method == QLatin1String("PATCH"))
                sent.append(request.path + QLatin1Char('|') + request.contentType + QLatin1Char('|')
                            + QString::fromUtf8(request.body));
        }
        return sent;
    }

    Rollout rollout(const QString &cluster, const QString &ns, const QString &name)
    {
        const QByteArray json
            = QJsonDocument(sim.rollout(cluster, ns, name)).toJson(QJsonDocument::Compact);
        return JsonDecoder().decodeObject<Rollout>(json).value;
    }

    static QString merge() { return QStringLiteral("application/merge-patch+json"); }
    static QString path(const QString &ns, const QString &name, const char *sub = "")
    {
        return QStringLiteral("/apis/argoproj.io/v1alpha1/namespaces/%1/rollouts/%2%3")
            .arg(ns, name, QLatin1String(sub));
    }

private:
    QTemporaryDir m_dir;
};

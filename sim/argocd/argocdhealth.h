// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace rdsim {

// Resource health as Argo CD 3.6 assesses it: Rollouts by
// resource_customizations/argoproj.io/Rollout/health.lua, Deployments, ReplicaSets, Pods and
// Services by gitops-engine/pkg/health. The result is a HealthStatus {status, message}.
class ArgoCdHealth
{
public:
    static QJsonObject of(const QJsonObject &object);
    // gitops-engine's healthOrder: Healthy < Suspended < Progressing < Missing < Degraded <
    // Unknown. True when `candidate` is worse than `current`.
    static bool isWorse(const QString &current, const QString &candidate);
    static QJsonObject make(const QString &status, const QString &message = {});

private:
    static QJsonObject rollout(const QJsonObject &object);
    static QJsonObject rolloutWithoutPhase(const QJsonObject &object);
    static QJsonObject deployment(const QJsonObject &object);
    static QJsonObject replicaSet(const QJsonObject &object);
    static QJsonObject pod(const QJsonObject &object);
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
// DeploymentController: the status a sync writes back, with the replica counts and the
// Available and Progressing conditions kubectl shows.
#include "deploymentcontroller.h"

#include "jsonutil.h"

#include <QJsonArray>

#include <algorithm>

namespace rdsim {

namespace {

QJsonObject condition(const QJsonArray &conditions, const QString &type)
{
    for (const QJsonValue &value : conditions) {
        if (value.toObject().value(QLatin1String("type")).toString() == type)
            return value.toObject();
    }
    return {};
}

void setCount(QJsonObject &status, const char *key, int value)
{
    if (value > 0)
        status.insert(QLatin1String(key), value);
    else
        status.remove(QLatin1String(key));
}

} // namespace

// Sets a Deployment condition the way the controller does: no change when status and reason
// match; lastTransitionTime kept while the status stays the same.
void DeploymentController::setCondition(QJsonArray &conditions, const QString &type,
                                        const QString &status, const QString &reason,
                                        const QString &message, const QString &now,
                                        bool refreshUpdateTime)
{
    QString transition = now;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QJsonObject c = conditions.at(i).toObject();
        if (c.value(QLatin1String("type")).toString() != type)
            continue;
        const bool sameStatus = c.value(QLatin1String("status")).toString() == status;
        if (sameStatus && c.value(QLatin1String("reason")).toString() == reason
            && !refreshUpdateTime)
            return;
        if (sameStatus)
            transition = c.value(QLatin1String("lastTransitionTime")).toString();
        conditions.removeAt(i);
        break;
    }
    conditions.append(QJsonObject {{QStringLiteral("type"), type},
                                   {QStringLiteral("status"), status},
                                   {QStringLiteral("lastUpdateTime"), now},
                                   {QStringLiteral("lastTransitionTime"), transition},
                                   {QStringLiteral("reason"), reason},
                                   {QStringLiteral("message"), message}});
}

DeploymentController::Counts DeploymentController::countReplicas(const QList<ReplicaSet *> &oldRss,
                                                                 const ReplicaSet *newRs)
{
    Counts counts;
    const auto count = [&counts](const ReplicaSet &rs) {
        counts.total += rs.statusReplicas();
        counts.specTotal += rs.specReplicas();
        counts.ready += rs.ready();
        counts.available += rs.available();
    };
    for (const ReplicaSet *rs : oldRss)
        count(*rs);
    if (newRs)
        count(*newRs);
    counts.updated = newRs ? newRs->statusReplicas() : 0;
    return counts;
}

QJsonObject DeploymentController::nextStatus(const QJsonObject &deployment, QJsonObject status,
                                             QJsonArray conditions,
                                             const QList<ReplicaSet *> &oldRss,
                                             const ReplicaSet *newRs, const Settings &settings,
                                             bool created)
{
    const Counts counts = countReplicas(oldRss, newRs);
    const QJsonObject previous = status;
    status.insert(QStringLiteral("observedGeneration"),
                  JsonUtil::intAt(deployment, "metadata.generation", 1));
    setCount(status, "replicas", counts.total);
    setCount(status, "updatedReplicas", counts.updated);
    setCount(status, "readyReplicas", counts.ready);
    setCount(status, "availableReplicas", counts.available);
    setCount(status, "unavailableReplicas", std::max(0, counts.specTotal - counts.available));

    if (counts.available >= settings.replicas - settings.maxUnavailable)
        setCondition(conditions, QStringLiteral("Available"), QStringLiteral("True"),
                     QStringLiteral("MinimumReplicasAvailable"),
                     QStringLiteral("Deployment has minimum availability."), settings.now);
    else
        setCondition(conditions, QStringLiteral("Available"), QStringLiteral("False"),
                     QStringLiteral("MinimumReplicasUnavailable"),
                     QStringLiteral("Deployment does not have minimum availability."),
                     settings.now);

    const QString rsName = newRs ? JsonUtil::name(newRs->object) : QString();
    setProgressing(conditions, counts, previous, rsName, settings, created);
    status.insert(QStringLiteral("conditions"), conditions);
    return status;
}

// `previous` is the status as read, before this sync's counts.
void DeploymentController::setProgressing(QJsonArray &conditions, const Counts &counts,
                                          const QJsonObject &previous, const QString &rsName,
                                          const Settings &settings, bool created)
{
    const int replicas = settings.replicas;
    const QString &now = settings.now;
    const int oldStatusOld = int(previous.value(QLatin1String("replicas")).toInt()
                                 - previous.value(QLatin1String("updatedReplicas")).toInt());
    const QJsonObject progressing = condition(conditions, QStringLiteral("Progressing"));
    const QString progressingReason = progressing.value(QLatin1String("reason")).toString();
    if (settings.paused) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("Unknown"),
                     QStringLiteral("DeploymentPaused"), QStringLiteral("Deployment is paused"),
                     now);
    } else if (progressingReason == QLatin1String("DeploymentPaused")) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("Unknown"),
                     QStringLiteral("DeploymentResumed"), QStringLiteral("Deployment is resumed"),
                     now);
    } else if (counts.updated == replicas && counts.total == replicas
               && counts.available == replicas) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
                     QStringLiteral("NewReplicaSetAvailable"),
                     QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName),
                     now);
    } else if (!created
               && (counts.updated != previous.value(QLatin1String("updatedReplicas")).toInt()
                   || counts.total - counts.updated < oldStatusOld
                   || counts.ready > previous.value(QLatin1String("readyReplicas")).toInt()
                   || counts.available
                       > previous.value(QLatin1String("availableReplicas")).toInt())) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
                     QStringLiteral("ReplicaSetUpdated"),
                     QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rsName), now, true);
    }
}

} // namespace rdsim

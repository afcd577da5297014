// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/argocdhealth.h"

#include <QJsonArray>
#include <QStringList>

namespace rdsim {

namespace {

QJsonObject sub(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

qint64 number(const QJsonObject &object, const char *key, qint64 fallback = 0)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isString())
        return value.toString().toLongLong();
    return value.isDouble() ? value.toInteger() : fallback;
}

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonObject condition(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &value : status.value(QStringLiteral("conditions")).toArray()) {
        if (value.toObject().value(QStringLiteral("type")).toString() == type)
            return value.toObject();
    }
    return {};
}

} // namespace

QJsonObject ArgoCdHealth::make(const QString &status, const QString &message)
{
    QJsonObject health {{QStringLiteral("status"), status}};
    if (!message.isEmpty())
        health.insert(QStringLiteral("message"), message);
    return health;
}

bool ArgoCdHealth::isWorse(const QString &current, const QString &candidate)
{
    static const QStringList order {QStringLiteral("Healthy"),     QStringLiteral("Suspended"),
                                    QStringLiteral("Progressing"), QStringLiteral("Missing"),
                                    QStringLiteral("Degraded"),    QStringLiteral("Unknown")};
    return order.indexOf(candidate) > order.indexOf(current);
}

QJsonObject ArgoCdHealth::of(const QJsonObject &object)
{
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("Rollout"))
        return rollout(object);
    if (kind == QLatin1String("Deployment"))
        return deployment(object);
    if (kind == QLatin1String("ReplicaSet"))
        return replicaSet(object);
    if (kind == QLatin1String("Pod"))
        return pod(object);
    if (kind == QLatin1String("Service")) {
        const bool balancer = text(sub(object, "spec"), "type") == QLatin1String("LoadBalancer");
        const bool ingress = !sub(sub(object, "status"), "loadBalancer")
                                  .value(QStringLiteral("ingress"))
                                  .toArray()
                                  .isEmpty();
        return make(balancer && !ingress ? QStringLiteral("Progressing")
                                         : QStringLiteral("Healthy"));
    }
    return {}; // gitops-engine has no health for other kinds (none is reported)
}

QJsonObject ArgoCdHealth::rollout(const QJsonObject &object)
{
    const QJsonObject status = sub(object, "status");
    const qint64 generation = number(sub(object, "metadata"), "generation", 1);
    const QJsonValue observedValue = status.value(QStringLiteral("observedGeneration"));
    // health.lua: a missing or non-numeric observedGeneration counts as observed.
    bool numeric = false;
    const qint64 observed = observedValue.isString() ? observedValue.toString().toLongLong(&numeric)
                                                     : observedValue.toInteger();
    numeric = numeric || observedValue.isDouble();
    if (object.value(QStringLiteral("status")).isUndefined() || (numeric && observed < generation))
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for rollout spec update to be observed"));
    const QString phase = text(status, "phase");
    if (!phase.isEmpty())
        return make(phase == QLatin1String("Paused") ? QStringLiteral("Suspended") : phase,
                    text(status, "message"));
    return rolloutWithoutPhase(object);
}

// Rollouts older than 1.0 report no phase: the script's fallback checks, in its order.
QJsonObject ArgoCdHealth::rolloutWithoutPhase(const QJsonObject &object)
{
    const QJsonObject status = sub(object, "status");
    const QJsonObject spec = sub(object, "spec");
    for (const QJsonValue &value : status.value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject c = value.toObject();
        const QString reason = text(c, "reason");
        if (text(c, "type") == QLatin1String("InvalidSpec")
            || (text(c, "type") == QLatin1String("Progressing")
                && (reason == QLatin1String("RolloutAborted")
                    || reason == QLatin1String("ProgressDeadlineExceeded"))))
            return make(QStringLiteral("Degraded"), text(c, "message"));
    }
    if (!status.value(QStringLiteral("pauseConditions")).toArray().isEmpty()
        || spec.value(QStringLiteral("paused")).toBool())
        return make(QStringLiteral("Suspended"), QStringLiteral("Rollout is paused"));
    const QString hash = text(status, "currentPodHash");
    if (hash.isEmpty())
        return make(
            QStringLiteral("Progressing"),
            QStringLiteral("Waiting for rollout to finish: status has not been reconciled."));
    const qint64 desired = number(spec, "replicas", 1);
    const qint64 updated = number(status, "updatedReplicas");
    if (updated < desired)
        return make(
            QStringLiteral("Progressing"),
            QStringLiteral("Waiting for roll out to finish: More replicas need to be updated"));
    if (number(status, "availableReplicas") < updated)
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for roll out to finish: updated replicas are still "
                                   "becoming available"));
    const QString stable = text(status, "stableRS");
    const QJsonObject strategy = sub(spec, "strategy");
    if (strategy.contains(QStringLiteral("blueGreen"))
        && text(sub(status, "blueGreen"), "activeSelector") != hash)
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("active service cutover pending"));
    if (strategy.contains(QStringLiteral("canary"))) {
        if (number(status, "replicas") > updated)
            return make(QStringLiteral("Progressing"),
                        QStringLiteral("Waiting for roll out to finish: old replicas are pending "
                                       "termination"));
        if (stable.isEmpty() || stable != hash)
            return make(QStringLiteral("Progressing"),
                        QStringLiteral("Waiting for rollout to finish steps"));
    }
    return make(QStringLiteral("Healthy"));
}

QJsonObject ArgoCdHealth::deployment(const QJsonObject &object)
{
    const QJsonObject spec = sub(object, "spec");
    const QJsonObject status = sub(object, "status");
    if (spec.value(QStringLiteral("paused")).toBool())
        return make(QStringLiteral("Suspended"), QStringLiteral("Deployment is paused"));
    if (number(sub(object, "metadata"), "generation", 1) > number(status, "observedGeneration"))
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for rollout to finish: observed deployment generation "
                                   "less than desired generation"));
    const qint64 replicas = number(spec, "replicas", 1);
    const qint64 updated = number(status, "updatedReplicas");
    const qint64 total = number(status, "replicas");
    const qint64 available = number(status, "availableReplicas");
    if (text(condition(status, QStringLiteral("Progressing")), "reason")
        == QLatin1String("ProgressDeadlineExceeded"))
        return make(QStringLiteral("Degraded"),
                    QStringLiteral("Deployment \"%1\" exceeded its progress deadline")
                        .arg(text(sub(object, "metadata"), "name")));
    if (updated < replicas)
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for rollout to finish: %1 out of %2 new replicas have "
                                   "been updated...")
                        .arg(updated)
                        .arg(replicas));
    if (total > updated)
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for rollout to finish: %1 old replicas are pending "
                                   "termination...")
                        .arg(total - updated));
    if (available < updated)
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for rollout to finish: %1 of %2 updated replicas are "
                                   "available...")
                        .arg(available)
                        .arg(updated));
    return make(QStringLiteral("Healthy"));
}

QJsonObject ArgoCdHealth::replicaSet(const QJsonObject &object)
{
    const QJsonObject status = sub(object, "status");
    if (number(sub(object, "metadata"), "generation", 1) > number(status, "observedGeneration", 1))
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for rollout to finish: observed replica set generation "
                                   "less than desired generation"));
    const QJsonObject failure = condition(status, QStringLiteral("ReplicaFailure"));
    if (text(failure, "status") == QLatin1String("True"))
        return make(QStringLiteral("Degraded"), text(failure, "message"));
    const qint64 replicas = number(sub(object, "spec"), "replicas", 1);
    const qint64 available = number(status, "availableReplicas");
    if (available < replicas)
        return make(QStringLiteral("Progressing"),
                    QStringLiteral("Waiting for rollout to finish: %1 out of %2 new replicas are "
                                   "available...")
                        .arg(available)
                        .arg(replicas));
    return make(QStringLiteral("Healthy"));
}

QJsonObject ArgoCdHealth::pod(const QJsonObject &object)
{
    const QJsonObject status = sub(object, "status");
    const QString phase = text(status, "phase");
    const QString message = text(status, "message");
    if (phase == QLatin1String("Succeeded"))
        return make(QStringLiteral("Healthy"), message);
    if (phase == QLatin1String("Failed"))
        return make(QStringLiteral("Degraded"), message);
    if (phase == QLatin1String("Pending"))
        return make(QStringLiteral("Progressing"), message);
    if (phase == QLatin1String("Running")) {
        const bool ready
            = text(condition(status, QStringLiteral("Ready")), "status") == QLatin1String("True");
        return make(ready ? QStringLiteral("Healthy") : QStringLiteral("Progressing"), message);
    }
    return make(QStringLiteral("Unknown"), message);
}

} // namespace rdsim

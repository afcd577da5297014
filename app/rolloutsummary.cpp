// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutsummary.h"

#include <QJsonArray>

namespace {

QJsonValue optionalInt(const std::optional<qint32> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalString(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

RolloutSummary RolloutSummary::from(const QString &environment, const QString &context,
                                    const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                                    const QDateTime &now)
{
    RolloutSummary s;
    s.environment = environment;
    s.context = context;
    s.namespaceName = rollout.metadata.namespaceName;
    s.name = rollout.metadata.name;
    s.strategy = strategyName(rollout);
    const RolloutPhaseInfo phase = rolloutPhase(rollout);
    s.phase = phase.phase;
    s.message = phase.message;
    s.requiresAttention = ::requiresAttention(phase);
    // One look, no watch: nothing observed (a manual pause has no "since").
    const RolloutSituation situation = RolloutSituationText::describe(
        rollout, RolloutTrafficFacts::of(rollout, replicaSets), SituationContext {now, true, {}});
    s.situation = situation.text;
    s.waitsForPerson = situation.waitsForPerson;
    s.step = stepString(rollout);
    if (rollout.isCanary()) {
        s.stepCount = qint32(rollout.spec.canary->steps.size());
        if (!s.step.isEmpty())
            s.currentStepIndex = rollout.status.currentStepIndex;
        s.setWeight = currentSetWeight(rollout);
        s.actualWeight = ::actualWeight(rollout, replicaSets);
    }
    s.counts = rolloutCounts(rollout);
    s.revision = rolloutRevision(rollout, replicaSets);
    s.images = runningImages(rollout, replicaSets);
    s.paused = rollout.spec.paused;
    s.aborted = rollout.status.abort;
    s.generation = rollout.metadata.generation;
    s.observedGeneration = rollout.status.observedGeneration;
    s.creationTimestamp = rollout.metadata.creationTimestamp;
    return s;
}

QJsonObject RolloutSummary::toJson() const
{
    QJsonArray images;
    for (const ImageInfo &image : this->images) {
        images.append(
            QJsonObject {{QStringLiteral("image"), image.image},
                         {QStringLiteral("tags"), QJsonArray::fromStringList(image.tags)}});
    }
    const QJsonObject replicas {
        {QStringLiteral("desired"), counts.desired},
        {QStringLiteral("current"), counts.current},
        {QStringLiteral("ready"), counts.ready},
        {QStringLiteral("updated"), counts.updated},
        {QStringLiteral("available"), counts.available},
    };
    QJsonObject object {
        {QStringLiteral("environment"), environment},
        {QStringLiteral("context"), context},
        {QStringLiteral("namespace"), namespaceName},
        {QStringLiteral("name"), name},
        {QStringLiteral("strategy"), optionalString(strategy)},
        {QStringLiteral("phase"), phase},
        {QStringLiteral("message"), message},
        {QStringLiteral("requiresAttention"), requiresAttention},
        {QStringLiteral("situation"), situation},
        {QStringLiteral("waitsForPerson"), waitsForPerson},
        {QStringLiteral("step"), optionalString(step)},
        {QStringLiteral("currentStepIndex"), optionalInt(currentStepIndex)},
        {QStringLiteral("stepCount"), stepCount},
        {QStringLiteral("setWeight"), optionalInt(setWeight)},
        {QStringLiteral("actualWeight"), optionalInt(actualWeight)},
        {QStringLiteral("replicas"), replicas},
        {QStringLiteral("revision"), revision},
        {QStringLiteral("images"), images},
        {QStringLiteral("paused"), paused},
        {QStringLiteral("aborted"), aborted},
        {QStringLiteral("generation"), generation},
        {QStringLiteral("observedGeneration"), optionalString(observedGeneration)},
        {QStringLiteral("creationTimestamp"),
         creationTimestamp.isValid() ? QJsonValue(creationTimestamp.toUTC().toString(Qt::ISODate))
                                     : QJsonValue(QJsonValue::Null)},
    };
    if (!safetyNets.isEmpty())
        object.insert(QStringLiteral("safetyNets"), safetyNets);
    if (!tree.isEmpty())
        object.insert(QStringLiteral("tree"), tree);
    return object;
}

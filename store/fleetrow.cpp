// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetrow.h"

#include "deploymentstatus.h"
#include "rolloutstatus.h"

namespace {
const QChar KeySeparator(0x1f); // unit separator: never part of a Kubernetes name

template<typename T>
bool sameIgnoringResourceVersion(const std::shared_ptr<const T> &a,
                                 const std::shared_ptr<const T> &b)
{
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    if (a->metadata.resourceVersion == b->metadata.resourceVersion)
        return *a == *b;
    T copy = *a;
    copy.metadata.resourceVersion = b->metadata.resourceVersion;
    return copy == *b;
}
} // namespace

QString FleetRow::makeKey(const QString &environment, Kind kind, const QString &namespaceName,
                          const QString &name)
{
    const QLatin1Char letter = kind == Kind::Rollout ? QLatin1Char('R')
        : kind == Kind::Deployment                   ? QLatin1Char('D')
                                                     : QLatin1Char('C');
    return environment + KeySeparator + letter + KeySeparator + namespaceName + KeySeparator + name;
}

QString FleetRow::key() const
{
    const ObjectMeta &meta = metadata();
    return makeKey(environment, kind, meta.namespaceName, meta.name);
}

QString FleetRow::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Rollout:
        return QStringLiteral("Rollout");
    case Kind::Deployment:
        return QStringLiteral("Deployment");
    case Kind::FlaggerCanary:
        return QStringLiteral("Canary");
    }
    return QString();
}

std::optional<FleetRow::Kind> FleetRow::kindNamed(const QString &name)
{
    for (const Kind kind : {Kind::Rollout, Kind::Deployment, Kind::FlaggerCanary}) {
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

FleetRow::Health FleetRow::healthOf(const QString &phase)
{
    if (phase == QLatin1String("Healthy"))
        return Health::Healthy;
    if (phase == QLatin1String("Progressing"))
        return Health::Progressing;
    if (phase == QLatin1String("Paused"))
        return Health::Paused;
    if (phase == QLatin1String("Degraded"))
        return Health::Degraded;
    return Health::Unknown;
}

bool FleetRow::sameContent(const FleetRow &o) const
{
    return environment == o.environment && kind == o.kind && strategy == o.strategy
        && phase == o.phase && message == o.message && health == o.health
        && requiresAttention == o.requiresAttention && step == o.step && setWeight == o.setWeight
        && actualWeight == o.actualWeight && revision == o.revision && images == o.images
        && imageTags == o.imageTags && desired == o.desired && ready == o.ready
        && updated == o.updated && available == o.available && attention == o.attention
        && situation == o.situation && traffic == o.traffic && observations == o.observations
        && sameIgnoringResourceVersion(rollout, o.rollout)
        && sameIgnoringResourceVersion(deployment, o.deployment)
        && sameIgnoringResourceVersion(canary, o.canary);
}

FleetRow FleetRow::fromRollout(const QString &environment, const Rollout &rollout,
                               const QList<ReplicaSet> &replicaSets)
{
    FleetRow row;
    row.environment = environment;
    row.kind = Kind::Rollout;
    row.rollout = std::make_shared<const Rollout>(rollout);
    const RolloutPhaseInfo phase = rolloutPhase(rollout);
    row.phase = phase.phase;
    row.message = phase.message;
    row.health = healthOf(phase.phase);
    row.strategy = strategyName(rollout);
    row.traffic = RolloutTrafficFacts::of(rollout, replicaSets);
    // The kind does not depend on the time or on the observations, only the text does.
    const RolloutSituation situation
        = RolloutSituationText::describe(rollout, row.traffic, SituationContext {});
    row.situation = situation.kind;
    row.attention = situation.waitsForPerson ? Attention::WaitingForPerson
        : situation.isFailure()              ? Attention::Failure
                                             : Attention::None;
    row.requiresAttention = row.attention != Attention::None;
    if (rollout.isCanary()) {
        row.step = stepString(rollout);
        row.setWeight = currentSetWeight(rollout);
        row.actualWeight = ::actualWeight(rollout, replicaSets);
    }
    row.revision = rolloutRevision(rollout, replicaSets);
    for (const ImageInfo &image : runningImages(rollout, replicaSets)) {
        row.images.append(image.image);
        row.imageTags.append(image.tags.join(QLatin1Char(',')));
    }
    if (row.images.isEmpty()) // no ReplicaSet runs yet: what the template asks for
        row.images = rollout.spec.podTemplate.images();
    const RolloutCounts counts = rolloutCounts(rollout);
    row.desired = counts.desired;
    row.ready = counts.ready;
    row.updated = counts.updated;
    row.available = counts.available;
    return row;
}

FleetRow FleetRow::fromDeployment(const QString &environment, const Deployment &deployment)
{
    FleetRow row;
    row.environment = environment;
    row.kind = Kind::Deployment;
    row.deployment = std::make_shared<const Deployment>(deployment);
    const DeploymentRolloutStatus status = deploymentStatus(deployment);
    // The Rollout vocabulary, so one filter and one colour scheme serve both kinds.
    if (status.paused) {
        row.phase = QStringLiteral("Paused");
        row.message = status.message;
    } else {
        switch (status.state) {
        case DeploymentRolloutStatus::State::Complete:
            row.phase = QStringLiteral("Healthy");
            break;
        case DeploymentRolloutStatus::State::Failed:
            row.phase = QStringLiteral("Degraded");
            row.message = status.message;
            break;
        case DeploymentRolloutStatus::State::Progressing:
        case DeploymentRolloutStatus::State::WaitingForObservation:
            row.phase = QStringLiteral("Progressing");
            row.message = status.message;
            break;
        }
    }
    row.health = healthOf(row.phase);
    // A paused Deployment was paused by someone: worth a look, as a non-step Rollout pause.
    row.attention = row.health == Health::Degraded ? Attention::Failure
        : row.health == Health::Paused             ? Attention::WaitingForPerson
                                                   : Attention::None;
    row.requiresAttention = row.attention != Attention::None;
    row.strategy = deployment.strategyType.isEmpty() ? QStringLiteral("RollingUpdate")
                                                     : deployment.strategyType;
    row.revision
        = deployment.metadata.annotations.value(QStringLiteral("deployment.kubernetes.io/revision"))
              .toLongLong();
    row.images = deployment.podTemplate.images();
    row.desired = deployment.specReplicas.value_or(1);
    row.ready = deployment.readyReplicas;
    row.updated = deployment.updatedReplicas;
    row.available = deployment.availableReplicas;
    return row;
}

void FleetRow::carryObservations(const FleetRow &previous, const QDateTime &now)
{
    if (!rollout || !previous.rollout)
        return;
    const RolloutObservations next
        = RolloutObservations::follow(previous.observations, *previous.rollout, *rollout, now);
    observations = next;
}

RolloutSituation FleetRow::situationAt(const QDateTime &now, bool live) const
{
    Q_ASSERT(rollout);
    return RolloutSituationText::describe(*rollout, traffic,
                                          SituationContext {now, live, observations});
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasetstatus.h"

#include "condition.h"
#include "durationparser.h"

#include <algorithm>

QString replicaSetHealth(const ReplicaSet &replicaSet)
{
    if (replicaSet.metadata.generation > replicaSet.observedGeneration)
        return QStringLiteral("Progressing");
    const Condition *failure = findCondition(replicaSet.conditions, u"ReplicaFailure");
    if (failure && failure->isTrue())
        return QStringLiteral("ReplicaFailure");
    if (replicaSet.specReplicas && replicaSet.availableReplicas < *replicaSet.specReplicas)
        return QStringLiteral("Progressing");
    if (replicaSet.specReplicas && *replicaSet.specReplicas == 0)
        return QStringLiteral("ScaledDown");
    return QStringLiteral("Healthy");
}

QStringList ReplicaSetTags::imageTags() const
{
    QStringList tags;
    if (canary)
        tags.append(QStringLiteral("canary"));
    if (stable)
        tags.append(QStringLiteral("stable"));
    if (active)
        tags.append(QStringLiteral("active"));
    if (preview)
        tags.append(QStringLiteral("preview"));
    if (ping)
        tags.append(QStringLiteral("ping"));
    if (pong)
        tags.append(QStringLiteral("pong"));
    return tags;
}

QStringList ReplicaSetTags::names() const
{
    QStringList tags;
    if (stable)
        tags.append(QStringLiteral("stable"));
    if (canary)
        tags.append(QStringLiteral("canary"));
    if (active)
        tags.append(QStringLiteral("active"));
    if (preview)
        tags.append(QStringLiteral("preview"));
    if (ping)
        tags.append(QStringLiteral("ping"));
    if (pong)
        tags.append(QStringLiteral("pong"));
    return tags;
}

ReplicaSetTags replicaSetTags(const Rollout &rollout, const ReplicaSet &replicaSet)
{
    ReplicaSetTags tags;
    const QString hash = replicaSet.podTemplateHash();
    const RolloutStatus &status = rollout.status;
    if (rollout.spec.canary) {
        const bool pingPong = rollout.spec.canary->hasPingPong;
        const bool stableIsPing = status.stablePingPong == QLatin1String("ping");
        if (status.stableRS == hash) {
            tags.stable = true;
            if (pingPong) {
                tags.ping = stableIsPing;
                tags.pong = !stableIsPing;
            }
        } else if (status.currentPodHash == hash) {
            tags.canary = true;
            if (pingPong) {
                tags.ping = !stableIsPing;
                tags.pong = stableIsPing;
            }
        }
    }
    if (rollout.spec.blueGreen) {
        if (status.stableRS == hash)
            tags.stable = true;
        if (status.activeSelector == hash)
            tags.active = true;
        else if (status.previewSelector == hash)
            tags.preview = true;
    }
    return tags;
}

QString scaleDownDelay(const ReplicaSet &replicaSet, const QDateTime &now)
{
    const QDateTime deadline = replicaSet.scaleDownDeadline();
    if (!deadline.isValid())
        return QString();
    if (deadline < now)
        return QStringLiteral("passed");
    return humanDuration(now.msecsTo(deadline));
}

QList<ReplicaSet> ownedReplicaSets(const QList<ReplicaSet> &replicaSets, const QString &ownerUid)
{
    QList<ReplicaSet> owned;
    for (const ReplicaSet &rs : replicaSets) {
        if (rs.metadata.isOwnedBy(ownerUid))
            owned.append(rs);
    }
    // The plugin's comparator ignores its creation-time comparison (a Go bug); name breaks
    // ties between equal revisions.
    std::stable_sort(owned.begin(), owned.end(), [](const ReplicaSet &a, const ReplicaSet &b) {
        const qint64 ra = a.revision();
        const qint64 rb = b.revision();
        if (ra != rb)
            return ra > rb;
        return a.metadata.name < b.metadata.name;
    });
    return owned;
}

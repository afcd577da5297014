// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replicaset.h"
#include "rollout.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// How the Argo Rollouts plugin shows a ReplicaSet (info/replicaset_info.go).

// getReplicaSetHealth: "Progressing", "ReplicaFailure", "ScaledDown" or "Healthy".
QString replicaSetHealth(const ReplicaSet &replicaSet);

// The roles a ReplicaSet plays for its Rollout.
struct ReplicaSetTags
{
    bool stable = false;
    bool canary = false;
    bool active = false;
    bool preview = false;
    bool ping = false;
    bool pong = false;

    // The tags RolloutInfo.Images() attaches: canary, stable, active, preview, ping, pong (in
    // that order, as the plugin appends them).
    QStringList imageTags() const;
    // Every set tag, in the order the plugin's tree prints them.
    QStringList names() const;

    bool operator==(const ReplicaSetTags &o) const
    {
        return stable == o.stable && canary == o.canary && active == o.active
            && preview == o.preview && ping == o.ping && pong == o.pong;
    }
    bool operator!=(const ReplicaSetTags &o) const { return !(*this == o); }
};

ReplicaSetTags replicaSetTags(const Rollout &rollout, const ReplicaSet &replicaSet);

// The "delay:" shown next to an old ReplicaSet: empty without a scale-down-deadline
// annotation, "passed" once the deadline is before now, else humanDuration of what is left.
QString scaleDownDelay(const ReplicaSet &replicaSet, const QDateTime &now);

// The ReplicaSets owned by ownerUid, newest revision first (then by name), as the plugin
// lists them.
QList<ReplicaSet> ownedReplicaSets(const QList<ReplicaSet> &replicaSets, const QString &ownerUid);

Q_DECLARE_METATYPE(ReplicaSetTags)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deployment.h"
#include "event.h"
#include "pod.h"
#include "replicaset.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Everything the detail pane shows about one Deployment, assembled from what the
// environment's informers delivered (FleetStore::deploymentDetail). A value, like
// RolloutDetail: the view keeps no pointers into the store.
struct DeploymentDetail
{
    QString environment;
    QString environmentColour; // "#rrggbb" from the config, or empty
    Deployment deployment;
    // Derived once by the store, as the fleet table shows them: the phase in the Rollout
    // vocabulary (Healthy, Progressing, Paused, Degraded), kubectl's status line when not
    // healthy, the revision annotation and the strategy type.
    QString phase;
    QString message;
    qint64 revision = 0;
    QString strategy;
    // Controlled by the Deployment, newest revision first (deployment.kubernetes.io/revision).
    QList<ReplicaSet> replicaSets;
    // Pods by the uid of the ReplicaSet that controls them, each list sorted by name.
    QHash<QString, QList<Pod>> podsByReplicaSetUid;
    // Events about the Deployment, its ReplicaSets or their pods; newest first, at most
    // maxEvents.
    QList<Event> events;
    // Translated notes on what is missing and why (pods or events that could not be listed).
    QStringList notices;
    // When the environment stopped being live (null while live) and why.
    QDateTime staleSince;
    QString staleReason;

    bool isStale() const { return staleSince.isValid(); }
    bool isValid() const { return !deployment.metadata.uid.isEmpty(); }
    static constexpr int maxEvents = 100;
};

Q_DECLARE_METATYPE(DeploymentDetail)

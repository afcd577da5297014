// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deployment.h"
#include "replicaset.h"
#include "rollout.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// The changes to one environment's workloads since the previous batch, as the informers
// send them to the GUI thread (at most one batch per ~100 ms per environment). Keys are
// "namespace/name". Within a batch an object appears at most once: either upserted (its
// newest state) or deleted.
struct WorkloadDeltaBatch
{
    // Everything of this environment is replaced: the upserts are its complete state and
    // any object not upserted is gone (the deletes lists are then empty). The first batch
    // after FleetFetcher::start() is a reset; a relist after 410 sends ordinary upserts and
    // the deletes of objects that vanished meanwhile.
    bool reset = false;
    QList<Rollout> rolloutUpserts;
    QStringList rolloutDeletes;
    QList<ReplicaSet> replicaSetUpserts;
    QStringList replicaSetDeletes;
    QList<Deployment> deploymentUpserts;
    QStringList deploymentDeletes;

    bool isEmpty() const
    {
        return !reset && rolloutUpserts.isEmpty() && rolloutDeletes.isEmpty()
            && replicaSetUpserts.isEmpty() && replicaSetDeletes.isEmpty()
            && deploymentUpserts.isEmpty() && deploymentDeletes.isEmpty();
    }
    int changeCount() const
    {
        return int(rolloutUpserts.size() + rolloutDeletes.size() + replicaSetUpserts.size()
                   + replicaSetDeletes.size() + deploymentUpserts.size()
                   + deploymentDeletes.size());
    }

    static QString key(const QString &namespaceName, const QString &name)
    {
        return namespaceName + QLatin1Char('/') + name;
    }
};

Q_DECLARE_METATYPE(WorkloadDeltaBatch)

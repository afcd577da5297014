// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rdsim {

class EventRecorder;
class ObjectStore;
class VirtualClock;

// The apps/v1 Deployment controller: one ReplicaSet per pod template ("<deploy>-<hash>" with
// the pod-template-hash label and the deployment.kubernetes.io/revision annotation), rolled
// with RollingUpdate (maxSurge / maxUnavailable, 25% each by default) or Recreate, old
// ReplicaSets pruned past revisionHistoryLimit, and status with the Available and Progressing
// conditions kubectl shows.
class DeploymentController
{
public:
    DeploymentController(ObjectStore &store, VirtualClock &clock, EventRecorder &events);
    void reconcile();

private:
    struct ReplicaSet
    {
        QJsonObject object;
        bool dirty = false;
        int specReplicas() const;
        int statusReplicas() const;
        int available() const;
        int ready() const;
        int revision() const;
    };
    void sync(QJsonObject deployment, QList<ReplicaSet> replicaSets);
    void scale(const QJsonObject &deployment, ReplicaSet &rs, int replicas, int desired,
               int maxSurge);
    void rollingUpdate(const QJsonObject &deployment, ReplicaSet &newRs, QList<ReplicaSet *> oldRss,
                       int replicas, int maxSurge, int maxUnavailable);
    void recreate(const QJsonObject &deployment, ReplicaSet &newRs, QList<ReplicaSet *> oldRss,
                  int replicas, int maxSurge);

    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
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
    // What sync() reads from the Deployment's spec, and the time it syncs at.
    struct Settings
    {
        QString now;
        int replicas = 1;
        bool recreate = false;
        int maxSurge = 0;
        int maxUnavailable = 0;
        bool paused = false;
    };
    // The ReplicaSets' replicas summed up for the Deployment's status.
    struct Counts
    {
        int total = 0;
        int specTotal = 0;
        int ready = 0;
        int available = 0;
        int updated = 0;
    };
    void sync(QJsonObject deployment, QList<ReplicaSet> replicaSets);
    Settings readSettings(const QJsonObject &deployment) const;
    // Returns the ReplicaSet running `podTemplate`, if any, and appends the others to oldRss.
    static ReplicaSet *splitByTemplate(QList<ReplicaSet> &replicaSets,
                                       const QJsonObject &podTemplate, QList<ReplicaSet *> &oldRss);
    void scaleReplicaSets(const QJsonObject &deployment, ReplicaSet &newRs,
                          const QList<ReplicaSet *> &oldRss, const Settings &settings);
    // Creates the new ReplicaSet when `created` and updates the changed ones; false when the
    // creation failed.
    bool writeReplicaSets(QList<ReplicaSet> &replicaSets, ReplicaSet *newRs, bool created);
    void pruneHistory(const QJsonObject &deployment, const QList<ReplicaSet *> &oldRss);
    void writeDeployment(const QJsonObject &deployment, const QJsonObject &status,
                         const ReplicaSet *newRs);
    // deploymentconditions.cpp
    static void setCondition(QJsonArray &conditions, const QString &type, const QString &status,
                             const QString &reason, const QString &message, const QString &now,
                             bool refreshUpdateTime = false);
    static Counts countReplicas(const QList<ReplicaSet *> &oldRss, const ReplicaSet *newRs);
    static QJsonObject nextStatus(const QJsonObject &deployment, QJsonObject status,
                                  QJsonArray conditions, const QList<ReplicaSet *> &oldRss,
                                  const ReplicaSet *newRs, const Settings &settings, bool created);
    static void setProgressing(QJsonArray &conditions, const Counts &counts,
                               const QJsonObject &previous, const QString &rsName,
                               const Settings &settings, bool created);
    void scale(const QJsonObject &deployment, ReplicaSet &rs, int replicas, int desired,
               int maxSurge);
    void rollingUpdate(const QJsonObject &deployment, ReplicaSet &newRs, QList<ReplicaSet *> oldRss,
                       int replicas, int maxSurge, int maxUnavailable);
    void recreate(const QJsonObject &deployment, ReplicaSet &newRs, QList<ReplicaSet *> oldRss,
                  int replicas, int maxSurge);
    // True while a pod of `replicaSets` has not finished, Terminating ones included.
    bool hasUnfinishedPods(const QList<ReplicaSet *> &replicaSets) const;

    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "podfactory.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <random>

namespace rdsim {

class EventRecorder;
class ObjectStore;
class Requeue;
class VirtualClock;

// The ReplicaSet controller plus the kubelet of the simulated cluster: keeps spec.replicas
// pods per ReplicaSet (creating "<rs>-<5 chars>" pods, deleting not-ready then newest first on
// scale-down), starts them after PodFactory::kStartDelayMs, and reports replicas /
// fullyLabeledReplicas / readyReplicas / availableReplicas / observedGeneration. It also
// garbage-collects ReplicaSets and pods whose controlling owner is gone. Pods are deleted
// gracefully (PodTermination): a Terminating pod, whoever deleted it, no longer counts, is
// replaced at once, and is removed by this controller once its grace period is over.
class ReplicaSetController
{
public:
    ReplicaSetController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                         Requeue &requeue);

    void reconcile();
    // Creates `rs`'s pods already Running and Ready (a revision that was live before the
    // simulation started) and returns the ReplicaSet with its status written.
    QJsonObject startReady(const QJsonObject &rs);

private:
    // A ReplicaSet whose object and pods are unchanged since a sync that found nothing to do,
    // and whose next pod deadline is not due, needs no sync.
    struct Memo
    {
        QByteArray fingerprint;
        qint64 wakeAtMs = 0;
    };
    static QByteArray fingerprint(const QJsonObject &rs, const QList<QJsonObject> &pods);
    QJsonObject sync(const QJsonObject &rs, QList<QJsonObject> pods, bool startNow,
                     Requeue &requeue);
    // What a ReplicaSet's status counts among its pods.
    struct PodCounts
    {
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
    };
    void createMissingPods(const QJsonObject &rs, QList<QJsonObject> &pods, int desired,
                           bool startNow);
    void deleteExcessPods(const QJsonObject &rs, QList<QJsonObject> &pods, int desired);
    // Removes a Terminating pod (of any owner) whose grace period is over; true for any
    // Terminating pod.
    bool finishTermination(const QJsonObject &pod);
    // Starts the pending pods whose start delay is over, then counts the fully labeled,
    // ready and available ones.
    PodCounts countPods(const QJsonObject &rs, QList<QJsonObject> &pods, qint64 nowMs,
                        Requeue &requeue);
    void startWhenDue(QJsonObject &pod, const QString &now, qint64 nowMs, Requeue &requeue);
    QJsonObject writeStatus(const QJsonObject &rs, int replicas, const PodCounts &counts);
    QJsonObject createPod(const QJsonObject &rs, bool startNow);
    QString randomSuffix();

    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
    Requeue &m_requeue;
    PodFactory m_factory;
    std::mt19937 m_random {20240611u};
    QHash<QString, Memo> m_memo; // ReplicaSet uid
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "podfactory.h"

#include <QJsonObject>
#include <QList>

#include <random>

namespace rdsim {

class EventRecorder;
class ObjectStore;
class Requeue;
class VirtualClock;

// The batch/v1 Job controller and the kubelet for its pods (NonIndexed Jobs): fills the
// defaults the API server gives a new Job (selector and the job-name / controller-uid labels,
// completions, parallelism, backoffLimit), keeps up to `parallelism` pods running until
// `completions` succeeded, retries failed pods with the exponential back-off of the real
// controller until `backoffLimit` is exceeded, and writes active / ready / succeeded / failed /
// startTime / completionTime and the SuccessCriteriaMet+Complete or FailureTarget+Failed
// conditions. How a pod ends is up to its template (JobPods). Jobs whose controlling
// AnalysisRun is gone and pods whose Job is gone are deleted, as the garbage collector does;
// pods still running terminate gracefully (PodTermination) and count in status.terminating.
class JobController
{
public:
    JobController(ObjectStore &store, VirtualClock &clock, EventRecorder &events, Requeue &requeue);
    void reconcile();

private:
    struct PodCounts
    {
        int active = 0;
        int ready = 0;
        int succeeded = 0;
        int failed = 0;
        int terminating = 0; // deleted, still running out their grace period
        qint64 lastFailureMs = -1;
    };
    void syncJob(const QJsonObject &job, const QList<QJsonObject> &pods);
    PodCounts runPods(const QList<QJsonObject> &pods);
    void advancePod(QJsonObject &pod);
    void createPods(const QJsonObject &job, int count);
    void deleteActivePods(const QList<QJsonObject> &pods);
    void writeStatus(const QJsonObject &job, const QJsonObject &status);
    void collectGarbage(const QList<QJsonObject> &jobs, const QList<QJsonObject> &pods);

    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
    Requeue &m_requeue;
    PodFactory m_factory;
    std::mt19937 m_random {20261206u};
};

} // namespace rdsim

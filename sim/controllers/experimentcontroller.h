// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rdsim {

class EventRecorder;
class ObjectStore;
class Requeue;
class VirtualClock;

// Runs Experiments as Argo's experiments controller does: one ReplicaSet per template, named
// "<experiment>-<template>", owned by the Experiment, labelled with its pod template hash and
// annotated with the experiment and template names (ReplicaSetController makes the pods);
// once every template is available (status.availableAt) each analysis becomes an AnalysisRun
// "<experiment>-<analysis>" owned by the Experiment; status.templateStatuses,
// status.analysisRuns, phase and message follow ExperimentStatus; `duration` ends it, and a
// finished or terminated experiment scales its ReplicaSets to 0 and terminates its runs.
class ExperimentController
{
public:
    ExperimentController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                         Requeue &requeue);
    void reconcile();

private:
    struct Pass
    {
        QJsonObject experiment;
        QJsonObject status; // being built
        bool terminating = false;
        qint64 nowMs = 0;
        QString now;
    };
    void reconcileExperiment(Pass &pass, const QHash<QString, QJsonObject> &replicaSets);
    QJsonObject reconcileTemplate(Pass &pass, const QJsonObject &spec, QJsonObject rs);
    QJsonObject reconcileAnalysis(Pass &pass, const QJsonObject &analysis);
    QJsonObject createReplicaSet(const Pass &pass, const QJsonObject &spec, int replicas,
                                 QString *hash);
    QJsonObject createRun(const Pass &pass, const QJsonObject &analysis, QString *error);
    void removeOrphans(const QList<QJsonObject> &experiments);
    void writeStatus(const Pass &pass);

    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
    Requeue &m_requeue;
};

} // namespace rdsim

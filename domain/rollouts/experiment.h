// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectmeta.h"
#include "podtemplate.h"
#include "rolloutspec.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// spec.templates[]: one ReplicaSet the experiment runs (the step's ExperimentTemplate names
// stable or canary; the Experiment holds the resolved pod template).
struct ExperimentTemplateSpec
{
    QString name;
    std::optional<qint32> replicas; // nil means 1 (the controller's default)
    PodTemplate podTemplate;

    bool operator==(const ExperimentTemplateSpec &o) const
    {
        return name == o.name && replicas == o.replicas && podTemplate == o.podTemplate;
    }
    bool operator!=(const ExperimentTemplateSpec &o) const { return !(*this == o); }
};

// status.templateStatuses[].
struct ExperimentTemplateStatus
{
    QString name;
    qint32 replicas = 0;
    qint32 updatedReplicas = 0;
    qint32 readyReplicas = 0;
    qint32 availableReplicas = 0;
    QString status; // Progressing, Running, Successful, Failed, Error
    QString message;
    QDateTime lastTransitionTime;
    QString podTemplateHash;

    bool operator==(const ExperimentTemplateStatus &o) const;
    bool operator!=(const ExperimentTemplateStatus &o) const { return !(*this == o); }
};

// status.analysisRuns[]: which AnalysisRun an analysis of spec.analyses became.
struct ExperimentAnalysisRunStatus
{
    QString name;
    QString analysisRun;
    QString phase;
    QString message;

    bool operator==(const ExperimentAnalysisRunStatus &o) const
    {
        return name == o.name && analysisRun == o.analysisRun && phase == o.phase
            && message == o.message;
    }
    bool operator!=(const ExperimentAnalysisRunStatus &o) const { return !(*this == o); }
};

// argoproj.io/v1alpha1 Experiment, as a canary step's experiment creates it (owned by the
// Rollout, its ReplicaSets and AnalysisRuns owned by it).
struct Experiment
{
    ObjectMeta metadata;
    QList<ExperimentTemplateSpec> templates;
    QList<ExperimentAnalysis> analyses; // the step's type (rolloutspec.h)
    QString duration; // a Go duration string ("5m"); empty: until terminated
    bool terminate = false;
    QString phase; // an AnalysisPhase: Pending, Running, Successful, Failed, Error, Inconclusive
    QString message;
    QDateTime availableAt;
    QList<ExperimentTemplateStatus> templateStatuses;
    QList<ExperimentAnalysisRunStatus> analysisRuns;

    // The decoder keeps at most this many templates, analyses and statuses of each list;
    // the controller itself has no limit, but a hand-made object with thousands would only
    // cost memory in every copy of the detail.
    static constexpr int maxListEntries = 64;

    // Annotation rollout.argoproj.io/revision (0 when absent), as the plugin groups by.
    qint64 revision() const;
    // Whether the phase is one the controller no longer changes.
    bool isCompleted() const;

    bool operator==(const Experiment &o) const;
    bool operator!=(const Experiment &o) const { return !(*this == o); }
};

// Annotation experiment.argoproj.io/template-name of a ReplicaSet an Experiment made; empty
// for any other ReplicaSet.
QString experimentTemplateName(const ObjectMeta &replicaSetMetadata);

Q_DECLARE_METATYPE(Experiment)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "condition.h"
#include "objectmeta.h"
#include "podtemplate.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// batch/v1 Job, as an AnalysisRun's job metric creates it (controller-owned by the run,
// labelled analysisrun.argoproj.io/uid with the run's uid).
struct Job
{
    ObjectMeta metadata;
    PodTemplate podTemplate;
    std::optional<qint32> backoffLimit; // nil means 6 (the API's default)
    qint32 active = 0;
    qint32 succeeded = 0;
    qint32 failed = 0;
    QDateTime startTime;
    QDateTime completionTime;
    QList<Condition> conditions;

    // The label the Argo Rollouts job provider puts on its Jobs and their pods.
    static QString analysisRunUidLabel() { return QStringLiteral("analysisrun.argoproj.io/uid"); }
    // The decoder keeps at most this many conditions.
    static constexpr int maxConditions = 32;

    // The uid of the AnalysisRun the Job belongs to: its controller if that is an
    // AnalysisRun, else the label (a Job in another namespace has no owner reference).
    QString analysisRunUid() const;
    // The metric that made it (annotation analysisrun.argoproj.io/metric-name), or empty.
    QString metricName() const;
    // The measurement phase the job provider gives the Job: Successful when the Complete
    // condition is True, Failed when Failed is, else Running (an AnalysisPhase word).
    QString analysisPhase() const;

    bool operator==(const Job &o) const;
    bool operator!=(const Job &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(Job)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "detailrow.h"
#include "job.h"
#include "keyedtreemodel.h"
#include "pod.h"

#include <QDateTime>
#include <QList>

// The AnalysisRuns of a rollout, newest first. A run row shows its phase, a summary of its
// metrics and when it started; each metric row its phase, counts, latest values and when it
// last measured. Below a metric: the message that explains its outcome, its definition (rows
// of label and value: provider, query or URL, conditions, limits with Argo Rollouts' defaults
// made explicit, schedule), then its latest measurements with the rule that judged each, value
// and time. A metric of the run's spec without a result yet is listed as Pending with its
// definition. Messages and definitions span the columns so they can be read whole (the full
// text in the tooltip and CopyRole). Failed and Error are red, Inconclusive amber. A run that
// has not succeeded starts expanded, and so does a metric that failed or was inconclusive.
// Keys: the run's uid, the metric's name, messageKey, the definition's keys, a measurement's
// start time.
class AnalysisRunsModel : public KeyedTreeModel<DetailRow, AnalysisRunsModel>
{
    Q_OBJECT

public:
    enum Column { Name, Phase, Summary, Values, When, Count };
    static constexpr int ColumnCount = Count;
    enum Role {
        // QString, column 0 of a definition row: its label ("Query"); absent on other rows.
        LabelRole = Qt::UserRole + 200,
        // QString, column 0 of a definition row: its value on one line, as displayed.
        ValueRole,
        // QString: what copying a cell gives: a definition's value as written (a query with
        // its line breaks), a message whole, otherwise the cell's text.
        CopyRole,
    };
    // The parts of a metric's definition, in the order they are listed.
    enum class Definition { Provider, Request, Conditions, Limits, Schedule };
    // The key of the message row (no metric name starts with "#").
    static const QString messageKey;
    // How many of a metric's measurements are listed below it, newest first.
    static constexpr int shownMeasurements = 5;

    explicit AnalysisRunsModel(QObject *parent = nullptr);

    // jobsByRunUid: the Jobs of the runs' job metrics, each listed below its metric with its
    // pods (podsByJobUid), keyed "job:<uid>" (ExperimentRows::appendJobs).
    void setRuns(const QList<AnalysisRun> &runs, const QDateTime &now,
                 DetailUpdate how = DetailUpdate::InPlace,
                 const QHash<QString, QList<Job>> &jobsByRunUid = {},
                 const QHash<QString, QList<Pod>> &podsByJobUid = {});

    QModelIndex indexOfRun(const QString &name) const;
    QModelIndex indexOfMetric(const QModelIndex &run, const QString &metric) const;
    // The message row below a run or metric (invalid when it has none).
    QModelIndex indexOfMessage(const QModelIndex &parent) const;
    // A definition row below a metric (invalid when it has none, e.g. no query for a Job).
    QModelIndex indexOfDefinition(const QModelIndex &metric, Definition part) const;

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "detailrow.h"
#include "keyedtreemodel.h"

#include <QDateTime>
#include <QList>

// The AnalysisRuns of a rollout, newest first. A run row shows its phase, a summary of its
// metrics and when it started; each metric row its phase, counts, latest values and when it
// last measured; below a metric, its latest measurements with value and time. The message
// that explains a run's or a metric's outcome is the first row below it, spanning the
// columns so it can be read whole. Failed and Error are red, Inconclusive amber. A run that
// has not succeeded starts expanded, and so does a metric that failed or was inconclusive.
// Keys: the run's uid, the metric's name, messageKey, a measurement's start time.
class AnalysisRunsModel : public KeyedTreeModel<DetailRow, AnalysisRunsModel>
{
    Q_OBJECT

public:
    enum Column { Name, Phase, Summary, Values, When, Count };
    static constexpr int ColumnCount = Count;
    // The key of the message row (no metric name starts with "#").
    static const QString messageKey;
    // How many of a metric's measurements are listed below it, newest first.
    static constexpr int shownMeasurements = 5;

    explicit AnalysisRunsModel(QObject *parent = nullptr);

    void setRuns(const QList<AnalysisRun> &runs, const QDateTime &now,
                 DetailUpdate how = DetailUpdate::InPlace);

    QModelIndex indexOfRun(const QString &name) const;
    QModelIndex indexOfMetric(const QModelIndex &run, const QString &metric) const;
    // The message row below a run or metric (invalid when it has none).
    QModelIndex indexOfMessage(const QModelIndex &parent) const;

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

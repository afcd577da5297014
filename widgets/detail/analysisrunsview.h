// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"

#include <QDateTime>
#include <QList>
#include <QTreeWidget>

// The AnalysisRuns of a rollout, newest first. A run row shows its phase, a summary of its
// metrics and when it started; each metric row its phase, counts, latest values and when it
// last measured; below a metric, its latest measurements with value and time. The message
// that explains a run's or a metric's outcome is the first row below it, across all columns
// so it can be read whole. Failed and Error are red, Inconclusive amber. A run that has not
// succeeded starts expanded, and so does a metric that failed or was inconclusive.
class AnalysisRunsView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { Name, Phase, Summary, Values, When, Count };
    // The key of the message row (no metric name starts with "#").
    static const QString messageKey;
    // How many of a metric's measurements are listed below it, newest first.
    static constexpr int shownMeasurements = 5;

    explicit AnalysisRunsView(QWidget *parent = nullptr);

    void setRuns(const QList<AnalysisRun> &runs, const QDateTime &now);

    QTreeWidgetItem *itemForRun(const QString &name) const;
    static QTreeWidgetItem *itemForMetric(QTreeWidgetItem *run, const QString &metric);
    // The message row below a run or metric, or null when it has none.
    static QTreeWidgetItem *messageItem(QTreeWidgetItem *parent);
};

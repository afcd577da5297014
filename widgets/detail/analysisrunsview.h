// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrunsmodel.h"
#include "detailtreeview.h"

// AnalysisRunsModel's tree: the AnalysisRuns of a rollout, newest first, with their metrics,
// messages and latest measurements. Updated in place, so expansion, selection and scrolling
// survive every refresh.
class AnalysisRunsView : public DetailTreeView
{
    Q_OBJECT

public:
    explicit AnalysisRunsView(QWidget *parent = nullptr);

    AnalysisRunsModel *runsModel() const { return m_model; }
    // The view's rows (invalid when there is none).
    QModelIndex indexOfRun(const QString &name) const;
    QModelIndex indexOfMetric(const QModelIndex &run, const QString &metric) const;
    QModelIndex indexOfMessage(const QModelIndex &parent) const;

private:
    AnalysisRunsModel *m_model;
};

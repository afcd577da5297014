// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrunsmodel.h"
#include "detailtreeview.h"

class QMenu;

// AnalysisRunsModel's tree: the AnalysisRuns of a rollout, newest first, with their metrics,
// messages, definitions and latest measurements. Updated in place, so expansion, selection
// and scrolling survive every refresh. A definition row is drawn as a muted label and its
// value, the values lined up at the Phase column so they read as a table. "Copy" (Ctrl+C,
// and the context menu) copies the current cell whole: a query as written, with its line
// breaks, though the cell elides it; "Copy Row" the row's cells, tab-separated (a message or
// a definition as it reads, "Query: …", whole).
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
    QModelIndex indexOfDefinition(const QModelIndex &metric,
                                  AnalysisRunsModel::Definition part) const;

    // What Copy and Copy Row put on the clipboard for a cell (AnalysisRunsModel::CopyRole).
    static QString copiedText(const QModelIndex &index);
    static QString copiedRow(const QModelIndex &index);
    // The context menu for a cell ("copyCell", "copyRequest" below a metric with a query or
    // URL, "copyRow"), deleted when it closes.
    QMenu *contextMenu(const QModelIndex &index);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    AnalysisRunsModel *m_model;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailtreeview.h"
#include "gatesmodel.h"

class QMenu;

// GatesModel's table: one row per gate, two lines high, the second line of a cell (where the
// gate comes from, the worst point, the change against stable, the window) muted under the
// first. "Copy" (Ctrl+C, and the context menu) copies the current cell whole; "Copy Query"
// and "Copy Stable Query" the queries as sent, which the cells only show in tooltips; "Copy
// Row" the row's cells, tab-separated.
class GatesTreeView : public DetailTreeView
{
    Q_OBJECT

public:
    explicit GatesTreeView(QWidget *parent = nullptr);

    GatesModel *gatesModel() const { return m_model; }
    // What Copy and Copy Row put on the clipboard (GatesModel::CopyRole).
    static QString copiedRow(const QModelIndex &index);
    // The context menu for a cell ("copyCell", "copyQuery", "copyStableQuery", "copyRow"),
    // deleted when it closes.
    QMenu *contextMenu(const QModelIndex &index);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    GatesModel *m_model;
};

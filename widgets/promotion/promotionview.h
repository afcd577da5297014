// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

class PromotionModel;

// The promotion table: a row per workload, a column per environment (PromotionDelegate paints
// the cells). A double-click or Enter on a cell asks for what it shows: the workload in the
// main window, or an application-only cell's application.
class PromotionView : public QTableView
{
    Q_OBJECT
public:
    explicit PromotionView(PromotionModel *model, QWidget *parent = nullptr);

    // Emits the signal the cell asks for; false for the name column or an empty cell.
    bool activate(const QModelIndex &index);

signals:
    void workloadActivated(const QString &environment, const QString &namespaceName,
                           const QString &name);
    void applicationActivated(const QString &applicationKey);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>
#include <QString>

// The environments in the side panel (over an EnvironmentModel). Selecting one narrows the
// fleet table to it; clicking it again, or Escape, shows every environment again.
class EnvironmentListView : public QListView
{
    Q_OBJECT
public:
    explicit EnvironmentListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // The selected environment's name, empty when all are shown.
    QString selectedEnvironment() const;
    // Empty: clears the selection.
    void selectEnvironment(const QString &name);

signals:
    // Empty when the selection was cleared.
    void environmentSelected(const QString &name);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Paints one environment of an EnvironmentModel in two lines: its colour, name and number
// of workloads, then its connection state in the state's colour, with badges for
// insecure TLS and read-only. The tooltip gives the full reason and the last update.
class EnvironmentDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EnvironmentDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The tooltip text of a row (also what accessibility reads).
    static QString toolTip(const QModelIndex &index);
};

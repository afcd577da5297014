// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elidedtooltipdelegate.h"

// The replicas column, compact: "ready/desired" and a thin bar of the ready share (green
// when all are ready); the model's full text (ready, updated, available) is the tooltip.
class ReplicasDelegate : public ElidedToolTipDelegate
{
    Q_OBJECT
public:
    explicit ReplicasDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "3/4" for the row behind index; empty when there is none.
    static QString compactText(const QModelIndex &index);

protected:
    QString toolTipFor(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

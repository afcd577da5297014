// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elidedtooltipdelegate.h"

// The status column of the fleet table: the phase's symbol and name in its colour, then the
// phase message in a quieter colour, elided; the tooltip has both in full. Reads
// FleetModel::PhaseRole, MessageRole and RequiresAttentionRole.
class StatusDelegate : public ElidedToolTipDelegate
{
    Q_OBJECT
public:
    explicit StatusDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    QString toolTipFor(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

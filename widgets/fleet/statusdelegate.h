// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elidedtooltipdelegate.h"

// The status column of the fleet table: the phase's symbol and name in its colour, then the
// phase message in a quieter colour, elided; the tooltip has both in full. Reads
// FleetModel::SituationRole (head bold in the phase colour, the rest quiet), an attention
// marker (AttentionRole) and grey for a stale environment (StaleSinceRole).
class StatusDelegate : public ElidedToolTipDelegate
{
    Q_OBJECT
public:
    explicit StatusDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The "needs attention" marker: a "!" in a red (failed) or amber (waiting) disc; nothing
    // for FleetRow::Attention::None.
    static void paintAttentionMarker(QPainter *painter, const QRectF &rect, int attention);

protected:
    QString toolTipFor(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

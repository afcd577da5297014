// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// A delegate whose tooltip is the cell's full text when the view had to elide it (and the
// model's own Qt::ToolTipRole when it has one), so nothing long is ever out of reach.
class ElidedToolTipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ElidedToolTipDelegate(QObject *parent = nullptr);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    // The tooltip for a cell painted in option.rect; empty for none.
    virtual QString toolTipFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// A PromotionModel cell in two lines: the version (and "→ canary" while one runs) with the
// Argo CD sync mark on the right, then the phase's symbol and word with the gate verdict on
// the right. A stuck canary is tinted red (failed, aborted) or amber (waiting for a person),
// a cell behind the previous environment blue, and a cell ahead of the next environment ends
// in an arrow towards it. The first column (the row's name) is painted as usual.
class PromotionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The colours of the cell's marks, shared with the window's legend.
    static QColor aheadColour();
    static QColor failureColour();
    static QColor waitingColour();

private:
    void paintFirstLine(QPainter *painter, const QRect &line, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const;
    void paintSecondLine(QPainter *painter, const QRect &line, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "elidedtooltipdelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QToolTip>

ElidedToolTipDelegate::ElidedToolTipDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QString ElidedToolTipDelegate::toolTipFor(const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    const QString own = index.data(Qt::ToolTipRole).toString();
    if (!own.isEmpty())
        return own;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.text.isEmpty())
        return QString();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    // The style adds a margin of its own on each side of the text.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    if (opt.fontMetrics.horizontalAdvance(opt.text) <= textRect.width() - 2 * margin)
        return QString();
    return opt.text;
}

bool ElidedToolTipDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                      const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString text = toolTipFor(option, index);
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    QToolTip::showText(event->globalPos(), text, view, option.rect);
    return true;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentchipdelegate.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int padding = 6;
constexpr int markerWidth = 4;
} // namespace

EnvironmentChipDelegate::EnvironmentChipDelegate(QObject *parent) :
    ElidedToolTipDelegate(parent) { }

QSize EnvironmentChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    QSize size = ElidedToolTipDelegate::sizeHint(option, index);
    size.rwidth() += markerWidth + padding;
    return size;
}

void EnvironmentChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const QRect r = opt.rect.adjusted(padding, 0, -padding, 0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_colours.value(name);
    int textLeft = r.left();
    if (colour.isValid()) {
        const int h = opt.fontMetrics.height() - 2;
        const QRectF marker(r.left(), r.center().y() - h / 2.0 + 0.5, markerWidth, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(marker, 1.5, 1.5);
        textLeft += markerWidth + padding;
    }
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect(textLeft, r.top(), r.right() - textLeft, r.height());
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(name, Qt::ElideRight, textRect.width()));
    painter->restore();
}

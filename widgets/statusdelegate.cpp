// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusdelegate.h"

#include "fleetmodel.h"
#include "phasestyle.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int padding = 6;
constexpr int gap = 6;
} // namespace

StatusDelegate::StatusDelegate(QObject *parent) : ElidedToolTipDelegate(parent) { }

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = ElidedToolTipDelegate::sizeHint(option, index);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const QString phase = index.data(FleetModel::PhaseRole).toString();
    size.setWidth(fm.height() + gap + fm.horizontalAdvance(PhaseStyle::displayName(phase))
                  + 2 * padding);
    return size;
}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const QString phase = index.data(FleetModel::PhaseRole).toString();
    const QString message = index.data(FleetModel::MessageRole).toString();
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor highlighted = opt.palette.color(QPalette::HighlightedText);
    QRect r = opt.rect.adjusted(padding, 0, -padding, 0);

    painter->save();
    const int iconSize = opt.fontMetrics.height() - 3;
    PhaseStyle::paintSymbol(
        painter, QRectF(r.left(), r.center().y() - iconSize / 2.0 + 0.5, iconSize, iconSize),
        phase);
    r.setLeft(r.left() + iconSize + gap);

    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    painter->setFont(bold);
    painter->setPen(selected ? highlighted : PhaseStyle::colour(phase));
    const QString head
        = boldFm.elidedText(PhaseStyle::displayName(phase), Qt::ElideRight, std::max(0, r.width()));
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, head);
    const int used = boldFm.horizontalAdvance(head) + gap;
    if (!message.isEmpty() && used < r.width()) {
        r.setLeft(r.left() + used);
        painter->setFont(opt.font);
        // Not opt.palette: the model's foreground (the phase colour) is set in it.
        QColor quiet
            = (opt.widget ? opt.widget->palette() : QApplication::palette()).color(QPalette::Text);
        quiet.setAlphaF(0.6);
        painter->setPen(selected ? highlighted : quiet);
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(message, Qt::ElideRight, r.width()));
    }
    painter->restore();
}

QString StatusDelegate::toolTipFor(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const QString phase = index.data(FleetModel::PhaseRole).toString();
    const QString message = index.data(FleetModel::MessageRole).toString();
    QString text = QStringLiteral("<b>%1</b>").arg(PhaseStyle::displayName(phase).toHtmlEscaped());
    if (!message.isEmpty())
        text += QStringLiteral("<br>") + message.toHtmlEscaped();
    if (index.data(FleetModel::RequiresAttentionRole).toBool())
        text += QStringLiteral("<br><i>%1</i>").arg(tr("Needs attention").toHtmlEscaped());
    return text;
}

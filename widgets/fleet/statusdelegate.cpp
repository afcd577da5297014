// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusdelegate.h"

#include "fleetmodel.h"
#include "phasestyle.h"
#include "rolloutsituation.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int padding = 6;
constexpr int gap = 6;
const QString dash = QStringLiteral(" \u2014 ");

QColor attentionMarkerColour(int attention)
{
    if (attention == int(FleetRow::Attention::Failure))
        return PhaseStyle::colour(QStringLiteral("Degraded"));
    if (attention == int(FleetRow::Attention::WaitingForPerson))
        return PhaseStyle::colour(QStringLiteral("Paused"));
    return QColor();
}
} // namespace

StatusDelegate::StatusDelegate(QObject *parent) : ElidedToolTipDelegate(parent) { }

void StatusDelegate::paintAttentionMarker(QPainter *painter, const QRectF &rect, int attention)
{
    const QColor colour = attentionMarkerColour(attention);
    if (!colour.isValid())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawEllipse(rect);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(6, int(rect.height() * 0.8)));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, QStringLiteral("!"));
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = ElidedToolTipDelegate::sizeHint(option, index);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const QString head
        = RolloutSituationText::split(index.data(FleetModel::SituationRole).toString()).first;
    size.setWidth(2 * (fm.height() + gap) + fm.horizontalAdvance(head) + 2 * padding);
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
    const QDateTime staleSince = index.data(FleetModel::StaleSinceRole).toDateTime();
    const bool stale = staleSince.isValid();
    auto [head, rest]
        = RolloutSituationText::split(index.data(FleetModel::SituationRole).toString());
    if (stale) {
        // The last known situation first (what the person needs), then since when it is
        // not confirmed: all grey.
        const QString since = FleetModel::staleLabel(staleSince);
        rest = rest.isEmpty() ? since : rest + QStringLiteral(" \u00b7 ") + since;
    }
    const int attention = index.data(FleetModel::AttentionRole).toInt();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette palette = opt.widget ? opt.widget->palette() : QApplication::palette();
    const QColor highlighted = opt.palette.color(QPalette::HighlightedText);
    const QColor grey = palette.color(QPalette::Disabled, QPalette::Text);
    QRect r = opt.rect.adjusted(padding, 0, -padding, 0);

    painter->save();
    const int iconSize = opt.fontMetrics.height() - 3;
    const QRectF iconRect(r.left(), r.center().y() - iconSize / 2.0 + 0.5, iconSize, iconSize);
    // The attention marker has its own slot so every row's text starts at the same place.
    if (!stale)
        paintAttentionMarker(painter, iconRect, attention);
    r.setLeft(r.left() + iconSize + gap);
    PhaseStyle::paintSymbol(painter, QRectF(r.left(), iconRect.top(), iconSize, iconSize), phase,
                            stale ? grey : QColor());
    r.setLeft(r.left() + iconSize + gap);

    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    painter->setFont(bold);
    painter->setPen(selected ? highlighted : stale ? grey : PhaseStyle::colour(phase));
    const QString shownHead = boldFm.elidedText(head, Qt::ElideRight, std::max(0, r.width()));
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, shownHead);
    const int used = boldFm.horizontalAdvance(shownHead);
    const QString tail = rest.isEmpty() ? QString() : dash.trimmed() + QLatin1Char(' ') + rest;
    if (!tail.isEmpty() && used + gap < r.width()) {
        r.setLeft(r.left() + used + gap);
        painter->setFont(opt.font);
        // Not opt.palette: the model's foreground (the phase colour) is set in it.
        QColor quiet = palette.color(QPalette::Text);
        quiet.setAlphaF(0.7);
        painter->setPen(selected ? highlighted : stale ? grey : quiet);
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(tail, Qt::ElideRight, r.width()));
    }
    painter->restore();
}

QString StatusDelegate::toolTipFor(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    // The model's tooltip: stale prefix, situation, the attention reason and the
    // disconnection's cause, one per line.
    const QStringList lines = index.data(Qt::ToolTipRole).toString().split(QLatin1Char('\n'));
    QStringList html;
    for (qsizetype i = 0; i < lines.size(); ++i)
        html.append(i == 0 ? QStringLiteral("<b>%1</b>").arg(lines.at(i).toHtmlEscaped())
                           : lines.at(i).toHtmlEscaped());
    const QString phase = index.data(FleetModel::PhaseRole).toString();
    const QString message = index.data(FleetModel::MessageRole).toString();
    html.append(QStringLiteral("<span style=\"color:gray\">%1</span>")
                    .arg((message.isEmpty() ? tr("Phase: %1").arg(phase)
                                            : tr("Phase: %1 (%2)").arg(phase, message))
                             .toHtmlEscaped()));
    return html.join(QStringLiteral("<br>"));
}

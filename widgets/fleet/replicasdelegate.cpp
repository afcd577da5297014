// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasdelegate.h"

#include "fleetmodel.h"
#include "phasestyle.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int padding = 6;
constexpr int barWidth = 36;
} // namespace

ReplicasDelegate::ReplicasDelegate(QObject *parent) : ElidedToolTipDelegate(parent) { }

namespace {
struct Counts
{
    bool known = false;
    int ready = 0;
    int desired = 0;
};

Counts countsOf(const QModelIndex &index)
{
    const QVariant desired = index.data(FleetModel::DesiredReplicasRole);
    if (!desired.isValid())
        return {};
    return {true, index.data(FleetModel::ReadyReplicasRole).toInt(), desired.toInt()};
}
} // namespace

QString ReplicasDelegate::compactText(const QModelIndex &index)
{
    const Counts counts = countsOf(index);
    return counts.known ? QStringLiteral("%1/%2").arg(counts.ready).arg(counts.desired) : QString();
}

QSize ReplicasDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = ElidedToolTipDelegate::sizeHint(option, index);
    size.setWidth(option.fontMetrics.horizontalAdvance(compactText(index)) + barWidth
                  + 3 * padding);
    return size;
}

void ReplicasDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    const Counts counts = countsOf(index);
    if (!counts.known)
        return;

    const bool selected = opt.state & QStyle::State_Selected;
    // A disconnected environment's counts are the last known ones: grey, like the row.
    const bool stale = index.data(FleetModel::StaleSinceRole).toDateTime().isValid();
    const QColor grey = opt.palette.color(QPalette::Disabled, QPalette::Text);
    const QRect r = opt.rect.adjusted(padding, 0, -padding, 0);
    painter->save();
    painter->setPen(selected    ? opt.palette.color(QPalette::HighlightedText)
                        : stale ? grey
                                : opt.palette.color(QPalette::Text));
    const QString text = compactText(index);
    const int textWidth = opt.fontMetrics.horizontalAdvance(text);
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, text);

    const int left = r.left() + textWidth + padding;
    const int width = std::min(barWidth, r.right() - left);
    if (width > 8 && counts.desired > 0) {
        const QRectF bar(left, r.center().y() - 2, width, 4);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        QColor track = opt.palette.color(QPalette::Text);
        track.setAlphaF(0.15);
        painter->setBrush(track);
        painter->drawRoundedRect(bar, 2, 2);
        const qreal share = std::clamp(qreal(counts.ready) / counts.desired, 0.0, 1.0);
        painter->setBrush(stale              ? grey
                              : share >= 1.0 ? PhaseStyle::colour(QStringLiteral("Healthy"))
                                             : PhaseStyle::colour(QStringLiteral("Paused")));
        painter->drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * share, bar.height()),
                                 2, 2);
    }
    painter->restore();
}

QString ReplicasDelegate::toolTipFor(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    return index.data(Qt::DisplayRole).toString();
}

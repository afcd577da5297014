// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagesdelegate.h"

#include "detailstyle.h"

#include "fleetmodel.h"

#include <QApplication>
#include <QPainter>

ImagesDelegate::ImagesDelegate(QObject *parent) : ElidedToolTipDelegate(parent) { }

QString ImagesDelegate::shortName(const QString &image)
{
    // The last path segment; a registry port ("host:5000/...") is before the last '/'.
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? image : image.mid(slash + 1);
}

QString ImagesDelegate::shortText(const QStringList &images)
{
    QStringList parts;
    for (const QString &image : images)
        parts.append(shortName(image));
    return parts.join(QStringLiteral(", "));
}

void ImagesDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    ElidedToolTipDelegate::initStyleOption(option, index);
    const QStringList images = index.data(FleetModel::ImagesRole).toStringList();
    if (!images.isEmpty())
        option->text = shortText(images);
}

void ImagesDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    const QStringList images = index.data(FleetModel::ImagesRole).toStringList();
    const QStringList tags = index.data(FleetModel::ImageTagsRole).toStringList();
    if (tags.size() != images.size() || tags.join(QString()).isEmpty()) {
        ElidedToolTipDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const bool stale = index.data(FleetModel::StaleSinceRole).toDateTime().isValid();
    const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.85);
    const QFontMetrics smallFm(small);
    QRect r = opt.rect.adjusted(4, 0, -4, 0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The new version first (canary, preview): when the column is narrow, what is being
    // rolled out is what must stay in sight.
    QList<qsizetype> order;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const QString first = tags.at(i).section(QLatin1Char(','), 0, 0);
        if (first == QLatin1String("canary") || first == QLatin1String("preview"))
            order.prepend(i);
        else
            order.append(i);
    }
    for (qsizetype i : std::as_const(order)) {
        if (r.width() <= 8)
            break;
        const QString tag = tags.at(i).section(QLatin1Char(','), 0, 0);
        if (!tag.isEmpty()) {
            const QString label = DetailStyle::roleName(tag);
            const int width = smallFm.horizontalAdvance(label) + 8;
            const QRect chip(r.left(), r.center().y() - smallFm.height() / 2, width,
                             smallFm.height());
            const QColor colour = stale ? opt.palette.color(QPalette::Disabled, QPalette::Text)
                                        : DetailStyle::roleColour(tag);
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour);
            painter->drawRoundedRect(chip, 3, 3);
            painter->setFont(small);
            painter->setPen(DetailStyle::textColourOn(colour));
            painter->drawText(chip, Qt::AlignCenter, label);
            r.setLeft(chip.right() + 5);
        }
        painter->setFont(opt.font);
        painter->setPen(stale && !selected ? opt.palette.color(QPalette::Disabled, QPalette::Text)
                                           : text);
        const QString name
            = opt.fontMetrics.elidedText(shortName(images.at(i)), Qt::ElideMiddle, r.width());
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, name);
        r.setLeft(r.left() + opt.fontMetrics.horizontalAdvance(name) + 12);
    }
    painter->restore();
}

QString ImagesDelegate::toolTipFor(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const QStringList images = index.data(FleetModel::ImagesRole).toStringList();
    const QStringList tags = index.data(FleetModel::ImageTagsRole).toStringList();
    QStringList lines;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const QString tag = i < tags.size() ? tags.at(i) : QString();
        lines.append(tag.isEmpty()
                         ? images.at(i)
                         : tr("%1 (%2)").arg(
                             images.at(i), tag.split(QLatin1Char(',')).join(QStringLiteral(", "))));
    }
    return lines.join(QLatin1Char('\n'));
}

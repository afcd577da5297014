// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagesdelegate.h"

#include "fleetmodel.h"

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

QString ImagesDelegate::toolTipFor(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    return index.data(FleetModel::ImagesRole).toStringList().join(QLatin1Char('\n'));
}

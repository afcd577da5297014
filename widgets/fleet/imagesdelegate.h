// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elidedtooltipdelegate.h"

#include <QStringList>

// The images column without the registry and repository path, which is the same for every
// image of a workload and pushes the version out of sight: "checkout:1.4.1, checkout:1.4.2",
// each after a chip with its role (stable, canary, active, preview) so the canary's version
// is seen at once. The tooltip lists the full references with their roles.
class ImagesDelegate : public ElidedToolTipDelegate
{
    Q_OBJECT
public:
    explicit ImagesDelegate(QObject *parent = nullptr);

    // "ghcr.io/acme/checkout:1.4.2" -> "checkout:1.4.2"; a digest stays on the name.
    static QString shortName(const QString &image);
    static QString shortText(const QStringList &images);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    QString toolTipFor(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elidedtooltipdelegate.h"

#include <QColor>
#include <QHash>
#include <QString>

// The environment column: the environment's colour as a small rounded marker before its
// name, so prod rows are recognisable at a glance.
class EnvironmentChipDelegate : public ElidedToolTipDelegate
{
    Q_OBJECT
public:
    explicit EnvironmentChipDelegate(QObject *parent = nullptr);

    void setColours(const QHash<QString, QColor> &colours) { m_colours = colours; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QHash<QString, QColor> m_colours;
};

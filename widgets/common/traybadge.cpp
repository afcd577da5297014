// SPDX-License-Identifier: GPL-3.0-or-later
#include "traybadge.h"

#include "phasestyle.h"

#include <QPainter>
#include <QPixmap>

QIcon TrayBadge::icon(const QIcon &base, const QString &phase)
{
    if (phase.isEmpty())
        return base;
    QIcon icon;
    // Panels ask for 16 to 48 px (22 and 24 on many); each size drawn, not scaled down.
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(QSize(size, size));
        if (pixmap.isNull()) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Qt::transparent);
        }
        pixmap.setDevicePixelRatio(1.0);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        // At 16 px a smaller badge would be a smudge: it takes more of the icon there.
        const qreal side = size <= 16 ? size * 0.68 : size * 0.56;
        const QRectF badge(size - side, size - side, side, side);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(badge);
        const qreal ring = std::max(1.0, side / 10);
        PhaseStyle::paintSymbol(&painter, badge.adjusted(ring, ring, -ring, -ring), phase);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "phasestyle.h"

#include "themecolours.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace {
// Chosen to stay readable on a light background and for common colour blindness (the
// symbol carries the meaning too); ThemeColours lightens them on a dark palette.
QColor colourOnLight(const QString &phase)
{
    if (phase == QLatin1String("Healthy"))
        return QColor(0x1e, 0x88, 0x4a);
    if (phase == QLatin1String("Progressing"))
        return QColor(0x1f, 0x6f, 0xc5);
    if (phase == QLatin1String("Paused"))
        return QColor(0xc2, 0x7c, 0x0e);
    if (phase == QLatin1String("Degraded"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x75, 0x75, 0x75);
}
} // namespace

QColor PhaseStyle::colour(const QString &phase)
{
    return ThemeColours::foreground(colourOnLight(phase));
}

QColor PhaseStyle::attentionColour()
{
    return ThemeColours::foreground(QColor(0xc6, 0x28, 0x28));
}

void PhaseStyle::paintSymbol(QPainter *painter, const QRectF &rect, const QString &phase,
                             const QColor &colour)
{
    const QColor c = colour.isValid() ? colour : PhaseStyle::colour(phase);
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    const qreal pen = std::max(1.5, side / 8);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (phase == QLatin1String("Progressing")) {
        // A ring with a gap: something is moving.
        painter->setPen(QPen(c, pen, Qt::SolidLine, Qt::RoundCap));
        painter->setBrush(Qt::NoBrush);
        const QRectF ring = r.adjusted(pen, pen, -pen, -pen);
        painter->drawArc(ring, 100 * 16, 300 * 16);
        painter->restore();
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    painter->drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
    QPen mark(Qt::white, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(mark);
    painter->setBrush(Qt::NoBrush);
    const qreal x = r.left();
    const qreal y = r.top();
    const qreal s = side;
    if (phase == QLatin1String("Healthy")) {
        const QPointF tick[] = {{x + s * 0.28, y + s * 0.52},
                                {x + s * 0.44, y + s * 0.68},
                                {x + s * 0.72, y + s * 0.36}};
        painter->drawPolyline(tick, 3);
    } else if (phase == QLatin1String("Paused")) {
        painter->drawLine(QPointF(x + s * 0.39, y + s * 0.3), QPointF(x + s * 0.39, y + s * 0.7));
        painter->drawLine(QPointF(x + s * 0.61, y + s * 0.3), QPointF(x + s * 0.61, y + s * 0.7));
    } else if (phase == QLatin1String("Degraded")) {
        painter->drawLine(QPointF(x + s * 0.33, y + s * 0.33), QPointF(x + s * 0.67, y + s * 0.67));
        painter->drawLine(QPointF(x + s * 0.67, y + s * 0.33), QPointF(x + s * 0.33, y + s * 0.67));
    } else {
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(std::max(6, int(s * 0.7)));
        painter->setFont(font);
        painter->drawText(r, Qt::AlignCenter, QStringLiteral("?"));
    }
    painter->restore();
}

QString PhaseStyle::displayName(const QString &phase)
{
    if (phase == QLatin1String("Healthy"))
        return tr("Healthy");
    if (phase == QLatin1String("Progressing"))
        return tr("Progressing");
    if (phase == QLatin1String("Paused"))
        return tr("Paused");
    if (phase == QLatin1String("Degraded"))
        return tr("Degraded");
    if (phase.isEmpty())
        return tr("Unknown");
    return phase;
}

QIcon PhaseStyle::icon(const QString &phase, int size)
{
    // Reused, not drawn again: a new QIcon per call (the detail pane asks on every update)
    // leaves a new scaled pixmap in QPixmapCache each time.
    static QHash<QString, QIcon> cache; // GUI thread; phases x sizes x themes
    const QString key = QStringLiteral("%1/%2/%3").arg(phase).arg(size).arg(colour(phase).rgba());
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    const qreal ratio = 2.0; // crisp on high-density screens too
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintSymbol(&painter, QRectF(0, 0, size, size), phase);
    painter.end();
    const QIcon icon(pixmap);
    // Unknown phases are shown with "?", but their names are the server's: bound the cache.
    if (cache.size() < 256)
        cache.insert(key, icon);
    return icon;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatestyle.h"

#include "themecolours.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace {
QColor colourOnLight(ConnectionState::Kind kind)
{
    switch (kind) {
    case ConnectionState::Live:
        return QColor(0x1e, 0x88, 0x4a);
    case ConnectionState::Connecting:
        return QColor(0x1f, 0x6f, 0xc5);
    case ConnectionState::Retrying:
        return QColor(0xc2, 0x7c, 0x0e);
    case ConnectionState::Unauthorized:
    case ConnectionState::Forbidden:
    case ConnectionState::Unreachable:
    case ConnectionState::ConfigError:
        return QColor(0xc6, 0x28, 0x28);
    }
    return QColor(0x75, 0x75, 0x75);
}
} // namespace

QColor ConnectionStateStyle::colour(ConnectionState::Kind kind)
{
    return ThemeColours::foreground(colourOnLight(kind));
}

QString ConnectionStateStyle::label(const ConnectionState &state)
{
    QString text;
    switch (state.kind) {
    case ConnectionState::Connecting:
        return tr("Connecting…");
    case ConnectionState::Live:
        return tr("Live");
    case ConnectionState::Retrying:
        return state.retryInSeconds > 0 ? tr("Retrying in %1 s").arg(state.retryInSeconds)
                                        : tr("Retrying");
    case ConnectionState::ConfigError:
        return tr("Configuration error");
    case ConnectionState::Unauthorized:
        text = tr("Unauthorized");
        break;
    case ConnectionState::Forbidden:
        text = tr("Forbidden");
        break;
    case ConnectionState::Unreachable:
        text = tr("Unreachable");
        break;
    }
    // These keep retrying too, more slowly.
    if (state.retryInSeconds > 0)
        text = tr("%1, retrying in %2 s").arg(text).arg(state.retryInSeconds);
    return text;
}

QString ConnectionStateStyle::description(const ConnectionState &state)
{
    const QString text = label(state);
    return state.reason.isEmpty() ? text : tr("%1: %2").arg(text, state.reason);
}

QIcon ConnectionStateStyle::icon(ConnectionState::Kind kind, int size)
{
    // One icon per look, reused: the environment list paints this on every repaint, and a
    // new QIcon each time put a new scaled pixmap into QPixmapCache each time (the soak's
    // slow memory creep, 0.4 MiB a minute until the cache's 10 MiB were full of them).
    const QColor c = colour(kind);
    static QHash<QString, QIcon> cache; // GUI thread; kinds x sizes x themes
    const QString key = QStringLiteral("%1/%2/%3").arg(int(kind)).arg(size).arg(c.rgba());
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    const qreal ratio = 2.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r(1.5, 1.5, size - 3, size - 3);
    if (kind == ConnectionState::Connecting || kind == ConnectionState::Retrying) {
        painter.setPen(QPen(c, 2));
        painter.setBrush(Qt::NoBrush);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(c);
    }
    painter.drawEllipse(r);
    painter.end();
    const QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
}

QString ConnectionStateStyle::insecureWarning()
{
    return tr("TLS verification is off for this context (insecure-skip-tls-verify): the "
              "server's identity is not checked.");
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailstyleproxy.h"

#include "detailroles.h"
#include "detailstyle.h"
#include "phasestyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QWidget>

namespace {

// A step marker, painted (as PhaseStyle's symbols are) so it looks the same everywhere: an
// arrow for the current step, a tick for a completed one; nothing for blankSymbol, which
// keeps the room of a symbol so every row has the same height.
QPixmap markerPixmap(const QString &symbol, const QColor &colour, int size)
{
    QPixmap pixmap(QSize(size, size) * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    if (symbol == QLatin1String(DetailRoles::blankSymbol))
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 14.0, size / 14.0);
    if (symbol == QLatin1String(DetailRoles::markerCurrent)) {
        QPainterPath arrow;
        arrow.moveTo(3, 2);
        arrow.lineTo(12, 7);
        arrow.lineTo(3, 12);
        arrow.closeSubpath();
        painter.fillPath(arrow, colour);
    } else {
        painter.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF tick[] = {{3, 7.5}, {6, 10.5}, {11.5, 4}};
        painter.drawPolyline(tick, 3);
    }
    return pixmap;
}

} // namespace

DetailStyleProxy::DetailStyleProxy(QWidget *paletteSource) :
    QIdentityProxyModel(paletteSource), m_paletteSource(paletteSource)
{ }

QIcon DetailStyleProxy::symbolIcon(const QString &symbol, const QColor &colour, int size)
{
    if (symbol.isEmpty())
        return QIcon();
    const bool marker = symbol == QLatin1String(DetailRoles::markerCurrent)
        || symbol == QLatin1String(DetailRoles::markerDone)
        || symbol == QLatin1String(DetailRoles::blankSymbol);
    if (!marker)
        return PhaseStyle::icon(symbol, size); // cached there
    // The same QIcon for the same marker: views compare icons by cache key. Cleared with the
    // application: pixmaps must not outlive it.
    static QHash<QString, QIcon> cache;
    static const bool cleanup = [] {
        qAddPostRoutine([] { cache.clear(); });
        return true;
    }();
    Q_UNUSED(cleanup)
    const QString key = QStringLiteral("%1/%2/%3").arg(symbol, colour.name()).arg(size);
    auto it = cache.constFind(key);
    if (it == cache.constEnd())
        it = cache.insert(key, QIcon(markerPixmap(symbol, colour, size)));
    return *it;
}

QVariant DetailStyleProxy::data(const QModelIndex &index, int role) const
{
    // Views ask for every role of every visible cell: the palette only when a tone is set.
    const auto colourOf = [&](int toneRole) {
        const QVariant tone = QIdentityProxyModel::data(index, toneRole);
        if (!tone.isValid())
            return QColor();
        return DetailStyle::toneColour(DetailRoles::Tone(tone.toInt()),
                                       m_paletteSource ? m_paletteSource->palette() : QPalette());
    };
    switch (role) {
    case Qt::ForegroundRole: {
        const QColor colour = colourOf(DetailRoles::ToneRole);
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case Qt::BackgroundRole: {
        const QVariant tint = QIdentityProxyModel::data(index, DetailRoles::TintRole);
        if (!tint.isValid())
            return QVariant();
        return DetailRoles::Tone(tint.toInt()) == DetailRoles::Tone::Warning
            ? DetailStyle::warningTint()
            : DetailStyle::failedTint();
    }
    case Qt::DecorationRole: {
        const QString symbol = QIdentityProxyModel::data(index, DetailRoles::SymbolRole).toString();
        if (symbol.isEmpty())
            return QVariant();
        return symbolIcon(symbol, colourOf(DetailRoles::SymbolToneRole));
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

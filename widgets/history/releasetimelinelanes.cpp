// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTimelinePainter's colours, its lanes below the weights (actions, measurements,
// events), the legend and the tooltips.
#include "releasecompare.h"
#include "releasereportbuilder.h"
#include "releasetimelinepainter.h"
#include "themecolours.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

// The same hue lightened until it reads on a dark background; colours are chosen for light.
QColor readable(const QColor &forLight, const QPalette &palette)
{
    if (!ThemeColours::isDark(palette) && palette.color(QPalette::Base).lightness() >= 128)
        return forLight;
    const QColor hsl = forLight.toHsl();
    return QColor::fromHsl(hsl.hslHue(), hsl.hslSaturation(), std::max(hsl.lightness(), 165))
        .toRgb();
}

QColor mix(const QColor &a, const QColor &b, qreal share)
{
    return QColor::fromRgbF(a.redF() * (1 - share) + b.redF() * share,
                            a.greenF() * (1 - share) + b.greenF() * share,
                            a.blueF() * (1 - share) + b.blueF() * share);
}

} // namespace

ReleaseTimelinePainter::Colours ReleaseTimelinePainter::colours(const QPalette &palette)
{
    Colours c;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.muted = mix(c.background, c.text, 0.62);
    c.grid = mix(c.background, c.text, 0.2);
    c.desired = readable(QColor(0x2e, 0x86, 0xc1), palette);
    c.actual = readable(QColor(0xe6, 0x7e, 0x22), palette);
    c.pause = readable(QColor(0xb9, 0x77, 0x0e), palette);
    c.action = readable(QColor(0x8e, 0x44, 0xad), palette);
    c.warning = readable(QColor(0xc0, 0x39, 0x2b), palette);
    return c;
}

QColor ReleaseTimelinePainter::phaseColour(const QString &phase, const QPalette &palette)
{
    if (phase == QLatin1String("Successful"))
        return readable(QColor(0x2e, 0x9d, 0x5b), palette);
    if (phase == QLatin1String("Failed"))
        return readable(QColor(0xc0, 0x39, 0x2b), palette);
    if (phase == QLatin1String("Inconclusive"))
        return readable(QColor(0xd6, 0x89, 0x10), palette);
    return readable(QColor(0x7f, 0x8c, 0x8d), palette); // Error, Running, unknown
}

void ReleaseTimelinePainter::paintActions(QPainter *painter, const Geometry &g,
                                          const Colours &c) const
{
    const QFontMetricsF fm(painter->font(), painter->device());
    std::array<qreal, 2> freeFrom {g.plot.left() - g.line * 10, g.plot.left() - g.line * 10};
    QList<ReleaseAction> actions = m_timeline.actions;
    std::stable_sort(
        actions.begin(), actions.end(),
        [](const ReleaseAction &a, const ReleaseAction &b) { return a.time < b.time; });
    for (const ReleaseAction &a : std::as_const(actions)) {
        const qreal x = xOf(a.time, g.plot);
        painter->setPen(QPen(c.action, g.line * 0.08));
        painter->drawLine(QPointF(x, g.plot.top()), QPointF(x, g.actionRow.top() + g.line * 0.2));
        const qreal s = g.line * 0.3;
        painter->setBrush(c.action);
        painter->drawPolygon(QPolygonF({QPointF(x - s, g.plot.top()), QPointF(x + s, g.plot.top()),
                                        QPointF(x, g.plot.top() + s * 1.4)}));
        // Two rows of labels; a label that fits neither is left to the tooltip.
        // An attempt that changed nothing says so ("alice: abort (denied)").
        const bool done
            = a.source == ReleaseAction::Source::Observed || a.result == QLatin1String("succeeded");
        const QString what = done ? a.action : tr("%1 (%2)").arg(a.action, a.result);
        const QString label
            = fm.elidedText(tr("%1: %2").arg(ReleaseReportBuilder::actorText(a), what),
                            Qt::ElideMiddle, g.plot.width() * 0.35);
        const qreal w = fm.horizontalAdvance(label);
        const qreal left = std::clamp(x - w / 2, g.plot.left() - g.line * 2, g.plot.right() - w);
        for (int row = 0; row < 2; ++row) {
            if (left < freeFrom.at(row))
                continue;
            painter->setPen(c.action);
            painter->drawText(QRectF(left, g.actionRow.top() + g.line * (0.2 + row), w + 1, g.line),
                              Qt::AlignLeft | Qt::AlignVCenter, label);
            freeFrom.at(row) = left + w + g.line * 0.5;
            break;
        }
    }
}

void ReleaseTimelinePainter::paintLane(QPainter *painter, const Geometry &g, const Colours &c,
                                       const QRectF &lane, const QString &label) const
{
    painter->setPen(QPen(c.grid, 0));
    painter->drawLine(QPointF(lane.left(), lane.center().y()),
                      QPointF(lane.right(), lane.center().y()));
    painter->setPen(c.text);
    const QFontMetricsF fm(painter->font(), painter->device());
    const qreal labelWidth = lane.left() - g.legendRow.left() - g.line * 0.4;
    painter->drawText(QRectF(g.legendRow.left(), lane.top(), labelWidth, lane.height()),
                      Qt::AlignRight | Qt::AlignVCenter,
                      fm.elidedText(label, Qt::ElideMiddle, labelWidth));
}

void ReleaseTimelinePainter::paintMeasurements(QPainter *painter, const Geometry &g,
                                               const Colours &c, const QPalette &palette) const
{
    for (qsizetype i = 0; i < g.metricLanes.size(); ++i)
        paintLane(painter, g, c, g.metricLanes.at(i), m_metrics.at(i));
    const qreal radius = g.line * 0.27;
    for (const ReleaseMeasurement &m : m_timeline.measurements) {
        const int lane = metricLane(m.metric);
        if (lane < 0)
            continue;
        const QPointF centre(xOf(ReleaseCompare::measurementTime(m), g.plot),
                             g.metricLanes.at(lane).center().y());
        // A ring in the background colour keeps dots apart where they crowd.
        painter->setPen(QPen(c.background, g.line * 0.06));
        painter->setBrush(phaseColour(m.phase, palette));
        painter->drawEllipse(centre, radius, radius);
    }
}

void ReleaseTimelinePainter::paintEvents(QPainter *painter, const Geometry &g,
                                         const Colours &c) const
{
    if (m_timeline.events.isEmpty())
        return;
    const QRectF lane = g.eventLane;
    painter->setPen(c.text);
    painter->drawText(QRectF(g.legendRow.left(), lane.top(),
                             lane.left() - g.legendRow.left() - g.line * 0.4, lane.height()),
                      Qt::AlignRight | Qt::AlignVCenter, tr("events"));
    // Normal events first, so a warning at the same moment is drawn on top.
    for (bool warnings : {false, true}) {
        for (const ReleaseEvent &e : m_timeline.events) {
            if ((e.type == QLatin1String("Warning")) != warnings)
                continue;
            const qreal x = xOf(e.firstSeen.isValid() ? e.firstSeen : e.lastSeen, g.plot);
            painter->setPen(warnings ? QPen(c.warning, g.line * 0.14, Qt::SolidLine, Qt::FlatCap)
                                     : QPen(c.muted, g.line * 0.07, Qt::SolidLine, Qt::FlatCap));
            painter->drawLine(QPointF(x, lane.top() + lane.height() * 0.2),
                              QPointF(x, lane.bottom() - lane.height() * 0.2));
        }
    }
}

void ReleaseTimelinePainter::paintLegend(QPainter *painter, const Geometry &g, const Colours &c,
                                         const QPalette &palette) const
{
    const QFontMetricsF fm(painter->font(), painter->device());
    const qreal y = g.legendRow.center().y();
    qreal x = g.legendRow.left() + g.line * 0.5;
    const auto item = [&](const QString &text, const auto &symbol) {
        const qreal needed = g.line * 1.5 + fm.horizontalAdvance(text);
        if (x + needed > g.legendRow.right())
            return; // too narrow: the rest of the legend is left out, not overlapped
        symbol(QRectF(x, y - g.line * 0.4, g.line * 1.2, g.line * 0.8));
        painter->setPen(c.text);
        painter->drawText(QRectF(x + g.line * 1.4, g.legendRow.top(), needed, g.legendRow.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        x += needed + g.line * 0.9;
    };
    const auto line = [&](const QPen &pen) {
        return [painter, pen](const QRectF &r) {
            painter->setPen(pen);
            painter->drawLine(QPointF(r.left(), r.center().y()),
                              QPointF(r.right(), r.center().y()));
        };
    };
    item(tr("actual weight"), line(QPen(c.actual, g.line * 0.14)));
    item(tr("desired weight"), line(QPen(c.desired, g.line * 0.1, Qt::DashLine)));
    QColor band = c.pause;
    band.setAlpha(50);
    item(tr("paused"), [&](const QRectF &r) { painter->fillRect(r, band); });
    item(tr("action"), [&](const QRectF &r) {
        painter->setPen(QPen(c.action, g.line * 0.08));
        painter->drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()));
    });
    const auto dot = [&](const QString &phase) {
        return [&, phase](const QRectF &r) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(phaseColour(phase, palette));
            painter->drawEllipse(r.center(), g.line * 0.27, g.line * 0.27);
        };
    };
    item(tr("passed"), dot(QStringLiteral("Successful")));
    item(tr("failed"), dot(QStringLiteral("Failed")));
    item(tr("inconclusive"), dot(QStringLiteral("Inconclusive")));
    item(tr("error"), dot(QStringLiteral("Error")));
    item(tr("warning"), [&](const QRectF &r) {
        painter->setPen(QPen(c.warning, g.line * 0.14));
        painter->drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()));
    });
}

QString ReleaseTimelinePainter::toolTipAt(const QRectF &rect, const QFont &font,
                                          const QPointF &pos) const
{
    if (!m_hasTime || !rect.contains(pos))
        return QString();
    const Geometry g = geometry(rect, font, nullptr);
    if (const QString gate = gateToolTip(g, pos); !gate.isEmpty())
        return gate;
    const qreal near = g.line * 0.45;
    for (const ReleaseMeasurement &m : m_timeline.measurements) {
        const int lane = metricLane(m.metric);
        if (lane < 0 || !g.metricLanes.at(lane).contains(pos)
            || std::abs(xOf(ReleaseCompare::measurementTime(m), g.plot) - pos.x()) > near)
            continue;
        return tr("%1 = %2 (%3)\n%4\nsuccess: %5\nfailure: %6")
            .arg(m.metric, m.value, m.phase,
                 ReleaseCompare::timeText(ReleaseCompare::measurementTime(m)),
                 m.successCondition.isEmpty() ? QStringLiteral("—") : m.successCondition,
                 m.failureCondition.isEmpty() ? QStringLiteral("—") : m.failureCondition);
    }
    for (const ReleaseEvent &e : m_timeline.events) {
        const QDateTime time = e.firstSeen.isValid() ? e.firstSeen : e.lastSeen;
        if (g.eventLane.contains(pos) && std::abs(xOf(time, g.plot) - pos.x()) <= near)
            return tr("%1 %2 (%3)\n%4")
                .arg(e.type, e.reason, ReleaseCompare::timeText(time), e.message);
    }
    const bool markerArea = pos.y() >= g.plot.top() && pos.y() <= g.actionRow.bottom();
    for (const ReleaseAction &a : m_timeline.actions) {
        if (markerArea && std::abs(xOf(a.time, g.plot) - pos.x()) <= near)
            return tr("%1: %2 by %3 %4")
                .arg(ReleaseCompare::timeText(a.time), a.action, ReleaseReportBuilder::actorText(a),
                     a.result)
                .trimmed();
    }
    if (!g.plot.contains(pos))
        return QString();
    const qreal share = (pos.x() - g.plot.left()) / std::max<qreal>(1, g.plot.width());
    return transitionToolTip(m_startMs + qint64(std::llround(share * (m_endMs - m_startMs))));
}

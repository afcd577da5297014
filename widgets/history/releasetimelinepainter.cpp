// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasetimelinepainter.h"

#include "charttimeticks.h"
#include "releasecompare.h"
#include "releasereportbuilder.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {

// More metrics than this share the last lane, so the weights keep most of the height.
constexpr int maxMetricLanes = 6;
constexpr qint64 minimumSpanMs = 60 * 1000;

void collectTimes(const ReleaseTimeline &t, QList<qint64> *times)
{
    const auto add = [times](const QDateTime &time) {
        if (time.isValid())
            times->append(time.toMSecsSinceEpoch());
    };
    for (const ReleaseTransition &x : t.transitions)
        add(x.time);
    for (const ReleaseAction &a : t.actions)
        add(a.time);
    for (const ReleaseAnalysisRun &r : t.analysisRuns) {
        add(r.startedAt);
        add(r.completedAt);
    }
    for (const ReleaseMeasurement &m : t.measurements)
        add(ReleaseCompare::measurementTime(m));
    for (const ReleaseEvent &e : t.events) {
        add(e.firstSeen);
        add(e.lastSeen);
    }
    for (const ReleaseGateEvaluation &g : t.gates)
        add(g.evaluatedAt);
}

} // namespace

ReleaseTimelinePainter::ReleaseTimelinePainter(const ReleaseTimeline &timeline)
{
    setTimeline(timeline);
}

void ReleaseTimelinePainter::setTimeline(const ReleaseTimeline &timeline)
{
    m_timeline = timeline;
    m_timeline.actions = actionsSeenOnce(timeline.actions);
    m_transitions = ReleaseCompare::orderedTransitions(timeline.transitions);
    m_metrics.clear();
    for (const ReleaseMeasurement &m : timeline.measurements) {
        if (!m_metrics.contains(m.metric))
            m_metrics.append(m.metric);
    }
    if (m_metrics.size() > maxMetricLanes) {
        m_metrics = m_metrics.mid(0, maxMetricLanes - 1);
        m_metrics.append(tr("other metrics"));
    }
    buildGateLanes();
    QList<qint64> times;
    collectTimes(timeline, &times);
    const ReleaseSummary &s = timeline.summary;
    m_hasTime = s.startedAt.isValid() || s.endedAt.isValid() || !times.isEmpty();
    if (!m_hasTime) {
        m_startMs = m_endMs = 0;
        return;
    }
    const auto [low, high] = std::minmax_element(times.cbegin(), times.cend());
    const bool any = !times.isEmpty();
    // The release's own start and end when known; else (in progress, or never seen to start)
    // the first and last thing recorded.
    m_startMs = s.startedAt.isValid() ? s.startedAt.toMSecsSinceEpoch()
                                      : (any ? *low : s.endedAt.toMSecsSinceEpoch());
    m_endMs = s.endedAt.isValid() ? s.endedAt.toMSecsSinceEpoch() : (any ? *high : m_startMs);
    if (m_endMs < m_startMs) // an end before the start: show what was recorded after it
        m_endMs = any ? std::max(*high, m_startMs) : m_startMs;
    if (m_endMs - m_startMs < minimumSpanMs)
        m_endMs = m_startMs + minimumSpanMs;
}

QFont ReleaseTimelinePainter::labelFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.85);
    else
        small.setPixelSize(std::max(6, int(font.pixelSize() * 0.85)));
    return small;
}

ReleaseTimelinePainter::Geometry
ReleaseTimelinePainter::geometry(const QRectF &rect, const QFont &font, QPaintDevice *device) const
{
    const QFontMetricsF fm(labelFont(font), device);
    Geometry g;
    g.line = fm.height();
    qreal gutter = std::max(fm.horizontalAdvance(QStringLiteral("100 %")),
                            fm.horizontalAdvance(tr("events")));
    for (const QString &metric : m_metrics)
        gutter = std::max(gutter, std::min(fm.horizontalAdvance(metric), rect.width() * 0.2));
    for (const GateLane &gate : m_gateLanes)
        gutter = std::max(gutter, std::min(fm.horizontalAdvance(gate.label), rect.width() * 0.2));
    gutter += g.line * 0.6;
    const qreal left = rect.left() + gutter;
    const qreal width = std::max<qreal>(1, rect.width() - gutter - g.line * 0.8);
    const qreal actionHeight = m_timeline.actions.isEmpty() ? g.line * 0.4 : g.line * 2.4;
    const qreal laneHeight = g.line * 1.3;
    const qreal fixed = g.line * 1.4 + actionHeight
        + laneHeight * qreal(m_gateLanes.size() + m_metrics.size())
        + (m_timeline.events.isEmpty() ? 0 : laneHeight) + g.line * 1.5 + g.line * 1.5;
    const qreal plotHeight = std::max(g.line * 3, rect.height() - fixed);
    qreal y = rect.top() + g.line * 0.1;
    const auto row = [&](qreal height) {
        const QRectF r(left, y, width, height);
        y += height;
        return r;
    };
    g.stepRow = row(g.line * 1.3);
    g.plot = row(plotHeight);
    g.actionRow = row(actionHeight);
    for (int i = 0; i < m_gateLanes.size(); ++i)
        g.gateLanes.append(row(laneHeight));
    for (int i = 0; i < m_metrics.size(); ++i)
        g.metricLanes.append(row(laneHeight));
    g.eventLane = row(m_timeline.events.isEmpty() ? 0 : laneHeight);
    g.axisRow = row(g.line * 1.5);
    g.legendRow = QRectF(rect.left(), y, rect.width(), g.line * 1.5);
    return g;
}

qreal ReleaseTimelinePainter::preferredHeight(const QFont &font, QPaintDevice *device) const
{
    const Geometry g = geometry(QRectF(0, 0, 800, 0), font, device);
    return g.legendRow.bottom() + g.line * 9;
}

qint64 ReleaseTimelinePainter::clampedMs(const QDateTime &time) const
{
    if (!time.isValid())
        return m_startMs;
    return std::clamp(time.toMSecsSinceEpoch(), m_startMs, m_endMs);
}

qreal ReleaseTimelinePainter::xOf(const QDateTime &time, const QRectF &plot) const
{
    const qint64 span = std::max<qint64>(1, m_endMs - m_startMs);
    return plot.left() + plot.width() * qreal(clampedMs(time) - m_startMs) / qreal(span);
}

int ReleaseTimelinePainter::metricLane(const QString &metric) const
{
    const int index = int(m_metrics.indexOf(metric));
    return index >= 0 ? index : int(m_metrics.size()) - 1;
}

void ReleaseTimelinePainter::paint(QPainter *painter, const QRectF &rect,
                                   const QPalette &palette) const
{
    if (!painter || !rect.isValid())
        return;
    painter->save();
    painter->setClipRect(rect);
    painter->setRenderHint(QPainter::Antialiasing);
    const Colours c = colours(palette);
    painter->fillRect(rect, c.background);
    const QFont font = painter->font();
    painter->setFont(labelFont(font));
    if (!m_hasTime) {
        paintEmpty(painter, rect, c);
        painter->restore();
        return;
    }
    const Geometry g = geometry(rect, font, painter->device());
    paintGrid(painter, g, c);
    paintPauses(painter, g, c);
    paintSteps(painter, g, c);
    paintWeights(painter, g, c);
    paintActions(painter, g, c);
    paintGates(painter, g, c, palette);
    paintMeasurements(painter, g, c, palette);
    paintEvents(painter, g, c);
    paintLegend(painter, g, c, palette);
    painter->restore();
}

void ReleaseTimelinePainter::paintEmpty(QPainter *painter, const QRectF &rect,
                                        const Colours &c) const
{
    painter->setPen(QPen(c.grid, 0));
    painter->drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
    painter->setPen(c.muted);
    painter->drawText(rect, Qt::AlignCenter | Qt::TextWordWrap,
                      tr("Nothing with a time was recorded for this release."));
}

void ReleaseTimelinePainter::paintGrid(QPainter *painter, const Geometry &g, const Colours &c) const
{
    const QFontMetricsF fm(painter->font(), painter->device());
    painter->setPen(QPen(c.grid, 0));
    for (int percent = 0; percent <= 100; percent += 25) {
        const qreal y = g.plot.bottom() - g.plot.height() * percent / 100.0;
        painter->setPen(QPen(c.grid, 0));
        painter->drawLine(QPointF(g.plot.left(), y), QPointF(g.plot.right(), y));
        painter->setPen(c.muted);
        const QRectF label(g.plot.left() - g.line * 4, y - g.line / 2, g.line * 3.7, g.line);
        painter->drawText(label, Qt::AlignRight | Qt::AlignVCenter, tr("%1 %").arg(percent));
    }
    const int maxTicks = std::max(
        2, int(g.plot.width() / (fm.horizontalAdvance(QStringLiteral("00:00:00")) * 1.8)));
    const auto ticks = ChartTimeTicks::ticks(m_startMs, m_endMs, maxTicks, true);
    // The zone at the left of the axis row; tick labels stay right of it and inside the rect.
    const QString zone = tr("UTC");
    const qreal zoneRight = g.legendRow.left() + fm.horizontalAdvance(zone) + g.line * 0.4;
    painter->setPen(c.muted);
    painter->drawText(QRectF(g.legendRow.left(), g.axisRow.top(), zoneRight, g.line * 1.3),
                      Qt::AlignLeft | Qt::AlignVCenter, zone);
    for (const ChartTimeTicks::Tick &tick : ticks) {
        const qreal x = xOf(QDateTime::fromMSecsSinceEpoch(tick.timeMs, Qt::UTC), g.plot);
        painter->setPen(QPen(c.grid, 0, Qt::DotLine));
        painter->drawLine(QPointF(x, g.plot.top()), QPointF(x, g.axisRow.top()));
        painter->setPen(c.muted);
        const qreal w = fm.horizontalAdvance(tick.label) + 2;
        const qreal left = std::clamp(x - w / 2, zoneRight, g.legendRow.right() - w);
        painter->drawText(QRectF(left, g.axisRow.top(), w, g.line * 1.3),
                          Qt::AlignHCenter | Qt::AlignVCenter, tick.label);
    }
    painter->setPen(QPen(c.muted, 0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(g.plot);
}

void ReleaseTimelinePainter::paintPauses(QPainter *painter, const Geometry &g,
                                         const Colours &c) const
{
    const QFontMetricsF fm(painter->font(), painter->device());
    QColor band = c.pause;
    band.setAlpha(50);
    const QString label = tr("paused");
    for (qsizetype i = 0; i < m_transitions.size(); ++i) {
        if (!m_transitions.at(i).paused || (i > 0 && m_transitions.at(i - 1).paused))
            continue;
        // One band from the first paused transition to the next one that is not paused.
        qsizetype j = i + 1;
        while (j < m_transitions.size() && m_transitions.at(j).paused)
            ++j;
        const qreal x0 = xOf(m_transitions.at(i).time, g.plot);
        const qreal x1
            = j < m_transitions.size() ? xOf(m_transitions.at(j).time, g.plot) : g.plot.right();
        const QRectF rect(x0, g.plot.top(), std::max<qreal>(1, x1 - x0), g.plot.height());
        painter->fillRect(rect, band);
        if (fm.horizontalAdvance(label) + g.line * 0.4 < rect.width()) {
            painter->setPen(c.pause);
            painter->drawText(rect.adjusted(g.line * 0.2, 0, 0, -g.line * 0.15),
                              Qt::AlignLeft | Qt::AlignBottom, label);
        }
    }
}

void ReleaseTimelinePainter::paintSteps(QPainter *painter, const Geometry &g,
                                        const Colours &c) const
{
    const QFontMetricsF fm(painter->font(), painter->device());
    qint32 previous = -2;
    qreal freeFrom = g.stepRow.left() - g.line * 4; // labels left of it would overlap
    for (const ReleaseTransition &x : m_transitions) {
        if (x.step == previous || x.step < 0) {
            previous = x.step;
            continue;
        }
        previous = x.step;
        const qreal px = xOf(x.time, g.plot);
        painter->setPen(QPen(c.muted, 0, Qt::DashLine));
        painter->drawLine(QPointF(px, g.stepRow.bottom() - g.line * 0.3),
                          QPointF(px, g.plot.bottom()));
        const QString label = ReleaseReportBuilder::stepName(x.step);
        const qreal w = fm.horizontalAdvance(label);
        // The last labels would run past the right edge: end them at the edge instead.
        const qreal left = std::min(px + g.line * 0.15, g.stepRow.right() - w);
        if (left < freeFrom)
            continue;
        painter->setPen(c.text);
        painter->drawText(QRectF(left, g.stepRow.top(), w + 1, g.stepRow.height() - g.line * 0.2),
                          Qt::AlignLeft | Qt::AlignVCenter, label);
        freeFrom = left + w + g.line * 0.4;
    }
}

void ReleaseTimelinePainter::paintWeights(QPainter *painter, const Geometry &g,
                                          const Colours &c) const
{
    if (m_transitions.isEmpty())
        return;
    const auto yOf = [&g](qint32 weight) {
        return g.plot.bottom() - g.plot.height() * std::clamp(weight, 0, 100) / 100.0;
    };
    const auto path = [&](bool desired) {
        QPainterPath p;
        for (qsizetype i = 0; i < m_transitions.size(); ++i) {
            const ReleaseTransition &x = m_transitions.at(i);
            const qreal y = yOf(desired ? x.desiredWeight : x.actualWeight);
            const qreal x0 = xOf(x.time, g.plot);
            const qreal x1 = i + 1 < m_transitions.size()
                ? xOf(m_transitions.at(i + 1).time, g.plot)
                : g.plot.right();
            if (i == 0)
                p.moveTo(x0, y);
            else
                p.lineTo(x0, y);
            p.lineTo(x1, y);
        }
        return p;
    };
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(c.actual, g.line * 0.14, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    painter->drawPath(path(false));
    painter->setPen(QPen(c.desired, g.line * 0.1, Qt::DashLine, Qt::FlatCap, Qt::MiterJoin));
    painter->drawPath(path(true));
}

QString ReleaseTimelinePainter::transitionToolTip(qint64 ms) const
{
    const ReleaseTransition *current = nullptr;
    for (const ReleaseTransition &x : m_transitions) {
        if (x.time.toMSecsSinceEpoch() <= ms)
            current = &x;
    }
    if (!current)
        return QString();
    QString text = tr("%1\n%2, %3\ndesired weight %4 %, actual weight %5 %")
                       .arg(ReleaseCompare::timeText(current->time), current->phase,
                            ReleaseReportBuilder::stepName(current->step))
                       .arg(current->desiredWeight)
                       .arg(current->actualWeight);
    if (current->paused)
        text += QLatin1Char('\n') + tr("paused");
    if (!current->message.isEmpty())
        text += QLatin1Char('\n') + current->message;
    return text;
}

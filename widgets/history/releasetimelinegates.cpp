// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTimelinePainter's quality gate rows: one strip per gate below the actions, coloured
// by the gate's outcome over time, and their tooltips.
#include "releasecompare.h"
#include "releasetimelinepainter.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace {

// More gates than this share the last row, so the weights keep most of the height.
constexpr int maxGateLanes = 6;

} // namespace

QColor ReleaseTimelinePainter::gateColour(GateOutcome outcome, const QPalette &palette)
{
    // The measurements' colours: a gate that failed looks like a failed measurement.
    switch (outcome) {
    case GateOutcome::Pass:
        return phaseColour(QStringLiteral("Successful"), palette);
    case GateOutcome::Fail:
        return phaseColour(QStringLiteral("Failed"), palette);
    case GateOutcome::Inconclusive:
        return phaseColour(QStringLiteral("Inconclusive"), palette);
    case GateOutcome::Error:
        break;
    }
    return phaseColour(QStringLiteral("Error"), palette);
}

void ReleaseTimelinePainter::buildGateLanes()
{
    m_gateLanes.clear();
    const QList<ReleaseGates::Summary> gates = ReleaseGates::summaries(m_timeline.gates);
    const bool shared = gates.size() > maxGateLanes;
    for (qsizetype i = 0; i < gates.size(); ++i) {
        const QList<ReleaseGates::Span> spans
            = ReleaseGates::spans(m_timeline.gates, gates.at(i).gate, m_timeline.summary.endedAt);
        if (!shared || i < maxGateLanes - 1) {
            m_gateLanes.append({gates.at(i).gate, spans});
            continue;
        }
        if (m_gateLanes.size() < maxGateLanes)
            m_gateLanes.append({tr("other gates"), {}});
        m_gateLanes.last().spans += spans;
    }
    if (shared) {
        // Drawn in this order: the worst outcome of any of them ends up on top.
        QList<ReleaseGates::Span> &spans = m_gateLanes.last().spans;
        std::stable_sort(spans.begin(), spans.end(),
                         [](const ReleaseGates::Span &a, const ReleaseGates::Span &b) {
                             return int(a.outcome) < int(b.outcome);
                         });
    }
}

void ReleaseTimelinePainter::paintGates(QPainter *painter, const Geometry &g, const Colours &c,
                                        const QPalette &palette) const
{
    for (qsizetype i = 0; i < g.gateLanes.size(); ++i) {
        const QRectF lane = g.gateLanes.at(i);
        paintLane(painter, g, c, lane, m_gateLanes.at(i).label);
        const qreal top = lane.top() + lane.height() * 0.25;
        for (const ReleaseGates::Span &span : m_gateLanes.at(i).spans) {
            const qreal x0 = xOf(span.from, g.plot);
            // A single evaluation at the end of the axis still shows.
            const qreal x1 = std::max(xOf(span.to, g.plot), x0 + g.line * 0.25);
            painter->fillRect(QRectF(x0, top, x1 - x0, lane.height() * 0.5),
                              gateColour(span.outcome, palette));
        }
    }
}

QString ReleaseTimelinePainter::gateToolTip(const Geometry &g, const QPointF &pos) const
{
    for (qsizetype i = 0; i < g.gateLanes.size(); ++i) {
        if (!g.gateLanes.at(i).contains(pos))
            continue;
        // The worst of what is under the mouse (the shared row holds several gates).
        const ReleaseGates::Span *found = nullptr;
        for (const ReleaseGates::Span &span : m_gateLanes.at(i).spans) {
            const qreal x0 = xOf(span.from, g.plot);
            const qreal x1 = std::max(xOf(span.to, g.plot), x0 + g.line * 0.25);
            if (pos.x() >= x0 - 1 && pos.x() <= x1 + 1
                && (!found || int(span.outcome) >= int(found->outcome)))
                found = &span;
        }
        if (!found)
            return tr("%1: not evaluated then").arg(m_gateLanes.at(i).label);
        const ReleaseGateEvaluation &e = found->first;
        QString text = tr("%1: %2\n%3 – %4\nvalue %5, bound %6")
                           .arg(found->gate, GateOutcomes::label(found->outcome),
                                ReleaseCompare::timeText(found->from),
                                ReleaseCompare::timeText(found->to), ReleaseGates::valueText(e),
                                e.bound.isEmpty() ? QStringLiteral("—") : e.bound);
        if (!e.message.isEmpty())
            text += QLatin1Char('\n') + e.message;
        return text;
    }
    return QString();
}

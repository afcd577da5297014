// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releasegates.h"
#include "releaserecord.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QPalette>
#include <QRectF>
#include <QStringList>

class QPainter;
class QFontMetricsF;
class QPaintDevice;

// Draws one release's timeline into any QPainter and rectangle, so the window and the PDF
// report show the same picture: time runs left to right from the release's start to its end
// (or its last recorded item while in progress); the canary weight is a step chart (desired
// dashed, actual solid, 0-100 %), pauses are shaded bands, step changes and actions are
// vertical markers, each quality gate is a row coloured by its outcome over time (the
// recorded evaluations, ReleaseGates::spans), measurements are dots on one lane per metric
// coloured by phase, and events are ticks (warnings red). Whatever the recorder stored
// (nothing, one point, items without a time or out of order) is drawn without failing: times
// are clamped to the axis.
class ReleaseTimelinePainter
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseTimelinePainter)

public:
    ReleaseTimelinePainter() = default;
    explicit ReleaseTimelinePainter(const ReleaseTimeline &timeline);

    void setTimeline(const ReleaseTimeline &timeline);

    // Paints into rect with the palette's colours (Base behind, Text for words); the
    // painter's font sets the text size. The painter's state is restored afterwards.
    void paint(QPainter *painter, const QRectF &rect, const QPalette &palette) const;

    // What is under pos (rect and font as painted), for a tooltip; empty when nothing.
    QString toolTipAt(const QRectF &rect, const QFont &font, const QPointF &pos) const;

    // A height in which every lane is readable with the font.
    // device: what it will paint on (its resolution sizes the text); null for the screen.
    qreal preferredHeight(const QFont &font, QPaintDevice *device = nullptr) const;

    // The gate rows, top to bottom: one per gate in order of its first evaluation; more gates
    // than fit share the last row ("other gates"), where the worst outcome is drawn on top.
    struct GateLane
    {
        QString label;
        QList<ReleaseGates::Span> spans;
    };
    const QList<GateLane> &gateLanes() const { return m_gateLanes; }
    // A gate outcome's colour in the rows, the same as the measurements' dots of that result.
    static QColor gateColour(GateOutcome outcome, const QPalette &palette);

    // The axis: first and last millisecond (UTC); both 0 when nothing has a time.
    qint64 startMSecs() const { return m_startMs; }
    qint64 endMSecs() const { return m_endMs; }

private:
    struct Geometry
    {
        qreal line = 0; // one line of the label font
        QRectF stepRow; // "step N" labels above the plot
        QRectF plot; // the weights, pauses and markers
        QRectF actionRow; // action labels below the plot
        QList<QRectF> gateLanes; // one per entry of m_gateLanes
        QList<QRectF> metricLanes; // one per entry of m_metrics
        QRectF eventLane;
        QRectF axisRow; // time labels
        QRectF legendRow;
    };
    struct Colours
    {
        QColor background, text, muted, grid, desired, actual, pause, action, warning;
    };

    Geometry geometry(const QRectF &rect, const QFont &font, QPaintDevice *device) const;
    static QFont labelFont(const QFont &font);
    static Colours colours(const QPalette &palette);
    static QColor phaseColour(const QString &phase, const QPalette &palette);
    qreal xOf(const QDateTime &time, const QRectF &plot) const;
    qint64 clampedMs(const QDateTime &time) const;
    int metricLane(const QString &metric) const;

    void paintEmpty(QPainter *painter, const QRectF &rect, const Colours &c) const;
    void paintGrid(QPainter *painter, const Geometry &g, const Colours &c) const;
    void paintPauses(QPainter *painter, const Geometry &g, const Colours &c) const;
    void paintSteps(QPainter *painter, const Geometry &g, const Colours &c) const;
    void paintWeights(QPainter *painter, const Geometry &g, const Colours &c) const;
    void paintActions(QPainter *painter, const Geometry &g, const Colours &c) const;
    // releasetimelinegates.cpp
    void buildGateLanes();
    void paintGates(QPainter *painter, const Geometry &g, const Colours &c,
                    const QPalette &palette) const;
    QString gateToolTip(const Geometry &g, const QPointF &pos) const;
    void paintMeasurements(QPainter *painter, const Geometry &g, const Colours &c,
                           const QPalette &palette) const;
    // A lane's centre line and its label, elided, right-aligned in the legend column.
    void paintLane(QPainter *painter, const Geometry &g, const Colours &c, const QRectF &lane,
                   const QString &label) const;
    void paintEvents(QPainter *painter, const Geometry &g, const Colours &c) const;
    void paintLegend(QPainter *painter, const Geometry &g, const Colours &c,
                     const QPalette &palette) const;

    QString transitionToolTip(qint64 ms) const;

    ReleaseTimeline m_timeline;
    QList<ReleaseTransition> m_transitions; // with a time, in time order
    QStringList m_metrics; // lanes, in order of first measurement
    QList<GateLane> m_gateLanes;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    bool m_hasTime = false;
};

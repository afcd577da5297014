// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricchartview.h"

#include "themecolours.h"

#include "chartstyle.h"
#include "charttimeticks.h"
#include "metricchart_p.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr qint64 minimumSpanMs = 60 * 1000;
constexpr qint64 maximumSpanMs = 400LL * 24 * 3600 * 1000;

// The index of the sample nearest to timeMs, or -1 for an empty series.
qsizetype nearestSample(const QList<PromSample> &samples, qint64 timeMs)
{
    if (samples.isEmpty())
        return -1;
    const auto it
        = std::lower_bound(samples.cbegin(), samples.cend(), timeMs,
                           [](const PromSample &s, qint64 t) { return s.timestampMs < t; });
    qsizetype index = it - samples.cbegin();
    if (index == samples.size())
        return index - 1;
    if (index > 0 && timeMs - samples.at(index - 1).timestampMs < it->timestampMs - timeMs)
        --index;
    return index;
}

QFont scaledFont(const QFont &base, qreal scale)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * scale);
    return font;
}

} // namespace

MetricChartView::MetricChartView(QChart *chart, MetricChart *owner) :
    QChartView(chart, owner), m_owner(owner)
{
    setRenderHint(QPainter::Antialiasing, true);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setContextMenuPolicy(Qt::DefaultContextMenu);
}

void MetricChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    painter->save();
    drawMarkers(painter);
    drawMessage(painter);
    drawHover(painter);
    painter->restore();
}

void MetricChartView::drawMarkers(QPainter *painter)
{
    const MetricChart::Private &d = *m_owner->d;
    const QRectF plot = d.plotArea();
    const QFont font = scaledFont(m_owner->font(), 0.8);
    const QFontMetricsF metrics(font);
    painter->setFont(font);
    QList<QRectF> placed;
    for (const ChartMarker &marker : d.markers) {
        if (marker.timeMs < d.startMs || marker.timeMs > d.endMs)
            continue;
        const double x = d.xOf(marker.timeMs);
        const QColor colour = ChartStyle::markerColour(marker.kind);
        QColor lineColour = colour;
        lineColour.setAlpha(170);
        painter->setPen(QPen(lineColour, 1, Qt::DashLine));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));

        // Labels at the top of the plot, in up to three rows so neighbours do not overlap;
        // a label with no room is left out (its line stays, and hover tells the step).
        const double width = metrics.horizontalAdvance(marker.label) + 6;
        const double height = metrics.height() + 1;
        double left = x + 2;
        if (left + width > plot.right())
            left = x - 2 - width;
        for (int row = 0; row < 3; ++row) {
            const QRectF box(left, plot.top() + 1 + row * (height + 1), width, height);
            const bool free = std::none_of(placed.cbegin(), placed.cend(),
                                           [&](const QRectF &r) { return r.intersects(box); });
            if (!free)
                continue;
            placed.append(box);
            painter->setPen(Qt::NoPen);
            QColor behind = m_owner->palette().color(QPalette::Base);
            behind.setAlpha(215);
            painter->setBrush(behind);
            painter->drawRect(box);
            painter->setPen(colour);
            painter->drawText(box, Qt::AlignCenter, marker.label);
            break;
        }
    }
}

void MetricChartView::drawMessage(QPainter *painter)
{
    const MetricChart::Private &d = *m_owner->d;
    if (d.message.isEmpty())
        return;
    const QRectF plot = d.plotArea().adjusted(12, 12, -12, -12);
    painter->setFont(m_owner->font());
    painter->setPen(d.messageIsError ? ThemeColours::foreground(QColor(0xc0, 0x39, 0x2b))
                                     : m_owner->palette().color(QPalette::PlaceholderText));
    painter->drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, d.message);
}

void MetricChartView::drawHover(QPainter *painter)
{
    const MetricChart::Private &d = *m_owner->d;
    if (!d.hovering || d.hoverText.isEmpty())
        return;
    const QRectF plot = d.plotArea();
    const double x = std::clamp(d.hoverPosition.x(), plot.left(), plot.right());
    painter->setPen(QPen(m_owner->palette().color(QPalette::Mid), 1));
    painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));

    const QStringList lines = d.hoverText.split(QLatin1Char('\n'));
    QFont font = scaledFont(m_owner->font(), 0.9);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(bold);
    double width = 0;
    for (const QString &line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const double lineHeight = metrics.height();
    const QSizeF size(width + 14, lineHeight * lines.size() + 10);
    double left = x + 12;
    if (left + size.width() > plot.right())
        left = std::max(plot.left(), x - 12 - size.width());
    const QRectF box(QPointF(left, plot.top() + 6), size);
    // Tooltip colours: the hover box reads like one in light and dark palettes.
    const QPalette palette = m_owner->palette();
    painter->setPen(palette.color(QPalette::Mid));
    QColor boxColour = palette.color(QPalette::ToolTipBase);
    boxColour.setAlpha(238);
    painter->setBrush(boxColour);
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(palette.color(QPalette::ToolTipText));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        painter->setFont(i == 0 ? bold : font);
        const QRectF row(box.left() + 7, box.top() + 5 + i * lineHeight, width, lineHeight);
        painter->drawText(row, Qt::AlignLeft | Qt::AlignVCenter, lines.at(i));
    }
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    MetricChart::Private &d = *m_owner->d;
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) {
        event->ignore();
        return;
    }
    const qint64 center
        = std::clamp(d.timeAt(mapToScene(event->position().toPoint()).x()), d.startMs, d.endMs);
    const double factor = std::pow(0.8, notches);
    const double span = std::clamp(double(d.endMs - d.startMs) * factor, double(minimumSpanMs),
                                   double(maximumSpanMs));
    const double before = double(center - d.startMs) / double(d.endMs - d.startMs);
    const qint64 start = center - qint64(span * before);
    d.editRange(start, start + qint64(span));
    event->accept();
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    m_pressPosition = event->position().toPoint();
    m_pressStart = m_owner->d->startMs;
    m_pressEnd = m_owner->d->endMs;
    viewport()->setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    MetricChart::Private &d = *m_owner->d;
    const QPoint position = event->position().toPoint();
    if (m_dragging) {
        const double width = std::max(1.0, d.plotArea().width());
        const qint64 shift = qint64(-double(position.x() - m_pressPosition.x()) / width
                                    * double(m_pressEnd - m_pressStart));
        if (shift != 0)
            d.editRange(m_pressStart + shift, m_pressEnd + shift);
    }
    const QPointF scene = mapToScene(position);
    d.hovering = d.plotArea().contains(scene);
    d.hoverPosition = scene;
    d.hoverText = d.hovering ? m_owner->hoverTextAt(position) : QString();
    viewport()->update();
    event->accept();
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    emit m_owner->resetRequested();
    event->accept();
}

void MetricChartView::leaveEvent(QEvent *event)
{
    m_owner->d->hovering = false;
    m_owner->d->hoverText.clear();
    viewport()->update();
    QChartView::leaveEvent(event);
}

void MetricChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(MetricChart::tr("Export as PNG…"), this,
                   [this] { exportTo(QStringLiteral("png")); });
    menu.addAction(MetricChart::tr("Export as CSV…"), this,
                   [this] { exportTo(QStringLiteral("csv")); });
    menu.addSeparator();
    menu.addAction(MetricChart::tr("Reset Range"), this,
                   [this] { emit m_owner->resetRequested(); });
    menu.exec(event->globalPos());
}

void MetricChartView::exportTo(const QString &format)
{
    QString base = m_owner->spec().title;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const bool png = format == QLatin1String("png");
    const QString path = QFileDialog::getSaveFileName(
        this, png ? MetricChart::tr("Export Chart as PNG") : MetricChart::tr("Export Chart Data"),
        base + QLatin1Char('.') + format,
        png ? MetricChart::tr("PNG images (*.png)") : MetricChart::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = png ? m_owner->exportPng(path, &error) : m_owner->exportCsv(path, &error);
    if (!ok)
        QMessageBox::warning(this, MetricChart::tr("Export Failed"), error);
}

// The hover text lives here with the rest of the pointer handling.

QString MetricChart::hoverTextAt(const QPoint &viewPosition) const
{
    return hoverText(d->timeAt(d->view->mapToScene(viewPosition).x()));
}

QString MetricChart::currentHoverText() const
{
    return d->hovering ? d->hoverText : QString();
}

QString MetricChart::hoverText(qint64 timeMs) const
{
    const double plotWidth = std::max(1.0, d->plotArea().width());
    const double msPerPixel = double(d->endMs - d->startMs) / plotWidth;
    qint64 stepMs = 0;
    for (const ChartSeries &s : d->series)
        stepMs = std::max(stepMs, s.stepMs);
    // Snap to the nearest sample of any series, so the values shown are exact ones.
    const double snapLimit = std::max(double(stepMs), msPerPixel * 8);
    qint64 snapped = timeMs;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (const ChartSeries &s : d->series) {
        const qsizetype i = nearestSample(s.samples, timeMs);
        if (i < 0)
            continue;
        const qint64 distance = std::abs(s.samples.at(i).timestampMs - timeMs);
        if (distance < bestDistance && double(distance) <= snapLimit) {
            bestDistance = distance;
            snapped = s.samples.at(i).timestampMs;
        }
    }
    QStringList lines = {ChartTimeTicks::formatTime(snapped, d->utc)};
    const double matchLimit = std::max(double(stepMs) / 2, msPerPixel * 2);
    for (const ChartSeries &s : d->series) {
        const qsizetype i = nearestSample(s.samples, snapped);
        const bool near
            = i >= 0 && double(std::abs(s.samples.at(i).timestampMs - snapped)) <= matchLimit;
        const double value
            = near ? s.samples.at(i).value : std::numeric_limits<double>::quiet_NaN();
        lines.append(tr("%1: %2").arg(s.name, ChartUnits::format(value, d->spec.unit)));
    }
    const ChartMeasurement *closest = nullptr;
    for (const ChartMeasurement &m : d->spec.measurements) {
        const double distance = double(std::abs(m.timeMs - timeMs));
        if (distance <= msPerPixel * 6
            && (!closest || distance < double(std::abs(closest->timeMs - timeMs))))
            closest = &m;
    }
    if (closest) {
        lines.append(tr("measurement %1: %2 (%3)")
                         .arg(ChartStyle::measurementName(closest->phase),
                              ChartUnits::format(closest->value, d->spec.unit),
                              ChartTimeTicks::formatTime(closest->timeMs, d->utc)));
    }
    const QString step = ChartMarkers::stepInForce(d->markers, d->rollout, snapped);
    if (!step.isEmpty())
        lines.append(step);
    if (stepMs > 0)
        lines.append(tr("resolution: %1").arg(ChartTimeTicks::formatStep(stepMs)));
    return lines.join(QLatin1Char('\n'));
}

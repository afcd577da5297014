// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to MetricChart: the QChartView that paints what Qt Charts does not (markers, the
// hover line and box, the message) over the plot and turns wheel and drag into time ranges.

#include "metricchart.h"

#include <QChartView>

class MetricChartView : public QChartView
{
public:
    MetricChartView(QChart *chart, MetricChart *owner);

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void drawMarkers(QPainter *painter);
    void drawHover(QPainter *painter);
    void drawMessage(QPainter *painter);
    void exportTo(const QString &format);

    MetricChart *m_owner;
    bool m_dragging = false;
    QPoint m_pressPosition;
    qint64 m_pressStart = 0;
    qint64 m_pressEnd = 0;
};

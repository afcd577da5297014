// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasetimelinewidget.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

ReleaseTimelineWidget::ReleaseTimelineWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAttribute(Qt::WA_OpaquePaintEvent); // the painter fills every pixel
}

void ReleaseTimelineWidget::setTimeline(const ReleaseTimeline &timeline)
{
    m_painter.setTimeline(timeline);
    // The lanes (metrics, events) change the height that fits.
    updateGeometry();
    update();
}

QSize ReleaseTimelineWidget::sizeHint() const
{
    return QSize(fontMetrics().averageCharWidth() * 100,
                 int(std::ceil(m_painter.preferredHeight(font()))));
}

QSize ReleaseTimelineWidget::minimumSizeHint() const
{
    return QSize(fontMetrics().averageCharWidth() * 40,
                 int(std::ceil(m_painter.preferredHeight(font()) * 0.7)));
}

QRectF ReleaseTimelineWidget::drawingRect() const
{
    const int margin = fontMetrics().height() / 3;
    return QRectF(rect().adjusted(margin, margin, -margin, -margin));
}

void ReleaseTimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setFont(font());
    m_painter.paint(&painter, drawingRect(), palette());
}

bool ReleaseTimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_painter.toolTipAt(drawingRect(), font(), help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releasetimelinepainter.h"

#include <QWidget>

// One release's timeline in the window (the same drawing as the PDF report), with a tooltip
// for the measurement, event, action or weight under the mouse.
class ReleaseTimelineWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ReleaseTimelineWidget(QWidget *parent = nullptr);

    void setTimeline(const ReleaseTimeline &timeline);
    const ReleaseTimelinePainter &timelinePainter() const { return m_painter; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF drawingRect() const;

    ReleaseTimelinePainter m_painter;
};

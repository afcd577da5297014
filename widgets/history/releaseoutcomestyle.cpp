// SPDX-License-Identifier: GPL-3.0-or-later
#include "releaseoutcomestyle.h"

#include "phasestyle.h"
#include "releaselistmodel.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>

namespace {

void paintUnjudged(QPainter *painter, const QRectF &r, ReleaseOutcome outcome, const QColor &c)
{
    const qreal s = r.width();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(c);
    painter->drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
    painter->setPen(
        QPen(Qt::white, std::max(1.5, s / 8), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const qreal x = r.left();
    const qreal y = r.top();
    if (outcome == ReleaseOutcome::Superseded) {
        const QPointF arrow[] = {
            {x + s * 0.42, y + s * 0.3}, {x + s * 0.62, y + s * 0.5}, {x + s * 0.42, y + s * 0.7}};
        painter->drawPolyline(arrow, 3);
    } else {
        painter->drawLine(QPointF(x + s * 0.3, y + s * 0.5), QPointF(x + s * 0.7, y + s * 0.5));
    }
}

} // namespace

QIcon ReleaseOutcomeStyle::icon(ReleaseOutcome outcome, int size)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QRectF rect(0, 0, size, size);
    const QColor colour = ReleaseListModel::outcomeColour(outcome);
    switch (outcome) {
    case ReleaseOutcome::Promoted:
        PhaseStyle::paintSymbol(&painter, rect, QStringLiteral("Healthy"), colour);
        break;
    case ReleaseOutcome::Aborted:
        PhaseStyle::paintSymbol(&painter, rect, QStringLiteral("Degraded"), colour);
        break;
    case ReleaseOutcome::InProgress:
        PhaseStyle::paintSymbol(&painter, rect, QStringLiteral("Progressing"), colour);
        break;
    case ReleaseOutcome::Superseded:
    case ReleaseOutcome::Deleted:
        paintUnjudged(&painter, rect, outcome, colour);
        break;
    }
    painter.end();
    return QIcon(pixmap);
}

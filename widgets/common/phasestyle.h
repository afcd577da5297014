// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QRectF>
#include <QString>

class QPainter;

// How a rollout phase looks everywhere in the window: one colour and one symbol per phase
// (the symbols of `kubectl argo rollouts`: a tick for Healthy, a ring for Progressing, two
// bars for Paused, a cross for Degraded, "?" otherwise), and its translated name. The
// symbols are painted, not taken from a font, so they look the same on every system.
class PhaseStyle
{
    Q_DECLARE_TR_FUNCTIONS(PhaseStyle)

public:
    static QColor colour(const QString &phase);
    // Paints the phase's symbol in its colour (or in `colour` when valid) into rect.
    static void paintSymbol(QPainter *painter, const QRectF &rect, const QString &phase,
                            const QColor &colour = QColor());
    // The translated phase; an unknown phase is shown as the server sent it.
    static QString displayName(const QString &phase);
    // The symbol as an icon, for buttons and lists.
    static QIcon icon(const QString &phase, int size = 14);
    static QColor attentionColour();
};

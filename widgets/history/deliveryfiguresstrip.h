// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deliveryfigures.h"

#include <QFrame>
#include <QList>

class QLabel;

// The delivery figures of the releases shown, as a row of tiles above the Releases table:
// releases (and per week), share aborted, share rolled back, median time to promotion and
// time to recover (median, the mean in its caption). A figure without a value shows a dash,
// never "0 s", and each tile's tooltip says how it is counted.
class DeliveryFiguresStrip : public QFrame
{
    Q_OBJECT
public:
    explicit DeliveryFiguresStrip(QWidget *parent = nullptr);

    void setFigures(const DeliveryFigures &figures);
    DeliveryFigures figures() const { return m_figures; }

    // "20 %" with the locale's digits; a dash without releases.
    static QString percentText(double share, int of);

private:
    struct Tile
    {
        QLabel *value;
        QLabel *caption;
    };
    Tile addTile(const QString &name, const QString &toolTip);

    DeliveryFigures m_figures;
    Tile m_releases;
    Tile m_perWeek;
    Tile m_aborted;
    Tile m_rolledBack;
    Tile m_promotion;
    Tile m_recover;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

// The system tray's icon: the application's icon with the worst phase of the fleet as a
// badge in its lower right corner (PhaseStyle's colour and symbol on a white ring, so it
// reads on light and dark panels alike). An empty phase is the icon alone.
class TrayBadge
{
public:
    static QIcon icon(const QIcon &base, const QString &phase);
};

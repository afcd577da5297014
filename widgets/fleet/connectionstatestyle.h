// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

// How a connection state looks: colour, a short label ("Live", "Retrying in 4 s") and the
// longer text with the reason for tooltips and the status bar.
class ConnectionStateStyle
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionStateStyle)

public:
    static QColor colour(ConnectionState::Kind kind);
    static QString label(const ConnectionState &state);
    // label plus the reason: "Retrying in 4 s: Connection refused".
    static QString description(const ConnectionState &state);
    // A ring while connecting, a filled dot otherwise.
    static QIcon icon(ConnectionState::Kind kind, int size = 12);
    static QString insecureWarning();
};

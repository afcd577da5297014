// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QIcon>

// The symbol of a release's outcome, in the outcome's colour (ReleaseListModel): the fleet's
// phase symbols where an outcome is a phase's end (a tick for promoted, a cross for aborted,
// a ring for in progress), and for the two ends without a verdict a grey disc with an arrow
// (superseded: a newer revision went past it) or with a bar (deleted).
class ReleaseOutcomeStyle
{
public:
    static QIcon icon(ReleaseOutcome outcome, int size = 14);
};

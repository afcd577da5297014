// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateevaluator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// For `gate check --at`: which revisions were the canary and the stable at a past instant,
// from the release history, since by then the rollout's own status may have moved on (a
// canary promoted since has no canary now). The canary is the release in progress at that
// instant; the stable is the newest release promoted before it.
struct PastGateTarget
{
    Q_DECLARE_TR_FUNCTIONS(PastGateTarget)

public:
    bool found = false; // false: the history knows nothing of that time (use the rollout's)
    GateTarget target;
    QString note; // translated: where the revisions came from, for the text output

    static PastGateTarget at(const QString &historyFile, const QString &environment,
                             const QString &namespaceName, const QString &name,
                             const QDateTime &when);
};

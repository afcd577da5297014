// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggercanary.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// One Flagger canary as `get canaries` prints it.
struct CanaryListItem
{
    QString environment;
    QString context;
    FlaggerCanary canary;
};

// The output formats of `release-dashboard get canaries` (docs/cli.md), in the words of the
// fleet table (FlaggerStatus) and the layout of `get rollouts` (RolloutPrinter::columns).
class CanaryPrinter
{
public:
    // ENVIRONMENT NAMESPACE NAME STRATEGY PHASE STATUS WEIGHT FAILED-CHECKS STEP AGE SUMMARY.
    static QString table(const QList<CanaryListItem> &canaries, const QDateTime &now);
    // {"apiVersion": "release-dashboard/v1", "kind": "CanaryList", "items": [...],
    //  "errors": [{"environment": ..., "message": ...}]}, indented, ending in a newline.
    static QByteArray jsonList(const QList<CanaryListItem> &canaries,
                               const QList<QPair<QString, QString>> &errors);
    static QJsonObject toJson(const CanaryListItem &item);
    // "Canary", "BlueGreen" or "ABTesting" (flaggerStrategy()).
    static QString strategyName(const FlaggerCanary &canary);
};

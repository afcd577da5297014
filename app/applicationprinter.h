// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// One Argo CD server that could not be read, for the JSON's `errors`.
struct ArgoListError
{
    QString environment;
    QString instance;
    QString message;
};

// The output formats of `release-dashboard get applications` (docs/cli.md), columns as
// `argocd app list` names them. Argo CD's own words (Synced, Healthy, Running) are printed
// as sent, like the controller's phases in `get rollouts`.
class ApplicationPrinter
{
public:
    // ENVIRONMENT NAME PROJECT SYNC HEALTH REVISION TARGET; wide adds INSTANCE REPO
    // PATH/CHART OPERATION LAST SYNC (an age relative to now).
    static QString table(const QList<ArgoApplication> &applications, bool wide,
                         const QDateTime &now);
    // {"apiVersion": "release-dashboard/v1", "kind": "ApplicationList", "items": [...],
    //  "errors": [...]}, indented, ending in a newline.
    static QByteArray jsonList(const QList<ArgoApplication> &applications,
                               const QList<ArgoListError> &errors);
    // The deployed revision as a cell: a Git SHA shortened to 7 characters as Argo CD's UI
    // does, a chart version or branch as it is; "" when there is none.
    static QString shortRevision(const QString &revision);
    // "Succeeded (admin)", "Running (automated)"; "" without an operation.
    static QString operationText(const ArgoOperation &operation);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutsummary.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

// The output formats of `release-dashboard get` (docs/cli.md).
class RolloutPrinter
{
public:
    // kubectl's table: upper-case headers, columns left-aligned and separated by three
    // spaces, "-" for a value that does not apply. Ages are relative to now.
    static QString table(const QList<RolloutSummary> &rollouts, bool wide, const QDateTime &now);
    // The layout of every table the commands print: rows (the header first) as kubectl lays
    // them out, each line ending in a newline.
    static QString columns(const QList<QStringList> &rows);
    // {"apiVersion": "release-dashboard/v1", "kind": "RolloutList", "items": [...],
    //  "errors": [{"environment": ..., "message": ...}]}, indented, ending in a newline.
    static QByteArray jsonList(const QList<RolloutSummary> &rollouts,
                               const QList<QPair<QString, QString>> &errors);
    // One item of the list ("kind": "RolloutSummary" added), for `get rollout NAME
    // --context C -o json`.
    static QByteArray jsonObject(const RolloutSummary &rollout);
    // Kubernetes' HumanDuration (k8s.io/apimachinery/pkg/util/duration), as kubectl's AGE:
    // "45s", "5m30s", "42m", "5h3m", "12h", "3d4h", "40d", "2y30d".
    static QString humanDuration(qint64 seconds);
    // "image (canary), image (stable)".
    static QString imagesText(const QList<ImageInfo> &images);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "pod.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

// Pod rows as both ReplicaSet views show them (children of a ReplicaSet row, or the rows
// of a blue-green panel): name, status as kubectl prints it, ready "1/1", restarts, age.
class PodRows
{
    Q_DECLARE_TR_FUNCTIONS(PodRows)

public:
    // The column of each field in the model.
    struct Columns
    {
        int name = 0;
        int status = 1;
        int ready = 2;
        int restarts = 3;
        int age = 4;
    };

    static DetailRow row(const Pod &pod, const QDateTime &now, const Columns &columns);
    // Restarts of all pods, for a ReplicaSet's row.
    static qint32 totalRestarts(const QList<Pod> &pods);
    // A pod's key: its uid, or its name when it has none.
    static QString key(const Pod &pod);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pod.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

class QTreeWidget;
class QTreeWidgetItem;

// Pod rows as both ReplicaSet views show them (children of a ReplicaSet row, or the rows
// of a blue-green panel): name, status as kubectl prints it, ready "1/1", restarts, age.
class PodRows
{
    Q_DECLARE_TR_FUNCTIONS(PodRows)

public:
    // The column of each field in the tree; -1 leaves it out.
    struct Columns
    {
        int name = 0;
        int status = -1;
        int ready = -1;
        int restarts = -1;
        int age = -1;
        int node = -1;
    };

    // Makes parent's children (the top level when null) the rows of pods, in place.
    static void sync(QTreeWidget *tree, QTreeWidgetItem *parent, const QList<Pod> &pods,
                     const QDateTime &now, const Columns &columns);
    static void fill(QTreeWidgetItem *item, const Pod &pod, const QDateTime &now,
                     const Columns &columns);
    // Restarts of all pods, for a ReplicaSet's row.
    static qint32 totalRestarts(const QList<Pod> &pods);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeconfig.h"

#include <QString>
#include <QStringList>

class FleetModel;

// Whether the window's FleetModel shows exactly what a cluster holds. The cluster's state is
// fetched independently of the app's informers: one plain list per kind with the project's
// KubeClient under an admin context the app does not use, read with QJsonDocument (not the
// app's decoder) for the raw fields, and decoded once more to build a reference FleetModel
// whose columns must equal the window's.
class StateCheck
{
public:
    struct Result
    {
        bool ok = false;
        int rollouts = 0; // compared
        int replicaSets = 0;
        int pods = 0;
        QStringList differences; // the first few, readable
    };

    // context: the admin context of that environment's cluster.
    static Result compare(const Kubeconfig &kubeconfig, const QString &context,
                          const QString &environment, const FleetModel &model);
};

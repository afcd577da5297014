// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's detail signals: which Rollouts' and Deployments' details a change touched (the
// details themselves are assembled by the FleetStore).
#include "fleetmodel.h"

#include <algorithm>

namespace {
QStringList sorted(QSet<QString> uids)
{
    uids.remove(QString());
    QStringList list(uids.cbegin(), uids.cend());
    std::sort(list.begin(), list.end());
    return list;
}
} // namespace

void FleetModel::emitDetailsChanged(const QString &environment, const QSet<QString> &rollouts,
                                    const QSet<QString> &deployments)
{
    if (const QStringList uids = sorted(rollouts); !uids.isEmpty())
        emit rolloutDetailsChanged(environment, uids);
    if (const QStringList uids = sorted(deployments); !uids.isEmpty())
        emit deploymentDetailsChanged(environment, uids);
}

void FleetModel::emitAllDetailsChanged(const QString &environment)
{
    const EnvironmentStore *store = m_store.environment(environment);
    if (!store)
        return;
    const QStringList rollouts = store->rolloutUids();
    const QStringList deployments = store->deploymentUids();
    emitDetailsChanged(environment, QSet<QString>(rollouts.cbegin(), rollouts.cend()),
                       QSet<QString>(deployments.cbegin(), deployments.cend()));
}

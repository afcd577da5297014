// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's detail signals: which Rollouts', Deployments' and Flagger canaries' details a change
// touched (the details themselves are assembled by the FleetStore).
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
                                    const QSet<QString> &deployments, const QSet<QString> &canaries)
{
    if (const QStringList uids = sorted(rollouts); !uids.isEmpty())
        emit rolloutDetailsChanged(environment, uids);
    if (const QStringList uids = sorted(deployments); !uids.isEmpty())
        emit deploymentDetailsChanged(environment, uids);
    if (const QStringList uids = sorted(canaries); !uids.isEmpty())
        emit canaryDetailsChanged(environment, uids);
}

void FleetModel::emitAllDetailsChanged(const QString &environment)
{
    const EnvironmentStore *store = m_store.environment(environment);
    if (!store)
        return;
    const QStringList rollouts = store->rolloutUids();
    const QStringList deployments = store->deploymentUids();
    const QStringList canaries = store->canaryUids();
    emitDetailsChanged(environment, QSet<QString>(rollouts.cbegin(), rollouts.cend()),
                       QSet<QString>(deployments.cbegin(), deployments.cend()),
                       QSet<QString>(canaries.cbegin(), canaries.cend()));
}

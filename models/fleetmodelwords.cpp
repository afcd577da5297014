// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's words for a row's kind, strategy and why it needs attention.
#include "fleetmodel.h"

QString FleetModel::strategyText(const QString &strategy)
{
    if (strategy == QLatin1String("Canary"))
        return tr("Canary");
    if (strategy == QLatin1String("BlueGreen"))
        return tr("Blue-green");
    if (strategy == QLatin1String("RollingUpdate"))
        return tr("Rolling update");
    if (strategy == QLatin1String("Recreate"))
        return tr("Recreate");
    if (strategy == QLatin1String("FlaggerCanary"))
        return tr("Canary (Flagger)");
    if (strategy == QLatin1String("FlaggerBlueGreen"))
        return tr("Blue-green (Flagger)");
    if (strategy == QLatin1String("FlaggerABTesting"))
        return tr("A/B testing (Flagger)");
    if (strategy == QLatin1String("FlaggerMirroring"))
        return tr("Canary with mirroring (Flagger)");
    return strategy;
}

QString FleetModel::kindText(FleetRow::Kind kind)
{
    switch (kind) {
    case FleetRow::Kind::Rollout:
        return tr("Rollout");
    case FleetRow::Kind::Deployment:
        return tr("Deployment");
    case FleetRow::Kind::FlaggerCanary:
        return tr("Canary (Flagger)");
    }
    return QString();
}

QString FleetModel::attentionReason(const FleetRow &row) const
{
    if (row.attention == FleetRow::Attention::WaitingForPerson)
        return tr("Needs attention: waiting for a person");
    if (row.attention == FleetRow::Attention::Failure)
        return tr("Needs attention: failed or aborted");
    return QString();
}

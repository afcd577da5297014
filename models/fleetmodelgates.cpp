// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's Gates column: the verdict GateController last judged for each rollout with a
// canary, at a glance ("✕ 1 of 3"), with the failing gates in the tooltip.
#include "fleetmodel.h"

#include "themecolours.h"

#include <QColor>

namespace {

QString keyOf(const QString &environment, const QString &uid)
{
    return environment + QLatin1Char('/') + uid;
}

QColor outcomeColour(GateOutcome outcome)
{
    switch (outcome) {
    case GateOutcome::Pass:
        return ThemeColours::foreground(QColor(0x2e, 0x7d, 0x32));
    case GateOutcome::Fail:
    case GateOutcome::Error:
        return ThemeColours::foreground(QColor(0xc6, 0x28, 0x28));
    case GateOutcome::Inconclusive:
        break;
    }
    return ThemeColours::foreground(QColor(0x8a, 0x6d, 0x00));
}

} // namespace

void FleetModel::setGateVerdict(const QString &environment, const QString &uid,
                                const std::optional<GateVerdict> &verdict)
{
    const QString key = keyOf(environment, uid);
    if (verdict)
        m_gateVerdicts.insert(key, *verdict);
    else if (m_gateVerdicts.remove(key) == 0)
        return;
    const EnvironmentStore *store = m_store.environment(environment);
    const RowPtr row = store ? store->rolloutRow(uid) : RowPtr();
    const int index = row ? m_rowIndex.value(row->key(), -1) : -1;
    if (index >= 0)
        emit dataChanged(this->index(index, GatesColumn), this->index(index, GatesColumn));
}

QVariant FleetModel::gateData(const FleetRow &row, int role) const
{
    const auto found = m_gateVerdicts.constFind(keyOf(row.environment, row.metadata().uid));
    if (found == m_gateVerdicts.constEnd())
        return role == SortRole ? QVariant(-1) : QVariant();
    const GateVerdict &verdict = *found;
    switch (role) {
    case Qt::DisplayRole:
        switch (verdict.outcome) {
        case GateOutcome::Pass:
            return tr("✓ %1").arg(verdict.total);
        case GateOutcome::Fail:
            return tr("✕ %1 of %2").arg(verdict.failed).arg(verdict.total);
        case GateOutcome::Error:
            return tr("! error");
        case GateOutcome::Inconclusive:
            break;
        }
        return verdict.total == 0 ? tr("–") : tr("? %1").arg(verdict.total);
    case Qt::ToolTipRole:
        return verdict.summary;
    case Qt::ForegroundRole:
        return isStale(row.environment) ? QVariant() : QVariant(outcomeColour(verdict.outcome));
    case SortRole:
        return int(verdict.outcome) * 1000 + verdict.failed;
    default:
        break;
    }
    return QVariant();
}

void FleetModel::claimManualPause(const QString &environment, const QString &uid,
                                  const QString &who)
{
    EnvironmentStore::Change change;
    if (m_store.environmentFor(environment).claimManualPause(uid, who, now(), &change))
        applyChange(environment, change);
}

// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's row bookkeeping: removing and re-indexing rows, change signals, lookups.
#include "fleetmodel.h"

#include "replicasetstatus.h"

#include <QTimer>

#include <algorithm>

void FleetModel::refreshAges()
{
    if (m_rows.isEmpty())
        return;
    emit dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, AgeColumn));
}

int FleetModel::environmentOrder(const QString &environment) const
{
    for (qsizetype i = 0; i < m_environments.size(); ++i) {
        if (m_environments.at(i).name == environment)
            return int(i);
    }
    return int(m_environments.size());
}

void FleetModel::removeRowsAt(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Bottom up, one signal pair per contiguous range, so earlier indices stay valid.
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype start = end - 1;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        const int first = rows.at(start);
        const int last = rows.at(end - 1);
        beginRemoveRows(QModelIndex(), first, last);
        for (int row = first; row <= last; ++row)
            m_rowIndex.remove(m_rows.at(row).key());
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        end = start;
    }
    reindexFrom(rows.constFirst());
    if (m_rows.isEmpty())
        m_ageTimer->stop();
}

void FleetModel::reindexFrom(int row)
{
    for (int i = row; i < m_rows.size(); ++i)
        m_rowIndex.insert(m_rows.at(i).key(), i);
}

void FleetModel::emitRowsChanged(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype start = 0;
    while (start < rows.size()) {
        qsizetype end = start;
        while (end + 1 < rows.size() && rows.at(end + 1) == rows.at(end) + 1)
            ++end;
        emit dataChanged(index(rows.at(start), 0), index(rows.at(end), ColumnCount - 1));
        start = end + 1;
    }
}

QModelIndex FleetModel::indexOf(const QString &environment, FleetRow::Kind kind,
                                const QString &namespaceName, const QString &name, int column) const
{
    const int row = m_rowIndex.value(FleetRow::makeKey(environment, kind, namespaceName, name), -1);
    if (row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    return index(row, column);
}

const FleetRow *FleetModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

const Rollout *FleetModel::rolloutAt(int row) const
{
    const FleetRow *r = rowAt(row);
    return r && r->rollout ? &*r->rollout : nullptr;
}

const Deployment *FleetModel::deploymentAt(int row) const
{
    const FleetRow *r = rowAt(row);
    return r && r->deployment ? &*r->deployment : nullptr;
}

QList<ReplicaSet> FleetModel::replicaSetsOf(const QString &environment,
                                            const QString &ownerUid) const
{
    const auto it = m_data.constFind(environment);
    if (it == m_data.constEnd())
        return {};
    return ownedReplicaSets(ownedBy(*it, ownerUid), ownerUid);
}

int FleetModel::workloadCount(const QString &environment) const
{
    const auto it = m_data.constFind(environment);
    return it == m_data.constEnd() ? 0 : it->rows;
}

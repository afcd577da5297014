// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's row bookkeeping: removing and re-indexing rows, change signals, lookups.
#include "fleetmodel.h"

#include "replicasetstatus.h"

#include <QLocale>
#include <QThread>
#include <QTimer>

#include <algorithm>

void FleetModel::refreshAges()
{
    if (m_rows.isEmpty())
        return;
    emit dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, AgeColumn));
}

void FleetModel::refreshCountdowns()
{
    bool any = false;
    for (int row = 0; row < m_rows.size(); ++row) {
        const FleetRow &fleetRow = m_rows.at(row);
        if (fleetRow.situation != RolloutSituation::Kind::TimedPause
            || m_stale.contains(fleetRow.environment))
            continue;
        any = true;
        const QModelIndex cell = index(row, StatusColumn);
        emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole, SituationRole});
    }
    if (!any)
        m_countdownTimer->stop();
}

void FleetModel::updateCountdownTimer()
{
    for (const FleetRow &row : std::as_const(m_rows)) {
        if (row.situation == RolloutSituation::Kind::TimedPause
            && !m_stale.contains(row.environment)) {
            if (!m_countdownTimer->isActive())
                m_countdownTimer->start();
            return;
        }
    }
    m_countdownTimer->stop();
}

void FleetModel::setConnectionState(const QString &environment, const ConnectionState &state)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const bool wasStale = m_stale.contains(environment);
    if (state.isError()) {
        Stale &stale = m_stale[environment];
        if (!wasStale)
            stale.since = now();
        stale.reason = state.reason;
    } else {
        m_stale.remove(environment);
    }
    const bool isStale = m_stale.contains(environment);
    if (wasStale == isStale)
        return;
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).environment == environment)
            rows.append(row);
    }
    emitRowsChanged(rows);
    updateCountdownTimer();
    emit staleChanged(environment, isStale);
    emitDetailsChanged(environment, {}, {}, true);
}

QDateTime FleetModel::staleSince(const QString &environment) const
{
    return m_stale.value(environment).since;
}

QString FleetModel::staleReason(const QString &environment) const
{
    return m_stale.value(environment).reason;
}

QString FleetModel::staleText(const QString &environment) const
{
    const auto it = m_stale.constFind(environment);
    if (it == m_stale.cend())
        return QString();
    return staleLabel(it->since);
}

QString FleetModel::staleLabel(const QDateTime &since)
{
    return tr("Stale since %1")
        .arg(QLocale().toString(since.toLocalTime().time(), QStringLiteral("HH:mm:ss")));
}

FleetModel::AttentionCounts FleetModel::attentionCounts(const QString &environment) const
{
    return m_attentionCounts.value(environment);
}

void FleetModel::updateAttentionCounts(const QString &environment)
{
    AttentionCounts counts;
    for (const FleetRow &row : std::as_const(m_rows)) {
        if (row.environment != environment)
            continue;
        if (row.attention == FleetRow::Attention::Failure)
            ++counts.failures;
        else if (row.attention == FleetRow::Attention::WaitingForPerson)
            ++counts.waiting;
    }
    if (counts == m_attentionCounts.value(environment))
        return;
    m_attentionCounts.insert(environment, counts);
    emit attentionCountsChanged(environment, counts.failures, counts.waiting);
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

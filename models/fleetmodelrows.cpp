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
        const FleetRow &fleetRow = *m_rows.at(row);
        if (fleetRow.situation != RolloutSituation::Kind::TimedPause
            || isStale(fleetRow.environment))
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
    for (const RowPtr &row : std::as_const(m_rows)) {
        if (row->situation == RolloutSituation::Kind::TimedPause && !isStale(row->environment)) {
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
    EnvironmentStore &store = m_store.environmentFor(environment);
    if (!store.setStale(state.isError(), state.reason, now()))
        return;
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row)->environment == environment)
            rows.append(row);
    }
    emitRowsChanged(rows);
    updateCountdownTimer();
    emit staleChanged(environment, store.isStale());
    emitAllDetailsChanged(environment);
}

bool FleetModel::isStale(const QString &environment) const
{
    const EnvironmentStore *store = m_store.environment(environment);
    return store && store->isStale();
}

QDateTime FleetModel::staleSince(const QString &environment) const
{
    const EnvironmentStore *store = m_store.environment(environment);
    return store ? store->staleSince() : QDateTime();
}

QString FleetModel::staleReason(const QString &environment) const
{
    const EnvironmentStore *store = m_store.environment(environment);
    return store ? store->staleReason() : QString();
}

QString FleetModel::staleText(const QString &environment) const
{
    const QDateTime since = staleSince(environment);
    return since.isValid() ? staleLabel(since) : QString();
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
    const EnvironmentStore *store = m_store.environment(environment);
    AttentionCounts counts;
    if (store) {
        counts.failures = store->failureCount();
        counts.waiting = store->waitingCount();
    }
    if (counts == m_attentionCounts.value(environment))
        return;
    m_attentionCounts.insert(environment, counts);
    emit attentionCountsChanged(environment, counts.failures, counts.waiting);
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
            m_rowIndex.remove(m_rows.at(row)->key());
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
        m_rowIndex.insert(m_rows.at(i)->key(), i);
}

void FleetModel::emitRowsChanged(QList<int> rows, int firstColumn, int lastColumn)
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
        emit dataChanged(index(rows.at(start), firstColumn), index(rows.at(end), lastColumn));
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

std::shared_ptr<const Rollout> FleetModel::rolloutAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row)->rollout : nullptr;
}

std::shared_ptr<const Deployment> FleetModel::deploymentAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row)->deployment : nullptr;
}

int FleetModel::workloadCount(const QString &environment) const
{
    const EnvironmentStore *store = m_store.environment(environment);
    return store ? store->rowCount() : 0;
}

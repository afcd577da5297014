// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetmodel.h"

#include "replicasetstatus.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int AgeRefreshMs = 30000;
constexpr int CountdownMs = 1000;
} // namespace

FleetModel::FleetModel(QObject *parent) :
    QAbstractTableModel(parent),
    m_clock([] { return QDateTime::currentDateTimeUtc(); }),
    m_ageTimer(new QTimer(this)),
    m_countdownTimer(new QTimer(this))
{
    m_ageTimer->setInterval(AgeRefreshMs);
    connect(m_ageTimer, &QTimer::timeout, this, &FleetModel::refreshAges);
    m_sliceTimer = new QTimer(this);
    m_sliceTimer->setSingleShot(true);
    m_sliceTimer->setInterval(0);
    connect(m_sliceTimer, &QTimer::timeout, this, &FleetModel::applyNextSlice);
    m_countdownTimer->setObjectName(QStringLiteral("fleetCountdownTimer"));
    m_countdownTimer->setInterval(CountdownMs);
    connect(m_countdownTimer, &QTimer::timeout, this, &FleetModel::refreshCountdowns);
}

FleetModel::~FleetModel() = default;

void FleetModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
}

QDateTime FleetModel::now() const
{
    return m_clock();
}

void FleetModel::setEnvironments(const QList<EnvironmentSpec> &environments)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const QList<EnvironmentSpec> before = m_store.environments();
    m_store.setEnvironments(environments);
    QSet<QString> names;
    for (const EnvironmentSpec &spec : environments)
        names.insert(spec.name);
    // Slices of an environment that goes must not bring it back.
    m_pendingSlices.removeIf(
        [&](const PendingSlice &pending) { return !names.contains(pending.environment); });
    m_argoApplications.removeIf(
        [&](QHash<QString, ArgoWorkloadIndex>::iterator it) { return !names.contains(it.key()); });
    QList<int> gone;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!names.contains(m_rows.at(row)->environment))
            gone.append(row);
    }
    removeRowsAt(gone);
    // The environment column sorts by position in the list.
    if (before != m_store.environments() && !m_rows.isEmpty())
        emit dataChanged(index(0, EnvironmentColumn), index(rowCount() - 1, EnvironmentColumn));
    for (const QString &name : m_store.environmentNames()) {
        if (names.contains(name))
            continue;
        const EnvironmentStore &dropped = *m_store.environment(name);
        const QStringList rollouts = dropped.rolloutUids();
        const QStringList deployments = dropped.deploymentUids();
        const QStringList canaries = dropped.canaryUids();
        m_store.remove(name);
        emit workloadCountChanged(name, 0);
        if (m_attentionCounts.remove(name))
            emit attentionCountsChanged(name, 0, 0);
        emitDetailsChanged(name, QSet<QString>(rollouts.cbegin(), rollouts.cend()),
                           QSet<QString>(deployments.cbegin(), deployments.cend()),
                           QSet<QString>(canaries.cbegin(), canaries.cend()));
    }
}

void FleetModel::applyBatch(const QString &environment, const WorkloadDeltaBatch &batch)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_pendingSlices.isEmpty() && batch.changeCount() <= m_sliceObjects) {
        applyWhole(environment, batch);
        return;
    }
    const bool idle = m_pendingSlices.isEmpty();
    for (const BatchSlicer::Slice &slice : BatchSlicer::slice(batch, m_sliceObjects))
        m_pendingSlices.append({environment, slice});
    if (idle)
        applyNextSlice(); // the first slice at once, the rest on later turns
}

void FleetModel::applyNextSlice()
{
    if (m_pendingSlices.isEmpty())
        return;
    const PendingSlice next = m_pendingSlices.takeFirst();
    // Taken now, after every slice queued before it: a reset's deletes are decided against
    // what the environment holds at this turn.
    applyWhole(next.environment, next.slice.take(m_store.environment(next.environment)));
    if (!m_pendingSlices.isEmpty())
        m_sliceTimer->start();
}

bool FleetModel::hasPendingSlices(const QString &environment) const
{
    return std::any_of(m_pendingSlices.cbegin(), m_pendingSlices.cend(),
                       [&](const PendingSlice &pending) {
                           return environment.isEmpty() || pending.environment == environment;
                       });
}

void FleetModel::applyWhole(const QString &environment, const WorkloadDeltaBatch &batch)
{
    const EnvironmentStore *store = m_store.environment(environment);
    // A reset that throws away many rows is cheaper for the views as one model reset.
    if (batch.reset && store && store->rowCount() > m_resetThreshold)
        resetEnvironment(environment, batch);
    else
        applyChange(environment, m_store.environmentFor(environment).apply(batch, now()));
}

void FleetModel::applyChange(const QString &environment, const EnvironmentStore::Change &change)
{
    // Removals first, so the rows that change are found at their final positions.
    QList<int> removed;
    for (const QString &key : change.removedKeys) {
        const int row = m_rowIndex.value(key, -1);
        if (row >= 0)
            removed.append(row);
    }
    removeRowsAt(removed);

    QList<int> changed;
    for (const RowPtr &row : change.changed) {
        const int at = m_rowIndex.value(row->key(), -1);
        if (at >= 0) {
            m_rows[at] = row;
            changed.append(at);
        }
    }
    for (const RowPtr &row : change.replaced) {
        const int at = m_rowIndex.value(row->key(), -1);
        if (at >= 0)
            m_rows[at] = row; // a newer object, nothing visible changed: no signal
    }
    if (!change.inserted.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(change.inserted.size()) - 1);
        for (const RowPtr &row : change.inserted) {
            m_rowIndex.insert(row->key(), int(m_rows.size()));
            m_rows.append(row);
        }
        endInsertRows();
    }
    emitRowsChanged(changed);
    if (!m_rows.isEmpty() && !m_ageTimer->isActive())
        m_ageTimer->start();
    updateCountdownTimer();
    updateAttentionCounts(environment);
    if (change.rowCountChanged)
        emit workloadCountChanged(environment, workloadCount(environment));
    emitDetailsChanged(environment, change.rolloutDetails, change.deploymentDetails,
                       change.canaryDetails);
}

void FleetModel::resetEnvironment(const QString &environment, const WorkloadDeltaBatch &batch)
{
    beginResetModel();
    const EnvironmentStore::Change change = m_store.environmentFor(environment).apply(batch, now());
    QList<RowPtr> kept;
    kept.reserve(m_rows.size());
    for (RowPtr &row : m_rows) {
        if (row->environment != environment)
            kept.append(std::move(row));
    }
    m_rows = std::move(kept);
    // The batch's order, as the rows of a delta would be appended.
    const EnvironmentStore &store = *m_store.environment(environment);
    QSet<QString> appended;
    const auto append = [&](FleetRow::Kind kind, const ObjectMeta &meta) {
        const QString key = FleetRow::makeKey(environment, kind, meta.namespaceName, meta.name);
        RowPtr row = store.row(key);
        if (row && !appended.contains(key)) {
            appended.insert(key);
            m_rows.append(std::move(row));
        }
    };
    for (const Rollout &rollout : batch.upserts<Rollout>())
        append(FleetRow::Kind::Rollout, rollout.metadata);
    for (const Deployment &deployment : batch.upserts<Deployment>())
        append(FleetRow::Kind::Deployment, deployment.metadata);
    for (const FlaggerCanary &canary : batch.upserts<FlaggerCanary>())
        append(FleetRow::Kind::FlaggerCanary, canary.metadata);
    m_rowIndex.clear();
    reindexFrom(0);
    endResetModel();
    updateCountdownTimer();
    updateAttentionCounts(environment);
    emit workloadCountChanged(environment, store.rowCount());
    emitDetailsChanged(environment, change.rolloutDetails, change.deploymentDetails,
                       change.canaryDetails);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetmodel.h"

#include "replicasetstatus.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int AgeRefreshMs = 30000;
constexpr int CountdownMs = 1000;

QString objectKey(const ObjectMeta &meta)
{
    return WorkloadDeltaBatch::key(meta.namespaceName, meta.name);
}

// "ns/name" -> (ns, name)
std::pair<QString, QString> splitKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return {QString(), key};
    return {key.left(slash), key.mid(slash + 1)};
}
} // namespace

FleetModel::FleetModel(QObject *parent) :
    QAbstractTableModel(parent),
    m_clock([] { return QDateTime::currentDateTimeUtc(); }),
    m_ageTimer(new QTimer(this)),
    m_countdownTimer(new QTimer(this))
{
    m_ageTimer->setInterval(AgeRefreshMs);
    connect(m_ageTimer, &QTimer::timeout, this, &FleetModel::refreshAges);
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
    QList<EnvironmentSpec> sorted = environments;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const EnvironmentSpec &a, const EnvironmentSpec &b) {
                         return a.order != b.order ? a.order < b.order : a.name < b.name;
                     });
    QSet<QString> names;
    for (const EnvironmentSpec &spec : std::as_const(sorted))
        names.insert(spec.name);
    QList<int> gone;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!names.contains(m_rows.at(row).environment))
            gone.append(row);
    }
    QStringList dropped;
    for (auto it = m_data.cbegin(); it != m_data.cend(); ++it) {
        if (!names.contains(it.key()))
            dropped.append(it.key());
    }
    removeRowsAt(gone);
    QHash<QString, QSet<QString>> droppedRollouts;
    for (const QString &name : std::as_const(dropped)) {
        const EnvironmentData &env = m_data[name];
        for (auto it = env.rolloutKeyByUid.cbegin(); it != env.rolloutKeyByUid.cend(); ++it)
            droppedRollouts[name].insert(it.key());
        m_data.remove(name);
    }
    const bool orderChanged = m_environments != sorted;
    m_environments = sorted;
    // The environment column sorts by position in this list.
    if (orderChanged && !m_rows.isEmpty())
        emit dataChanged(index(0, EnvironmentColumn), index(rowCount() - 1, EnvironmentColumn));
    for (const QString &name : std::as_const(dropped)) {
        emit workloadCountChanged(name, 0);
        m_stale.remove(name);
        if (m_attentionCounts.remove(name))
            emit attentionCountsChanged(name, 0, 0);
        emitDetailsChanged(name, {}, droppedRollouts.value(name), false);
    }
}

FleetModel::EnvironmentData &FleetModel::environmentData(const QString &environment)
{
    return m_data[environment];
}

QList<ReplicaSet> FleetModel::ownedBy(const EnvironmentData &env, const QString &uid) const
{
    return env.objects.replicaSetsOwnedBy(uid);
}

void FleetModel::forgetRow(EnvironmentData &env, const FleetRow &row)
{
    --env.rows;
    if (row.kind == FleetRow::Kind::Rollout) {
        const QString uid = row.metadata().uid;
        if (env.rolloutKeyByUid.value(uid) == row.key())
            env.rolloutKeyByUid.remove(uid);
    }
}

void FleetModel::rememberRow(EnvironmentData &env, const FleetRow &row)
{
    ++env.rows;
    if (row.kind == FleetRow::Kind::Rollout && !row.metadata().uid.isEmpty())
        env.rolloutKeyByUid.insert(row.metadata().uid, row.key());
}

void FleetModel::applyBatch(const QString &environment, const WorkloadDeltaBatch &batch)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (batch.reset)
        resetEnvironment(environment, batch);
    else
        applyChanges(environment, batch, false);
}

void FleetModel::applyChanges(const QString &environment, const WorkloadDeltaBatch &batch,
                              bool replaceObjects)
{
    EnvironmentData &env = environmentData(environment);
    const int rowsBefore = env.rows;

    // Only index updates here, whatever the batch holds: 1,000 changes a second must not
    // stall the GUI thread.
    QSet<QString> affectedOwners;
    QSet<QString> detailOwners;
    env.objects.apply(batch, replaceObjects, &affectedOwners, &detailOwners);
    bool allDetails = replaceObjects;
    if (replaceObjects || !batch.detailStatus.isEmpty())
        allDetails = env.objects.setDetailStatus(batch.detailStatus) || allDetails;

    // Removals first, so the rows that change are found at their final positions.
    QList<int> removed;
    const auto collect = [&](const QStringList &keys, FleetRow::Kind kind) {
        for (const QString &key : keys) {
            const auto [ns, name] = splitKey(key);
            const int row = m_rowIndex.value(FleetRow::makeKey(environment, kind, ns, name), -1);
            if (row >= 0)
                removed.append(row);
        }
    };
    collect(batch.rolloutDeletes, FleetRow::Kind::Rollout);
    collect(batch.deploymentDeletes, FleetRow::Kind::Deployment);
    QSet<QString> removedRollouts;
    for (int row : std::as_const(removed)) {
        const FleetRow &gone = m_rows.at(row);
        if (gone.kind == FleetRow::Kind::Rollout)
            removedRollouts.insert(gone.metadata().uid);
        forgetRow(env, gone);
    }
    removeRowsAt(removed);

    QList<int> changed;
    QList<FleetRow> inserted;
    QHash<QString, qsizetype> insertedIndex;
    const auto upsert = [&](FleetRow &&row) {
        const QString key = row.key();
        const int existing = m_rowIndex.value(key, -1);
        if (existing >= 0) {
            FleetRow &old = m_rows[existing];
            row.carryObservations(old, now());
            if (old.sameContent(row)) {
                old = std::move(row); // the newest resourceVersion, nothing visible changed
                return;
            }
            forgetRow(env, old);
            rememberRow(env, row);
            old = std::move(row);
            changed.append(existing);
        } else if (const auto it = insertedIndex.constFind(key); it != insertedIndex.constEnd()) {
            inserted[*it] = std::move(row);
        } else {
            insertedIndex.insert(key, inserted.size());
            inserted.append(std::move(row));
        }
    };
    QSet<QString> rebuiltOwners;
    for (const Rollout &rollout : batch.rolloutUpserts) {
        rebuiltOwners.insert(rollout.metadata.uid);
        detailOwners.insert(rollout.metadata.uid);
        upsert(FleetRow::fromRollout(environment, rollout, ownedBy(env, rollout.metadata.uid)));
    }
    for (const Deployment &deployment : batch.deploymentUpserts)
        upsert(FleetRow::fromDeployment(environment, deployment));
    // Rollouts whose ReplicaSets changed: actual weight, revision and images follow them.
    for (const QString &uid : std::as_const(affectedOwners)) {
        if (rebuiltOwners.contains(uid))
            continue;
        const int row = m_rowIndex.value(env.rolloutKeyByUid.value(uid), -1);
        if (row >= 0 && m_rows.at(row).rollout)
            upsert(FleetRow::fromRollout(environment, *m_rows.at(row).rollout, ownedBy(env, uid)));
    }

    if (!inserted.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(inserted.size()) - 1);
        for (FleetRow &row : inserted) {
            rememberRow(env, row);
            m_rowIndex.insert(row.key(), int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
    emitRowsChanged(changed);
    if (!m_rows.isEmpty() && !m_ageTimer->isActive())
        m_ageTimer->start();
    updateCountdownTimer();
    updateAttentionCounts(environment);
    if (env.rows != rowsBefore)
        emit workloadCountChanged(environment, env.rows);
    emitDetailsChanged(environment, detailOwners, removedRollouts, allDetails);
}

void FleetModel::resetEnvironment(const QString &environment, const WorkloadDeltaBatch &batch)
{
    EnvironmentData &env = environmentData(environment);
    // A reset that throws away many rows is cheaper for the views as one model reset.
    if (env.rows > m_resetThreshold) {
        QSet<QString> removedRollouts;
        for (auto it = env.rolloutKeyByUid.cbegin(); it != env.rolloutKeyByUid.cend(); ++it)
            removedRollouts.insert(it.key());
        beginResetModel();
        QList<FleetRow> kept;
        kept.reserve(m_rows.size() - env.rows);
        for (FleetRow &row : m_rows) {
            if (row.environment != environment)
                kept.append(std::move(row));
        }
        m_rows = std::move(kept);
        env = EnvironmentData();
        QSet<QString> ignored;
        env.objects.apply(batch, true, &ignored, &ignored);
        env.objects.setDetailStatus(batch.detailStatus);
        for (const Rollout &rollout : batch.rolloutUpserts) {
            m_rows.append(
                FleetRow::fromRollout(environment, rollout, ownedBy(env, rollout.metadata.uid)));
            rememberRow(env, m_rows.constLast());
        }
        for (const Deployment &deployment : batch.deploymentUpserts) {
            m_rows.append(FleetRow::fromDeployment(environment, deployment));
            rememberRow(env, m_rows.constLast());
        }
        m_rowIndex.clear();
        reindexFrom(0);
        endResetModel();
        updateCountdownTimer();
        updateAttentionCounts(environment);
        emit workloadCountChanged(environment, env.rows);
        emitDetailsChanged(environment, {}, removedRollouts, true);
        return;
    }

    // Otherwise the reset is a delta: everything of this environment not in the batch goes.
    WorkloadDeltaBatch delta = batch;
    delta.reset = false;
    QSet<QString> keep;
    for (const Rollout &rollout : batch.rolloutUpserts)
        keep.insert(FleetRow::makeKey(environment, FleetRow::Kind::Rollout,
                                      rollout.metadata.namespaceName, rollout.metadata.name));
    for (const Deployment &deployment : batch.deploymentUpserts)
        keep.insert(FleetRow::makeKey(environment, FleetRow::Kind::Deployment,
                                      deployment.metadata.namespaceName, deployment.metadata.name));
    for (const FleetRow &row : std::as_const(m_rows)) {
        if (row.environment != environment || keep.contains(row.key()))
            continue;
        const QString key = objectKey(row.metadata());
        (row.kind == FleetRow::Kind::Rollout ? delta.rolloutDeletes : delta.deploymentDeletes)
            .append(key);
    }
    // ReplicaSets, pods, AnalysisRuns and Events: the index replaces them all.
    applyChanges(environment, delta, true);
}

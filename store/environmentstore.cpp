// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentstore.h"

#include "replicasetstatus.h"

namespace {
// "ns/name" -> (ns, name)
std::pair<QString, QString> splitKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return {QString(), key};
    return {key.left(slash), key.mid(slash + 1)};
}
} // namespace

QList<ReplicaSet> EnvironmentStore::replicaSetsOf(const QString &ownerUid) const
{
    return ownedReplicaSets(m_objects.replicaSetsOwnedBy(ownerUid), ownerUid);
}

bool EnvironmentStore::setStale(bool stale, const QString &reason, const QDateTime &now)
{
    const bool was = isStale();
    if (stale) {
        if (!was)
            m_staleSince = now;
        m_staleReason = reason;
    } else {
        m_staleSince = QDateTime();
        m_staleReason.clear();
    }
    return was != isStale();
}

QHash<QString, QString> &EnvironmentStore::keyByUid(FleetRow::Kind kind)
{
    switch (kind) {
    case FleetRow::Kind::Rollout:
        return m_rolloutKeyByUid;
    case FleetRow::Kind::Deployment:
        return m_deploymentKeyByUid;
    case FleetRow::Kind::FlaggerCanary:
        break;
    }
    return m_canaryKeyByUid;
}

QSet<QString> *EnvironmentStore::detailsOf(FleetRow::Kind kind, Change *change) const
{
    switch (kind) {
    case FleetRow::Kind::Rollout:
        return &change->rolloutDetails;
    case FleetRow::Kind::Deployment:
        return &change->deploymentDetails;
    case FleetRow::Kind::FlaggerCanary:
        break;
    }
    return &change->canaryDetails;
}

void EnvironmentStore::forget(const FleetRow &row)
{
    const QString key = row.key();
    QHash<QString, QString> &byUid = keyByUid(row.kind);
    const QString &uid = row.metadata().uid;
    if (byUid.value(uid) == key)
        byUid.remove(uid);
    if (row.attention == FleetRow::Attention::Failure)
        --m_failures;
    else if (row.attention == FleetRow::Attention::WaitingForPerson)
        --m_waiting;
}

void EnvironmentStore::remember(const RowPtr &row)
{
    const QString key = row->key();
    m_rows.insert(key, row);
    const QString &uid = row->metadata().uid;
    if (!uid.isEmpty())
        keyByUid(row->kind).insert(uid, key);
    if (row->attention == FleetRow::Attention::Failure)
        ++m_failures;
    else if (row->attention == FleetRow::Attention::WaitingForPerson)
        ++m_waiting;
}

void EnvironmentStore::removeRow(const QString &key, Change *change)
{
    const RowPtr old = m_rows.value(key);
    if (!old)
        return;
    detailsOf(old->kind, change)->insert(old->metadata().uid);
    forget(*old);
    m_rows.remove(key);
    change->removedKeys.append(key);
}

void EnvironmentStore::upsert(FleetRow &&row, Change *change, QHash<QString, qsizetype> *insertedAt,
                              const QDateTime &now)
{
    const QString key = row.key();
    const RowPtr old = m_rows.value(key);
    if (old) {
        row.carryObservations(*old, now);
        forget(*old);
    }
    applyPauseClaim(row, old.get(), now);
    const bool same = old && old->sameContent(row);
    const auto fresh = std::make_shared<const FleetRow>(std::move(row));
    remember(fresh);
    if (const auto it = insertedAt->constFind(key); it != insertedAt->constEnd()) {
        change->inserted[*it] = fresh; // new in this batch and changed again
    } else if (!old) {
        insertedAt->insert(key, change->inserted.size());
        change->inserted.append(fresh);
    } else {
        // The newest resourceVersion either way; only a visible change is signalled.
        (same ? change->replaced : change->changed).append(fresh);
    }
}

void EnvironmentStore::rederive(const QString &ownerUid, Change *change,
                                QHash<QString, qsizetype> *insertedAt, const QDateTime &now)
{
    const RowPtr row = rolloutRow(ownerUid);
    if (row && row->rollout)
        upsert(FleetRow::fromRollout(m_name, *row->rollout, m_objects.replicaSetsOwnedBy(ownerUid)),
               change, insertedAt, now);
}

void EnvironmentStore::removeRowsNotIn(const WorkloadDeltaBatch &reset, Change *change)
{
    QSet<QString> kept;
    const auto keep = [&](FleetRow::Kind kind, const ObjectMeta &meta) {
        kept.insert(FleetRow::makeKey(m_name, kind, meta.namespaceName, meta.name));
    };
    for (const Rollout &rollout : reset.upserts<Rollout>())
        keep(FleetRow::Kind::Rollout, rollout.metadata);
    for (const Deployment &deployment : reset.upserts<Deployment>())
        keep(FleetRow::Kind::Deployment, deployment.metadata);
    for (const FlaggerCanary &canary : reset.upserts<FlaggerCanary>())
        keep(FleetRow::Kind::FlaggerCanary, canary.metadata);
    QStringList gone;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (!kept.contains(it.key()))
            gone.append(it.key());
    }
    for (const QString &key : std::as_const(gone))
        removeRow(key, change);
}

EnvironmentStore::Change EnvironmentStore::apply(const WorkloadDeltaBatch &batch,
                                                 const QDateTime &now)
{
    Change change;
    const int rowsBefore = rowCount();
    const bool replace = batch.reset;

    // Index updates only, whatever the batch holds: 1,000 changes a second must not stall
    // the GUI thread.
    QSet<QString> replicaSetOwners;
    QSet<QString> detailOwners;
    m_objects.apply(batch, replace, &replicaSetOwners, &detailOwners);
    bool allDetails = replace;
    if (replace || !batch.detailStatus.isEmpty())
        allDetails = m_objects.setDetailStatus(batch.detailStatus) || allDetails;

    // Removals first. A reset removes every row the batch does not list.
    if (replace)
        removeRowsNotIn(batch, &change);
    const auto removeAll = [&](const QStringList &keys, FleetRow::Kind kind) {
        for (const QString &key : keys) {
            const auto [ns, name] = splitKey(key);
            removeRow(FleetRow::makeKey(m_name, kind, ns, name), &change);
        }
    };
    removeAll(batch.deletes<Rollout>(), FleetRow::Kind::Rollout);
    removeAll(batch.deletes<Deployment>(), FleetRow::Kind::Deployment);
    removeAll(batch.deletes<FlaggerCanary>(), FleetRow::Kind::FlaggerCanary);

    QHash<QString, qsizetype> insertedAt;
    QSet<QString> rederived;
    for (const Rollout &rollout : batch.upserts<Rollout>()) {
        const QString &uid = rollout.metadata.uid;
        rederived.insert(uid);
        detailOwners.insert(uid);
        upsert(FleetRow::fromRollout(m_name, rollout, m_objects.replicaSetsOwnedBy(uid)), &change,
               &insertedAt, now);
    }
    for (const Deployment &deployment : batch.upserts<Deployment>())
        detailOwners.insert(deployment.metadata.uid);
    const QHash<QString, QString> canaryTargetsBefore = updateCanaryTargets(batch, replace);
    applyDeployments(batch, replace, &change, &insertedAt, now);
    applyCanaries(batch, canaryTargetsBefore, &change, &insertedAt, now);
    // Rollouts whose ReplicaSets changed: actual weight, revision and images follow them.
    for (const QString &uid : std::as_const(replicaSetOwners)) {
        if (!rederived.contains(uid))
            rederive(uid, &change, &insertedAt, now);
    }

    if (allDetails) {
        for (const QString &uid : m_rolloutKeyByUid.keys())
            change.rolloutDetails.insert(uid);
        for (const QString &uid : m_deploymentKeyByUid.keys())
            change.deploymentDetails.insert(uid);
        for (const QString &uid : m_canaryKeyByUid.keys())
            change.canaryDetails.insert(uid);
    } else {
        // Owners also name objects not (yet) known: only workloads held here count.
        for (const QString &uid : std::as_const(detailOwners)) {
            if (m_rolloutKeyByUid.contains(uid))
                change.rolloutDetails.insert(uid);
            else if (m_deploymentKeyByUid.contains(uid))
                change.deploymentDetails.insert(uid);
            else if (m_canaryKeyByUid.contains(uid))
                change.canaryDetails.insert(uid);
            else
                noteManagedDeploymentDetail(uid, &change);
        }
    }
    change.rolloutDetails.remove(QString());
    change.deploymentDetails.remove(QString());
    change.canaryDetails.remove(QString());
    change.rowCountChanged = rowCount() != rowsBefore;
    return change;
}

void EnvironmentStore::applyPauseClaim(FleetRow &row, const FleetRow *old, const QDateTime &now)
{
    if (!row.rollout)
        return;
    const auto claim = m_pauseClaims.constFind(row.rollout->metadata.uid);
    if (claim == m_pauseClaims.constEnd())
        return;
    const bool wasPaused = old && old->rollout && old->rollout->spec.paused;
    // A claim older than a minute when a pause starts is not about that pause.
    const bool fresh = claim->at.msecsTo(now) <= 60000;
    if (!row.rollout->spec.paused) {
        if (wasPaused || !fresh)
            m_pauseClaims.erase(claim); // the claimed pause ended, or never came
        return;
    }
    if (!wasPaused && !fresh) {
        m_pauseClaims.erase(claim);
        return;
    }
    row.observations.manualPauseBy = claim->who;
}

bool EnvironmentStore::claimManualPause(const QString &uid, const QString &who,
                                        const QDateTime &now, Change *change)
{
    m_pauseClaims.insert(uid, PauseClaim {who, now});
    const RowPtr old = rolloutRow(uid);
    if (!old || !old->rollout || !old->rollout->spec.paused
        || old->observations.manualPauseBy == who)
        return false;
    // The watch showed the pause before the window's answer came back.
    FleetRow row = *old;
    row.observations.manualPauseBy = who;
    forget(*old);
    const auto fresh = std::make_shared<const FleetRow>(std::move(row));
    remember(fresh);
    change->changed.append(fresh);
    change->rolloutDetails.insert(uid);
    return true;
}

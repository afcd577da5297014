// SPDX-License-Identifier: GPL-3.0-or-later
// EnvironmentStore's Flagger part (issue 16). A Flagger canary manages two Deployments: its
// target, which people deploy to and Flagger scales up only while a new version is analysed,
// and <target>-primary, which Flagger makes and which serves the stable version. Shown as
// rows of their own they would be three rows for one service, two of them saying something
// else than the canary (the target at 0 replicas looks broken), so the canary's row stands for
// them and its detail shows them.
#include "environmentstore.h"

namespace {

const QLatin1String primarySuffix("-primary");

// Flagger can also target DaemonSets; those are not watched, so only Deployments are managed.
bool targetsDeployment(const FlaggerCanary &canary)
{
    const QString &kind = canary.spec.targetRef.kind;
    return !canary.spec.targetRef.name.isEmpty()
        && (kind.isEmpty() || kind == QLatin1String("Deployment"));
}

QString targetKeyOf(const FlaggerCanary &canary)
{
    return WorkloadDeltaBatch::key(canary.metadata.namespaceName, canary.spec.targetRef.name);
}

} // namespace

std::shared_ptr<const Deployment> EnvironmentStore::deployment(const QString &namespaceName,
                                                               const QString &name) const
{
    return m_deployments.value(WorkloadDeltaBatch::key(namespaceName, name));
}

QString EnvironmentStore::managingCanary(const QString &deploymentKey) const
{
    const auto direct = m_canaryByTarget.constFind(deploymentKey);
    if (direct != m_canaryByTarget.cend())
        return *direct;
    if (deploymentKey.endsWith(primarySuffix))
        return m_canaryByTarget.value(deploymentKey.chopped(primarySuffix.size()));
    return QString();
}

QHash<QString, QString> EnvironmentStore::updateCanaryTargets(const WorkloadDeltaBatch &batch,
                                                              bool replace)
{
    QHash<QString, QString> before = m_canaryByTarget;
    const QList<FlaggerCanary> &upserts = batch.upserts<FlaggerCanary>();
    if (!replace && upserts.isEmpty() && batch.deletes<FlaggerCanary>().isEmpty())
        return before;
    // Few canaries per environment: rebuilt from the rows (deleted ones are gone already) and
    // the batch, which holds the newer version of a canary that changed its target.
    QSet<QString> upserted;
    for (const FlaggerCanary &canary : upserts)
        upserted.insert(canary.metadata.uid);
    m_canaryByTarget.clear();
    for (auto it = m_canaryKeyByUid.cbegin(); it != m_canaryKeyByUid.cend(); ++it) {
        const RowPtr row = m_rows.value(*it);
        if (!upserted.contains(it.key()) && row && row->canary && targetsDeployment(*row->canary))
            m_canaryByTarget.insert(targetKeyOf(*row->canary), it.key());
    }
    for (const FlaggerCanary &canary : upserts) {
        if (targetsDeployment(canary))
            m_canaryByTarget.insert(targetKeyOf(canary), canary.metadata.uid);
    }
    return before;
}

void EnvironmentStore::applyDeployments(const WorkloadDeltaBatch &batch, bool replace,
                                        Change *change, QHash<QString, qsizetype> *insertedAt,
                                        const QDateTime &now)
{
    QSet<QString> canaries; // whose Deployments changed
    if (replace) {
        m_deployments.clear();
        m_deploymentKeyOfUid.clear();
    }
    for (const QString &key : batch.deletes<Deployment>()) {
        const std::shared_ptr<const Deployment> gone = m_deployments.take(key);
        if (gone)
            m_deploymentKeyOfUid.remove(gone->metadata.uid);
        canaries.insert(managingCanary(key));
    }
    for (const Deployment &deployment : batch.upserts<Deployment>()) {
        const QString key
            = WorkloadDeltaBatch::key(deployment.metadata.namespaceName, deployment.metadata.name);
        m_deployments.insert(key, std::make_shared<const Deployment>(deployment));
        m_deploymentKeyOfUid.insert(deployment.metadata.uid, key);
        const QString canary = managingCanary(key);
        if (canary.isEmpty())
            upsert(FleetRow::fromDeployment(m_name, deployment), change, insertedAt, now);
        else
            canaries.insert(canary);
    }
    canaries.remove(QString());
    for (const QString &uid : std::as_const(canaries))
        rederiveCanary(uid, change, insertedAt, now);
}

void EnvironmentStore::applyCanaries(const WorkloadDeltaBatch &batch,
                                     const QHash<QString, QString> &targetsBefore, Change *change,
                                     QHash<QString, qsizetype> *insertedAt, const QDateTime &now)
{
    // Deployments no canary manages any more get their rows back; newly managed ones lose
    // theirs (their canary's row stands for them).
    for (auto it = targetsBefore.cbegin(); it != targetsBefore.cend(); ++it) {
        if (!m_canaryByTarget.contains(it.key())) {
            showDeployment(it.key(), change, insertedAt, now);
            showDeployment(it.key() + primarySuffix, change, insertedAt, now);
        }
    }
    for (auto it = m_canaryByTarget.cbegin(); it != m_canaryByTarget.cend(); ++it) {
        for (const QString &key : {it.key(), QString(it.key() + primarySuffix)}) {
            const std::shared_ptr<const Deployment> managed = m_deployments.value(key);
            if (managed)
                removeRow(FleetRow::makeKey(m_name, FleetRow::Kind::Deployment,
                                            managed->metadata.namespaceName,
                                            managed->metadata.name),
                          change);
        }
    }
    for (const FlaggerCanary &canary : batch.upserts<FlaggerCanary>()) {
        change->canaryDetails.insert(canary.metadata.uid);
        upsert(canaryRowOf(canary), change, insertedAt, now);
    }
}

FleetRow EnvironmentStore::canaryRowOf(const FlaggerCanary &canary) const
{
    const QString &ns = canary.metadata.namespaceName;
    const QString &target = canary.spec.targetRef.name;
    const std::shared_ptr<const Deployment> targetDeployment = deployment(ns, target);
    const std::shared_ptr<const Deployment> primary = deployment(ns, target + primarySuffix);
    return FleetRow::fromFlaggerCanary(m_name, canary, targetDeployment.get(), primary.get());
}

void EnvironmentStore::showDeployment(const QString &deploymentKey, Change *change,
                                      QHash<QString, qsizetype> *insertedAt, const QDateTime &now)
{
    const std::shared_ptr<const Deployment> shown = m_deployments.value(deploymentKey);
    if (shown && managingCanary(deploymentKey).isEmpty())
        upsert(FleetRow::fromDeployment(m_name, *shown), change, insertedAt, now);
}

void EnvironmentStore::rederiveCanary(const QString &canaryUid, Change *change,
                                      QHash<QString, qsizetype> *insertedAt, const QDateTime &now)
{
    const RowPtr row = canaryRow(canaryUid);
    if (!row || !row->canary)
        return;
    change->canaryDetails.insert(canaryUid);
    upsert(canaryRowOf(*row->canary), change, insertedAt, now);
}

void EnvironmentStore::noteManagedDeploymentDetail(const QString &deploymentUid,
                                                   Change *change) const
{
    const QString canary = managingCanary(m_deploymentKeyOfUid.value(deploymentUid));
    if (!canary.isEmpty())
        change->canaryDetails.insert(canary);
}

QStringList EnvironmentStore::deploymentKeys() const
{
    return m_deployments.keys();
}

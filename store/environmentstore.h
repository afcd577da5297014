// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetdelta.h"
#include "fleetrow.h"
#include "workloadindex.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

// What one environment's informers delivered, kept for the views: a row per Rollout and
// Deployment with every value the table shows derived once (FleetRow), the ReplicaSets, pods,
// AnalysisRuns and Events indexed by owner, whether the detail kinds could be listed, and
// since when the data is stale. A plain value owned by FleetStore: no signals, no Qt item
// model, so it is tested without a GUI and the table model only maps its changes onto rows.
class EnvironmentStore
{
public:
    using RowPtr = std::shared_ptr<const FleetRow>;

    // What one batch changed. Rows are identified by FleetRow::key().
    struct Change
    {
        QStringList removedKeys;
        QList<RowPtr> changed; // an existing row whose visible content changed
        QList<RowPtr> replaced; // an existing row with a newer object but nothing visible new
        QList<RowPtr> inserted; // new rows, each key once, in the batch's order
        // Rollouts and Deployments whose detail changed (the object, its ReplicaSets, their
        // pods, its AnalysisRuns, Events about any of them, the detail kinds' availability),
        // including removed ones (their detail is now invalid).
        QSet<QString> rolloutDetails;
        QSet<QString> deploymentDetails;
        QSet<QString> canaryDetails; // Flagger canaries (their Deployments, pods, events)
        bool rowCountChanged = false;
    };

    // Applies a delta batch; a reset batch replaces everything the environment held. now: when
    // the batch arrived (a manual pause or an abort seen in between is dated by it).
    Change apply(const WorkloadDeltaBatch &batch, const QDateTime &now);

    // The window paused this rollout itself (onGateFail: pause): its manual pause, seen now
    // or within a minute, is `who`'s rather than a person's (RolloutObservations::
    // manualPauseBy) until it ends. True when a row changed (in *change).
    bool claimManualPause(const QString &uid, const QString &who, const QDateTime &now,
                          Change *change);

    // The connection state says whether the data is live. Returns true when staleness changed.
    bool setStale(bool stale, const QString &reason, const QDateTime &now);
    QDateTime staleSince() const { return m_staleSince; }
    QString staleReason() const { return m_staleReason; }
    bool isStale() const { return m_staleSince.isValid(); }

    int rowCount() const { return int(m_rows.size()); }
    RowPtr row(const QString &key) const { return m_rows.value(key); }
    RowPtr rolloutRow(const QString &uid) const { return row(m_rolloutKeyByUid.value(uid)); }
    RowPtr deploymentRow(const QString &uid) const { return row(m_deploymentKeyByUid.value(uid)); }
    RowPtr canaryRow(const QString &uid) const { return row(m_canaryKeyByUid.value(uid)); }
    // A Deployment by namespace and name, with a row of its own or managed by a Flagger
    // canary (its target or <target>-primary, which have none: the canary's row stands for
    // them); null when not known.
    std::shared_ptr<const Deployment> deployment(const QString &namespaceName,
                                                 const QString &name) const;
    template<typename F> void forEachRow(F &&f) const
    {
        for (const RowPtr &row : m_rows)
            f(row);
    }
    QStringList rolloutUids() const { return m_rolloutKeyByUid.keys(); }
    QStringList deploymentUids() const { return m_deploymentKeyByUid.keys(); }
    QStringList canaryUids() const { return m_canaryKeyByUid.keys(); }
    // Every Deployment's "ns/name", with a row or managed by a canary.
    QStringList deploymentKeys() const;
    int failureCount() const { return m_failures; }
    int waitingCount() const { return m_waiting; }

    const WorkloadIndex &objects() const { return m_objects; }
    // The ReplicaSets with any owner reference to ownerUid, the plugin's order.
    QList<ReplicaSet> replicaSetsOf(const QString &ownerUid) const;

private:
    void forget(const FleetRow &row);
    void remember(const RowPtr &row);
    // Rebuilds a row whose own object is unchanged (its ReplicaSets changed).
    void rederive(const QString &ownerUid, Change *change, QHash<QString, qsizetype> *insertedAt,
                  const QDateTime &now);
    void upsert(FleetRow &&row, Change *change, QHash<QString, qsizetype> *insertedAt,
                const QDateTime &now);
    void removeRow(const QString &key, Change *change);
    // A reset: every row whose object the batch does not list goes.
    void removeRowsNotIn(const WorkloadDeltaBatch &reset, Change *change);
    // Flagger (environmentstoreflagger.cpp): a Deployment gets a row unless a canary manages
    // it; a canary's row follows its Deployments. updateCanaryTargets() first (it returns the
    // targets before the batch), then applyDeployments(), then applyCanaries().
    QHash<QString, QString> updateCanaryTargets(const WorkloadDeltaBatch &batch, bool replace);
    void applyDeployments(const WorkloadDeltaBatch &batch, bool replace, Change *change,
                          QHash<QString, qsizetype> *insertedAt, const QDateTime &now);
    void applyCanaries(const WorkloadDeltaBatch &batch,
                       const QHash<QString, QString> &targetsBefore, Change *change,
                       QHash<QString, qsizetype> *insertedAt, const QDateTime &now);
    FleetRow canaryRowOf(const FlaggerCanary &canary) const;
    // The uid of the canary managing the Deployment "ns/name"; empty when none does.
    QString managingCanary(const QString &deploymentKey) const;
    void showDeployment(const QString &deploymentKey, Change *change,
                        QHash<QString, qsizetype> *insertedAt, const QDateTime &now);
    void rederiveCanary(const QString &canaryUid, Change *change,
                        QHash<QString, qsizetype> *insertedAt, const QDateTime &now);
    // A managed Deployment's pods or ReplicaSets changed: so did its canary's detail.
    void noteManagedDeploymentDetail(const QString &deploymentUid, Change *change) const;
    QHash<QString, QString> &keyByUid(FleetRow::Kind kind);
    QSet<QString> *detailsOf(FleetRow::Kind kind, Change *change) const;
    // Sets or drops the row's pause attribution from m_pauseClaims.
    void applyPauseClaim(FleetRow &row, const FleetRow *old, const QDateTime &now);

    QHash<QString, RowPtr> m_rows; // FleetRow::key() -> row
    struct PauseClaim
    {
        QString who;
        QDateTime at;
    };
    QHash<QString, PauseClaim> m_pauseClaims; // rollout uid -> the window's own pause
    QHash<QString, QString> m_rolloutKeyByUid;
    QHash<QString, QString> m_deploymentKeyByUid;
    QHash<QString, QString> m_canaryKeyByUid;
    // Every Deployment by "ns/name", with a row or not, and uid -> "ns/name".
    QHash<QString, std::shared_ptr<const Deployment>> m_deployments;
    QHash<QString, QString> m_deploymentKeyOfUid;
    // "ns/target" -> the uid of the canary whose targetRef names that Deployment.
    QHash<QString, QString> m_canaryByTarget;
    WorkloadIndex m_objects;
    QDateTime m_staleSince;
    QString m_staleReason;
    int m_failures = 0;
    int m_waiting = 0;
    QString m_name; // the environment, set by FleetStore (rows carry it)
    friend class FleetStore;
};

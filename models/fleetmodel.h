// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoworkloadindex.h"
#include "batchslicer.h"
#include "connectionstate.h"
#include "detailroles.h"
#include "environmentspec.h"
#include "fleetdelta.h"
#include "fleetrow.h"
#include "fleetstore.h"
#include "gateresult.h"
#include "safetynets.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QColor;
class QTimer;

// Every Rollout and Deployment of every environment, one row each: a table over the rows of
// a FleetStore, which it feeds on the GUI thread with the FleetFetcher's delta batches. A
// batch changes exactly the rows it touches (beginInsertRows / dataChanged of the changed row
// / beginRemoveRows). Only a reset batch that replaces more than resetThreshold() rows of an
// environment resets the model. Rows keep their position until removed (new rows are
// appended): sort through a FleetFilterProxy. Pods, AnalysisRuns and Events add no rows:
// the store indexes them by owner for its details, and rolloutDetailsChanged() /
// deploymentDetailsChanged() name the workloads whose detail a batch changed.
// Views and delegates read rows through the roles only.
class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnvironmentColumn,
        NamespaceColumn,
        NameColumn,
        KindColumn,
        StrategyColumn,
        StatusColumn,
        StepColumn,
        WeightColumn,
        RevisionColumn,
        ImagesColumn,
        ReplicasColumn,
        AgeColumn,
        GatesColumn, // shown after the status (FleetTableView orders the columns)
        ArgoCdColumn, // the managing Argo CD application's sync state; empty when none
        // A rollout's safety nets while a canary is in progress (hidden by default); empty else
        SafetyNetsColumn,
        ColumnCount
    };
    enum Role {
        PhaseRole = Qt::UserRole + 1, // QString: Healthy, Progressing, Paused, Degraded, ...
        MessageRole, // QString: the phase message (empty when Healthy)
        EnvironmentRole, // QString
        NamespaceRole, // QString
        NameRole, // QString
        KindRole, // QString: "Rollout" or "Deployment" (untranslated)
        SortRole, // a value that sorts the column naturally (numbers, times, lower-case text)
        RequiresAttentionRole, // bool: Degraded, or Paused for another reason than a step
        ImagesRole, // QStringList
        UidRole, // QString: metadata.uid
        AttentionRole, // int: FleetRow::Attention (None, WaitingForPerson, Failure)
        AttentionReasonRole, // QString: why it needs attention, translated; empty when not
        SituationRole, // QString: what it is doing in words (RolloutSituationText), no prefix
        StaleSinceRole, // QDateTime: when its environment was disconnected; null when live
        ImageTagsRole, // QStringList parallel to ImagesRole: "canary", "stable", "" ...
        DesiredReplicasRole, // int: the replicas wanted
        ReadyReplicasRole, // int: of those, ready
        // QStringList: the managing Argo CD application's name, its sync and health words
        // (Argo CD's, untranslated) and the Argo CD cell's text; empty when none manages it
        ArgoCdTermsRole,
        // On the Safety nets column: the earlier environment's evidence for the canary's
        // version (SafetyNetsText::evidence) as {environment, line} (QStringList) and a
        // verdict (int, an SafetyNetsText::Evidence); empty and None without a reading.
        StagingEvidenceRole,
        StagingVerdictRole,
    };

    // A rollout's quality-gate verdict (GateController) for the Gates column.
    struct GateVerdict
    {
        GateOutcome outcome = GateOutcome::Inconclusive;
        int failed = 0;
        int total = 0;
        QString summary; // the tooltip: one line per gate that did not pass
    };

    explicit FleetModel(QObject *parent = nullptr);
    ~FleetModel() override;

    // Environments not in the list lose their rows; the order and colours come from here.
    void setEnvironments(const QList<EnvironmentSpec> &environments);
    QList<EnvironmentSpec> environments() const { return m_store.environments(); }
    // What the rows are made of, and the details of Rollouts and Deployments.
    const FleetStore &store() const { return m_store; }
    void applyBatch(const QString &environment, const WorkloadDeltaBatch &batch);

    // The connection state of an environment as the fetcher reports it: while it is an
    // error the environment's rows are stale (grey, "Stale since 23:50:05", countdowns
    // stopped) and so are its rollouts' details.
    void setConnectionState(const QString &environment, const ConnectionState &state);
    // When the environment's data stopped being live; null while it is live.
    QDateTime staleSince(const QString &environment) const;
    QString staleReason(const QString &environment) const;
    // Degraded / waiting counts of an environment's rows (for the environment list).
    struct AttentionCounts
    {
        int failures = 0;
        int waiting = 0;
        bool operator==(const AttentionCounts &o) const
        {
            return failures == o.failures && waiting == o.waiting;
        }
        bool operator!=(const AttentionCounts &o) const { return !(*this == o); }
    };
    AttentionCounts attentionCounts(const QString &environment) const;
    // "Stale since 23:50:05" (local time) for a stale environment; empty when live.
    QString staleText(const QString &environment) const;
    static QString staleLabel(const QDateTime &since);
    // The step column: "2/6" while the second of six steps runs, "aborted", "6/6" when done.
    static QString stepText(const FleetRow &row);
    // "Canary", "Blue-green", "Rolling update", "Recreate" (translated).
    static QString strategyText(const QString &strategy);
    // The Kind column's word for a row kind ("Rollout", "Deployment", "Canary (Flagger)").
    static QString kindText(FleetRow::Kind kind);

    // Tests inject a fixed clock; the age column uses it. Default: the current UTC time.
    void setClock(std::function<QDateTime()> clock);
    // The window paused this rollout itself: its manual pause reads "Paused by <who>"
    // (EnvironmentStore::claimManualPause).
    void claimManualPause(const QString &environment, const QString &uid, const QString &who);
    // Sets or (nullopt) clears a rollout's gate verdict.
    void setGateVerdict(const QString &environment, const QString &uid,
                        const std::optional<GateVerdict> &verdict);
    // Sets or (nullopt) clears a rollout's safety nets as read at readAtMs (SafetyNetsMonitor):
    // the Safety nets column shows their summary in the worst finding's colour, with a line
    // per source and when it was read in the tooltip.
    void setSafetyNets(const QString &environment, const QString &uid,
                       const std::optional<SafetyNets> &nets, qint64 readAtMs = 0);
    // A reading older than this (the monitor reads every two minutes) is shown as old: grey,
    // and the tooltip says since when nothing newer was read.
    static constexpr qint64 safetyNetsStaleAfterMs = 5 * 60 * 1000;
    // The Argo CD applications an environment reads from one Argo CD server, as the fetcher
    // batches them (reset, upserts, removals): each row's Argo CD cell shows the application
    // that manages it (ArgoWorkloadIndex), also for rows added later. Signals dataChanged of
    // that column only, for the rows whose application or its shown state changed.
    void setApplications(const ArgoAppBatch &batch);
    // The Argo CD server's connection failed (problem: translated) or is live again (empty):
    // the cells of its applications then say they show what it said last, greyed.
    void setArgoCdServerProblem(const QString &environment, const QString &instance,
                                const QString &problem);
    // The Argo CD application that manages a workload (as its Argo CD cell shows), by the
    // row's index; an empty value (no name) when none does.
    ArgoApplication managingApplication(const QModelIndex &index) const;
    // Re-evaluates the age column (a timer does it every 30 s while rows exist).
    void refreshAges();
    // Re-evaluates the status of rows in a timed pause of a live environment (a timer does it
    // every second while there are any).
    void refreshCountdowns();
    // A batch of more object changes than this is applied in slices of this many upserts,
    // one per event-loop turn (BatchSlicer), so a first list of 10,000 pods does not stop
    // the window for 100 ms; later batches wait for the slices before them. Default 250.
    void setSliceObjects(int objects) { m_sliceObjects = std::max(objects, 1); }
    int sliceObjects() const { return m_sliceObjects; }
    // Slices received but not applied yet (of one environment, or of any).
    bool hasPendingSlices(const QString &environment = QString()) const;
    // A reset batch replacing more rows than this resets the model instead of sending row
    // signals; default 2000.
    void setResetThreshold(int rows) { m_resetThreshold = rows; }
    int resetThreshold() const { return m_resetThreshold; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const final;
    int columnCount(const QModelIndex &parent = QModelIndex()) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    // The index of a workload; invalid when absent.
    QModelIndex indexOf(const QString &environment, FleetRow::Kind kind,
                        const QString &namespaceName, const QString &name, int column = 0) const;
    // The object behind a row, for tests and benchmarks that compare it with a server's;
    // null for a row of the other kind or out of range. Shared: it stays valid after the
    // next batch replaces the row.
    std::shared_ptr<const Rollout> rolloutAt(int row) const;
    std::shared_ptr<const Deployment> deploymentAt(int row) const;
    int workloadCount(const QString &environment) const;

signals:
    // After every batch that changed the number of rows of an environment.
    void workloadCountChanged(const QString &environment, int count);
    // After every batch (and setEnvironments()) that changed the detail of Rollouts: the
    // Rollout itself, its ReplicaSets, their pods, its AnalysisRuns, Events about any of
    // them, or the detail kinds' availability. Uids sorted; a deleted Rollout is listed
    // too (its detail is now invalid).
    void rolloutDetailsChanged(const QString &environment, const QStringList &rolloutUids);
    // Likewise for Deployments (the Deployment, its ReplicaSets, their pods, Events).
    void deploymentDetailsChanged(const QString &environment, const QStringList &uids);
    // Likewise for Flagger canaries (the canary, the Deployments it manages, their pods,
    // Events).
    void canaryDetailsChanged(const QString &environment, const QStringList &uids);
    // An environment became stale or live again.
    void staleChanged(const QString &environment, bool stale);
    // The degraded / waiting counts of an environment changed.
    void attentionCountsChanged(const QString &environment, int failures, int waiting);

private:
    using RowPtr = EnvironmentStore::RowPtr;

    void applyWhole(const QString &environment, const WorkloadDeltaBatch &batch);
    void applyNextSlice();
    void applyChange(const QString &environment, const EnvironmentStore::Change &change);
    void resetEnvironment(const QString &environment, const WorkloadDeltaBatch &batch);
    void emitDetailsChanged(const QString &environment, const QSet<QString> &rollouts,
                            const QSet<QString> &deployments, const QSet<QString> &canaries = {});
    // Every Rollout and Deployment of the environment.
    void emitAllDetailsChanged(const QString &environment);
    // Removes the rows (any order) with beginRemoveRows per contiguous range.
    void removeRowsAt(QList<int> rows);
    void emitRowsChanged(QList<int> rows, int firstColumn = 0, int lastColumn = ColumnCount - 1);
    void reindexFrom(int row);
    bool isStale(const QString &environment) const;
    QString statusText(const FleetRow &row) const;
    QString situationText(const FleetRow &row) const;
    QString attentionReason(const FleetRow &row) const;
    void updateCountdownTimer();
    void updateAttentionCounts(const QString &environment);
    QVariant displayData(const FleetRow &row, int column) const;
    QVariant sortData(const FleetRow &row, int column) const;
    QVariant toolTipData(const FleetRow &row, int column) const;
    QVariant gateData(const FleetRow &row, int role) const;
    // The Argo CD column (fleetmodelargocd.cpp).
    ArgoWorkloadLink argoLink(const FleetRow &row) const;
    QVariant argoData(const FleetRow &row, int role) const;
    QString argoText(const FleetRow &row, const ArgoApplication &application) const;
    QString argoToolTip(const FleetRow &row, const ArgoApplication &application,
                        ArgoLinkSource source) const;
    QString argoHealthNote(const FleetRow &row, const ArgoApplication &application) const;
    static QString argoWord(const QString &word);
    // The Safety nets column (fleetmodelsafetynets.cpp).
    QVariant safetyNetsData(const FleetRow &row, int role) const;
    // The Status column's colour and sort rank of a health, shared by the columns that use
    // its tones.
    static QColor healthColour(FleetRow::Health health);
    static QColor staleColour();
    static int healthRank(FleetRow::Health health);
    QDateTime now() const;

    FleetStore m_store;
    QList<RowPtr> m_rows;
    QHash<QString, int> m_rowIndex; // FleetRow::key() -> row
    QHash<QString, GateVerdict> m_gateVerdicts; // "environment/uid"
    struct SafetyNetsCell
    {
        QString text; // SafetyNetsText::summary
        QString toolTip; // SafetyNetsVerdict::toolTip
        DetailRoles::Tone tone = DetailRoles::Tone::Default; // the worst finding
        qint64 readAtMs = 0;
        QStringList evidence {}; // the earlier environment, SafetyNetsText::evidence's line
        int evidenceVerdict = 0; // SafetyNetsText::Evidence
    };
    QHash<QString, SafetyNetsCell> m_safetyNets; // "environment/uid"
    QHash<QString, ArgoWorkloadIndex> m_argoApplications; // by environment
    QHash<QString, QString> m_argoProblems; // "environment/instance" -> why it is not live
    std::function<QDateTime()> m_clock;
    QTimer *m_ageTimer = nullptr;
    QTimer *m_countdownTimer = nullptr;
    QHash<QString, AttentionCounts> m_attentionCounts; // as last signalled
    int m_resetThreshold = 2000;
    struct PendingSlice
    {
        QString environment;
        BatchSlicer::Slice slice;
    };
    QList<PendingSlice> m_pendingSlices; // in the order received
    QTimer *m_sliceTimer = nullptr;
    int m_sliceObjects = 250;
};

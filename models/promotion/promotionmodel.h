// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetrow.h"
#include "promotionconfig.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

class ApplicationsModel;
class FleetModel;
class QTimer;

// The promotion view's table: a row per workload (or per Argo CD application that manages no
// workload of the fleet), a column per environment in config order after the name column, so
// a version on its way from dev to prod reads left to right. Rows match by namespace/name
// across environments, or as the config's `promotion:` rows say; an application-only row is
// named after its application, without the environment suffix of "<workload>-<environment>".
// Built from the FleetModel and the ApplicationsModel: their changes are gathered for
// updateDelay() ms, then a change of rows recomputes every row (diffed against the rows
// shown: inserts, removals and dataChanged of the cells that changed, no reset), a change of
// cells only the rows it touches. GUI thread only.
class PromotionModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        DeployedRole = Qt::UserRole + 1, // bool: something runs there
        VersionRole, // QString: the stable's image tag, an application's revision or chart
        CanaryVersionRole, // QString: the canary's image tag while a canary runs; else empty
        PhaseRole, // QString: the rollout phase (Healthy, Paused...); Argo CD's health for
                   // an application-only cell
        AttentionRole, // int: FleetRow::Attention (None, WaitingForPerson, Failure)
        SyncStatusRole, // QString: Argo CD's sync code (Synced, OutOfSync); empty: no app
        GateOutcomeRole, // int: GateOutcome; -1 without a verdict
        GateTextRole, // QString: the fleet's Gates cell ("✕ 1 of 3")
        DriftRole, // int: Drift flags
        WorkloadRole, // QStringList: environment, namespace, name; empty when none
        ApplicationKeyRole, // QString: ArgoApplication::key() of an application-only cell
        IsApplicationRole, // bool: the cell shows an application, not a workload
        StaleRole, // bool: the environment's data is not live
        // The earlier environment's load tests and chaos for the canary's version, while a
        // release is in progress: {environment, line} (QStringList) and
        // SafetyNetsText::Evidence (int).
        EvidenceTextRole,
        EvidenceVerdictRole,
    };
    enum Drift {
        NoDrift = 0,
        AheadOfNext = 1, // runs a version the next environment does not run yet
        BehindPrevious = 2, // the previous environment runs a version this one does not yet
    };

    PromotionModel(FleetModel *fleet, ApplicationsModel *applications, QObject *parent = nullptr);
    ~PromotionModel() override;

    void setSettings(const PromotionSettings &settings);
    // How long changes are gathered before the rows follow (default 100 ms).
    void setUpdateDelay(int ms);
    // Applies the changes gathered so far now (tests, and a window that just opened).
    void applyPendingChanges();
    QStringList environments() const { return m_environments; }
    // The row's name ("shop/checkout", "checkout"); -1 when absent.
    int rowOf(const QString &name) const;

    // < 0, 0, > 0 as a is older, equal, newer than b: dotted numbers compared as numbers,
    // a pre-release ("-rc.1") before its release; nullopt when either is no such version.
    static std::optional<int> compareVersions(const QString &a, const QString &b);

    int rowCount(const QModelIndex &parent = QModelIndex()) const final;
    int columnCount(const QModelIndex &parent = QModelIndex()) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    struct Cell
    {
        bool deployed = false;
        bool isApplication = false;
        bool stale = false;
        // Progressive delivery (an Argo Rollout or a Flagger canary) wins over a Deployment of
        // the same name (a workloadRef target).
        bool isProgressive = false;
        FleetRow::Kind kind = FleetRow::Kind::Deployment;
        QString namespaceName, name; // the workload, or the application's name
        QString version, canary;
        QString phase;
        int attention = 0;
        QString application; // the managing Argo CD application's name
        QString syncStatus;
        int gateOutcome = -1;
        QString gateText;
        QString applicationKey; // application-only cells
        int drift = NoDrift;
        QStringList evidence; // FleetModel::StagingEvidenceRole: {environment, line}
        int evidenceVerdict = 0;
        int sourceRow = -1; // the fleet row it was read from (until the next change of rows)

        bool operator==(const Cell &o) const;
        bool operator!=(const Cell &o) const { return !(*this == o); }
    };
    struct Row
    {
        QString sortKey; // configured rows first, in config order; the others by name
        QString name;
        QList<Cell> cells; // one per environment
    };

private:
    void scheduleRows();
    void scheduleCells(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    QStringList environmentNames() const;
    void recomputeRows();
    void recomputeCells(const QSet<int> &fleetRows);
    void replaceRows(QList<Row> rows);
    // dataChanged of the columns of `row` that differ from `before`.
    void emitChanged(int row, const Row &before);
    // The nearest deployed cell with a version before (step -1) or after (+1) `cell`; -1.
    static int neighbour(const Row &row, int cell, int step);
    QString rowKeyOf(const QString &environment, const QString &namespaceName, const QString &name,
                     QString *rowName) const;
    Cell workloadCell(int fleetRow) const;
    static void markDrift(Row *row);
    QString toolTip(const Row &row, int cell) const;
    QString displayText(const Cell &cell) const;

    FleetModel *m_fleet;
    ApplicationsModel *m_applications;
    PromotionSettings m_settings;
    QHash<QString, int> m_configuredRow; // "environment/namespace/name" -> index in settings
    QStringList m_environments; // in config order
    QList<Row> m_rows;
    QHash<QString, int> m_rowIndex; // sortKey -> row
    QTimer *m_timer;
    bool m_rowsDirty = false;
    QSet<int> m_dirtyFleetRows;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoappbatch.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

// Every Argo CD application the fleet's environments read, one row each (an application seen
// by two environments is two rows: each environment names its own servers). Fed by
// ArgoAppBatch values from the fetcher; a change touches its row only (fine-grained inserts,
// removals and dataChanged, never a reset for one application). GUI thread only.
class ApplicationsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnvironmentColumn,
        NameColumn,
        ProjectColumn,
        SyncColumn,
        HealthColumn,
        RevisionColumn,
        TargetColumn,
        OperationColumn,
        LastSyncColumn,
        SourceColumn,
        InstanceColumn,
        ColumnCount
    };
    enum Role {
        ApplicationRole = Qt::UserRole + 1, // ArgoApplication
        KeyRole, // QString: ArgoApplication::key()
        SortRole, // a value that sorts the column naturally
        SyncStatusRole, // QString: Argo CD's code (Synced, OutOfSync, Unknown)
        HealthRole, // QString: Argo CD's code
        NeedsAttentionRole, // bool: out of sync, degraded, missing or a failed operation
    };

    explicit ApplicationsModel(QObject *parent = nullptr);

    void applyBatch(const ArgoAppBatch &batch);
    // The commit behind a revision of an instance, once fetched: fills the Revision column's
    // tooltip and the subject.
    void setRevisionMetadata(const QString &environment, const QString &instance,
                             const QString &revision, const ArgoRevisionMetadata &metadata);
    bool hasRevisionMetadata(const QString &environment, const QString &instance,
                             const QString &revision) const;
    // Forget every application (another fleet).
    void clear();

    int rowOf(const QString &key) const { return m_rows.value(key, -1); }
    ArgoApplication application(int row) const { return m_apps.value(row); }
    QList<ArgoApplication> applications() const { return m_apps; }
    ArgoRevisionMetadata revisionMetadata(const ArgoApplication &app,
                                          const QString &revision) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const final;
    int columnCount(const QModelIndex &parent = QModelIndex()) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

signals:
    // A revision whose commit is not known yet appeared: the window may fetch it.
    void revisionMetadataWanted(const ArgoApplication &app, const QString &revision);

private:
    QVariant display(const ArgoApplication &app, int column) const;
    QVariant sortValue(const ArgoApplication &app, int column) const;
    QString toolTip(const ArgoApplication &app, int column) const;
    void upsert(const ArgoApplication &app);
    void removeRowAt(int row);
    void wantMetadata(const ArgoApplication &app);
    static QString metadataKey(const QString &environment, const QString &instance,
                               const QString &revision);
    static bool needsAttention(const ArgoApplication &app);

    QList<ArgoApplication> m_apps;
    QHash<QString, int> m_rows; // key -> row
    QHash<QString, ArgoRevisionMetadata> m_metadata; // metadataKey -> commit
    QSet<QString> m_metadataAsked;
};

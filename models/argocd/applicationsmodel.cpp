// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationsmodel.h"

#include "argotext.h"
#include "themecolours.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QThread>

ApplicationsModel::ApplicationsModel(QObject *parent) : QAbstractTableModel(parent) { }

int ApplicationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int ApplicationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ApplicationsModel::metadataKey(const QString &environment, const QString &instance,
                                       const QString &revision)
{
    return environment + QLatin1Char('/') + instance + QLatin1Char('@') + revision;
}

bool ApplicationsModel::needsAttention(const ArgoApplication &app)
{
    return app.syncStatus == QLatin1String("OutOfSync") || app.health == QLatin1String("Degraded")
        || app.health == QLatin1String("Missing") || app.operation.phase == QLatin1String("Failed")
        || app.operation.phase == QLatin1String("Error");
}

void ApplicationsModel::clear()
{
    beginResetModel();
    m_apps.clear();
    m_rows.clear();
    endResetModel();
}

void ApplicationsModel::applyBatch(const ArgoAppBatch &batch)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (batch.reset) {
        QSet<QString> kept;
        for (const ArgoApplication &app : batch.upserts)
            kept.insert(app.key());
        // From the end, so the rows still to visit keep their numbers.
        for (int row = int(m_apps.size()) - 1; row >= 0; --row) {
            const ArgoApplication &app = m_apps.at(row);
            if (app.environment == batch.environment && app.instance == batch.instance
                && !kept.contains(app.key()))
                removeRowAt(row);
        }
    }
    for (const QString &key : batch.removedKeys) {
        const int row = m_rows.value(key, -1);
        if (row >= 0)
            removeRowAt(row);
    }
    for (const ArgoApplication &app : batch.upserts)
        upsert(app);
}

void ApplicationsModel::upsert(const ArgoApplication &incoming)
{
    ArgoApplication app = incoming;
    const QString key = app.key();
    const int row = m_rows.value(key, -1);
    if (row >= 0) {
        // A list or stream item has no history: keep the one a GET brought.
        if (!app.hasHistory && m_apps.at(row).hasHistory) {
            app.history = m_apps.at(row).history;
            app.hasHistory = true;
        }
        if (m_apps.at(row) == app)
            return;
        m_apps[row] = app;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const int at = int(m_apps.size());
        beginInsertRows(QModelIndex(), at, at);
        m_apps.append(app);
        m_rows.insert(key, at);
        endInsertRows();
    }
    wantMetadata(app);
}

void ApplicationsModel::removeRowAt(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.remove(m_apps.at(row).key());
    m_apps.removeAt(row);
    for (int i = row; i < m_apps.size(); ++i)
        m_rows[m_apps.at(i).key()] = i;
    endRemoveRows();
}

void ApplicationsModel::wantMetadata(const ArgoApplication &app)
{
    QStringList revisions {app.syncRevision};
    for (const ArgoHistoryEntry &entry : app.history)
        revisions.append(entry.revision);
    for (const QString &revision : std::as_const(revisions)) {
        // Chart versions have no commit behind them.
        if (revision.isEmpty() || ArgoText::shortRevision(revision) == revision)
            continue;
        const QString key = metadataKey(app.environment, app.instance, revision);
        if (m_metadata.contains(key) || m_metadataAsked.contains(key))
            continue;
        m_metadataAsked.insert(key);
        emit revisionMetadataWanted(app, revision);
    }
}

void ApplicationsModel::setRevisionMetadata(const QString &environment, const QString &instance,
                                            const QString &revision,
                                            const ArgoRevisionMetadata &metadata)
{
    m_metadata.insert(metadataKey(environment, instance, revision), metadata);
    for (int row = 0; row < m_apps.size(); ++row) {
        const ArgoApplication &app = m_apps.at(row);
        if (app.environment == environment && app.instance == instance
            && app.syncRevision == revision)
            emit dataChanged(index(row, RevisionColumn), index(row, RevisionColumn));
    }
}

bool ApplicationsModel::hasRevisionMetadata(const QString &environment, const QString &instance,
                                            const QString &revision) const
{
    return m_metadata.contains(metadataKey(environment, instance, revision));
}

ArgoRevisionMetadata ApplicationsModel::revisionMetadata(const ArgoApplication &app,
                                                         const QString &revision) const
{
    return m_metadata.value(metadataKey(app.environment, app.instance, revision));
}

QVariant ApplicationsModel::display(const ArgoApplication &app, int column) const
{
    const ArgoSource source = app.sources.value(0);
    switch (column) {
    case EnvironmentColumn:
        return app.environment;
    case NameColumn:
        return app.name;
    case ProjectColumn:
        return app.project;
    case SyncColumn:
        return ArgoText::syncStatus(app.syncStatus);
    case HealthColumn:
        return ArgoText::health(app.health);
    case RevisionColumn: {
        const QString subject = revisionMetadata(app, app.syncRevision).subject();
        const QString revision = ArgoText::shortRevision(app.syncRevision);
        return subject.isEmpty() ? revision : revision + QStringLiteral("  ") + subject;
    }
    case TargetColumn:
        return source.targetRevision.isEmpty() ? tr("HEAD") : source.targetRevision;
    case SourceColumn:
        return ArgoText::source(source);
    case OperationColumn:
        return ArgoText::operation(app);
    case LastSyncColumn:
        return app.operation.finishedAtMs > 0 ? QLocale().toString(
                   QDateTime::fromMSecsSinceEpoch(app.operation.finishedAtMs), QLocale::ShortFormat)
                                              : QString();
    case InstanceColumn:
        return app.instance;
    }
    return QVariant();
}

QVariant ApplicationsModel::sortValue(const ArgoApplication &app, int column) const
{
    switch (column) {
    case SyncColumn:
        return app.syncStatus == QLatin1String("OutOfSync") ? 0 : 1;
    case HealthColumn:
        return app.health;
    case LastSyncColumn:
        return app.operation.finishedAtMs;
    default:
        return display(app, column).toString().toLower();
    }
}

QString ApplicationsModel::toolTip(const ArgoApplication &app, int column) const
{
    switch (column) {
    case HealthColumn:
        return app.healthMessage;
    case RevisionColumn: {
        const ArgoRevisionMetadata commit = revisionMetadata(app, app.syncRevision);
        if (commit.message.isEmpty())
            return app.syncRevision;
        return tr("%1\n%2, %3\n\n%4")
            .arg(app.syncRevision, commit.author,
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(commit.dateMs),
                                    QLocale::ShortFormat),
                 commit.message.trimmed());
    }
    case OperationColumn:
        return app.operation.message;
    case SourceColumn:
        return ArgoText::source(app.sources.value(0));
    case SyncColumn:
        return app.outOfSyncCount() > 0
            ? tr("%1 of %n resources differ from Git", nullptr, int(app.resources.size()))
                  .arg(app.outOfSyncCount())
            : QString();
    default:
        return QString();
    }
}

QVariant ApplicationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ArgoApplication &app = m_apps.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(app, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(app, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::ForegroundRole:
        if (column == SyncColumn)
            return ThemeColours::foreground(ArgoText::syncColour(app.syncStatus));
        if (column == HealthColumn)
            return ThemeColours::foreground(ArgoText::healthColour(app.health));
        return QVariant();
    case ApplicationRole:
        return QVariant::fromValue(app);
    case KeyRole:
        return app.key();
    case SortRole:
        return sortValue(app, column);
    case SyncStatusRole:
        return app.syncStatus;
    case HealthRole:
        return app.health;
    case NeedsAttentionRole:
        return needsAttention(app);
    }
    return QVariant();
}

QVariant ApplicationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case NameColumn:
        return tr("Application");
    case ProjectColumn:
        return tr("Project");
    case SyncColumn:
        return tr("Sync");
    case HealthColumn:
        return tr("Health");
    case RevisionColumn:
        return tr("Revision");
    case TargetColumn:
        return tr("Target");
    case SourceColumn:
        return tr("Source");
    case OperationColumn:
        return tr("Last operation");
    case LastSyncColumn:
        return tr("Finished");
    case InstanceColumn:
        return tr("Argo CD");
    }
    return QVariant();
}

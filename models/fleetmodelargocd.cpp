// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's Argo CD column: the application that manages each workload (ArgoWorkloadIndex)
// and its sync state at a glance ("✓ Synced", "⟳ Out of sync", "↻ Syncing", "✕ Sync failed"),
// with Argo CD's health beside it only where it tells more than the Status column does. The
// two never disagree silently: what Argo CD calls a paused rollout (Suspended) is explained in
// the tooltip instead of shown as a second status.
#include "fleetmodel.h"

#include <QColor>
#include <QThread>

#include <algorithm>

namespace {

ArgoResourceRef resourceOf(const FleetRow &row)
{
    const ObjectMeta &meta = row.metadata();
    const QString group = row.kind == FleetRow::Kind::Rollout ? QStringLiteral("argoproj.io")
        : row.kind == FleetRow::Kind::FlaggerCanary           ? QStringLiteral("flagger.app")
                                                              : QStringLiteral("apps");
    return {group, row.kindName(), meta.namespaceName, meta.name};
}

// Argo CD's health word for the Status column's own health, to tell agreement from news.
QString argoHealthOf(FleetRow::Health health)
{
    switch (health) {
    case FleetRow::Health::Healthy:
        return QStringLiteral("Healthy");
    case FleetRow::Health::Progressing:
        return QStringLiteral("Progressing");
    case FleetRow::Health::Paused:
        // resource_customizations/argoproj.io/Rollout/health.lua (and a paused Deployment).
        return QStringLiteral("Suspended");
    case FleetRow::Health::Degraded:
        return QStringLiteral("Degraded");
    case FleetRow::Health::Unknown:
        break;
    }
    return QString();
}

bool isFailed(const ArgoOperation &operation)
{
    return operation.phase == QLatin1String("Failed") || operation.phase == QLatin1String("Error");
}

// Argo CD's health is worth a word in the cell when it is news beside the Status column.
bool healthAddsToStatus(const FleetRow &row, const ArgoApplication &application)
{
    return !application.health.isEmpty() && application.health != QLatin1String("Healthy")
        && application.health != argoHealthOf(row.health);
}

// The cell in the Status column's tones, so colours and sorting agree with it: red for a
// failed sync or an application Argo CD finds Degraded or Missing, blue while a sync runs,
// amber (what wants a look) for drift from Git, green when synced.
FleetRow::Health toneOf(const ArgoApplication &application)
{
    if (isFailed(application.operation) || application.health == QLatin1String("Degraded")
        || application.health == QLatin1String("Missing"))
        return FleetRow::Health::Degraded;
    if (application.operation.isRunning())
        return FleetRow::Health::Progressing;
    if (application.syncStatus == QLatin1String("OutOfSync"))
        return FleetRow::Health::Paused;
    if (application.syncStatus == QLatin1String("Synced"))
        return FleetRow::Health::Healthy;
    return FleetRow::Health::Unknown;
}

// Below every managed workload when sorted ascending (healthRank is 0..4).
constexpr int UnmanagedSortKey = 5;

QString targetRevision(const ArgoApplication &application)
{
    QStringList targets;
    for (const ArgoSource &source : application.sources)
        targets.append(source.targetRevision.isEmpty() ? QStringLiteral("HEAD")
                                                       : source.targetRevision);
    return targets.isEmpty() ? QStringLiteral("HEAD") : targets.join(QStringLiteral(", "));
}

// A Git commit as `git log --oneline` shows it; a chart version or tag as it is.
QString shortRevision(const QString &revision)
{
    const bool isSha
        = revision.size() == 40 && std::all_of(revision.cbegin(), revision.cend(), [](QChar c) {
              return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
          });
    return isSha ? revision.left(7) : revision;
}

// What the cell and its tooltip show, so a reconcile that changes nothing of it (reconciledAt,
// resourceVersion) sends no dataChanged.
bool cellDiffers(const ArgoApplication &a, const ArgoApplication &b)
{
    return a.name != b.name || a.project != b.project || a.syncStatus != b.syncStatus
        || a.syncRevision != b.syncRevision || a.health != b.health
        || a.healthMessage != b.healthMessage || a.operation.phase != b.operation.phase
        || a.operation.message != b.operation.message
        || !(a.operation.initiatedBy == b.operation.initiatedBy) || a.isDeleting != b.isDeleting
        || a.outOfSyncCount() != b.outOfSyncCount() || targetRevision(a) != targetRevision(b);
}

} // namespace

void FleetModel::setApplications(const ArgoAppBatch &batch)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // The links before, to signal only the cells whose application, or its shown state,
    // changed: one server's batch often touches a few applications of thousands of rows.
    QList<int> rows;
    QList<ArgoWorkloadLink> before;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row)->environment == batch.environment) {
            rows.append(row);
            before.append(argoLink(*m_rows.at(row)));
        }
    }
    const QSet<QString> changed = m_argoApplications[batch.environment].apply(batch, cellDiffers);
    QList<int> cells;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const ArgoWorkloadLink after = argoLink(*m_rows.at(rows.at(i)));
        if (after != before.at(i) || (after.isValid() && changed.contains(after.applicationKey)))
            cells.append(rows.at(i));
    }
    emitRowsChanged(cells, ArgoCdColumn, ArgoCdColumn);
}

void FleetModel::setArgoCdServerProblem(const QString &environment, const QString &instance,
                                        const QString &problem)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const QString key = environment + QLatin1Char('/') + instance;
    if (m_argoProblems.value(key) == problem)
        return;
    if (problem.isEmpty())
        m_argoProblems.remove(key);
    else
        m_argoProblems.insert(key, problem);
    QList<int> cells;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row)->environment == environment)
            cells.append(row);
    }
    emitRowsChanged(cells, ArgoCdColumn, ArgoCdColumn);
}

ArgoWorkloadLink FleetModel::argoLink(const FleetRow &row) const
{
    const auto found = m_argoApplications.constFind(row.environment);
    if (found == m_argoApplications.constEnd() || found->isEmpty())
        return {};
    return found->link(resourceOf(row), row.metadata());
}

ArgoApplication FleetModel::managingApplication(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return ArgoApplication();
    const FleetRow &row = *m_rows.at(index.row());
    const ArgoWorkloadLink link = argoLink(row);
    const ArgoApplication *application = link.isValid()
        ? m_argoApplications.constFind(row.environment)->application(link.applicationKey)
        : nullptr;
    return application ? *application : ArgoApplication();
}

QVariant FleetModel::argoData(const FleetRow &row, int role) const
{
    const ArgoWorkloadLink link = argoLink(row);
    const ArgoApplication *application = link.isValid()
        ? m_argoApplications.constFind(row.environment)->application(link.applicationKey)
        : nullptr;
    if (!application)
        return role == SortRole ? QVariant(UnmanagedSortKey) : QVariant();
    // A server the window lost: its last word stays, marked as such, never as if live.
    const QString problem
        = m_argoProblems.value(row.environment + QLatin1Char('/') + application->instance);
    switch (role) {
    case Qt::DisplayRole:
        return problem.isEmpty() ? argoText(row, *application)
                                 : tr("%1 · not live").arg(argoText(row, *application));
    case Qt::ToolTipRole:
        if (!problem.isEmpty()) {
            return tr("Argo CD %1 cannot be reached: %2\nWhat follows is what it said last.\n\n%3")
                .arg(application->instance, problem, argoToolTip(row, *application, link.source));
        }
        return argoToolTip(row, *application, link.source);
    case Qt::ForegroundRole: {
        if (!problem.isEmpty())
            return QVariant(QColor(0x75, 0x75, 0x75));
        const QColor colour = healthColour(toneOf(*application));
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case SortRole:
        return healthRank(toneOf(*application));
    case ArgoCdTermsRole:
        return QStringList {application->name, application->syncStatus, application->health,
                            argoText(row, *application)};
    default:
        break;
    }
    return QVariant();
}

QString FleetModel::argoWord(const QString &word)
{
    // Argo CD's codes (sync, health, operation phase) in the words models/argocd's ArgoText
    // uses for the applications view; unknown codes as they are.
    static const struct
    {
        const char *code;
        const char *text;
    } known[] = {
        {"Synced", QT_TR_NOOP("Synced")},
        {"OutOfSync", QT_TR_NOOP("Out of sync")},
        {"Unknown", QT_TR_NOOP("Unknown")},
        {"Healthy", QT_TR_NOOP("Healthy")},
        {"Progressing", QT_TR_NOOP("Progressing")},
        {"Degraded", QT_TR_NOOP("Degraded")},
        {"Suspended", QT_TR_NOOP("Suspended")},
        {"Missing", QT_TR_NOOP("Missing")},
        {"Running", QT_TR_NOOP("Running")},
        {"Terminating", QT_TR_NOOP("Terminating")},
        {"Succeeded", QT_TR_NOOP("Succeeded")},
        {"Failed", QT_TR_NOOP("Failed")},
        {"Error", QT_TR_NOOP("Error")},
    };
    for (const auto &entry : known) {
        if (word == QLatin1String(entry.code))
            return tr(entry.text);
    }
    return word;
}

QString FleetModel::argoText(const FleetRow &row, const ArgoApplication &application) const
{
    QString state;
    if (application.operation.isRunning())
        state = application.operation.phase == QLatin1String("Terminating") ? tr("↻ Terminating")
                                                                            : tr("↻ Syncing");
    else if (isFailed(application.operation))
        state = tr("✕ Sync failed");
    else if (application.syncStatus == QLatin1String("Synced"))
        state = tr("✓ Synced");
    else if (application.syncStatus == QLatin1String("OutOfSync"))
        state = tr("⟳ Out of sync");
    else if (application.syncStatus.isEmpty())
        state = tr("… not compared yet");
    else
        state = tr("? %1").arg(argoWord(application.syncStatus));
    if (!healthAddsToStatus(row, application))
        return state;
    return tr("%1 · %2", "sync state · Argo CD health").arg(state, argoWord(application.health));
}

QString FleetModel::argoHealthNote(const FleetRow &row, const ArgoApplication &application) const
{
    const QString ours = argoHealthOf(row.health);
    if (application.health.isEmpty() || ours.isEmpty())
        return QString();
    if (application.health != ours)
        return tr("Argo CD's health covers all of the application's resources as of its last "
                  "refresh; the Status column is this %1's own, live.")
            .arg(row.kindName());
    if (row.health == FleetRow::Health::Paused)
        return tr("Argo CD calls a paused %1 Suspended: the same pause the Status column shows.")
            .arg(row.kindName());
    return QString();
}

QString FleetModel::argoToolTip(const FleetRow &row, const ArgoApplication &application,
                                ArgoLinkSource source) const
{
    QStringList lines;
    lines.append(tr("Argo CD application %1 (%2, project %3)")
                     .arg(application.name, application.instance, application.project));
    QString sync = application.syncStatus.isEmpty()
        ? tr("Sync: not compared yet")
        : tr("Sync: %1").arg(argoWord(application.syncStatus));
    if (const int outOfSync = application.outOfSyncCount(); outOfSync > 0)
        sync = tr("%1, %n resources out of sync", nullptr, outOfSync).arg(sync);
    lines.append(sync);
    lines.append(
        application.syncRevision.isEmpty()
            ? tr("Target revision %1").arg(targetRevision(application))
            : tr("Revision %1 (target %2)")
                  .arg(shortRevision(application.syncRevision), targetRevision(application)));
    if (!application.health.isEmpty()) {
        const QString health = tr("Health: %1").arg(argoWord(application.health));
        lines.append(application.healthMessage.isEmpty()
                         ? health
                         : tr("%1 — %2").arg(health, application.healthMessage));
    }
    const ArgoOperation &operation = application.operation;
    if (operation.isValid()) {
        QString line = tr("Last operation: %1").arg(argoWord(operation.phase));
        const QString by
            = operation.initiatedBy.automated ? tr("auto-sync") : operation.initiatedBy.username;
        if (!by.isEmpty())
            line = tr("%1, started by %2").arg(line, by);
        if (!operation.message.isEmpty())
            line = tr("%1 — %2").arg(line, operation.message);
        lines.append(line);
    }
    if (application.isDeleting)
        lines.append(tr("The application is being deleted."));
    const QString note = argoHealthNote(row, application);
    if (!note.isEmpty())
        lines.append(note);
    if (source == ArgoLinkSource::TrackingAnnotation)
        lines.append(
            tr("Linked by its annotation %1").arg(ArgoWorkloadIndex::trackingAnnotation()));
    else if (source == ArgoLinkSource::InstanceLabel)
        lines.append(tr("Linked by its label %1").arg(ArgoWorkloadIndex::instanceLabel()));
    return lines.join(QLatin1Char('\n'));
}

// SPDX-License-Identifier: GPL-3.0-or-later
// ArgoCdApps: sync, rollback and terminate, as server/application/application.go starts them
// and the application controller (gitops-engine's sync context) runs them.
#include "argocd/argocdapp_p.h"
#include "argocd/argocdlive.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

namespace rdsim {

namespace {

// Argo CD keeps at most revisionHistoryLimit (default 10) entries.
constexpr int kHistoryLimit = 10;

// "rollout.argoproj.io/checkout", as kubectl apply names what it configured.
QString applyName(const ArgoCdResourceRef &ref)
{
    const QString kind = ref.kind.toLower();
    return (ref.group.isEmpty() ? kind : kind + u'.' + ref.group) + u'/' + ref.name;
}

} // namespace

QJsonObject ArgoCdApps::historyEntry(const App &app, qint64 id, const QString &revision,
                                     const QString &startedAt, const QString &deployedAt,
                                     const QJsonObject &initiatedBy) const
{
    return QJsonObject {{QStringLiteral("revision"), revision},
                        {QStringLiteral("deployedAt"), deployedAt},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("source"), sourceJson(app)},
                        {QStringLiteral("deployStartedAt"), startedAt},
                        {QStringLiteral("initiatedBy"), initiatedBy}};
}

GrpcError ArgoCdApps::sync(const QString &name, const SyncRequest &request)
{
    std::lock_guard lock(m_mutex);
    App *app = find(name);
    if (!app)
        return GrpcError::permissionDenied();
    if (!request.revision.isEmpty() && app->spec.automated
        && request.revision != app->spec.targetRevision)
        return GrpcError::make(GrpcError::FailedPrecondition,
                               QStringLiteral("Cannot sync to %1: auto-sync currently set to %2")
                                   .arg(request.revision, app->spec.targetRevision));
    return startOperation(*app, request, m_clock.nowMs());
}

GrpcError ArgoCdApps::rollback(const QString &name, qint64 id, SyncRequest request)
{
    std::lock_guard lock(m_mutex);
    App *app = find(name);
    if (!app)
        return GrpcError::permissionDenied();
    if (app->spec.automated)
        return GrpcError::make(GrpcError::FailedPrecondition,
                               QStringLiteral("rollback cannot be initiated when auto-sync is "
                                              "enabled"));
    for (const QJsonValue &value : std::as_const(app->history)) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("id")).toInteger() != id)
            continue;
        request.revision = entry.value(QStringLiteral("revision")).toString();
        request.rollbackSource = entry.value(QStringLiteral("source")).toObject();
        request.rollback = true;
        request.strategy = QJsonObject {{QStringLiteral("apply"), QJsonObject()}};
        return startOperation(*app, request, m_clock.nowMs());
    }
    return GrpcError::make(
        GrpcError::InvalidArgument,
        QStringLiteral("application %1 does not have deployment with id %2").arg(name).arg(id));
}

GrpcError ArgoCdApps::terminate(const QString &name)
{
    std::lock_guard lock(m_mutex);
    App *app = find(name);
    if (!app)
        return GrpcError::permissionDenied();
    if (app->operation.isEmpty() || app->operationState.isEmpty())
        return GrpcError::make(GrpcError::InvalidArgument,
                               QStringLiteral("Unable to terminate operation. No operation is in "
                                              "progress"));
    app->operationState.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
    publish(*app, QStringLiteral("MODIFIED"));
    return {};
}

GrpcError ArgoCdApps::startOperation(App &app, const SyncRequest &request, qint64 nowMs)
{
    if (!app.operation.isEmpty())
        return GrpcError::make(GrpcError::FailedPrecondition,
                               QStringLiteral("another operation is already in progress"));
    QString revision = request.revision.isEmpty() ? targetRevision(app) : request.revision;
    const ArgoCdRepo *repo = m_config.repo(app.spec.repoURL);
    if (!request.revision.isEmpty() && repo && !repo->helm) {
        // A branch, tag or SHA the repository knows; anything else cannot be resolved.
        QString resolved;
        for (const ArgoCdCommit &commit : repo->commits) {
            if (commit.revision == revision || commit.tags.contains(revision))
                resolved = commit.revision;
        }
        if (revision == app.spec.targetRevision || revision == QLatin1String("HEAD"))
            resolved = targetRevision(app);
        if (resolved.isEmpty())
            return GrpcError::make(GrpcError::Unknown,
                                   QStringLiteral("error resolving repo revision: unable to "
                                                  "resolve '%1' to a commit SHA")
                                       .arg(revision));
        revision = resolved;
    }
    QJsonObject sync {
        {QStringLiteral("revision"), revision},
        {QStringLiteral("source"), request.rollback ? request.rollbackSource : sourceJson(app)}};
    if (request.prune)
        sync.insert(QStringLiteral("prune"), true);
    if (request.dryRun)
        sync.insert(QStringLiteral("dryRun"), true);
    if (!request.strategy.isEmpty())
        sync.insert(QStringLiteral("syncStrategy"), request.strategy);
    if (!request.resources.isEmpty())
        sync.insert(QStringLiteral("resources"), request.resources);
    if (!request.syncOptions.isEmpty())
        sync.insert(QStringLiteral("syncOptions"), request.syncOptions);
    const QJsonObject initiatedBy = request.automated
        ? QJsonObject {{QStringLiteral("automated"), true}}
        : QJsonObject {{QStringLiteral("username"), request.username}};
    app.operation = QJsonObject {{QStringLiteral("sync"), sync},
                                 {QStringLiteral("initiatedBy"), initiatedBy},
                                 {QStringLiteral("retry"), QJsonObject()}};
    // The controller picks the operation up at once here (a real one within a second).
    app.operationState
        = QJsonObject {{QStringLiteral("operation"), app.operation},
                       {QStringLiteral("phase"), QStringLiteral("Running")},
                       {QStringLiteral("message"), QStringLiteral("one or more tasks are running")},
                       {QStringLiteral("startedAt"), VirtualClock::toRfc3339(nowMs)}};
    app.operationDueMs = nowMs + qint64(m_config.syncSeconds * 1000);
    publish(app, QStringLiteral("MODIFIED"));
    return {};
}

void ArgoCdApps::progressOperation(App &app, qint64 nowMs)
{
    if (app.operation.isEmpty())
        return;
    const QString phase = app.operationState.value(QStringLiteral("phase")).toString();
    if (phase == QLatin1String("Terminating")) {
        const QJsonObject sync = app.operation.value(QStringLiteral("sync")).toObject();
        app.operationState.insert(QStringLiteral("phase"), QStringLiteral("Failed"));
        app.operationState.insert(QStringLiteral("message"),
                                  QStringLiteral("Operation terminated"));
        app.operationState.insert(QStringLiteral("finishedAt"), VirtualClock::toRfc3339(nowMs));
        app.operationState.insert(
            QStringLiteral("syncResult"),
            QJsonObject {{QStringLiteral("revision"), sync.value(QStringLiteral("revision"))},
                         {QStringLiteral("source"), sync.value(QStringLiteral("source"))}});
        app.operation = {};
        return;
    }
    if (phase == QLatin1String("Running") && nowMs >= app.operationDueMs)
        finishSync(app, nowMs);
}

void ArgoCdApps::finishSync(App &app, qint64 nowMs)
{
    const QJsonObject sync = app.operation.value(QStringLiteral("sync")).toObject();
    const QString revision = sync.value(QStringLiteral("revision")).toString();
    const bool dryRun = sync.value(QStringLiteral("dryRun")).toBool();
    const QJsonArray results = applyImages(app, revision, dryRun, !dryRun);
    const QString finishedAt = VirtualClock::toRfc3339(nowMs);
    app.operationState.insert(QStringLiteral("phase"), QStringLiteral("Succeeded"));
    app.operationState.insert(QStringLiteral("message"),
                              QStringLiteral("successfully synced (all tasks run)"));
    app.operationState.insert(QStringLiteral("finishedAt"), finishedAt);
    app.operationState.insert(
        QStringLiteral("syncResult"),
        QJsonObject {{QStringLiteral("resources"), results},
                     {QStringLiteral("revision"), revision},
                     {QStringLiteral("source"), sync.value(QStringLiteral("source"))}});
    if (!dryRun) {
        qint64 id = 0;
        for (const QJsonValue &entry : std::as_const(app.history))
            id = std::max(id, entry.toObject().value(QStringLiteral("id")).toInteger());
        QJsonObject entry = historyEntry(
            app, id + 1, revision, app.operationState.value(QStringLiteral("startedAt")).toString(),
            finishedAt, app.operation.value(QStringLiteral("initiatedBy")).toObject());
        entry.insert(QStringLiteral("source"), sync.value(QStringLiteral("source")));
        app.history.append(entry);
        while (app.history.size() > kHistoryLimit)
            app.history.removeFirst();
    }
    app.operation = {};
}

// Writes the revision's images into the workloads (unless `write` is false) and answers
// one ResourceResult per managed object.
QJsonArray ArgoCdApps::applyImages(const App &app, const QString &revision, bool dryRun, bool write)
{
    const QStringList images = targetImages(app, revision);
    QJsonArray results;
    for (const ArgoCdResourceRef &ref : app.spec.resources) {
        std::optional<QJsonObject> live = ArgoCdLive::get(m_store, ref);
        QJsonObject result {{QStringLiteral("group"), ref.group},
                            {QStringLiteral("version"), ref.version},
                            {QStringLiteral("kind"), ref.kind},
                            {QStringLiteral("namespace"), ref.ns},
                            {QStringLiteral("name"), ref.name},
                            {QStringLiteral("status"), QStringLiteral("Synced")},
                            {QStringLiteral("hookPhase"), QStringLiteral("Running")},
                            {QStringLiteral("syncPhase"), QStringLiteral("Sync")}};
        bool changed = !live;
        if (live && ArgoCdLive::isWorkload(ref.kind)) {
            const QJsonObject desired = ArgoCdLive::withImages(*live, images);
            changed = desired != *live;
            result.insert(QStringLiteral("images"),
                          QJsonArray::fromStringList(ArgoCdLive::images(desired)));
            const ResourceType *type = ArgoCdLive::typeOf(ref.kind);
            if (changed && write && type)
                m_store.update(*type, desired, WriteScope::Spec);
        }
        const QString verb = !write && !dryRun ? QStringLiteral("configured")
            : changed                          ? QStringLiteral("configured")
                                               : QStringLiteral("unchanged");
        result.insert(QStringLiteral("message"),
                      QString(applyName(ref) + u' ' + verb
                              + (dryRun ? QStringLiteral(" (dry run)") : QString())));
        results.append(result);
    }
    return results;
}

void ArgoCdApps::autoSync(App &app, qint64 nowMs)
{
    if (!app.spec.automated || !app.operation.isEmpty()
        || app.status.value(QStringLiteral("sync")).toObject().value(QStringLiteral("status"))
            != QLatin1String("OutOfSync"))
        return;
    const QString revision = targetRevision(app);
    const QString deployed = app.history.isEmpty()
        ? QString()
        : app.history.last().toObject().value(QStringLiteral("revision")).toString();
    // A new revision is synced once; drift of the live objects only with selfHeal.
    const bool newRevision = revision != deployed && revision != app.lastAutoRevision;
    const bool heal = app.spec.selfHeal
        && nowMs - app.lastSelfHealMs >= qint64(m_config.selfHealSeconds * 1000);
    if (!newRevision && !heal)
        return;
    if (!newRevision)
        app.lastSelfHealMs = nowMs;
    app.lastAutoRevision = revision;
    SyncRequest request;
    request.automated = true;
    request.prune = app.spec.prune;
    startOperation(app, request, nowMs);
}

} // namespace rdsim

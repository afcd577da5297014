// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/argocdapps.h"

#include "argocd/argocdapp_p.h"
#include "argocd/argocdhealth.h"
#include "argocd/argocdlive.h"
#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <QSet>
#include <QUuid>

#include <algorithm>

namespace rdsim {

namespace {

constexpr int kEventLimit = 2000;

} // namespace

ArgoCdApps::ArgoCdApps(const ArgoCdConfig &config, ObjectStore &store, VirtualClock &clock) :
    m_config(config), m_store(store), m_clock(clock)
{
    for (const ArgoCdApplicationSpec &spec : m_config.applications) {
        auto app = std::make_unique<App>();
        app->spec = spec;
        app->uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        app->resourceVersion = ++m_resourceVersion;
        QStringList deployed = spec.history;
        if (deployed.isEmpty())
            deployed << targetRevision(*app);
        const QJsonObject initiator = spec.automated
            ? QJsonObject {{QStringLiteral("automated"), true}}
            : QJsonObject {{QStringLiteral("username"), QStringLiteral("admin")}};
        // Each past deployment started a minute after its commit and took 15 s.
        for (qsizetype i = 0; i < deployed.size(); ++i) {
            const std::optional<ArgoCdCommit> commit = commitOf(spec.repoURL, deployed.at(i));
            const qint64 date = commit ? VirtualClock::fromRfc3339(commit->date) : -1;
            const qint64 started = date > 0 ? date + 60000 : clock.nowMs() - 3600000;
            const QString startedAt = VirtualClock::toRfc3339(started);
            const QString deployedAt = VirtualClock::toRfc3339(started + 15000);
            app->history.append(
                historyEntry(*app, i + 1, deployed.at(i), startedAt, deployedAt, initiator));
            if (i == 0)
                app->created = VirtualClock::toRfc3339(started - 30000);
        }
        m_apps.push_back(std::move(app));
    }
    for (auto &app : m_apps) {
        const QJsonObject last = app->history.last().toObject();
        computeStatus(*app, clock.nowMs());
        const QString revision = last.value(QStringLiteral("revision")).toString();
        const QJsonObject sync {{QStringLiteral("revision"), revision},
                                {QStringLiteral("source"), sourceJson(*app)}};
        const QJsonObject operation {
            {QStringLiteral("sync"), sync},
            {QStringLiteral("initiatedBy"), last.value(QStringLiteral("initiatedBy"))},
            {QStringLiteral("retry"), QJsonObject()}};
        app->operationState = QJsonObject {
            {QStringLiteral("operation"), operation},
            {QStringLiteral("phase"), QStringLiteral("Succeeded")},
            {QStringLiteral("message"), QStringLiteral("successfully synced (all tasks run)")},
            {QStringLiteral("syncResult"),
             QJsonObject {{QStringLiteral("resources"), applyImages(*app, revision, false, false)},
                          {QStringLiteral("revision"), revision},
                          {QStringLiteral("source"), sourceJson(*app)}}},
            {QStringLiteral("startedAt"), last.value(QStringLiteral("deployStartedAt"))},
            {QStringLiteral("finishedAt"), last.value(QStringLiteral("deployedAt"))}};
        app->published = render(*app, true);
    }
}

ArgoCdApps::~ArgoCdApps() = default;

ArgoCdApps::App *ArgoCdApps::find(const QString &name)
{
    for (auto &app : m_apps) {
        if (app->spec.name == name)
            return app.get();
    }
    return nullptr;
}

const ArgoCdApps::App *ArgoCdApps::find(const QString &name) const
{
    return const_cast<ArgoCdApps *>(this)->find(name);
}

QString ArgoCdApps::targetRevision(const App &app) const
{
    const ArgoCdRepo *repo = m_config.repo(app.spec.repoURL);
    if (!repo || repo->commits.isEmpty() || repo->helm)
        return app.spec.targetRevision;
    for (const ArgoCdCommit &commit : repo->commits) {
        if (commit.revision == app.spec.targetRevision
            || commit.tags.contains(app.spec.targetRevision))
            return commit.revision;
    }
    return repo->commits.last().revision; // a branch (or HEAD): its newest commit
}

QStringList ArgoCdApps::targetImages(const App &app, const QString &revision) const
{
    QStringList images = app.spec.kustomizeImages;
    const ArgoCdRepo *repo = m_config.repo(app.spec.repoURL);
    if (!repo)
        return images;
    // A commit that does not touch the application leaves its images as they were.
    for (const ArgoCdCommit &commit : repo->commits) {
        if (commit.images.contains(app.spec.name) && (!repo->helm || commit.revision == revision))
            images = commit.images.value(app.spec.name);
        if (!repo->helm && commit.revision == revision)
            break;
    }
    return images;
}

std::optional<ArgoCdCommit> ArgoCdApps::commit(const QString &name, const QString &revision) const
{
    std::lock_guard lock(m_mutex);
    const App *app = find(name);
    return app ? commitOf(app->spec.repoURL, revision) : std::nullopt;
}

std::optional<ArgoCdCommit> ArgoCdApps::commitOf(const QString &repoURL,
                                                 const QString &revision) const
{
    const ArgoCdRepo *repo = m_config.repo(repoURL);
    for (qsizetype i = 0; repo && i < repo->commits.size(); ++i) {
        if (repo->commits.at(i).revision == revision)
            return repo->commits.at(i);
    }
    return std::nullopt;
}

QJsonObject ArgoCdApps::sourceJson(const App &app) const
{
    QJsonObject source {{QStringLiteral("repoURL"), app.spec.repoURL},
                        {QStringLiteral("targetRevision"), app.spec.targetRevision}};
    if (!app.spec.path.isEmpty())
        source.insert(QStringLiteral("path"), app.spec.path);
    if (!app.spec.chart.isEmpty())
        source.insert(QStringLiteral("chart"), app.spec.chart);
    if (!app.spec.kustomizeImages.isEmpty())
        source.insert(QStringLiteral("kustomize"),
                      QJsonObject {{QStringLiteral("images"),
                                    QJsonArray::fromStringList(app.spec.kustomizeImages)}});
    return source;
}

void ArgoCdApps::computeStatus(App &app, qint64 nowMs)
{
    const QString revision = targetRevision(app);
    const QStringList images = targetImages(app, revision);
    QJsonArray resources;
    QJsonObject healthByKey;
    QSet<QString> summaryImages;
    QString worst = QStringLiteral("Healthy");
    bool outOfSync = false;
    for (const ArgoCdResourceRef &ref : std::as_const(app.spec.resources)) {
        const std::optional<QJsonObject> live = ArgoCdLive::get(m_store, ref);
        QJsonObject health
            = live ? ArgoCdHealth::of(*live) : ArgoCdHealth::make(QStringLiteral("Missing"));
        const bool synced = live
            && ArgoCdLive::desiredState(*live, images) == ArgoCdLive::desiredState(*live, {});
        outOfSync = outOfSync || !synced;
        QJsonObject entry {{QStringLiteral("version"), ref.version},
                           {QStringLiteral("kind"), ref.kind},
                           {QStringLiteral("namespace"), ref.ns},
                           {QStringLiteral("name"), ref.name},
                           {QStringLiteral("status"),
                            synced ? QStringLiteral("Synced") : QStringLiteral("OutOfSync")}};
        if (!ref.group.isEmpty())
            entry.insert(QStringLiteral("group"), ref.group);
        resources.append(entry);
        const QString status = health.value(QStringLiteral("status")).toString();
        if (!status.isEmpty()) {
            healthByKey.insert(App::key(ref), health);
            if (ArgoCdHealth::isWorse(worst, status))
                worst = status;
        }
        for (const QString &image : live ? ArgoCdLive::images(*live) : QStringList())
            summaryImages.insert(image);
        for (const QJsonObject &rs : live
                 ? ArgoCdLive::ownedBy(m_store, *live, QStringLiteral("ReplicaSet"))
                 : QList<QJsonObject>()) {
            for (const QJsonObject &pod : ArgoCdLive::ownedBy(m_store, rs, QStringLiteral("Pod"))) {
                for (const QString &image : ArgoCdLive::images(pod))
                    summaryImages.insert(image);
            }
        }
    }
    QStringList sortedImages(summaryImages.cbegin(), summaryImages.cend());
    std::sort(sortedImages.begin(), sortedImages.end());
    const QString sourceType = !app.spec.chart.isEmpty() ? QStringLiteral("Helm")
        : !app.spec.kustomizeImages.isEmpty()            ? QStringLiteral("Kustomize")
                                                         : QStringLiteral("Directory");
    const QJsonObject destination {{QStringLiteral("server"), app.spec.destinationServer},
                                   {QStringLiteral("namespace"), app.spec.destinationNamespace}};
    QJsonObject health {{QStringLiteral("status"), worst}};
    const QJsonObject previousHealth = app.status.value(QStringLiteral("health")).toObject();
    health.insert(QStringLiteral("lastTransitionTime"),
                  previousHealth.value(QStringLiteral("status")).toString() == worst
                      ? previousHealth.value(QStringLiteral("lastTransitionTime"))
                      : QJsonValue(VirtualClock::toRfc3339(nowMs)));
    const QJsonObject status {
        {QStringLiteral("resources"), resources},
        {QStringLiteral("sync"),
         QJsonObject {{QStringLiteral("status"),
                       outOfSync ? QStringLiteral("OutOfSync") : QStringLiteral("Synced")},
                      {QStringLiteral("comparedTo"),
                       QJsonObject {{QStringLiteral("source"), sourceJson(app)},
                                    {QStringLiteral("destination"), destination}}},
                      {QStringLiteral("revision"), revision}}},
        {QStringLiteral("health"), health},
        {QStringLiteral("sourceType"), sourceType},
        {QStringLiteral("summary"),
         QJsonObject {{QStringLiteral("images"), QJsonArray::fromStringList(sortedImages)}}},
        {QStringLiteral("resourceHealthSource"), QStringLiteral("appTree")},
        {QStringLiteral("controllerNamespace"), kControllerNamespace}};
    if (status != app.status || healthByKey != app.resourceHealth || app.refreshRequested
        || app.reconciledAt.isEmpty())
        app.reconciledAt = VirtualClock::toRfc3339(nowMs);
    app.status = status;
    app.resourceHealth = healthByKey;
    app.refreshRequested = false;
}

QJsonObject ArgoCdApps::render(const App &app, bool withResourceHealth) const
{
    QJsonObject metadata {{QStringLiteral("name"), app.spec.name},
                          {QStringLiteral("namespace"), kControllerNamespace},
                          {QStringLiteral("uid"), app.uid},
                          {QStringLiteral("resourceVersion"), QString::number(app.resourceVersion)},
                          {QStringLiteral("generation"), 1},
                          {QStringLiteral("creationTimestamp"), app.created}};
    if (!app.spec.labels.isEmpty()) {
        QJsonObject labels;
        for (auto it = app.spec.labels.cbegin(); it != app.spec.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        metadata.insert(QStringLiteral("labels"), labels);
    }
    QJsonObject spec {{QStringLiteral("source"), sourceJson(app)},
                      {QStringLiteral("destination"),
                       QJsonObject {{QStringLiteral("server"), app.spec.destinationServer},
                                    {QStringLiteral("namespace"), app.spec.destinationNamespace}}},
                      {QStringLiteral("project"), app.spec.project}};
    if (app.spec.automated) {
        QJsonObject automated;
        if (app.spec.prune)
            automated.insert(QStringLiteral("prune"), true);
        if (app.spec.selfHeal)
            automated.insert(QStringLiteral("selfHeal"), true);
        spec.insert(QStringLiteral("syncPolicy"),
                    QJsonObject {{QStringLiteral("automated"), automated}});
    }
    QJsonObject status = app.status;
    if (withResourceHealth) {
        // Argo CD 3.x keeps resource health in the tree; Get and Watch fill it back in.
        QJsonArray resources = status.value(QStringLiteral("resources")).toArray();
        for (qsizetype i = 0; i < resources.size(); ++i) {
            QJsonObject entry = resources.at(i).toObject();
            const ArgoCdResourceRef ref {entry.value(QStringLiteral("group")).toString(),
                                         {},
                                         entry.value(QStringLiteral("kind")).toString(),
                                         entry.value(QStringLiteral("namespace")).toString(),
                                         entry.value(QStringLiteral("name")).toString()};
            const QJsonValue health = app.resourceHealth.value(App::key(ref));
            if (health.isObject())
                entry.insert(QStringLiteral("health"), health);
            resources.replace(i, entry);
        }
        status.insert(QStringLiteral("resources"), resources);
    }
    if (!app.history.isEmpty())
        status.insert(QStringLiteral("history"), app.history);
    if (!app.operationState.isEmpty())
        status.insert(QStringLiteral("operationState"), app.operationState);
    status.insert(QStringLiteral("reconciledAt"), app.reconciledAt);
    QJsonObject application {{QStringLiteral("metadata"), metadata},
                             {QStringLiteral("spec"), spec},
                             {QStringLiteral("status"), status}};
    if (!app.operation.isEmpty())
        application.insert(QStringLiteral("operation"), app.operation);
    return application;
}

// A new resourceVersion and an event, only when what a watcher sees has changed.
void ArgoCdApps::publish(App &app, const QString &type)
{
    if (render(app, true) == app.published)
        return;
    app.resourceVersion = ++m_resourceVersion;
    app.published = render(app, true);
    m_events.push_back(AppEvent {++m_sequence, type, app.spec.name, app.published});
    while (m_events.size() > kEventLimit)
        m_events.pop_front();
    m_changed.notify_all();
}

void ArgoCdApps::reconcile()
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.nowMs();
    for (auto &app : m_apps) {
        progressOperation(*app, now);
        computeStatus(*app, now);
        autoSync(*app, now);
        publish(*app, QStringLiteral("MODIFIED"));
    }
}

void ArgoCdApps::refresh(const QString &name)
{
    std::lock_guard lock(m_mutex);
    if (App *app = find(name)) {
        app->refreshRequested = true;
        computeStatus(*app, m_clock.nowMs());
        publish(*app, QStringLiteral("MODIFIED"));
    }
}

QList<QJsonObject> ArgoCdApps::list() const
{
    std::lock_guard lock(m_mutex);
    QList<QJsonObject> result;
    for (const auto &app : m_apps)
        result << render(*app, false);
    std::sort(result.begin(), result.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return ArgoCdLive::field(a, "metadata", "name") < ArgoCdLive::field(b, "metadata", "name");
    });
    return result;
}

std::optional<QJsonObject> ArgoCdApps::get(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const App *app = find(name);
    if (!app)
        return std::nullopt;
    return render(*app, true);
}

QString ArgoCdApps::project(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const App *app = find(name);
    return app ? app->spec.project : QString();
}

qint64 ArgoCdApps::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_resourceVersion;
}

QList<AppEvent> ArgoCdApps::waitForEvents(qint64 sequence, int timeoutMs,
                                          qint64 *lastSequence) const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                       [&] { return m_shutDown || m_sequence > sequence; });
    QList<AppEvent> result;
    for (const AppEvent &event : m_events) {
        if (event.sequence > sequence)
            result << event;
    }
    if (lastSequence)
        *lastSequence = m_sequence;
    return result;
}

qint64 ArgoCdApps::lastSequence() const
{
    std::lock_guard lock(m_mutex);
    return m_sequence;
}

void ArgoCdApps::shutdown()
{
    std::lock_guard lock(m_mutex);
    m_shutDown = true;
    m_changed.notify_all();
}

bool ArgoCdApps::isShutDown() const
{
    std::lock_guard lock(m_mutex);
    return m_shutDown;
}

} // namespace rdsim

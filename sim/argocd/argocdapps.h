// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocd/argocdconfig.h"
#include "argocd/grpcerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace rdsim {

class ObjectStore;
class VirtualClock;

// What a sync or rollback asks for (ApplicationSyncRequest / ApplicationRollbackRequest).
struct SyncRequest
{
    QString revision; // empty: the target revision
    bool prune = false;
    bool dryRun = false;
    QJsonObject strategy; // as given (syncStrategy)
    QJsonArray resources; // as given (SyncOperationResource[])
    QJsonArray syncOptions;
    QString username; // empty with automated
    bool automated = false;
    bool rollback = false;
    QJsonObject rollbackSource; // the history entry's source
};

// One change of an application as the watch API sends it.
struct AppEvent
{
    qint64 sequence = 0;
    QString type; // ADDED, MODIFIED, DELETED
    QString name;
    QJsonObject application; // as Get shows it
};

// The Argo CD applications of one simulated cluster, with the application controller's job
// done by reconcile(): status computed from the live objects (sync by comparing the workloads'
// images with the target revision's, health by ArgoCdHealth), sync operations that run for
// a few virtual seconds and then patch the workloads through the ObjectStore, auto-sync and
// self-heal. Thread-safe: the HTTP threads and the controller thread share it.
class ArgoCdApps
{
public:
    ArgoCdApps(const ArgoCdConfig &config, ObjectStore &store, VirtualClock &clock);
    ~ArgoCdApps();
    ArgoCdApps(const ArgoCdApps &) = delete;
    ArgoCdApps &operator=(const ArgoCdApps &) = delete;

    // One controller pass: operations move on, status is recomputed, changes become events.
    void reconcile();

    QList<QJsonObject> list() const; // sorted by name, as stored (no per-resource health)
    std::optional<QJsonObject> get(const QString &name) const; // with per-resource health
    QString project(const QString &name) const; // "" when there is no such application
    qint64 resourceVersion() const;
    void refresh(const QString &name); // ?refresh=normal|hard: compare again now

    GrpcError sync(const QString &name, const SyncRequest &request);
    GrpcError rollback(const QString &name, qint64 id, SyncRequest request);
    GrpcError terminate(const QString &name);

    QJsonObject resourceTree(const QString &name) const;
    QJsonArray managedResources(const QString &name) const;
    const ArgoCdConfig &config() const { return m_config; }
    std::optional<ArgoCdCommit> commit(const QString &name, const QString &revision) const;

    // Events after `sequence`, waiting up to timeoutMs for one. *lastSequence receives the
    // newest sequence number known.
    QList<AppEvent> waitForEvents(qint64 sequence, int timeoutMs, qint64 *lastSequence) const;
    qint64 lastSequence() const;
    void shutdown();
    bool isShutDown() const;

private:
    struct App;
    App *find(const QString &name);
    const App *find(const QString &name) const;
    void computeStatus(App &app, qint64 nowMs);
    QString targetRevision(const App &app) const;
    std::optional<ArgoCdCommit> commitOf(const QString &repoURL, const QString &revision) const;
    QStringList targetImages(const App &app, const QString &revision) const;
    QJsonObject sourceJson(const App &app) const;
    QJsonObject render(const App &app, bool withResourceHealth) const;
    void publish(App &app, const QString &type);
    void progressOperation(App &app, qint64 nowMs);
    void finishSync(App &app, qint64 nowMs);
    void autoSync(App &app, qint64 nowMs);
    GrpcError startOperation(App &app, const SyncRequest &request, qint64 nowMs);
    QJsonArray applyImages(const App &app, const QString &revision, bool dryRun, bool write);
    QJsonObject historyEntry(const App &app, qint64 id, const QString &revision,
                             const QString &startedAt, const QString &deployedAt,
                             const QJsonObject &initiatedBy) const;

    ArgoCdConfig m_config;
    ObjectStore &m_store;
    VirtualClock &m_clock;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<std::unique_ptr<App>> m_apps;
    std::deque<AppEvent> m_events;
    qint64 m_sequence = 0;
    qint64 m_resourceVersion = 5000;
    bool m_shutDown = false;
};

} // namespace rdsim

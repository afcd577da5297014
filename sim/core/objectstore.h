// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/apierror.h"
#include "core/resourcecatalog.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace rdsim {

class VirtualClock;

// One change as a watcher sees it.
struct WatchEvent
{
    QString type; // ADDED, MODIFIED, DELETED
    QString typeKey; // ResourceType::key()
    QString ns;
    qint64 resourceVersion = 0;
    QJsonObject object;
};

// What a write may change: the main resource of a kind with a status subresource keeps the
// stored status (WriteScope::Spec); the /status subresource changes only status
// (WriteScope::Status); controllers and kinds without the subresource write the whole object.
enum class WriteScope { Whole, Spec, Status };

// The state of one simulated cluster: every object of every kind, one resourceVersion
// counter (bumped on every write, as etcd's revision is), and a bounded history of changes
// from which watches are served. Thread-safe: HTTP threads and the controller thread share it.
class ObjectStore
{
public:
    explicit ObjectStore(VirtualClock *clock);

    std::optional<QJsonObject> get(const ResourceType &type, const QString &ns,
                                   const QString &name) const;
    // Sorted by namespace then name. ns empty: all namespaces. *listRv receives the store's
    // resourceVersion at the time of the read (a consistent snapshot).
    QList<QJsonObject> list(const ResourceType &type, const QString &ns = {},
                            qint64 *listRv = nullptr) const;
    qint64 resourceVersion() const;

    // Fills uid, creationTimestamp, resourceVersion and generation 1 (namespace from the
    // object). 409 AlreadyExists when taken, 422 Invalid without a name.
    StoreResult create(const ResourceType &type, QJsonObject object);
    // Stores a new version. A non-empty metadata.resourceVersion in `object` that differs from
    // the stored one gives 409 Conflict (optimistic concurrency). generation is bumped when
    // spec changes. Identical content is written anyway only when `force`, otherwise the
    // stored object is returned unchanged with no event (as the apiserver does for no-ops).
    StoreResult update(const ResourceType &type, QJsonObject object, WriteScope scope,
                       bool force = false);
    StoreResult remove(const ResourceType &type, const QString &ns, const QString &name);
    // Loads an object as given (status kept), assigning fresh metadata bookkeeping. For
    // scenarios and --load; emits ADDED like create().
    StoreResult load(const ResourceType &type, QJsonObject object);

    // Watches. Returns the events of `type` (in `ns`, or all when empty) with
    // resourceVersion > afterRv, waiting up to timeoutMs for one to arrive. tooOld is set when
    // afterRv predates the retained history (the caller answers 410 Expired).
    struct WatchBatch
    {
        QList<WatchEvent> events;
        bool tooOld = false;
        qint64 currentRv = 0;
    };
    WatchBatch waitForEvents(const ResourceType &type, const QString &ns, qint64 afterRv,
                             int timeoutMs) const;
    // Forgets all history up to now: any watch from an older resourceVersion gets 410.
    void compact();
    qint64 compactedRv() const;
    void setHistoryLimit(int events);
    // Wakes every waiting watcher so it can notice shutdown.
    void shutdown();
    bool isShutDown() const;

    // Increases on every write; controllers compare it to skip idle reconciles.
    quint64 changeCount() const;

private:
    struct Entry
    {
        QJsonObject object;
    };
    StoreResult writeLocked(const ResourceType &type, QJsonObject object, const QString &eventType);
    void recordLocked(const ResourceType &type, const QString &eventType, const QJsonObject &obj);
    static QString entryKey(const QString &ns, const QString &name);

    VirtualClock *m_clock;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    QHash<QString, QMap<QString, Entry>> m_objects; // type key -> "ns/name" -> entry
    std::deque<WatchEvent> m_history;
    int m_historyLimit = 20000;
    qint64 m_rv = 1000;
    qint64 m_compactedRv = 1000;
    quint64 m_uidCounter = 0;
    quint64 m_changeCount = 0;
    bool m_shutDown = false;
};

} // namespace rdsim

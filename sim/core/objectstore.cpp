// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectstore.h"

#include "virtualclock.h"

#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace rdsim {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");
const QString kName = QStringLiteral("name");
const QString kNamespace = QStringLiteral("namespace");
const QString kResourceVersion = QStringLiteral("resourceVersion");
const QString kGeneration = QStringLiteral("generation");

QString metaString(const QJsonObject &object, const QString &field)
{
    return object.value(kMetadata).toObject().value(field).toString();
}

// Kubernetes' generateName suffix: five characters from its safe alphabet.
QString randomSuffix()
{
    static const QString alphabet = QStringLiteral("bcdfghjklmnpqrstvwxz2456789");
    QString suffix;
    for (int i = 0; i < 5; ++i)
        suffix += alphabet.at(QRandomGenerator::global()->bounded(alphabet.size()));
    return suffix;
}

} // namespace

ObjectStore::ObjectStore(VirtualClock *clock) : m_clock(clock) { }

QString ObjectStore::entryKey(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

std::optional<QJsonObject> ObjectStore::get(const ResourceType &type, const QString &ns,
                                            const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const auto typeIt = m_objects.constFind(type.key());
    if (typeIt == m_objects.cend())
        return std::nullopt;
    const auto it = typeIt->constFind(entryKey(type.namespaced ? ns : QString(), name));
    if (it == typeIt->cend())
        return std::nullopt;
    return it->object;
}

QList<QJsonObject> ObjectStore::list(const ResourceType &type, const QString &ns,
                                     qint64 *listRv) const
{
    std::lock_guard lock(m_mutex);
    if (listRv)
        *listRv = m_rv;
    QList<QJsonObject> items;
    const auto typeIt = m_objects.constFind(type.key());
    if (typeIt == m_objects.cend())
        return items;
    if (ns.isEmpty() || !type.namespaced) {
        items.reserve(typeIt->size());
        for (const Entry &entry : *typeIt)
            items << entry.object;
        return items;
    }
    // Keys are "ns/name", so one namespace is one contiguous, sorted range.
    const QString prefix = ns + u'/';
    for (auto it = typeIt->lowerBound(prefix); it != typeIt->cend() && it.key().startsWith(prefix);
         ++it)
        items << it->object;
    return items;
}

qint64 ObjectStore::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_rv;
}

StoreResult ObjectStore::create(const ResourceType &type, QJsonObject object)
{
    QJsonObject metadata = object.value(kMetadata).toObject();
    metadata.remove(kResourceVersion);
    metadata.insert(kGeneration, 1);
    object.insert(kMetadata, metadata);
    std::lock_guard lock(m_mutex);
    return writeLocked(type, object, QStringLiteral("ADDED"));
}

StoreResult ObjectStore::load(const ResourceType &type, QJsonObject object)
{
    QJsonObject metadata = object.value(kMetadata).toObject();
    metadata.remove(kResourceVersion);
    if (!metadata.contains(kGeneration))
        metadata.insert(kGeneration, 1);
    object.insert(kMetadata, metadata);
    std::lock_guard lock(m_mutex);
    return writeLocked(type, object, QStringLiteral("ADDED"));
}

// Shared by create() and load(): validates the name, fills the bookkeeping fields and stores.
StoreResult ObjectStore::writeLocked(const ResourceType &type, QJsonObject object,
                                     const QString &eventType)
{
    QJsonObject metadata = object.value(kMetadata).toObject();
    QString name = metadata.value(kName).toString();
    if (name.isEmpty() && !metadata.value(QStringLiteral("generateName")).toString().isEmpty())
        name = metadata.value(QStringLiteral("generateName")).toString() + randomSuffix();
    if (name.isEmpty())
        return {
            {},
            ApiError::invalid(
                type, name,
                QStringLiteral("metadata.name: Required value: name or generateName is required"))};
    QString ns = metadata.value(kNamespace).toString();
    if (type.namespaced && ns.isEmpty())
        ns = QStringLiteral("default");
    if (!type.namespaced)
        ns.clear();

    QMap<QString, Entry> &objects = m_objects[type.key()];
    const QString key = entryKey(ns, name);
    if (objects.contains(key))
        return {{}, ApiError::alreadyExists(type, name)};

    metadata.insert(kName, name);
    if (type.namespaced)
        metadata.insert(kNamespace, ns);
    else
        metadata.remove(kNamespace);
    if (!metadata.contains(QStringLiteral("uid")))
        metadata.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!metadata.contains(QStringLiteral("creationTimestamp")))
        metadata.insert(QStringLiteral("creationTimestamp"), m_clock->nowRfc3339());
    metadata.insert(kResourceVersion, QString::number(++m_rv));
    object.insert(kMetadata, metadata);
    object.insert(QStringLiteral("apiVersion"), type.groupVersion());
    object.insert(QStringLiteral("kind"), type.kind);

    objects.insert(key, Entry {object});
    recordLocked(type, eventType, object);
    return {object, {}};
}

StoreResult ObjectStore::update(const ResourceType &type, QJsonObject object, WriteScope scope,
                                bool force)
{
    std::lock_guard lock(m_mutex);
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QString name = metadata.value(kName).toString();
    const QString ns = type.namespaced ? metadata.value(kNamespace).toString() : QString();
    QMap<QString, Entry> &objects = m_objects[type.key()];
    const auto it = objects.find(entryKey(ns, name));
    if (it == objects.end())
        return {{}, ApiError::notFound(type, name)};

    const QJsonObject &stored = it->object;
    const QJsonObject storedMeta = stored.value(kMetadata).toObject();
    const QString givenRv = metadata.value(kResourceVersion).toString();
    if (!givenRv.isEmpty() && givenRv != storedMeta.value(kResourceVersion).toString()) {
        return {{},
                ApiError::conflict(type, name,
                                   QStringLiteral("the object has been modified; please apply your "
                                                  "changes to the latest version and try again"))};
    }

    QJsonObject next;
    switch (scope) {
    case WriteScope::Status:
        next = stored;
        if (object.contains(kStatus))
            next.insert(kStatus, object.value(kStatus));
        else
            next.remove(kStatus);
        break;
    case WriteScope::Spec:
        next = object;
        if (stored.contains(kStatus))
            next.insert(kStatus, stored.value(kStatus));
        else
            next.remove(kStatus);
        break;
    case WriteScope::Whole:
        next = object;
        break;
    }

    // Bookkeeping fields belong to the server, whatever the writer sent.
    QJsonObject nextMeta = next.value(kMetadata).toObject();
    for (const char *field : {"uid", "creationTimestamp", "name", "namespace", "generation"}) {
        const QString key = QString::fromLatin1(field);
        if (storedMeta.contains(key))
            nextMeta.insert(key, storedMeta.value(key));
        else
            nextMeta.remove(key);
    }
    nextMeta.insert(kResourceVersion, storedMeta.value(kResourceVersion));
    next.insert(kMetadata, nextMeta);
    next.insert(QStringLiteral("apiVersion"), type.groupVersion());
    next.insert(QStringLiteral("kind"), type.kind);

    if (next == stored && !force)
        return {stored, {}};

    if (next.value(kSpec) != stored.value(kSpec))
        nextMeta.insert(kGeneration, storedMeta.value(kGeneration).toInteger(1) + 1);
    nextMeta.insert(kResourceVersion, QString::number(++m_rv));
    next.insert(kMetadata, nextMeta);
    it->object = next;
    recordLocked(type, QStringLiteral("MODIFIED"), next);
    return {next, {}};
}

StoreResult ObjectStore::remove(const ResourceType &type, const QString &ns, const QString &name)
{
    std::lock_guard lock(m_mutex);
    QMap<QString, Entry> &objects = m_objects[type.key()];
    const auto it = objects.find(entryKey(type.namespaced ? ns : QString(), name));
    if (it == objects.end())
        return {{}, ApiError::notFound(type, name)};
    QJsonObject object = it->object;
    objects.erase(it);
    QJsonObject metadata = object.value(kMetadata).toObject();
    metadata.insert(kResourceVersion, QString::number(++m_rv));
    object.insert(kMetadata, metadata);
    recordLocked(type, QStringLiteral("DELETED"), object);
    return {object, {}};
}

void ObjectStore::recordLocked(const ResourceType &type, const QString &eventType,
                               const QJsonObject &object)
{
    WatchEvent event;
    event.type = eventType;
    event.typeKey = type.key();
    event.ns = metaString(object, kNamespace);
    event.resourceVersion = m_rv;
    event.object = object;
    m_history.push_back(std::move(event));
    while (static_cast<int>(m_history.size()) > m_historyLimit) {
        m_compactedRv = m_history.front().resourceVersion;
        m_history.pop_front();
    }
    ++m_changeCount;
    m_changed.notify_all();
}

ObjectStore::WatchBatch ObjectStore::waitForEvents(const ResourceType &type, const QString &ns,
                                                   qint64 afterRv, int timeoutMs) const
{
    const QString typeKey = type.key();
    const bool allNamespaces = ns.isEmpty() || !type.namespaced;
    std::unique_lock lock(m_mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    WatchBatch batch;
    for (;;) {
        batch.currentRv = m_rv;
        if (afterRv < m_compactedRv) {
            batch.tooOld = true;
            return batch;
        }
        // History is ordered by resourceVersion: find the first newer event by bisection.
        auto it = std::upper_bound(
            m_history.cbegin(), m_history.cend(), afterRv,
            [](qint64 rv, const WatchEvent &e) { return rv < e.resourceVersion; });
        for (; it != m_history.cend(); ++it) {
            if (it->typeKey == typeKey && (allNamespaces || it->ns == ns))
                batch.events << *it;
        }
        if (!batch.events.isEmpty() || m_shutDown)
            return batch;
        // Nothing of interest yet: skip past what was seen and wait for the next write.
        afterRv = std::max(afterRv, m_rv);
        if (m_changed.wait_until(lock, deadline) == std::cv_status::timeout) {
            batch.currentRv = m_rv;
            return batch;
        }
    }
}

void ObjectStore::compact()
{
    std::lock_guard lock(m_mutex);
    m_history.clear();
    m_compactedRv = m_rv;
}

qint64 ObjectStore::compactedRv() const
{
    std::lock_guard lock(m_mutex);
    return m_compactedRv;
}

void ObjectStore::setHistoryLimit(int events)
{
    std::lock_guard lock(m_mutex);
    m_historyLimit = std::max(1, events);
}

void ObjectStore::shutdown()
{
    std::lock_guard lock(m_mutex);
    m_shutDown = true;
    m_changed.notify_all();
}

bool ObjectStore::isShutDown() const
{
    std::lock_guard lock(m_mutex);
    return m_shutDown;
}

quint64 ObjectStore::changeCount() const
{
    std::lock_guard lock(m_mutex);
    return m_changeCount;
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventrecorder.h"

#include "jsonutil.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

namespace rdsim {

namespace {

const ResourceType &eventType()
{
    static const ResourceType *type = ResourceCatalog::find(QString(), QStringLiteral("events"));
    return *type;
}

constexpr qint64 kEventTtlMs = 60 * 60 * 1000;

} // namespace

EventRecorder::EventRecorder(ObjectStore &store, VirtualClock &clock) :
    m_store(store), m_clock(clock)
{ }

void EventRecorder::normal(const QJsonObject &object, const QString &component,
                           const QString &reason, const QString &message)
{
    record(object, component, QStringLiteral("Normal"), reason, message);
}

void EventRecorder::warning(const QJsonObject &object, const QString &component,
                            const QString &reason, const QString &message)
{
    record(object, component, QStringLiteral("Warning"), reason, message);
}

void EventRecorder::record(const QJsonObject &object, const QString &component, const QString &type,
                           const QString &reason, const QString &message)
{
    const QString ns = JsonUtil::nameSpace(object);
    const QString name = JsonUtil::name(object);
    const QString now = m_clock.nowRfc3339();
    const QString key = JsonUtil::uid(object) + u'\x1f' + type + u'\x1f' + reason + u'\x1f'
        + message + u'\x1f' + component;

    const auto known = m_names.constFind(key);
    if (known != m_names.cend()) {
        const QString eventName = known->section(u'/', 1);
        if (std::optional<QJsonObject> existing = m_store.get(eventType(), ns, eventName)) {
            QJsonObject event = *existing;
            event.insert(QStringLiteral("count"), event.value(QLatin1String("count")).toInt(1) + 1);
            event.insert(QStringLiteral("lastTimestamp"), now);
            if (m_store.update(eventType(), event, WriteScope::Whole).ok())
                return;
        }
    }

    // client-go names events "<object>.<unix nanoseconds in hex>"; the sequence keeps names
    // unique while the virtual clock is frozen.
    const quint64 nanos = quint64(m_clock.nowMs()) * 1000000u + (m_sequence++ % 1000000u);
    const QString eventName = name + u'.' + QString::number(nanos, 16);
    QJsonObject involved {{QStringLiteral("apiVersion"), object.value(QLatin1String("apiVersion"))},
                          {QStringLiteral("kind"), object.value(QLatin1String("kind"))},
                          {QStringLiteral("name"), name},
                          {QStringLiteral("uid"), JsonUtil::uid(object)},
                          {QStringLiteral("resourceVersion"),
                           JsonUtil::stringAt(object, "metadata.resourceVersion")}};
    if (!ns.isEmpty())
        involved.insert(QStringLiteral("namespace"), ns);
    const QJsonObject event {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), eventName}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"), involved},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), type},
        {QStringLiteral("count"), 1},
        {QStringLiteral("firstTimestamp"), now},
        {QStringLiteral("lastTimestamp"), now},
        {QStringLiteral("source"), QJsonObject {{QStringLiteral("component"), component}}},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), QString()}};
    if (m_store.create(eventType(), event).ok())
        m_names.insert(key, ns + u'/' + eventName);
}

qint64 EventRecorder::expireOld()
{
    constexpr qint64 kEveryMs = 10 * 60 * 1000;
    const qint64 now = m_clock.nowMs();
    if (now - m_lastExpiryMs < kEveryMs)
        return m_lastExpiryMs + kEveryMs;
    m_lastExpiryMs = now;
    const QList<QJsonObject> events = m_store.list(eventType());
    for (const QJsonObject &event : events) {
        const qint64 last
            = VirtualClock::fromRfc3339(event.value(QLatin1String("lastTimestamp")).toString());
        if (last >= 0 && now - last > kEventTtlMs)
            m_store.remove(eventType(), JsonUtil::nameSpace(event), JsonUtil::name(event));
    }
    // Forget aggregation keys whose Event is gone, so the map does not grow without bound.
    for (auto it = m_names.begin(); it != m_names.end();) {
        const QString ns = it->section(u'/', 0, 0);
        const QString name = it->section(u'/', 1);
        if (!m_store.get(eventType(), ns, name))
            it = m_names.erase(it);
        else
            ++it;
    }
    return now + kEveryMs;
}

} // namespace rdsim

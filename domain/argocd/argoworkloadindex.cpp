// SPDX-License-Identifier: GPL-3.0-or-later
#include "argoworkloadindex.h"

#include "objectmeta.h"

namespace {

QString resourceKey(const QString &group, const QString &kind, const QString &namespaceName,
                    const QString &name)
{
    const QChar separator(0x1f); // in none of the four
    return group + separator + kind + separator + namespaceName + separator + name;
}

QString resourceKey(const ArgoResourceRef &ref)
{
    return resourceKey(ref.group, ref.kind, ref.namespaceName, ref.name);
}

QString resourceKey(const ArgoResource &resource)
{
    return resourceKey(resource.group, resource.kind, resource.namespaceName, resource.name);
}

void removeFrom(QHash<QString, QStringList> &index, const QString &at, const QString &key)
{
    const auto found = index.find(at);
    if (found == index.end())
        return;
    found->removeAll(key);
    if (found->isEmpty())
        index.erase(found);
}

} // namespace

std::optional<ArgoTrackingId> ArgoTrackingId::parse(const QString &value)
{
    // strings.SplitN(value, ":", 3), then "/" splits of exactly two parts each.
    const qsizetype first = value.indexOf(QLatin1Char(':'));
    const qsizetype second = first < 0 ? -1 : value.indexOf(QLatin1Char(':'), first + 1);
    if (second < 0)
        return std::nullopt;
    const QStringList groupKind = value.mid(first + 1, second - first - 1).split(QLatin1Char('/'));
    const QStringList namespaceName = value.mid(second + 1).split(QLatin1Char('/'));
    if (groupKind.size() != 2 || namespaceName.size() != 2)
        return std::nullopt;
    ArgoTrackingId id;
    id.instanceName = value.left(first);
    id.resource = {groupKind.at(0), groupKind.at(1), namespaceName.at(0), namespaceName.at(1)};
    return id;
}

QSet<QString> ArgoWorkloadIndex::apply(const ArgoAppBatch &batch, const Differs &differs)
{
    QSet<QString> changed;
    if (batch.reset) {
        QSet<QString> listed;
        for (const ArgoApplication &application : batch.upserts)
            listed.insert(application.key());
        QStringList gone;
        for (auto it = m_applications.cbegin(); it != m_applications.cend(); ++it) {
            if (it->environment == batch.environment && it->instance == batch.instance
                && !listed.contains(it.key()))
                gone.append(it.key());
        }
        for (const QString &key : std::as_const(gone))
            erase(key);
        changed.unite(QSet<QString>(gone.cbegin(), gone.cend()));
    }
    for (const ArgoApplication &application : batch.upserts) {
        const QString key = application.key();
        const auto found = m_applications.constFind(key);
        const bool isNew = found == m_applications.constEnd();
        if (isNew || (differs ? differs(*found, application) : *found != application))
            changed.insert(key);
        // Re-indexed even when nothing shown changed: its resources may have.
        if (!isNew)
            erase(key);
        insert(application);
    }
    for (const QString &key : batch.removedKeys) {
        if (m_applications.contains(key)) {
            erase(key);
            changed.insert(key);
        }
    }
    return changed;
}

const ArgoApplication *ArgoWorkloadIndex::application(const QString &key) const
{
    const auto found = m_applications.constFind(key);
    return found == m_applications.constEnd() ? nullptr : &*found;
}

void ArgoWorkloadIndex::insert(const ArgoApplication &application)
{
    const QString key = application.key();
    m_applications.insert(key, application);
    for (const ArgoResource &resource : application.resources) {
        QStringList &keys = m_byResource[resourceKey(resource)];
        if (!keys.contains(key))
            keys.append(key);
    }
    m_byName[application.name].append(key);
}

void ArgoWorkloadIndex::erase(const QString &key)
{
    const auto found = m_applications.constFind(key);
    if (found == m_applications.constEnd())
        return;
    for (const ArgoResource &resource : found->resources)
        removeFrom(m_byResource, resourceKey(resource), key);
    removeFrom(m_byName, found->name, key);
    m_applications.erase(found);
}

QString ArgoWorkloadIndex::resolveInstanceName(const QString &instanceName) const
{
    // Kubernetes names hold no '_', so the first one ends the namespace (parseName's
    // strings.SplitN(name, "_", 2)). A bare name is an application in its Argo CD's own
    // namespace, which is not known here: any namespace, as long as only one matches.
    const qsizetype underscore = instanceName.indexOf(QLatin1Char('_'));
    const QString name = underscore < 0 ? instanceName : instanceName.mid(underscore + 1);
    const QString appNamespace = underscore < 0 ? QString() : instanceName.left(underscore);
    QString found;
    for (const QString &key : m_byName.value(name)) {
        if (underscore >= 0 && m_applications.constFind(key)->appNamespace != appNamespace)
            continue;
        if (!found.isEmpty())
            return QString(); // several servers' applications of that name
        found = key;
    }
    return found;
}

ArgoWorkloadLink ArgoWorkloadIndex::linkByMetadata(const ArgoResourceRef &workload,
                                                   const ObjectMeta &meta) const
{
    const QString tracking = meta.annotations.value(trackingAnnotation());
    if (!tracking.isEmpty()) {
        const std::optional<ArgoTrackingId> id = ArgoTrackingId::parse(tracking);
        // An annotation copied onto another object names that object: Argo CD ignores it as
        // well (controller/state.go, isSelfReferencedObj).
        if (id && id->resource == workload) {
            const QString key = resolveInstanceName(id->instanceName);
            if (!key.isEmpty())
                return {key, ArgoLinkSource::TrackingAnnotation};
        }
    }
    const QString label = meta.labels.value(instanceLabel());
    if (!label.isEmpty()) {
        const QString key = resolveInstanceName(label);
        if (!key.isEmpty())
            return {key, ArgoLinkSource::InstanceLabel};
    }
    return {};
}

ArgoWorkloadLink ArgoWorkloadIndex::link(const ArgoResourceRef &workload,
                                         const ObjectMeta &meta) const
{
    if (m_applications.isEmpty())
        return {};
    const QStringList listing = m_byResource.value(resourceKey(workload));
    if (listing.size() == 1)
        return {listing.constFirst(), ArgoLinkSource::Resources};
    const ArgoWorkloadLink named = linkByMetadata(workload, meta);
    if (listing.isEmpty() || listing.contains(named.applicationKey))
        return named;
    return {};
}

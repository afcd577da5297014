// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveredversions.h"

#include "fleetdelta.h"

quint64 DeliveredVersions::digest(const ObjectMeta &meta)
{
    static_assert(sizeof(size_t) == sizeof(quint64), "the digest needs a 64-bit qHash");
    // The uid's hash seeds the resourceVersion's: a pair, not a concatenation, is hashed.
    return quint64(qHash(QStringView(meta.resourceVersion),
                         qHash(QStringView(meta.uid), size_t(0x9e3779b97f4a7c15ull))));
}

bool DeliveredVersions::record(const ObjectMeta &meta)
{
    const Version version {digest(meta), m_list};
    auto it = m_versions.find(keyOf(meta));
    if (it != m_versions.end()) {
        if (it->digest == version.digest) {
            it->list = m_list;
            return false;
        }
        // A QHash keeps the first key of an entry: erase it so the new object's strings,
        // not the replaced object's, are the ones held.
        m_versions.erase(it);
    }
    m_versions.insert(keyOf(meta), version);
    return true;
}

bool DeliveredVersions::contains(const ObjectMeta &meta) const
{
    return m_versions.contains(keyOf(meta));
}

void DeliveredVersions::remove(const ObjectMeta &meta)
{
    m_versions.remove(keyOf(meta));
}

QStringList DeliveredVersions::endList()
{
    QStringList gone;
    m_versions.removeIf([&](const std::pair<const Key &, Version &> &entry) {
        if (entry.second.list == m_list)
            return false;
        gone.append(WorkloadDeltaBatch::key(entry.first.namespaceName, entry.first.name));
        return true;
    });
    return gone;
}

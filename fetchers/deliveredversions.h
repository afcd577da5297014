// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectmeta.h"

#include <QHash>
#include <QString>
#include <QStringList>

// What one informer has delivered, so that a relist sends only what changed and deletes
// what vanished, and a watch knows which deletes the GUI must hear about: per object
// (namespace and name) a 64-bit digest of its uid and resourceVersion.
//
// Compact because it lives as long as the informer, one entry per object of the fleet:
// "namespace/name" -> "uid/resourceVersion" strings cost two allocations and some 230 bytes
// per object (3.2 MB per cluster of 14,000 objects). The key here shares the delivered
// object's own strings (its namespace is a shared token, its name sits in the object's string
// block, which the model holds anyway), and the version is a digest: a 64-byte hash node and
// nothing else. A digest collision (two versions of one object alike in 64 bits, about 1 in
// 10^19 per change) would make a relist skip that one change; the watch still delivers it.
//
// Why uid and resourceVersion, not the resourceVersion alone: when a cluster is recreated
// behind the same address (kind, minikube, an etcd restore) its counter starts again, and an
// object of the same name can come back with the same resourceVersion but another uid (and
// other owners). Found by bench/soak, which kills and restarts a simulator.
class DeliveredVersions
{
public:
    // Notes meta's object as delivered. True when that is news: not delivered before, or
    // delivered with another uid or resourceVersion. When it is news, the entry's key takes
    // this object's strings, so it never keeps an older object's string block alive.
    bool record(const ObjectMeta &meta);
    bool contains(const ObjectMeta &meta) const;
    void remove(const ObjectMeta &meta);

    // A relist: beginList(), then record() every object listed, then endList() forgets the
    // objects the list did not have and returns their keys ("namespace/name").
    void beginList() { ++m_list; }
    QStringList endList();

    qsizetype size() const { return m_versions.size(); }

private:
    struct Key
    {
        QString namespaceName;
        QString name;
        bool operator==(const Key &o) const
        {
            return name == o.name && namespaceName == o.namespaceName;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHash(key.name, qHash(key.namespaceName, seed));
        }
    };
    struct Version
    {
        quint64 digest = 0;
        quint32 list = 0; // the list that last had it (beginList() counts lists)
    };
    static Key keyOf(const ObjectMeta &meta) { return {meta.namespaceName, meta.name}; }
    static quint64 digest(const ObjectMeta &meta);

    QHash<Key, Version> m_versions;
    quint32 m_list = 0;
};

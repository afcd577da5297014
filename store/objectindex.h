// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetdelta.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <memory>

// The groups an object is filed under in an ObjectIndex: the uids of the objects a detail
// view finds it from. A ReplicaSet under every owner (rows take weights and revisions from
// them), a pod under the ReplicaSet and an AnalysisRun under the Rollout that control it,
// an Event under the object it is about.
template<typename F> void forEachGroup(const ReplicaSet &replicaSet, F &&f)
{
    for (const OwnerReference &owner : replicaSet.metadata.ownerReferences)
        f(owner.uid);
}
template<typename F> void forEachGroup(const Pod &pod, F &&f)
{
    if (const OwnerReference *owner = pod.metadata.controllerRef())
        f(owner->uid);
}
template<typename F> void forEachGroup(const AnalysisRun &run, F &&f)
{
    if (const OwnerReference *owner = run.metadata.controllerRef())
        f(owner->uid);
}
template<typename F> void forEachGroup(const Event &event, F &&f)
{
    f(event.involvedObject.uid);
}
// An Experiment under the Rollout that controls it, a Job under its AnalysisRun.
template<typename F> void forEachGroup(const Experiment &experiment, F &&f)
{
    if (const OwnerReference *owner = experiment.metadata.controllerRef())
        f(owner->uid);
}
template<typename F> void forEachGroup(const Job &job, F &&f)
{
    f(job.analysisRunUid());
}

// The objects of one kind in one environment by "namespace/name", indexed by uid and by
// group, so that a change or a lookup costs the objects involved, never a scan of all.
template<typename T> class ObjectIndex
{
public:
    static QString keyOf(const T &object)
    {
        return WorkloadDeltaBatch::key(object.metadata.namespaceName, object.metadata.name);
    }

    qsizetype size() const { return m_objects.size(); }
    const T *find(const QString &key) const
    {
        const auto it = m_objects.constFind(key);
        return it == m_objects.constEnd() ? nullptr : it->get();
    }
    const T *findByUid(const QString &uid) const
    {
        return uid.isEmpty() ? nullptr : find(m_keyByUid.value(uid));
    }
    // The objects filed under group, in no particular order.
    QList<T> inGroup(const QString &group) const
    {
        QList<T> list;
        forEachInGroup(group, [&](const T &object) { list.append(object); });
        return list;
    }
    template<typename F> void forEachInGroup(const QString &group, F &&f) const
    {
        const auto keys = m_groups.constFind(group);
        if (keys == m_groups.constEnd())
            return;
        for (const QString &key : *keys)
            f(*find(key));
    }
    template<typename F> void forEach(F &&f) const
    {
        for (const std::shared_ptr<const T> &object : m_objects)
            f(*object);
    }

    void upsert(const T &object)
    {
        const QString key = keyOf(object);
        remove(key);
        QVarLengthArray<QString, 2> filed; // two owner references may name one owner
        forEachGroup(object, [&](const QString &group) {
            if (group.isEmpty() || filed.contains(group))
                return;
            filed.append(group);
            m_groups[group].append(key);
        });
        if (!object.metadata.uid.isEmpty())
            m_keyByUid.insert(object.metadata.uid, key);
        m_objects.insert(key, std::make_shared<const T>(object));
    }
    void remove(const QString &key)
    {
        const auto it = m_objects.constFind(key);
        if (it == m_objects.constEnd())
            return;
        const T &object = **it;
        forEachGroup(object, [&](const QString &group) {
            const auto keys = m_groups.find(group);
            if (keys == m_groups.end())
                return;
            keys->removeOne(key);
            if (keys->isEmpty())
                m_groups.erase(keys);
        });
        if (m_keyByUid.value(object.metadata.uid) == key)
            m_keyByUid.remove(object.metadata.uid);
        m_objects.erase(it);
    }
    void clear()
    {
        m_objects.clear();
        m_keyByUid.clear();
        m_groups.clear();
    }

private:
    // "ns/name" -> object. By pointer: a node is 40 bytes instead of 488 for a pod, and Qt
    // 6.4's hash keeps a fifth of its nodes' room unused.
    QHash<QString, std::shared_ptr<const T>> m_objects;
    QHash<QString, QString> m_keyByUid;
    // group uid -> keys. A list, not a QSet: groups hold a few to a few dozen keys, and a
    // QSet's smallest table (48 entries) cost 1.4 KB per group, 2.8 MB per 10,000 pods.
    QHash<QString, QList<QString>> m_groups;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetsfetcher.h"

#include "safetynetlister.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

SafetyNetsFetcher::SafetyNetsFetcher(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<SafetyNetInventory>();
}

SafetyNetsFetcher::~SafetyNetsFetcher()
{
    ++*m_generation;
    for (const Pending &pending : std::as_const(m_pending))
        pending.cancel.cancel();
}

void SafetyNetsFetcher::setFleet(const Kubeconfig &kubeconfig,
                                 const QList<EnvironmentSpec> &environments)
{
    ++*m_generation;
    for (const Pending &pending : std::as_const(m_pending))
        pending.cancel.cancel();
    m_pending.clear();
    m_kubeconfig = kubeconfig;
    m_environments = environments;
}

void SafetyNetsFetcher::fetch(const QString &environment, const QString &namespaceName,
                              qint64 fromMs, qint64 toMs)
{
    const EnvironmentSpec *spec = nullptr;
    for (const EnvironmentSpec &candidate : std::as_const(m_environments)) {
        if (candidate.name == environment)
            spec = &candidate;
    }
    if (!spec)
        return;
    const QString key = environment + QLatin1Char('\n') + namespaceName;
    if (m_pending.contains(key))
        m_pending.value(key).cancel.cancel();
    Pending pending;
    pending.id = ++m_nextId;
    m_pending.insert(key, pending);

    const QPointer<SafetyNetsFetcher> self(this);
    const std::shared_ptr<int> generation = m_generation;
    const int asked = *generation;
    const SafetyNetLister lister(m_kubeconfig, *spec);
    const quint64 id = pending.id;
    const CancelToken cancel = pending.cancel;
    QThreadPool::globalInstance()->start(
        [self, generation, asked, lister, key, id, cancel, namespaceName, fromMs, toMs] {
            const SafetyNetInventory inventory = lister.list(namespaceName, fromMs, toMs, cancel);
            if (cancel.isCancelled())
                return; // replaced by a newer fetch, or the fleet changed
            QMetaObject::invokeMethod(qApp, [self, generation, asked, key, id, inventory] {
                if (self && *generation == asked)
                    self->finished(key, id, inventory);
            });
        });
}

void SafetyNetsFetcher::finished(const QString &key, quint64 id,
                                 const SafetyNetInventory &inventory)
{
    const auto it = m_pending.constFind(key);
    if (it == m_pending.cend() || it->id != id)
        return; // a newer fetch of the same namespace answers instead
    m_pending.erase(it);
    emit inventoryFetched(inventory);
}

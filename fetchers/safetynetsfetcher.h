// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "environmentspec.h"
#include "kubeconfig.h"
#include "safetynets.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

// The safety nets of the shown rollout (issue 15), fetched on demand: the window asks for
// its environment and namespace (and for the earlier environment's, the staging evidence)
// when a rollout is shown and every minute while it stays shown. Each fetch runs a
// SafetyNetLister on the shared thread pool with clients of its own; the inventory comes back
// on this object's thread through a queued call. GUI thread.
class SafetyNetsFetcher : public QObject
{
    Q_OBJECT
public:
    explicit SafetyNetsFetcher(QObject *parent = nullptr);
    ~SafetyNetsFetcher() override;

    // Cancels every fetch under way; their answers are dropped.
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    // Falco is counted over [fromMs, toMs] (toMs <= fromMs: not asked). A fetch of the same
    // environment and namespace still under way is cancelled: the newer one answers. An
    // environment the fleet does not have is ignored.
    void fetch(const QString &environment, const QString &namespaceName, qint64 fromMs,
               qint64 toMs);
    // Fetches under way (tests, and a busy indicator).
    int pendingCount() const { return int(m_pending.size()); }

signals:
    void inventoryFetched(const SafetyNetInventory &inventory);

private:
    void finished(const QString &key, quint64 id, const SafetyNetInventory &inventory);

    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    struct Pending
    {
        quint64 id = 0;
        CancelToken cancel;
    };
    QHash<QString, Pending> m_pending; // by environment + '\n' + namespace
    quint64 m_nextId = 0;
    // Shared with the pool's tasks: they check it before they publish, so a task of an
    // earlier fleet (or of a destroyed object) says nothing.
    std::shared_ptr<int> m_generation = std::make_shared<int>(0);
};

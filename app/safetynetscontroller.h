// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "kubeconfig.h"
#include "rolloutdetail.h"
#include "safetynets.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class FleetModel;
class FleetStore;
class QTimer;
class RolloutDetailView;
class SafetyNetsFetcher;

// Feeds the shown rollout's safety nets (issue 15) to the detail view's Safety nets tab and
// header. While a rollout is shown it asks SafetyNetsFetcher for the rollout's environment and
// namespace, and for the earlier environment's (the previous one in the config's order, same
// namespace: the staging evidence), with Falco counted from the canary ReplicaSet's creation
// to now; again every minute, when another rollout is shown and when the canary changes.
// Answers for an environment and namespace no longer shown are dropped. Each answer is joined
// to the rollout with SafetyNetsAssembler (again whenever the rollout's detail changes), the
// earlier environment's start of the canary's version taken from the store.
//
// A source that was read before and fails now keeps what was read, dated, with the failure
// (SafetyNetSourceState::detail): the tab says how old it is instead of forgetting it.
class SafetyNetsController : public QObject
{
    Q_OBJECT

public:
    SafetyNetsController(FleetModel *model, RolloutDetailView *view, QObject *parent = nullptr);
    ~SafetyNetsController() override;

    // Starts over with these environments (a new fetcher).
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    // The rollout the window shows; an empty uid shows nothing (and asks nothing).
    void select(const QString &environment, const QString &rolloutUid);
    // Stops asking; answers still under way are dropped.
    void shutdown();
    // Tests: the clock (Unix ms); default: the system clock.
    void setClock(std::function<qint64()> nowMs) { m_clock = std::move(nowMs); }

    QTimer *refreshTimer() const { return m_timer; }
    // What the tab shows now (nullptr before the first answer).
    const SafetyNets *shown() const { return m_shown ? &*m_shown : nullptr; }

    static constexpr int refreshIntervalMs = 60 * 1000;

    // The environment before `environment` in the config's order; empty for the first.
    static QString earlierEnvironment(const QList<EnvironmentSpec> &environments,
                                      const QString &environment);
    // When `earlier` started running `images` for the same rollout (namespace and name): the
    // creation of its ReplicaSet with those images; 0 when unknown.
    static qint64 earlierVersionSinceMs(const FleetStore &store, const QString &earlier,
                                        const QString &namespaceName, const QString &name,
                                        const QStringList &images);
    // next, with what `previous` (the same environment and namespace) read of each source that
    // next failed to read, dated as it was and with next's failure in its detail.
    static SafetyNetInventory keepLastRead(const SafetyNetInventory &previous,
                                           const SafetyNetInventory &next);

public slots:
    // Asks again now.
    void refresh();

private:
    void detailsChanged(const QString &environment, const QStringList &rolloutUids);
    void inventoryFetched(const SafetyNetInventory &inventory);
    void assemble();
    qint64 now() const;

    FleetModel *m_model;
    RolloutDetailView *m_view;
    std::unique_ptr<SafetyNetsFetcher> m_fetcher;
    QList<EnvironmentSpec> m_environments;
    QTimer *m_timer;
    std::function<qint64()> m_clock;
    QString m_environment;
    QString m_uid;
    QString m_namespace; // of the shown rollout, for matching answers
    QString m_earlier; // the earlier environment asked, empty: none
    QString m_askedCanaryHash; // the canary the last request was for
    RolloutDetail m_detail;
    std::optional<SafetyNetInventory> m_own;
    std::optional<SafetyNetInventory> m_earlierInventory;
    std::optional<SafetyNets> m_shown;
};

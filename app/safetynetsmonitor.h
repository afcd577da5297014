// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "kubeconfig.h"
#include "safetynets.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class FleetModel;
class QTimer;
class SafetyNetsFetcher;

// The safety nets of every canary in the fleet (issue 15, "readiness at a glance"), for the
// fleet table's Safety nets column and the release record. Every refreshIntervalMs, and at
// once when a rollout gets a new canary, each environment and namespace holding a rollout
// with a canary in progress (not aborted, its environment live) is read once with
// SafetyNetsFetcher, whatever the number of rollouts in it, and so is the earlier
// environment's namespace (the config's order: staging evidence). At most
// maxConcurrentFetches reads run at a time, the rest wait their turn. Each answer comes back
// on the GUI thread as a value and is joined to every canary it concerns with
// SafetyNetsAssembler, as the detail's SafetyNetsController does for the one shown (its
// helpers are shared: the earlier environment, since when it ran the version, the last read
// kept when reading again fails). The result goes to FleetModel::setSafetyNets and out by
// safetyNetsRead() (the window records it). A rollout whose canary ended loses its value.
class SafetyNetsMonitor : public QObject
{
    Q_OBJECT

public:
    explicit SafetyNetsMonitor(FleetModel *model, QObject *parent = nullptr);
    ~SafetyNetsMonitor() override;

    static constexpr int refreshIntervalMs = 2 * 60 * 1000;
    static constexpr int maxConcurrentFetches = 2;

    // Starts over with these environments (answers of the previous fleet are dropped).
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    // Stops asking and clears the column.
    void shutdown();
    // Tests: the clock (Unix ms); default: the system clock.
    void setClock(std::function<qint64()> nowMs) { m_clock = std::move(nowMs); }

    // The latest safety nets of a rollout's canary; nullptr when it has none (no canary in
    // progress, or not read yet).
    const SafetyNets *safetyNets(const QString &environment, const QString &uid) const;
    // Reads of an environment's namespace started since setFleet() (tests), and the most that
    // ran at once.
    int fetchCount(const QString &environment, const QString &namespaceName) const;
    int peakConcurrentFetches() const { return m_peakInFlight; }
    // No read under way or waiting (tests).
    bool idle() const { return m_inFlight.isEmpty() && m_queue.isEmpty(); }
    QTimer *refreshTimer() const { return m_timer; }

public slots:
    // Reads every namespace with a canary in progress now (the timer's job).
    void refreshAll();

signals:
    // A canary's safety nets as assembled at readAtMs (when its namespace was read).
    void safetyNetsRead(const SafetyNets &nets, qint64 readAtMs);

private:
    struct Reading
    {
        SafetyNets nets;
        qint64 readAtMs = 0;
    };
    void detailsChanged(const QString &environment, const QStringList &rolloutUids);
    // The canary's pod-template hash when the rollout has one in progress; empty otherwise.
    QString canaryOf(const QString &environment, const QString &uid) const;
    // Follows the rollout's canary; a new one is read at once.
    void track(const QString &environment, const QString &uid, const QString &canary);
    void drop(const QString &rolloutKey);
    // Queues a read of the namespace and of the earlier environment's.
    void askWithEarlier(const QString &environment, const QString &namespaceName);
    void ask(const QString &environment, const QString &namespaceName);
    void pump();
    void inventoryFetched(const SafetyNetInventory &inventory);
    void assemble(const QString &rolloutKey);
    QString earlierOf(const QString &environment) const;
    bool pending(const QString &namespaceKey) const;
    qint64 now() const;

    FleetModel *m_model;
    std::unique_ptr<SafetyNetsFetcher> m_fetcher;
    QList<EnvironmentSpec> m_environments;
    QTimer *m_timer;
    std::function<qint64()> m_clock;
    struct Canary
    {
        QString hash; // its pod-template hash
        QString namespaceName;
        qint64 createdMs = 0; // its ReplicaSet's creation: Falco is counted from there
    };
    QHash<QString, Canary> m_canaries; // by "environment/uid", canaries in progress only
    QHash<QString, Reading> m_readings; // "environment/uid"
    // By "environment\nnamespace": what was read there, and when.
    QHash<QString, SafetyNetInventory> m_inventories;
    QHash<QString, qint64> m_readAtMs;
    QList<QString> m_queue; // namespace keys waiting for a turn, in order
    QSet<QString> m_inFlight;
    QSet<QString> m_askAgain; // asked again while in flight: asked once more when it answers
    QHash<QString, int> m_fetchCounts;
    int m_peakInFlight = 0;
};

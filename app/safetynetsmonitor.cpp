// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetsmonitor.h"

#include "fleetmodel.h"
#include "gateevaluator.h"
#include "safetynetsassembler.h"
#include "safetynetscontroller.h"
#include "safetynetsfetcher.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace {

QString rolloutKeyOf(const QString &environment, const QString &uid)
{
    return environment + QLatin1Char('/') + uid;
}

QString namespaceKeyOf(const QString &environment, const QString &namespaceName)
{
    return environment + QLatin1Char('\n') + namespaceName;
}

QString environmentOf(const QString &rolloutKey)
{
    return rolloutKey.left(rolloutKey.indexOf(QLatin1Char('/')));
}

QString uidOf(const QString &rolloutKey)
{
    return rolloutKey.mid(rolloutKey.indexOf(QLatin1Char('/')) + 1);
}

} // namespace

SafetyNetsMonitor::SafetyNetsMonitor(FleetModel *model, QObject *parent) :
    QObject(parent), m_model(model), m_timer(new QTimer(this))
{
    qRegisterMetaType<SafetyNets>();
    m_timer->setObjectName(QStringLiteral("safetyNetsMonitorTimer"));
    m_timer->setInterval(refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SafetyNetsMonitor::refreshAll);
    connect(m_model, &FleetModel::rolloutDetailsChanged, this, &SafetyNetsMonitor::detailsChanged);
}

SafetyNetsMonitor::~SafetyNetsMonitor() = default;

void SafetyNetsMonitor::setFleet(const Kubeconfig &kubeconfig,
                                 const QList<EnvironmentSpec> &environments)
{
    shutdown();
    m_environments = environments;
    if (!m_fetcher) {
        m_fetcher = std::make_unique<SafetyNetsFetcher>();
        connect(m_fetcher.get(), &SafetyNetsFetcher::inventoryFetched, this,
                &SafetyNetsMonitor::inventoryFetched);
    }
    m_fetcher->setFleet(kubeconfig, environments);
    m_fetchCounts.clear();
    m_peakInFlight = 0;
    m_timer->start();
    // The fleet's rows arrive later: their first batch names every rollout (detailsChanged).
    refreshAll();
}

void SafetyNetsMonitor::shutdown()
{
    m_timer->stop();
    if (m_fetcher)
        m_fetcher->setFleet(Kubeconfig(), {}); // what is under way answers no more
    const QStringList shown = m_readings.keys();
    m_canaries.clear();
    m_readings.clear();
    m_inventories.clear();
    m_readAtMs.clear();
    m_queue.clear();
    m_inFlight.clear();
    m_askAgain.clear();
    for (const QString &key : shown)
        m_model->setSafetyNets(environmentOf(key), uidOf(key), std::nullopt);
}

const SafetyNets *SafetyNetsMonitor::safetyNets(const QString &environment,
                                                const QString &uid) const
{
    const auto found = m_readings.constFind(rolloutKeyOf(environment, uid));
    return found == m_readings.constEnd() ? nullptr : &found->nets;
}

int SafetyNetsMonitor::fetchCount(const QString &environment, const QString &namespaceName) const
{
    return m_fetchCounts.value(namespaceKeyOf(environment, namespaceName));
}

qint64 SafetyNetsMonitor::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

// From the row, not the detail: most rollouts have no canary, and assembling a detail for
// each of thousands every round would cost the GUI thread (as GateController does).
QString SafetyNetsMonitor::canaryOf(const QString &environment, const QString &uid) const
{
    const EnvironmentStore *store = m_model->store().environment(environment);
    const EnvironmentStore::RowPtr row = store ? store->rolloutRow(uid) : nullptr;
    if (!row || !row->rollout || row->rollout->status.abort)
        return QString();
    const GateTarget target = GateTarget::of(*row->rollout);
    return target.hasCanary() ? target.canaryHash : QString();
}

void SafetyNetsMonitor::refreshAll()
{
    if (!m_fetcher)
        return;
    QSet<QString> namespaces;
    for (const QString &environment : m_model->store().environmentNames()) {
        const EnvironmentStore *store = m_model->store().environment(environment);
        if (!store || store->isStale())
            continue; // nothing new can be read there; its rows say since when
        for (const QString &uid : store->rolloutUids()) {
            const QString canary = canaryOf(environment, uid);
            if (canary.isEmpty()) {
                drop(rolloutKeyOf(environment, uid));
                continue;
            }
            track(environment, uid, canary);
            const QString ns = m_canaries.value(rolloutKeyOf(environment, uid)).namespaceName;
            namespaces.insert(namespaceKeyOf(environment, ns));
        }
    }
    for (const QString &key : std::as_const(namespaces)) {
        const qsizetype newline = key.indexOf(QLatin1Char('\n'));
        askWithEarlier(key.left(newline), key.mid(newline + 1));
    }
}

void SafetyNetsMonitor::detailsChanged(const QString &environment, const QStringList &rolloutUids)
{
    if (!m_fetcher || !m_timer->isActive())
        return;
    const EnvironmentStore *store = m_model->store().environment(environment);
    if (!store || store->isStale())
        return;
    for (const QString &uid : rolloutUids) {
        const QString canary = canaryOf(environment, uid);
        if (canary.isEmpty())
            drop(rolloutKeyOf(environment, uid));
        else
            track(environment, uid, canary);
    }
}

void SafetyNetsMonitor::track(const QString &environment, const QString &uid, const QString &canary)
{
    const QString key = rolloutKeyOf(environment, uid);
    const EnvironmentStore *store = m_model->store().environment(environment);
    qint64 createdMs = 0;
    for (const ReplicaSet &rs : store->replicaSetsOf(uid)) {
        if (rs.podTemplateHash() == canary && rs.metadata.creationTimestamp.isValid())
            createdMs = rs.metadata.creationTimestamp.toMSecsSinceEpoch();
    }
    const auto known = m_canaries.find(key);
    if (known != m_canaries.end() && known->hash == canary) {
        // Its ReplicaSet may be listed after the rollout: read once it is, so that Falco is
        // counted from its start (the round reads it anyway).
        if (known->createdMs == 0 && createdMs > 0) {
            known->createdMs = createdMs;
            askWithEarlier(environment, known->namespaceName);
        }
        return;
    }
    // Another canary is another release: what was shown is about the previous one.
    if (m_readings.remove(key) > 0)
        m_model->setSafetyNets(environment, uid, std::nullopt);
    const QString ns = store->rolloutRow(uid)->rollout->metadata.namespaceName;
    m_canaries.insert(key, Canary {canary, ns, createdMs});
    if (createdMs > 0)
        askWithEarlier(environment, ns);
}

void SafetyNetsMonitor::drop(const QString &rolloutKey)
{
    m_canaries.remove(rolloutKey);
    if (m_readings.remove(rolloutKey) > 0)
        m_model->setSafetyNets(environmentOf(rolloutKey), uidOf(rolloutKey), std::nullopt);
}

QString SafetyNetsMonitor::earlierOf(const QString &environment) const
{
    return SafetyNetsController::earlierEnvironment(m_environments, environment);
}

void SafetyNetsMonitor::askWithEarlier(const QString &environment, const QString &namespaceName)
{
    ask(environment, namespaceName);
    const QString earlier = earlierOf(environment);
    if (earlier.isEmpty())
        return;
    // The earlier environment's evidence (load tests, chaos) changes slowly: what is being read
    // or was read within half a round serves another canary too; the round reads it again.
    const QString key = namespaceKeyOf(earlier, namespaceName);
    const auto readAt = m_readAtMs.constFind(key);
    if (pending(key) || (readAt != m_readAtMs.cend() && now() - *readAt < refreshIntervalMs / 2))
        return;
    ask(earlier, namespaceName);
}

void SafetyNetsMonitor::ask(const QString &environment, const QString &namespaceName)
{
    const QString key = namespaceKeyOf(environment, namespaceName);
    if (m_queue.contains(key))
        return; // its turn comes; the window is taken then
    if (m_inFlight.contains(key)) {
        m_askAgain.insert(key); // what is under way may miss what changed since
        return;
    }
    m_queue.append(key);
    pump();
}

bool SafetyNetsMonitor::pending(const QString &namespaceKey) const
{
    return m_inFlight.contains(namespaceKey) || m_queue.contains(namespaceKey);
}

void SafetyNetsMonitor::pump()
{
    while (m_inFlight.size() < maxConcurrentFetches && !m_queue.isEmpty()) {
        const QString key = m_queue.takeFirst();
        const qsizetype newline = key.indexOf(QLatin1Char('\n'));
        const QString environment = key.left(newline);
        const QString ns = key.mid(newline + 1);
        // Falco is counted from the oldest canary of the namespace to now; a namespace read
        // only as an earlier environment's is not asked for it (toMs <= fromMs).
        qint64 fromMs = 0;
        for (auto it = m_canaries.cbegin(); it != m_canaries.cend(); ++it) {
            if (environmentOf(it.key()) == environment && it->namespaceName == ns
                && it->createdMs > 0)
                fromMs = fromMs == 0 ? it->createdMs : std::min(fromMs, it->createdMs);
        }
        m_inFlight.insert(key);
        m_peakInFlight = std::max(m_peakInFlight, int(m_inFlight.size()));
        ++m_fetchCounts[key];
        m_fetcher->fetch(environment, ns, fromMs, fromMs > 0 ? now() : 0);
    }
}

void SafetyNetsMonitor::inventoryFetched(const SafetyNetInventory &inventory)
{
    const QString key = namespaceKeyOf(inventory.environment, inventory.namespace_);
    if (!m_inFlight.remove(key))
        return; // of a fleet no longer shown
    const auto previous = m_inventories.constFind(key);
    m_inventories.insert(key,
                         previous == m_inventories.cend()
                             ? inventory
                             : SafetyNetsController::keepLastRead(*previous, inventory));
    m_readAtMs.insert(key, now());
    if (m_askAgain.remove(key))
        m_queue.append(key);
    pump();
    // Every canary this namespace is about: its own, and the next environment's (staging
    // evidence).
    for (auto it = m_canaries.cbegin(); it != m_canaries.cend(); ++it) {
        const QString environment = environmentOf(it.key());
        if (it->namespaceName == inventory.namespace_
            && (environment == inventory.environment
                || earlierOf(environment) == inventory.environment))
            assemble(it.key());
    }
}

void SafetyNetsMonitor::assemble(const QString &rolloutKey)
{
    const QString environment = environmentOf(rolloutKey);
    const Canary canary = m_canaries.value(rolloutKey);
    const QString ownKey = namespaceKeyOf(environment, canary.namespaceName);
    const auto own = m_inventories.constFind(ownKey);
    const QString earlier = earlierOf(environment);
    const QString earlierKey = namespaceKeyOf(earlier, canary.namespaceName);
    // Until both have answered: a missing earlier environment would read as "no evidence".
    if (own == m_inventories.cend() || pending(ownKey)
        || (!earlier.isEmpty() && !m_inventories.contains(earlierKey)))
        return;
    const RolloutDetail detail = m_model->store().rolloutDetail(environment, uidOf(rolloutKey));
    if (!detail.isValid() || detail.rollout.status.currentPodHash != canary.hash)
        return; // changed meanwhile: track() asked again
    const auto spec = std::find_if(m_environments.cbegin(), m_environments.cend(),
                                   [&](const EnvironmentSpec &s) { return s.name == environment; });
    const SafetyNetsConfig config
        = spec == m_environments.cend() ? SafetyNetsConfig() : spec->safetyNets;
    const qint64 since = earlier.isEmpty()
        ? 0
        : SafetyNetsController::earlierVersionSinceMs(
            m_model->store(), earlier, canary.namespaceName, detail.rollout.metadata.name,
            SafetyNetsAssembler::canarySide(detail).images);
    const auto earlierInventory = m_inventories.constFind(earlierKey);
    Reading reading;
    reading.nets = SafetyNetsAssembler::assemble(
        detail, *own, earlierInventory == m_inventories.cend() ? nullptr : &*earlierInventory,
        since, config);
    reading.readAtMs = m_readAtMs.value(ownKey);
    m_readings.insert(rolloutKey, reading);
    m_model->setSafetyNets(environment, uidOf(rolloutKey), reading.nets, reading.readAtMs);
    emit safetyNetsRead(reading.nets, reading.readAtMs);
}

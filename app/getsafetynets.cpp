// SPDX-License-Identifier: GPL-3.0-or-later
#include "getsafetynets.h"

#include "clusterconnection.h"
#include "jsondecoder.h"
#include "kubeclient.h"
#include "safetynetlister.h"
#include "safetynetsassembler.h"
#include "safetynetsjson.h"

#include <QDateTime>
#include <QMap>
#include <QThreadPool>

#include <algorithm>

namespace {

// A command line waits for an answer, but not for half a minute of Retry-After.
constexpr int maxRetries = 2;
constexpr int maxRetryWaitSeconds = 5;
// A rollout fully promoted long ago would otherwise ask Prometheus for months.
constexpr qint64 maxFalcoWindowMs = qint64(7) * 24 * 3600 * 1000;

QString keyOf(const QString &environment, const QString &ns)
{
    return environment + QLatin1Char('\n') + ns;
}

// The version the rollout is bringing: the canary's, or the stable's once fully promoted.
SafetyNetSide currentSide(const RolloutDetail &detail)
{
    const SafetyNetSide canary = SafetyNetsAssembler::canarySide(detail);
    return canary.replicaSet.isEmpty() ? SafetyNetsAssembler::stableSide(detail) : canary;
}

// Objects of one kind, decoded; an empty list when they cannot be read (the safety nets
// then go without what they add, e.g. admission denials from Events).
template<typename T>
QList<T> listObjects(KubeClient *client, const QString &path, const CancelToken &cancel)
{
    KubeListOptions options;
    options.maxBytes = qint64(64) * 1024 * 1024;
    const KubeListResult result = client->list(path, options, cancel);
    QList<T> items;
    JsonDecoder decoder;
    for (const QByteArray &page : result.pages) {
        ObjectList<T> list = decoder.decodeList<T>(page);
        if (list.isOk())
            items += list.items;
    }
    return items;
}

bool involves(const Event &event, const RolloutDetail &detail)
{
    const ObjectReference &object = event.involvedObject;
    if (object.kind == QLatin1String("Rollout"))
        return object.name == detail.rollout.metadata.name;
    for (const ReplicaSet &rs : detail.replicaSets) {
        const QString &name = rs.metadata.name;
        if (object.kind == QLatin1String("ReplicaSet") && object.name == name)
            return true;
        if (object.kind == QLatin1String("Pod") && object.name.startsWith(name + QLatin1Char('-')))
            return true;
    }
    return false;
}

void attachEvents(const QList<Event> &events, RolloutDetail *detail)
{
    for (const Event &event : events) {
        if (involves(event, *detail))
            detail->events.append(event);
    }
    std::sort(detail->events.begin(), detail->events.end(),
              [](const Event &a, const Event &b) { return a.lastSeen() > b.lastSeen(); });
    if (detail->events.size() > RolloutDetail::maxEvents)
        detail->events.resize(RolloutDetail::maxEvents);
}

// When the earlier environment started running these images: its oldest ReplicaSet with the
// same pod-template images; 0 (unknown: every run aimed at the workload counts) when none.
qint64 runningSinceMs(const QList<ReplicaSet> &replicaSets, QStringList images)
{
    if (images.isEmpty())
        return 0;
    images.sort();
    qint64 since = 0;
    for (const ReplicaSet &rs : replicaSets) {
        QStringList theirs = rs.podTemplate.images();
        theirs.sort();
        const QDateTime created = rs.metadata.creationTimestamp;
        if (theirs != images || !created.isValid())
            continue;
        const qint64 ms = created.toMSecsSinceEpoch();
        if (since == 0 || ms < since)
            since = ms;
    }
    return since;
}

} // namespace

// One environment's namespace, read once for every rollout in it.
struct GetSafetyNets::Read
{
    EnvironmentSpec environment;
    QString namespaceName;
    qint64 fromMs = 0; // Falco's window; none for an earlier environment only
    qint64 toMs = 0;
    bool events = false; // a rollout's own: admission denials
    bool replicaSets = false; // someone's earlier: since when it runs a version
    SafetyNetInventory inventory;
    QList<Event> eventItems;
    QList<ReplicaSet> replicaSetItems;
};

GetSafetyNets::GetSafetyNets(const Kubeconfig &kubeconfig,
                             const QList<EnvironmentSpec> &configEnvironments,
                             const QList<EnvironmentSpec> &selected) :
    m_kubeconfig(kubeconfig), m_config(configEnvironments), m_selected(selected)
{ }

const EnvironmentSpec *GetSafetyNets::selected(const QString &name) const
{
    for (const EnvironmentSpec &spec : m_selected) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

const EnvironmentSpec *GetSafetyNets::earlier(const QString &name) const
{
    for (qsizetype i = 1; i < m_config.size(); ++i) {
        if (m_config.at(i).name == name)
            return &m_config.at(i - 1);
    }
    return nullptr;
}

void GetSafetyNets::run(const Kubeconfig &kubeconfig, Read *read, const CancelToken &cancel)
{
    SafetyNetLister lister(kubeconfig, read->environment);
    lister.setRetryPolicy(maxRetries, maxRetryWaitSeconds);
    read->inventory = lister.list(read->namespaceName, read->fromMs, read->toMs, cancel);
    ClusterConnection connection;
    QString error;
    if (!ClusterConnection::resolve(kubeconfig, read->environment.context, &connection, &error))
        return; // every source of the inventory says so already
    KubeClient client(connection);
    client.setRetryPolicy(maxRetries, maxRetryWaitSeconds);
    if (read->events) {
        read->eventItems
            = listObjects<Event>(&client,
                                 KubePath::resource(QString(), QStringLiteral("v1"),
                                                    QStringLiteral("events"), read->namespaceName),
                                 cancel);
    }
    if (read->replicaSets) {
        read->replicaSetItems = listObjects<ReplicaSet>(
            &client,
            KubePath::resource(QStringLiteral("apps"), QStringLiteral("v1"),
                               QStringLiteral("replicasets"), read->namespaceName),
            cancel);
    }
}

QMap<QString, GetSafetyNets::Read> GetSafetyNets::plan(const QList<RolloutDetail> &details,
                                                       qint64 nowMs) const
{
    QMap<QString, Read> reads;
    for (const RolloutDetail &detail : details) {
        const EnvironmentSpec *own = selected(detail.environment);
        if (!own)
            continue;
        const QString ns = detail.rollout.metadata.namespaceName;
        Read &read = reads[keyOf(own->name, ns)];
        read.environment = *own;
        read.namespaceName = ns;
        read.events = true;
        const qint64 since = currentSide(detail).createdMs;
        const qint64 from = std::max(nowMs - maxFalcoWindowMs, since > 0 ? since : nowMs);
        read.fromMs = read.toMs == 0 ? from : std::min(read.fromMs, from);
        read.toMs = nowMs;
        if (const EnvironmentSpec *before = earlier(own->name)) {
            Read &earlierRead = reads[keyOf(before->name, ns)];
            earlierRead.environment = *before;
            earlierRead.namespaceName = ns;
            earlierRead.replicaSets = true;
        }
    }
    return reads;
}

void GetSafetyNets::runAll(QMap<QString, Read> *reads) const
{
    // One task per environment and namespace: a slow cluster delays only its own answer.
    const CancelToken cancel;
    QThreadPool pool;
    pool.setMaxThreadCount(std::clamp(int(reads->size()), 1, 8));
    for (Read &read : *reads) {
        Read *target = &read;
        const Kubeconfig kubeconfig = m_kubeconfig;
        pool.start([kubeconfig, target, cancel] { run(kubeconfig, target, cancel); });
    }
    if (!pool.waitForDone(m_timeLimitMs)) {
        cancel.cancel();
        pool.waitForDone();
    }
}

void GetSafetyNets::attach(const QList<RolloutDetail> &details,
                           QList<RolloutSummary> *rollouts) const
{
    QMap<QString, Read> reads = plan(details, QDateTime::currentMSecsSinceEpoch());
    runAll(&reads);
    for (RolloutSummary &summary : *rollouts) {
        const auto found = std::find_if(details.cbegin(), details.cend(), [&](const auto &d) {
            return d.environment == summary.environment
                && d.rollout.metadata.namespaceName == summary.namespaceName
                && d.rollout.metadata.name == summary.name;
        });
        const auto own = reads.constFind(keyOf(summary.environment, summary.namespaceName));
        if (found == details.cend() || own == reads.cend())
            continue;
        RolloutDetail detail = *found;
        attachEvents(own->eventItems, &detail);
        const EnvironmentSpec *before = earlier(summary.environment);
        const auto earlierRead
            = before ? reads.constFind(keyOf(before->name, summary.namespaceName)) : reads.cend();
        const bool hasEarlier = earlierRead != reads.cend();
        const qint64 since = hasEarlier
            ? runningSinceMs(earlierRead->replicaSetItems, currentSide(detail).images)
            : 0;
        const SafetyNets nets = SafetyNetsAssembler::assemble(
            detail, own->inventory, hasEarlier ? &earlierRead->inventory : nullptr, since,
            own->environment.safetyNets);
        summary.safetyNets = safetyNetsJson(nets);
    }
}

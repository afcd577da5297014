// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasetcontroller.h"

#include "eventrecorder.h"
#include "jsonutil.h"
#include "requeue.h"

#include "core/objectstore.h"
#include "core/podtermination.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QSet>

#include <algorithm>

namespace rdsim {

namespace {

const ResourceType &type(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

bool labelsMatch(const QJsonObject &pod, const QJsonObject &selectorLabels)
{
    const QJsonObject labels = JsonUtil::objectAt(pod, "metadata.labels");
    for (auto it = selectorLabels.begin(); it != selectorLabels.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            return false;
    }
    return true;
}

} // namespace

ReplicaSetController::ReplicaSetController(ObjectStore &store, VirtualClock &clock,
                                           EventRecorder &events, Requeue &requeue) :
    m_store(store), m_clock(clock), m_events(events), m_requeue(requeue)
{ }

QString ReplicaSetController::randomSuffix()
{
    return PodFactory::nameSuffix(m_random);
}

void ReplicaSetController::reconcile()
{
    const ResourceType &podType = type("", "pods");
    const ResourceType &rsType = type("apps", "replicasets");
    const QList<QJsonObject> replicaSets = m_store.list(rsType);
    const QList<QJsonObject> pods = m_store.list(podType);

    QSet<QString> owners;
    for (const char *plural : {"rollouts", "deployments"}) {
        const ResourceType &ownerType = type(plural[0] == 'r' ? "argoproj.io" : "apps", plural);
        for (const QJsonObject &owner : m_store.list(ownerType))
            owners.insert(JsonUtil::uid(owner));
    }

    QHash<QString, QList<QJsonObject>> podsByOwner;
    for (const QJsonObject &pod : pods) {
        if (finishTermination(pod))
            continue; // Terminating: no longer one of its ReplicaSet's pods
        QString kind;
        const QString owner = JsonUtil::controllerUid(pod, &kind);
        if (!owner.isEmpty() && kind == QLatin1String("ReplicaSet"))
            podsByOwner[owner].append(pod);
    }

    QSet<QString> liveReplicaSets;
    for (const QJsonObject &rs : replicaSets) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(rs, &kind);
        const bool ownedByKnownKind
            = kind == QLatin1String("Rollout") || kind == QLatin1String("Deployment");
        if (!owner.isEmpty() && ownedByKnownKind && !owners.contains(owner)) {
            // Cascading deletion: the Rollout or Deployment that controlled it is gone.
            m_store.remove(rsType, JsonUtil::nameSpace(rs), JsonUtil::name(rs));
            continue;
        }
        const QString uid = JsonUtil::uid(rs);
        liveReplicaSets.insert(uid);
        const QList<QJsonObject> owned = podsByOwner.value(uid);
        const auto memo = m_memo.constFind(uid);
        if (memo != m_memo.cend() && m_clock.nowMs() < memo->wakeAtMs
            && memo->fingerprint == fingerprint(rs, owned)) {
            m_requeue.at(memo->wakeAtMs);
            continue;
        }
        Requeue own;
        const quint64 before = m_store.changeCount();
        sync(rs, owned, false, own);
        m_requeue.at(own.next());
        if (m_store.changeCount() == before)
            m_memo.insert(uid, Memo {fingerprint(rs, owned), own.next()});
        else
            m_memo.remove(uid);
    }
    for (auto it = m_memo.begin(); it != m_memo.end();) {
        if (liveReplicaSets.contains(it.key()))
            ++it;
        else
            it = m_memo.erase(it);
    }

    // Garbage collection of the pods whose ReplicaSet is gone: they terminate gracefully.
    for (auto it = podsByOwner.cbegin(); it != podsByOwner.cend(); ++it) {
        if (liveReplicaSets.contains(it.key()))
            continue;
        for (const QJsonObject &pod : it.value())
            PodTermination::remove(m_store, pod, m_clock.nowMs());
    }
}

QJsonObject ReplicaSetController::startReady(const QJsonObject &rs)
{
    const ResourceType &podType = type("", "pods");
    QList<QJsonObject> pods;
    const QString uid = JsonUtil::uid(rs);
    for (const QJsonObject &pod : m_store.list(podType, JsonUtil::nameSpace(rs))) {
        if (JsonUtil::controllerUid(pod) == uid && !PodTermination::isTerminating(pod))
            pods.append(pod);
    }
    Requeue own;
    const QJsonObject synced = sync(rs, pods, true, own);
    m_requeue.at(own.next());
    return synced;
}

QByteArray ReplicaSetController::fingerprint(const QJsonObject &rs, const QList<QJsonObject> &pods)
{
    QByteArray out = JsonUtil::stringAt(rs, "metadata.resourceVersion").toUtf8();
    for (const QJsonObject &pod : pods)
        out += ',' + JsonUtil::stringAt(pod, "metadata.resourceVersion").toUtf8();
    return out;
}

QJsonObject ReplicaSetController::createPod(const QJsonObject &rs, bool startNow)
{
    const ResourceType &podType = type("", "pods");
    const QString now = m_clock.nowRfc3339();
    for (int attempt = 0; attempt < 8; ++attempt) {
        QJsonObject pod = m_factory.newPod(rs, randomSuffix(), now);
        if (startNow)
            pod = m_factory.started(pod, now);
        const StoreResult created = m_store.create(podType, pod);
        if (created.ok()) {
            m_events.normal(rs, EventRecorder::replicaSetComponent(),
                            QStringLiteral("SuccessfulCreate"),
                            QStringLiteral("Created pod: ") + JsonUtil::name(created.object));
            return created.object;
        }
        if (created.error.reason != QLatin1String("AlreadyExists"))
            break;
    }
    return {};
}

QJsonObject ReplicaSetController::sync(const QJsonObject &rs, QList<QJsonObject> pods,
                                       bool startNow, Requeue &requeue)
{
    const qint64 nowMs = m_clock.nowMs();
    const int desired = int(JsonUtil::intAt(rs, "spec.replicas", 1));

    if (pods.size() < desired)
        createMissingPods(rs, pods, desired, startNow);
    else if (pods.size() > desired)
        deleteExcessPods(rs, pods, desired);

    const PodCounts counts = countPods(rs, pods, nowMs, requeue);
    return writeStatus(rs, int(pods.size()), counts);
}

void ReplicaSetController::createMissingPods(const QJsonObject &rs, QList<QJsonObject> &pods,
                                             int desired, bool startNow)
{
    for (int i = int(pods.size()); i < desired; ++i) {
        const QJsonObject pod = createPod(rs, startNow);
        if (!pod.isEmpty())
            pods.append(pod);
    }
}

void ReplicaSetController::deleteExcessPods(const QJsonObject &rs, QList<QJsonObject> &pods,
                                            int desired)
{
    // Kubernetes deletes the least useful pods first: not ready before ready, then the
    // most recently created.
    std::sort(pods.begin(), pods.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const bool readyA = PodFactory::isReady(a);
        const bool readyB = PodFactory::isReady(b);
        if (readyA != readyB)
            return !readyA;
        const QString createdA = JsonUtil::stringAt(a, "metadata.creationTimestamp");
        const QString createdB = JsonUtil::stringAt(b, "metadata.creationTimestamp");
        if (createdA != createdB)
            return createdA > createdB;
        return JsonUtil::name(a) > JsonUtil::name(b);
    });
    const qsizetype excess = pods.size() - desired;
    for (qsizetype i = 0; i < excess; ++i) {
        const QJsonObject &pod = pods.at(i);
        PodTermination::remove(m_store, pod, m_clock.nowMs());
        m_events.normal(rs, EventRecorder::replicaSetComponent(),
                        QStringLiteral("SuccessfulDelete"),
                        QStringLiteral("Deleted pod: ") + JsonUtil::name(pod));
    }
    pods.erase(pods.begin(), pods.begin() + excess);
}

// A pod deleted with a grace period (PodTermination), by anyone, stays Terminating until its
// metadata.deletionTimestamp; then the kubelet's part is done and it is removed.
bool ReplicaSetController::finishTermination(const QJsonObject &pod)
{
    const qint64 goneAt = PodTermination::goneAtMs(pod);
    if (goneAt < 0)
        return false;
    if (m_clock.nowMs() >= goneAt)
        m_store.remove(type("", "pods"), JsonUtil::nameSpace(pod), JsonUtil::name(pod));
    else
        m_requeue.at(goneAt);
    return true;
}

ReplicaSetController::PodCounts ReplicaSetController::countPods(const QJsonObject &rs,
                                                                QList<QJsonObject> &pods,
                                                                qint64 nowMs, Requeue &requeue)
{
    const QString now = m_clock.nowRfc3339();
    const qint64 minReadyMs = JsonUtil::intAt(rs, "spec.minReadySeconds", 0) * 1000;
    const QJsonObject selector = JsonUtil::objectAt(rs, "spec.selector.matchLabels");
    PodCounts counts;
    for (QJsonObject &pod : pods) {
        if (JsonUtil::stringAt(pod, "status.phase") == QLatin1String("Pending"))
            startWhenDue(pod, now, nowMs, requeue);
        if (labelsMatch(pod, selector))
            ++counts.fullyLabeled;
        if (!PodFactory::isReady(pod))
            continue;
        ++counts.ready;
        // Parsing the transition time is the costly part, so only minReadySeconds asks for it.
        const qint64 availableAt = minReadyMs > 0 ? PodFactory::readySinceMs(pod) + minReadyMs : 0;
        if (nowMs >= availableAt)
            ++counts.available;
        else
            requeue.at(availableAt);
    }
    return counts;
}

void ReplicaSetController::startWhenDue(QJsonObject &pod, const QString &now, qint64 nowMs,
                                        Requeue &requeue)
{
    const qint64 startAt = JsonUtil::creationMs(pod) + PodFactory::kStartDelayMs;
    if (nowMs >= startAt) {
        const StoreResult written
            = m_store.update(type("", "pods"), m_factory.started(pod, now), WriteScope::Whole);
        if (written.ok())
            pod = written.object;
    } else {
        requeue.at(startAt);
    }
}

QJsonObject ReplicaSetController::writeStatus(const QJsonObject &rs, int replicas,
                                              const PodCounts &counts)
{
    QJsonObject status = rs.value(QLatin1String("status")).toObject();
    const auto setCount = [&status](const char *key, int value, bool always) {
        if (value > 0 || always)
            status.insert(QLatin1String(key), value);
        else
            status.remove(QLatin1String(key));
    };
    setCount("replicas", replicas, true);
    setCount("fullyLabeledReplicas", counts.fullyLabeled, false);
    setCount("readyReplicas", counts.ready, false);
    setCount("availableReplicas", counts.available, false);
    status.insert(QStringLiteral("observedGeneration"),
                  JsonUtil::intAt(rs, "metadata.generation", 1));
    if (status == rs.value(QLatin1String("status")).toObject())
        return rs;
    QJsonObject next = rs;
    next.insert(QStringLiteral("status"), status);
    const StoreResult written
        = m_store.update(type("apps", "replicasets"), next, WriteScope::Whole);
    return written.ok() ? written.object : rs;
}

} // namespace rdsim

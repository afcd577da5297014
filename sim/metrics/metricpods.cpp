// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricpods.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace rdsim {

namespace {

const QString kRolloutHashLabel = QStringLiteral("rollouts-pod-template-hash");
const QString kDeploymentHashLabel = QStringLiteral("pod-template-hash");

struct OwnerRef
{
    QString kind;
    QString name;
};

OwnerRef controllerOf(const QJsonObject &object)
{
    // The controller reference wins; without the flag the first reference is taken, as
    // hand-written manifests often leave `controller` out.
    const QJsonArray refs = object.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("ownerReferences"))
                                .toArray();
    OwnerRef first;
    for (const QJsonValue &value : refs) {
        const QJsonObject ref = value.toObject();
        const OwnerRef owner {ref.value(QLatin1String("kind")).toString(),
                              ref.value(QLatin1String("name")).toString()};
        if (ref.value(QLatin1String("controller")).toBool())
            return owner;
        if (first.kind.isEmpty())
            first = owner;
    }
    return first;
}

qint64 timestampMs(const QJsonObject &object, const QString &section, const QString &field)
{
    const QString text = object.value(section).toObject().value(field).toString();
    return text.isEmpty() ? -1 : VirtualClock::fromRfc3339(text);
}

QString key(const QString &ns, const QString &name)
{
    return ns + u'/' + name;
}

struct ReplicaSetInfo
{
    OwnerRef owner;
    qint64 createdMs = -1;
};

struct RolloutInfo
{
    RolloutHashes hashes;
    QString activeSelector;
    QString previewSelector;
    QJsonObject matchLabels;
};

RolloutInfo rolloutInfo(const QJsonObject &rollout)
{
    RolloutInfo info;
    const QJsonObject spec = rollout.value(QLatin1String("spec")).toObject();
    const QJsonObject status = rollout.value(QLatin1String("status")).toObject();
    info.hashes.found = true;
    info.hashes.blueGreen
        = spec.value(QLatin1String("strategy")).toObject().contains(QLatin1String("blueGreen"));
    info.hashes.stable = status.value(QLatin1String("stableRS")).toString();
    info.hashes.current = status.value(QLatin1String("currentPodHash")).toString();
    const QJsonObject blueGreen = status.value(QLatin1String("blueGreen")).toObject();
    info.activeSelector = blueGreen.value(QLatin1String("activeSelector")).toString();
    info.previewSelector = blueGreen.value(QLatin1String("previewSelector")).toString();
    info.matchLabels = spec.value(QLatin1String("selector"))
                           .toObject()
                           .value(QLatin1String("matchLabels"))
                           .toObject();
    return info;
}

void assignRole(MetricPod &pod, const RolloutInfo &info)
{
    const RolloutHashes &h = info.hashes;
    const bool inFlight = !h.stable.isEmpty() && !h.current.isEmpty() && h.current != h.stable;
    pod.regresses = inFlight && pod.hash == h.current;
    if (h.blueGreen) {
        if (!pod.hash.isEmpty() && pod.hash == info.activeSelector)
            pod.role = QStringLiteral("active");
        else if (!pod.hash.isEmpty() && pod.hash == info.previewSelector)
            pod.role = QStringLiteral("preview");
        else if (pod.hash == h.current && inFlight)
            pod.role = QStringLiteral("preview");
        else if (pod.hash == h.stable || h.stable.isEmpty())
            // Stable pods the active service no longer selects (after a promotion, before
            // stableRS moves) are only "stable".
            pod.role = info.activeSelector.isEmpty() ? QStringLiteral("active")
                                                     : QStringLiteral("stable");
        else
            pod.role = QStringLiteral("old");
        return;
    }
    if (h.stable.isEmpty() || pod.hash == h.stable)
        pod.role = QStringLiteral("stable");
    else if (pod.hash == h.current)
        pod.role = QStringLiteral("canary");
    else
        pod.role = QStringLiteral("old");
}

bool labelsMatch(const QJsonObject &selector, const QJsonObject &labels)
{
    if (selector.isEmpty())
        return false;
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        if (labels.value(it.key()).toString() != it.value().toString())
            return false;
    }
    return true;
}

// The store's ReplicaSets by "ns/name".
QHash<QString, ReplicaSetInfo> indexReplicaSets(const ObjectStore &store,
                                                const ResourceType &rsType, const QString &ns)
{
    QHash<QString, ReplicaSetInfo> replicaSets;
    for (const QJsonObject &rs : store.list(rsType, ns)) {
        const QJsonObject meta = rs.value(QLatin1String("metadata")).toObject();
        ReplicaSetInfo info;
        info.owner = controllerOf(rs);
        info.createdMs
            = timestampMs(rs, QStringLiteral("metadata"), QStringLiteral("creationTimestamp"));
        replicaSets.insert(key(meta.value(QLatin1String("namespace")).toString(),
                               meta.value(QLatin1String("name")).toString()),
                           info);
    }
    return replicaSets;
}

struct RolloutIndex
{
    QHash<QString, RolloutInfo> rollouts; // "ns/name"
    QHash<QString, QStringList> namesByNs;
};

RolloutIndex indexRollouts(const ObjectStore &store, const ResourceType &rolloutType,
                           const QString &ns)
{
    RolloutIndex index;
    for (const QJsonObject &rollout : store.list(rolloutType, ns)) {
        const QJsonObject meta = rollout.value(QLatin1String("metadata")).toObject();
        const QString rolloutNs = meta.value(QLatin1String("namespace")).toString();
        const QString name = meta.value(QLatin1String("name")).toString();
        index.rollouts.insert(key(rolloutNs, name), rolloutInfo(rollout));
        index.namesByNs[rolloutNs].append(name);
    }
    return index;
}

// A running pod that is not being deleted, with its names and times; nullopt for any other
// pod or one without a start or creation time.
std::optional<MetricPod> runningPod(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    if (meta.contains(QLatin1String("deletionTimestamp"))
        || status.value(QLatin1String("phase")).toString() != QLatin1String("Running")) {
        return std::nullopt;
    }
    MetricPod pod;
    pod.ns = meta.value(QLatin1String("namespace")).toString();
    pod.name = meta.value(QLatin1String("name")).toString();
    const qint64 createdMs
        = timestampMs(object, QStringLiteral("metadata"), QStringLiteral("creationTimestamp"));
    pod.startMs = timestampMs(object, QStringLiteral("status"), QStringLiteral("startTime"));
    if (pod.startMs < 0)
        pod.startMs = createdMs;
    if (pod.startMs < 0)
        return std::nullopt;
    pod.roleSinceMs = createdMs >= 0 ? createdMs : pod.startMs;
    return pod;
}

// No owner chain (a hand-written manifest): the rollout whose selector matches the pod's
// labels owns it, as the rollout controller would adopt it. Empty when none does.
QString adoptingRollout(const RolloutIndex &index, const QString &ns, const QJsonObject &labels)
{
    for (const QString &name : index.namesByNs.value(ns)) {
        if (labelsMatch(index.rollouts.value(key(ns, name)).matchLabels, labels))
            return name;
    }
    return QString();
}

// Fills the pod's owner (Deployment or Rollout through its ReplicaSet), hash and role; false
// for a pod no known rollout or deployment owns.
bool assignOwner(MetricPod &pod, const QJsonObject &object,
                 const QHash<QString, ReplicaSetInfo> &replicaSets, const RolloutIndex &index)
{
    const QJsonObject labels = object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("labels"))
                                   .toObject();
    const OwnerRef podOwner = controllerOf(object);
    const auto rs = podOwner.kind == QLatin1String("ReplicaSet")
        ? replicaSets.constFind(key(pod.ns, podOwner.name))
        : replicaSets.constEnd();
    if (rs != replicaSets.constEnd() && rs->createdMs >= 0)
        pod.roleSinceMs = rs->createdMs;

    if (rs != replicaSets.constEnd() && rs->owner.kind == QLatin1String("Deployment")) {
        pod.deployment = rs->owner.name;
        pod.hash = labels.value(kDeploymentHashLabel).toString();
        pod.role = QStringLiteral("stable");
        return true;
    }
    pod.hash = labels.value(kRolloutHashLabel).toString();
    if (rs != replicaSets.constEnd() && rs->owner.kind == QLatin1String("Rollout"))
        pod.rollout = rs->owner.name;
    else if (!pod.hash.isEmpty())
        pod.rollout = adoptingRollout(index, pod.ns, labels);
    const auto info = index.rollouts.constFind(key(pod.ns, pod.rollout));
    if (pod.rollout.isEmpty() || info == index.rollouts.constEnd())
        return false;
    assignRole(pod, *info);
    return true;
}

void addRestarts(MetricPod &pod, const QJsonObject &object)
{
    const QJsonArray containers = object.value(QLatin1String("status"))
                                      .toObject()
                                      .value(QLatin1String("containerStatuses"))
                                      .toArray();
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        pod.restarts.append({container.value(QLatin1String("name")).toString(),
                             container.value(QLatin1String("restartCount")).toInt()});
    }
}

// A Flagger Canary's target Deployment runs the version under test (its `-primary` the
// promoted one), so its pods are the canary and switch to the scenario's canary values.
void markFlaggerCanaries(const ObjectStore &store, const QString &ns, QList<MetricPod> &pods)
{
    const ResourceType *canaryType
        = ResourceCatalog::find(QStringLiteral("flagger.app"), QStringLiteral("canaries"));
    if (!canaryType)
        return;
    QSet<QString> targets;
    for (const QJsonObject &canary : store.list(*canaryType, ns)) {
        const QJsonObject meta = canary.value(QLatin1String("metadata")).toObject();
        const QString target = canary.value(QLatin1String("spec"))
                                   .toObject()
                                   .value(QLatin1String("targetRef"))
                                   .toObject()
                                   .value(QLatin1String("name"))
                                   .toString();
        targets.insert(key(meta.value(QLatin1String("namespace")).toString(), target));
    }
    for (MetricPod &pod : pods) {
        if (!pod.deployment.isEmpty() && targets.contains(key(pod.ns, pod.deployment))) {
            pod.role = QStringLiteral("canary");
            pod.regresses = true;
        }
    }
}

} // namespace

namespace MetricPods {

QList<MetricPod> collect(const ObjectStore &store, const QString &ns)
{
    const ResourceType *podType = ResourceCatalog::find(QString(), QStringLiteral("pods"));
    const ResourceType *rsType
        = ResourceCatalog::find(QStringLiteral("apps"), QStringLiteral("replicasets"));
    const ResourceType *rolloutType
        = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
    if (!podType || !rsType || !rolloutType)
        return {};

    const QHash<QString, ReplicaSetInfo> replicaSets = indexReplicaSets(store, *rsType, ns);
    const RolloutIndex rollouts = indexRollouts(store, *rolloutType, ns);

    QList<MetricPod> pods;
    for (const QJsonObject &object : store.list(*podType, ns)) {
        std::optional<MetricPod> pod = runningPod(object);
        if (!pod || !assignOwner(*pod, object, replicaSets, rollouts))
            continue;
        addRestarts(*pod, object);
        pods.append(*pod);
    }
    markFlaggerCanaries(store, ns, pods);
    return pods;
}

RolloutHashes rolloutHashes(const ObjectStore &store, const QString &ns, const QString &rollout)
{
    const ResourceType *rolloutType
        = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
    if (!rolloutType)
        return {};
    const std::optional<QJsonObject> object = store.get(*rolloutType, ns, rollout);
    if (!object)
        return {};
    return rolloutInfo(*object).hashes;
}

} // namespace MetricPods

} // namespace rdsim

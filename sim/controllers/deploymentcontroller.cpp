// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentcontroller.h"

#include "jsonutil.h"
#include "podtemplatehash.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QHash>

#include <algorithm>

namespace rdsim {

namespace {

const QString kHashLabel = QStringLiteral("pod-template-hash");
const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");

const ResourceType &rsType()
{
    static const ResourceType *t
        = ResourceCatalog::find(QStringLiteral("apps"), QStringLiteral("replicasets"));
    return *t;
}

const ResourceType &deploymentType()
{
    static const ResourceType *t
        = ResourceCatalog::find(QStringLiteral("apps"), QStringLiteral("deployments"));
    return *t;
}

QJsonObject withoutHashLabel(QJsonObject podTemplate)
{
    JsonUtil::removeAt(podTemplate, "metadata.labels.pod-template-hash");
    if (JsonUtil::objectAt(podTemplate, "metadata.labels").isEmpty())
        JsonUtil::removeAt(podTemplate, "metadata.labels");
    return podTemplate;
}

// Sets a Deployment condition the way the controller does: no change when status and reason
// match; lastTransitionTime kept while the status stays the same.
void setCondition(QJsonArray &conditions, const QString &type, const QString &status,
                  const QString &reason, const QString &message, const QString &now,
                  bool refreshUpdateTime = false)
{
    QString transition = now;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QJsonObject c = conditions.at(i).toObject();
        if (c.value(QLatin1String("type")).toString() != type)
            continue;
        const bool sameStatus = c.value(QLatin1String("status")).toString() == status;
        if (sameStatus && c.value(QLatin1String("reason")).toString() == reason
            && !refreshUpdateTime)
            return;
        if (sameStatus)
            transition = c.value(QLatin1String("lastTransitionTime")).toString();
        conditions.removeAt(i);
        break;
    }
    conditions.append(QJsonObject {{QStringLiteral("type"), type},
                                   {QStringLiteral("status"), status},
                                   {QStringLiteral("lastUpdateTime"), now},
                                   {QStringLiteral("lastTransitionTime"), transition},
                                   {QStringLiteral("reason"), reason},
                                   {QStringLiteral("message"), message}});
}

QJsonObject condition(const QJsonArray &conditions, const QString &type)
{
    for (const QJsonValue &value : conditions) {
        if (value.toObject().value(QLatin1String("type")).toString() == type)
            return value.toObject();
    }
    return {};
}

} // namespace

int DeploymentController::ReplicaSet::specReplicas() const
{
    return int(JsonUtil::intAt(object, "spec.replicas", 1));
}
int DeploymentController::ReplicaSet::statusReplicas() const
{
    return int(JsonUtil::intAt(object, "status.replicas", 0));
}
int DeploymentController::ReplicaSet::available() const
{
    return int(JsonUtil::intAt(object, "status.availableReplicas", 0));
}
int DeploymentController::ReplicaSet::ready() const
{
    return int(JsonUtil::intAt(object, "status.readyReplicas", 0));
}
int DeploymentController::ReplicaSet::revision() const
{
    return JsonUtil::annotation(object, kRevision).toInt();
}

DeploymentController::DeploymentController(ObjectStore &store, VirtualClock &clock,
                                           EventRecorder &events) :
    m_store(store), m_clock(clock), m_events(events)
{ }

void DeploymentController::reconcile()
{
    const QList<QJsonObject> deployments = m_store.list(deploymentType());
    if (deployments.isEmpty())
        return;
    QHash<QString, QList<ReplicaSet>> byOwner;
    for (const QJsonObject &rs : m_store.list(rsType())) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(rs, &kind);
        if (kind == QLatin1String("Deployment"))
            byOwner[owner].append(ReplicaSet {rs});
    }
    for (const QJsonObject &deployment : deployments)
        sync(deployment, byOwner.value(JsonUtil::uid(deployment)));
}

void DeploymentController::sync(QJsonObject deployment, QList<ReplicaSet> replicaSets)
{
    const QString now = m_clock.nowRfc3339();
    const int replicas = int(JsonUtil::intAt(deployment, "spec.replicas", 1));
    const QJsonObject podTemplate = JsonUtil::objectAt(deployment, "spec.template");
    const bool recreateStrategy
        = JsonUtil::stringAt(deployment, "spec.strategy.type") == QLatin1String("Recreate");
    int maxSurge = recreateStrategy
        ? 0
        : JsonUtil::intOrPercent(JsonUtil::at(deployment, "spec.strategy.rollingUpdate.maxSurge"),
                                 replicas, true, (replicas * 25 + 99) / 100);
    int maxUnavailable = recreateStrategy
        ? 0
        : JsonUtil::intOrPercent(
            JsonUtil::at(deployment, "spec.strategy.rollingUpdate.maxUnavailable"), replicas, false,
            replicas * 25 / 100);
    if (!recreateStrategy && maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1;
    maxUnavailable = std::min(maxUnavailable, replicas);
    const bool paused = JsonUtil::boolAt(deployment, "spec.paused");

    ReplicaSet *newRs = nullptr;
    QList<ReplicaSet *> oldRss;
    int maxOldRevision = 0;
    const QJsonObject wanted = withoutHashLabel(podTemplate);
    for (ReplicaSet &rs : replicaSets) {
        if (!newRs && withoutHashLabel(JsonUtil::objectAt(rs.object, "spec.template")) == wanted)
            newRs = &rs;
        else
            oldRss.append(&rs);
    }
    for (const ReplicaSet *rs : oldRss)
        maxOldRevision = std::max(maxOldRevision, rs->revision());

    QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    bool created = false;
    ReplicaSet fresh;
    if (!newRs && !paused) {
        const int collision = status.contains(QLatin1String("collisionCount"))
            ? status.value(QLatin1String("collisionCount")).toInt()
            : -1;
        const QString hash = PodTemplateHash::compute(podTemplate, kHashLabel, collision);
        QJsonObject rsTemplate = podTemplate;
        JsonUtil::setAt(rsTemplate, "metadata.labels.pod-template-hash", hash);
        QJsonObject selector = JsonUtil::objectAt(deployment, "spec.selector");
        JsonUtil::setAt(selector, "matchLabels.pod-template-hash", hash);
        QJsonObject labels = JsonUtil::objectAt(rsTemplate, "metadata.labels");
        QJsonObject rs {
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
            {QStringLiteral("metadata"),
             QJsonObject {
                 {QStringLiteral("name"), QString(JsonUtil::name(deployment) + u'-' + hash)},
                 {QStringLiteral("namespace"), JsonUtil::nameSpace(deployment)},
                 {QStringLiteral("labels"), labels},
                 {QStringLiteral("annotations"),
                  QJsonObject {{kRevision, QString::number(maxOldRevision + 1)}}},
                 {QStringLiteral("ownerReferences"),
                  QJsonArray {JsonUtil::controllerRef(deployment)}}}},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("replicas"), 0},
                          {QStringLiteral("minReadySeconds"),
                           JsonUtil::intAt(deployment, "spec.minReadySeconds", 0)},
                          {QStringLiteral("selector"), selector},
                          {QStringLiteral("template"), rsTemplate}}}};
        fresh.object = rs;
        newRs = &fresh;
        created = true;
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
                     QStringLiteral("NewReplicaSetCreated"),
                     QStringLiteral("Created new replica set \"%1\"").arg(JsonUtil::name(rs)), now);
    } else if (newRs && newRs->revision() <= maxOldRevision) {
        // A rollback to an older template: it becomes the newest revision again.
        JsonUtil::setAnnotation(newRs->object, kRevision, QString::number(maxOldRevision + 1));
        newRs->dirty = true;
    }

    if (newRs && !paused) {
        if (recreateStrategy)
            recreate(deployment, *newRs, oldRss, replicas, maxSurge);
        else if (oldRss.isEmpty()
                 || std::all_of(oldRss.cbegin(), oldRss.cend(),
                                [](const ReplicaSet *rs) { return rs->specReplicas() == 0; }))
            scale(deployment, *newRs, replicas, replicas, maxSurge);
        else
            rollingUpdate(deployment, *newRs, oldRss, replicas, maxSurge, maxUnavailable);
    }

    if (created) {
        const StoreResult result = m_store.create(rsType(), newRs->object);
        if (!result.ok())
            return;
        newRs->object = result.object;
        newRs->dirty = false;
    }
    for (ReplicaSet &rs : replicaSets) {
        if (rs.dirty) {
            const StoreResult result = m_store.update(rsType(), rs.object, WriteScope::Whole);
            if (result.ok())
                rs.object = result.object;
        }
    }

    // Prune old, scaled-down ReplicaSets beyond the revision history limit, oldest first.
    const int historyLimit = int(JsonUtil::intAt(deployment, "spec.revisionHistoryLimit", 10));
    QList<ReplicaSet *> cleanable;
    for (ReplicaSet *rs : oldRss) {
        if (rs->specReplicas() == 0 && rs->statusReplicas() == 0)
            cleanable.append(rs);
    }
    std::sort(cleanable.begin(), cleanable.end(), [](const ReplicaSet *a, const ReplicaSet *b) {
        return a->revision() < b->revision();
    });
    for (qsizetype i = 0; i + historyLimit < cleanable.size(); ++i) {
        const QJsonObject &rs = cleanable.at(i)->object;
        m_store.remove(rsType(), JsonUtil::nameSpace(rs), JsonUtil::name(rs));
    }

    int total = 0;
    int specTotal = 0;
    int ready = 0;
    int available = 0;
    const auto count = [&](const ReplicaSet &rs) {
        total += rs.statusReplicas();
        specTotal += rs.specReplicas();
        ready += rs.ready();
        available += rs.available();
    };
    for (const ReplicaSet *rs : oldRss)
        count(*rs);
    if (newRs)
        count(*newRs);
    const int updated = newRs ? newRs->statusReplicas() : 0;
    const int oldStatusOld = int(status.value(QLatin1String("replicas")).toInt()
                                 - status.value(QLatin1String("updatedReplicas")).toInt());

    const auto setCount = [&status](const char *key, int value) {
        if (value > 0)
            status.insert(QLatin1String(key), value);
        else
            status.remove(QLatin1String(key));
    };
    const QJsonObject previous = status;
    status.insert(QStringLiteral("observedGeneration"),
                  JsonUtil::intAt(deployment, "metadata.generation", 1));
    setCount("replicas", total);
    setCount("updatedReplicas", updated);
    setCount("readyReplicas", ready);
    setCount("availableReplicas", available);
    setCount("unavailableReplicas", std::max(0, specTotal - available));

    if (available >= replicas - maxUnavailable)
        setCondition(conditions, QStringLiteral("Available"), QStringLiteral("True"),
                     QStringLiteral("MinimumReplicasAvailable"),
                     QStringLiteral("Deployment has minimum availability."), now);
    else
        setCondition(conditions, QStringLiteral("Available"), QStringLiteral("False"),
                     QStringLiteral("MinimumReplicasUnavailable"),
                     QStringLiteral("Deployment does not have minimum availability."), now);

    const QString rsName = newRs ? JsonUtil::name(newRs->object) : QString();
    const QJsonObject progressing = condition(conditions, QStringLiteral("Progressing"));
    const QString progressingReason = progressing.value(QLatin1String("reason")).toString();
    if (paused) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("Unknown"),
                     QStringLiteral("DeploymentPaused"), QStringLiteral("Deployment is paused"),
                     now);
    } else if (progressingReason == QLatin1String("DeploymentPaused")) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("Unknown"),
                     QStringLiteral("DeploymentResumed"), QStringLiteral("Deployment is resumed"),
                     now);
    } else if (updated == replicas && total == replicas && available == replicas) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
                     QStringLiteral("NewReplicaSetAvailable"),
                     QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName),
                     now);
    } else if (!created
               && (updated != previous.value(QLatin1String("updatedReplicas")).toInt()
                   || total - updated < oldStatusOld
                   || ready > previous.value(QLatin1String("readyReplicas")).toInt()
                   || available > previous.value(QLatin1String("availableReplicas")).toInt())) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
                     QStringLiteral("ReplicaSetUpdated"),
                     QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rsName), now, true);
    }
    status.insert(QStringLiteral("conditions"), conditions);

    QJsonObject next = deployment;
    next.insert(QStringLiteral("status"), status);
    if (newRs)
        JsonUtil::setAnnotation(next, kRevision, JsonUtil::annotation(newRs->object, kRevision));
    if (next != deployment)
        m_store.update(deploymentType(), next, WriteScope::Whole);
}

} // namespace rdsim

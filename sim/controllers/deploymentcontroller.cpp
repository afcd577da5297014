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

const QString kDeploymentHashLabel = QStringLiteral("pod-template-hash");
const QString kDeploymentRevision = QStringLiteral("deployment.kubernetes.io/revision");

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

// A ReplicaSet for the current pod template, "<deploy>-<hash>", the newest revision, with no
// replicas yet.
QJsonObject newReplicaSetObject(const QJsonObject &deployment, const QJsonObject &podTemplate,
                                const QJsonObject &status, int maxOldRevision)
{
    const int collision = status.contains(QLatin1String("collisionCount"))
        ? status.value(QLatin1String("collisionCount")).toInt()
        : -1;
    const QString hash = PodTemplateHash::compute(podTemplate, kDeploymentHashLabel, collision);
    QJsonObject rsTemplate = podTemplate;
    JsonUtil::setAt(rsTemplate, "metadata.labels.pod-template-hash", hash);
    QJsonObject selector = JsonUtil::objectAt(deployment, "spec.selector");
    JsonUtil::setAt(selector, "matchLabels.pod-template-hash", hash);
    QJsonObject labels = JsonUtil::objectAt(rsTemplate, "metadata.labels");
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), QString(JsonUtil::name(deployment) + u'-' + hash)},
                      {QStringLiteral("namespace"), JsonUtil::nameSpace(deployment)},
                      {QStringLiteral("labels"), labels},
                      {QStringLiteral("annotations"),
                       QJsonObject {{kDeploymentRevision, QString::number(maxOldRevision + 1)}}},
                      {QStringLiteral("ownerReferences"),
                       QJsonArray {JsonUtil::controllerRef(deployment)}}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("replicas"), 0},
                      {QStringLiteral("minReadySeconds"),
                       JsonUtil::intAt(deployment, "spec.minReadySeconds", 0)},
                      {QStringLiteral("selector"), selector},
                      {QStringLiteral("template"), rsTemplate}}}};
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
    return JsonUtil::annotation(object, kDeploymentRevision).toInt();
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
    const Settings settings = readSettings(deployment);
    const QJsonObject podTemplate = JsonUtil::objectAt(deployment, "spec.template");

    QList<ReplicaSet *> oldRss;
    ReplicaSet *newRs = splitByTemplate(replicaSets, podTemplate, oldRss);
    int maxOldRevision = 0;
    for (const ReplicaSet *rs : oldRss)
        maxOldRevision = std::max(maxOldRevision, rs->revision());

    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    bool created = false;
    ReplicaSet fresh;
    if (!newRs && !settings.paused) {
        fresh.object = newReplicaSetObject(deployment, podTemplate, status, maxOldRevision);
        newRs = &fresh;
        created = true;
        setCondition(
            conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
            QStringLiteral("NewReplicaSetCreated"),
            QStringLiteral("Created new replica set \"%1\"").arg(JsonUtil::name(fresh.object)),
            settings.now);
    } else if (newRs && newRs->revision() <= maxOldRevision) {
        // A rollback to an older template: it becomes the newest revision again.
        JsonUtil::setAnnotation(newRs->object, kDeploymentRevision,
                                QString::number(maxOldRevision + 1));
        newRs->dirty = true;
    }

    if (newRs && !settings.paused)
        scaleReplicaSets(deployment, *newRs, oldRss, settings);
    if (!writeReplicaSets(replicaSets, newRs, created))
        return;
    pruneHistory(deployment, oldRss);
    writeDeployment(deployment,
                    nextStatus(deployment, status, conditions, oldRss, newRs, settings, created),
                    newRs);
}

DeploymentController::Settings
DeploymentController::readSettings(const QJsonObject &deployment) const
{
    Settings settings;
    settings.now = m_clock.nowRfc3339();
    const int replicas = int(JsonUtil::intAt(deployment, "spec.replicas", 1));
    settings.replicas = replicas;
    settings.recreate
        = JsonUtil::stringAt(deployment, "spec.strategy.type") == QLatin1String("Recreate");
    settings.maxSurge = settings.recreate
        ? 0
        : JsonUtil::intOrPercent(JsonUtil::at(deployment, "spec.strategy.rollingUpdate.maxSurge"),
                                 replicas, true, (replicas * 25 + 99) / 100);
    int maxUnavailable = settings.recreate
        ? 0
        : JsonUtil::intOrPercent(
            JsonUtil::at(deployment, "spec.strategy.rollingUpdate.maxUnavailable"), replicas, false,
            replicas * 25 / 100);
    if (!settings.recreate && settings.maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1;
    settings.maxUnavailable = std::min(maxUnavailable, replicas);
    settings.paused = JsonUtil::boolAt(deployment, "spec.paused");
    return settings;
}

DeploymentController::ReplicaSet *
DeploymentController::splitByTemplate(QList<ReplicaSet> &replicaSets,
                                      const QJsonObject &podTemplate, QList<ReplicaSet *> &oldRss)
{
    ReplicaSet *newRs = nullptr;
    const QJsonObject wanted = withoutHashLabel(podTemplate);
    for (ReplicaSet &rs : replicaSets) {
        if (!newRs && withoutHashLabel(JsonUtil::objectAt(rs.object, "spec.template")) == wanted)
            newRs = &rs;
        else
            oldRss.append(&rs);
    }
    return newRs;
}

void DeploymentController::scaleReplicaSets(const QJsonObject &deployment, ReplicaSet &newRs,
                                            const QList<ReplicaSet *> &oldRss,
                                            const Settings &settings)
{
    if (settings.recreate)
        recreate(deployment, newRs, oldRss, settings.replicas, settings.maxSurge);
    else if (oldRss.isEmpty()
             || std::all_of(oldRss.cbegin(), oldRss.cend(),
                            [](const ReplicaSet *rs) { return rs->specReplicas() == 0; }))
        scale(deployment, newRs, settings.replicas, settings.replicas, settings.maxSurge);
    else
        rollingUpdate(deployment, newRs, oldRss, settings.replicas, settings.maxSurge,
                      settings.maxUnavailable);
}

bool DeploymentController::writeReplicaSets(QList<ReplicaSet> &replicaSets, ReplicaSet *newRs,
                                            bool created)
{
    if (created) {
        const StoreResult result = m_store.create(rsType(), newRs->object);
        if (!result.ok())
            return false;
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
    return true;
}

void DeploymentController::pruneHistory(const QJsonObject &deployment,
                                        const QList<ReplicaSet *> &oldRss)
{
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
}

void DeploymentController::writeDeployment(const QJsonObject &deployment, const QJsonObject &status,
                                           const ReplicaSet *newRs)
{
    QJsonObject next = deployment;
    next.insert(QStringLiteral("status"), status);
    if (newRs)
        JsonUtil::setAnnotation(next, kDeploymentRevision,
                                JsonUtil::annotation(newRs->object, kDeploymentRevision));
    if (next != deployment)
        m_store.update(deploymentType(), next, WriteScope::Whole);
}

} // namespace rdsim

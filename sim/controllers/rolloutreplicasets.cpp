// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutReconciler: the ReplicaSets of a rollout (revisions, creation, scaling, scale-down
// deadlines, history). Pod restarts are in rolloutrestart.cpp, Service selectors in
// rolloutservices.cpp.
#include "rolloutkeys.h"
#include "rolloutreconciler.h"

#include "jsonutil.h"
#include "kinds.h"
#include "requeue.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <algorithm>

namespace rdsim {

namespace {

const QString kScaleDownDeadline = QStringLiteral("scale-down-deadline");

} // namespace

QString RsState::name() const
{
    return JsonUtil::name(object);
}
QString RsState::uid() const
{
    return JsonUtil::uid(object);
}
QString RsState::hash() const
{
    return JsonUtil::label(object, RolloutKeys::hashLabel);
}
int RsState::specReplicas() const
{
    return int(JsonUtil::intAt(object, "spec.replicas", 1));
}
int RsState::statusReplicas() const
{
    return int(JsonUtil::intAt(object, "status.replicas", 0));
}
int RsState::available() const
{
    return int(JsonUtil::intAt(object, "status.availableReplicas", 0));
}
int RsState::ready() const
{
    return int(JsonUtil::intAt(object, "status.readyReplicas", 0));
}
int RsState::revision() const
{
    return JsonUtil::annotation(object, RolloutKeys::revision).toInt();
}
qint64 RsState::createdMs() const
{
    return JsonUtil::creationMs(object);
}
QString RsState::scaleDownDeadline() const
{
    return JsonUtil::annotation(object, kScaleDownDeadline);
}

void RolloutReconciler::classifyReplicaSets()
{
    const QString hash = computedPodHash();
    newRS = nullptr;
    stableRS = nullptr;
    for (const auto &rs : allRSs) {
        if (!newRS && rs->hash() == hash)
            newRS = rs.get();
    }
    if (!status.stableRS.isEmpty())
        stableRS = replicaSetByHash(status.stableRS);
    otherRSs.clear();
    olderRSs.clear();
    for (const auto &rs : allRSs) {
        if (rs.get() != newRS)
            olderRSs.append(rs.get());
        if (rs.get() != newRS && rs.get() != stableRS)
            otherRSs.append(rs.get());
    }
}

RsState *RolloutReconciler::replicaSetByHash(const QString &hash) const
{
    if (hash.isEmpty())
        return nullptr;
    for (const auto &rs : allRSs) {
        if (rs->hash() == hash)
            return rs.get();
    }
    return nullptr;
}

QJsonObject RolloutReconciler::newReplicaSetObject(const QJsonObject &podTemplate,
                                                   const QString &hash, int revision) const
{
    QJsonObject rsTemplate = podTemplate;
    QJsonObject templateMeta = rsTemplate.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = templateMeta.value(QLatin1String("labels")).toObject();
    labels.insert(RolloutKeys::hashLabel, hash);
    templateMeta.insert(QStringLiteral("labels"), labels);
    rsTemplate.insert(QStringLiteral("metadata"), templateMeta);
    QJsonObject selector = spec.selector();
    QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
    matchLabels.insert(RolloutKeys::hashLabel, hash);
    selector.insert(QStringLiteral("matchLabels"), matchLabels);
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
        {QStringLiteral("metadata"),
         QJsonObject {
             {QStringLiteral("name"), QString(name() + u'-' + hash)},
             {QStringLiteral("namespace"), nameSpace()},
             {QStringLiteral("labels"), labels},
             {QStringLiteral("annotations"),
              QJsonObject {{RolloutKeys::revision, QString::number(revision)}}},
             {QStringLiteral("ownerReferences"), QJsonArray {JsonUtil::controllerRef(m_rollout)}}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("replicas"), 0},
                      {QStringLiteral("minReadySeconds"), spec.minReadySeconds()},
                      {QStringLiteral("selector"), selector},
                      {QStringLiteral("template"), rsTemplate}}}};
}

void RolloutReconciler::getAllReplicaSetsAndSyncRevision(bool createIfMissing)
{
    if (!newRS) {
        if (createIfMissing)
            createDesiredReplicaSet();
        return;
    }
    int maxOld = 0;
    for (const RsState *rs : std::as_const(olderRSs))
        maxOld = std::max(maxOld, rs->revision());
    // Going back to an older template makes its ReplicaSet the newest revision again.
    if (newRS->revision() < maxOld + 1) {
        JsonUtil::setAnnotation(newRS->object, RolloutKeys::revision, QString::number(maxOld + 1));
        newRS->dirty = true;
    }
    if (JsonUtil::intAt(newRS->object, "spec.minReadySeconds", 0) != spec.minReadySeconds()) {
        JsonUtil::setAt(newRS->object, "spec.minReadySeconds", spec.minReadySeconds());
        newRS->dirty = true;
    }
    setRolloutRevision(newRS->revision());
    if (!status.condition(QStringLiteral("Progressing")))
        status.setCondition(RolloutStatus::makeCondition(
            QStringLiteral("Progressing"), QStringLiteral("True"),
            QStringLiteral("FoundNewReplicaSet"),
            QStringLiteral("Found new replica set \"%1\"").arg(newRS->name()), now));
}

void RolloutReconciler::createDesiredReplicaSet()
{
    int maxOld = 0;
    for (const auto &rs : allRSs)
        maxOld = std::max(maxOld, rs->revision());
    const int revision = maxOld + 1;
    const QString hash = computedPodHash();
    const QJsonObject rs = newReplicaSetObject(spec.podTemplate(), hash, revision);
    StoreResult created = env.store.create(Kinds::replicaSets(), rs);
    if (!created.ok()) {
        // A ReplicaSet of that name exists but is not ours (or has another template): a hash
        // collision, resolved as Argo does by counting it into the next hash.
        status.collisionCount = status.collisionCount.value_or(0) + 1;
        return;
    }
    markWritten();
    allRSs.push_back(std::make_unique<RsState>(RsState {created.object}));
    classifyReplicaSets();
    setRolloutRevision(revision);
    event(QStringLiteral("NewReplicaSetCreated"),
          QStringLiteral("Created ReplicaSet %1 (revision %2)").arg(newRS->name()).arg(revision));
    status.setCondition(RolloutStatus::makeCondition(
        QStringLiteral("Progressing"), QStringLiteral("True"),
        QStringLiteral("NewReplicaSetCreated"),
        QStringLiteral("Created new replica set \"%1\"").arg(newRS->name()), now));
}

void RolloutReconciler::deleteReplicaSet(RsState *rs)
{
    if (env.store.remove(Kinds::replicaSets(), nameSpace(), rs->name()).ok())
        markWritten();
    const QString hash = rs->hash();
    for (const QJsonObject &run : QList<QJsonObject>(runs)) {
        if (!hash.isEmpty() && JsonUtil::label(run, RolloutKeys::hashLabel) == hash)
            deleteRun(run);
    }
    allRSs.erase(std::remove_if(allRSs.begin(), allRSs.end(),
                                [rs](const std::unique_ptr<RsState> &p) { return p.get() == rs; }),
                 allRSs.end());
    classifyReplicaSets();
}

bool RolloutReconciler::shouldDelayScaleDownOnAbort() const
{
    return spec.abortScaleDownDelaySeconds().has_value() && pause.isAborted(status);
}

bool RolloutReconciler::scaleReplicaSet(RsState &rs, int newScale)
{
    const QString replicas = QString::number(spec.replicas());
    const int oldScale = rs.specReplicas();
    const bool sizeChanges = oldScale != newScale;
    if (!sizeChanges && JsonUtil::annotation(rs.object, RolloutKeys::desiredReplicas) == replicas)
        return false;
    JsonUtil::setAt(rs.object, "spec.replicas", newScale);
    JsonUtil::setAnnotation(rs.object, RolloutKeys::desiredReplicas, replicas);
    if (newScale == 0 && !shouldDelayScaleDownOnAbort())
        JsonUtil::removeAnnotation(rs.object, kScaleDownDeadline);
    rs.dirty = true;
    if (sizeChanges) {
        event(
            QStringLiteral("ScalingReplicaSet"),
            QStringLiteral("Scaled %1 ReplicaSet %2 (revision %3) from %4 to %5")
                .arg(oldScale < newScale ? QStringLiteral("up") : QStringLiteral("down"), rs.name())
                .arg(rs.revision())
                .arg(oldScale)
                .arg(newScale));
    }
    return sizeChanges;
}

bool RolloutReconciler::reconcileNewReplicaSet(int desired)
{
    if (!newRS)
        return false;
    int count = desired;
    if (shouldDelayScaleDownOnAbort()) {
        const QString deadline = newRS->scaleDownDeadline();
        if (!deadline.isEmpty()) {
            const qint64 at = VirtualClock::fromRfc3339(deadline);
            if (at > nowMs) {
                count = newRS->specReplicas();
                env.requeue.at(at);
            } else {
                count = 0;
            }
        } else {
            const qint64 at = nowMs + qint64(*spec.abortScaleDownDelaySeconds()) * 1000;
            JsonUtil::setAnnotation(newRS->object, kScaleDownDeadline, VirtualClock::toRfc3339(at));
            newRS->dirty = true;
            env.requeue.at(at);
            count = newRS->specReplicas();
        }
    }
    return scaleReplicaSet(*newRS, count);
}

void RolloutReconciler::removeScaleDownDeadlines()
{
    QList<RsState *> targets;
    if (newRS && !shouldDelayScaleDownOnAbort())
        targets.append(newRS);
    if (stableRS && (targets.isEmpty() || stableRS != newRS))
        targets.append(stableRS);
    for (RsState *rs : targets) {
        if (rs->hasScaleDownDeadline()) {
            JsonUtil::removeAnnotation(rs->object, kScaleDownDeadline);
            rs->dirty = true;
        }
    }
}

int RolloutReconciler::scaleDownDelayHelper(RsState &rs, int &annotated, int keepReplicas)
{
    const int limit = spec.scaleDownDelayRevisionLimit();
    if (!rs.hasScaleDownDeadline()) {
        if (annotated >= limit)
            return 0;
        ++annotated;
        const qint64 at = nowMs + qint64(spec.scaleDownDelaySeconds()) * 1000;
        JsonUtil::setAnnotation(rs.object, kScaleDownDeadline, VirtualClock::toRfc3339(at));
        rs.dirty = true;
        env.requeue.at(at);
        return rs.specReplicas();
    }
    ++annotated;
    if (annotated > limit)
        return 0;
    const qint64 at = VirtualClock::fromRfc3339(rs.scaleDownDeadline());
    if (at > nowMs) {
        env.requeue.at(at);
        return keepReplicas;
    }
    return 0;
}

bool RolloutReconciler::isSaturated(const RsState *rs) const
{
    if (!rs)
        return false;
    const int replicas = spec.replicas();
    return rs->specReplicas() == replicas
        && JsonUtil::annotation(rs->object, RolloutKeys::desiredReplicas)
        == QString::number(replicas)
        && rs->available() == replicas;
}

bool RolloutReconciler::isReplicaSetReferenced(const RsState &rs) const
{
    const QString hash = rs.hash();
    if (hash.isEmpty())
        return false;
    QStringList references {status.stableRS, status.currentPodHash, status.activeSelector,
                            status.previewSelector};
    if (!status.weights.isEmpty()) {
        references << JsonUtil::stringAt(status.weights, "canary.podTemplateHash")
                   << JsonUtil::stringAt(status.weights, "stable.podTemplateHash");
    }
    if (references.contains(hash))
        return true;
    const QStringList services = spec.isBlueGreen()
        ? QStringList {spec.activeService(), spec.previewService()}
        : QStringList {spec.stableService(), spec.canaryService()};
    for (const QString &service : services) {
        if (!service.isEmpty() && serviceHash(service, QString()) == hash)
            return true;
    }
    return false;
}

void RolloutReconciler::reconcileRevisionHistoryLimit()
{
    QList<RsState *> cleanable = otherRSs;
    const int excess = int(cleanable.size()) - spec.revisionHistoryLimit();
    if (excess <= 0)
        return;
    std::sort(cleanable.begin(), cleanable.end(),
              [](const RsState *a, const RsState *b) { return a->createdMs() < b->createdMs(); });
    for (int i = 0; i < excess; ++i) {
        RsState *rs = cleanable.at(i);
        if (rs->statusReplicas() != 0 || rs->specReplicas() != 0 || rs->dirty
            || JsonUtil::intAt(rs->object, "metadata.generation", 1)
                > JsonUtil::intAt(rs->object, "status.observedGeneration", 0))
            continue;
        deleteReplicaSet(rs);
    }
}

QString RolloutReconciler::haltProgress() const
{
    if (spec.paused())
        return QStringLiteral("user paused");
    if (status.pauseCondition(QStringLiteral("InconclusiveAnalysisRun")))
        return QStringLiteral("inconclusive analysis");
    return {};
}

bool RolloutReconciler::podTemplateChanged() const
{
    if (status.currentPodHash.isEmpty())
        return false;
    const QString hash = newRS ? newRS->hash() : computedPodHash();
    return status.currentPodHash != hash;
}

bool RolloutReconciler::podTemplateOrStepsChanged() const
{
    if (!status.currentStepHash.isEmpty() && status.currentStepHash != stepHash())
        return true;
    return podTemplateChanged();
}

} // namespace rdsim

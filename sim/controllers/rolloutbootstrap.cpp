// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutReconciler: starting a rollout mid-update, as the scenario asks with the
// rd-sim.dev/previous-image annotation.
#include "rolloutkeys.h"
#include "rolloutreconciler.h"

#include "jsonutil.h"
#include "kinds.h"
#include "podtemplatehash.h"
#include "replicasetcontroller.h"

#include "core/objectstore.h"

namespace rdsim {

namespace {

QJsonArray withImage(const QJsonArray &containers, const QString &image)
{
    QJsonArray out;
    for (const QJsonValue &value : containers) {
        QJsonObject container = value.toObject();
        container.insert(QStringLiteral("image"), image);
        out.append(container);
    }
    return out;
}

// The status of revision 1 once it is stable, fully available and complete.
RolloutStatus bootstrappedStatus(const RolloutReconciler &r, const QString &hash,
                                 const QString &rsName, int replicas)
{
    RolloutStatus s = r.status;
    s.currentPodHash = hash;
    s.stableRS = hash;
    if (r.spec.isCanary()) {
        s.currentStepHash = r.stepHash();
        if (r.spec.stepCount() > 0)
            s.currentStepIndex = r.spec.stepCount();
    }
    s.replicas = s.updatedReplicas = s.readyReplicas = s.availableReplicas = s.hpaReplicas
        = replicas;
    s.observedGeneration = QString::number(r.generation());
    if (r.spec.isBlueGreen()) {
        s.activeSelector = hash;
        if (!r.spec.previewService().isEmpty())
            s.previewSelector = hash;
        const QString hashSelector = RolloutKeys::hashLabel + u'=' + hash;
        s.selector = r.spec.selectorString().isEmpty()
            ? hashSelector
            : r.spec.selectorString() + u',' + hashSelector;
    } else {
        s.selector = r.spec.selectorString();
    }
    if (r.spec.hasTrafficRouting()) {
        s.weights
            = QJsonObject {{QStringLiteral("canary"),
                            QJsonObject {{QStringLiteral("weight"), 0},
                                         {QStringLiteral("podTemplateHash"), hash},
                                         {QStringLiteral("serviceName"), r.spec.canaryService()}}},
                           {QStringLiteral("stable"),
                            QJsonObject {{QStringLiteral("weight"), r.spec.maxTrafficWeight()},
                                         {QStringLiteral("podTemplateHash"), hash},
                                         {QStringLiteral("serviceName"), r.spec.stableService()}}}};
    }
    s.conditions.clear();
    s.setCondition(RolloutStatus::makeCondition(
        QStringLiteral("Progressing"), QStringLiteral("True"),
        QStringLiteral("NewReplicaSetAvailable"),
        QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName), r.now));
    s.setCondition(RolloutStatus::makeCondition(
        QStringLiteral("Available"), QStringLiteral("True"), QStringLiteral("AvailableReason"),
        QStringLiteral("Rollout has minimum availability"), r.now));
    s.setCondition(RolloutStatus::makeCondition(QStringLiteral("Completed"), QStringLiteral("True"),
                                                QStringLiteral("RolloutCompleted"),
                                                QStringLiteral("RolloutCompleted"), r.now));
    s.setCondition(RolloutStatus::makeCondition(QStringLiteral("Healthy"), QStringLiteral("True"),
                                                QStringLiteral("RolloutHealthy"),
                                                QStringLiteral("Rollout is healthy"), r.now));
    s.phase = QStringLiteral("Healthy");
    s.message.clear();
    return s;
}

} // namespace

bool RolloutReconciler::needsBootstrap() const
{
    return !JsonUtil::annotation(m_rollout, RolloutKeys::previousImage).isEmpty()
        && status.currentPodHash.isEmpty() && status.stableRS.isEmpty() && allRSs.empty();
}

// The scenario's way to start a rollout mid-update: revision 1 (the same template with the
// previous image) is made stable and fully available first, as if it had been deployed long
// before, and the spec's own template then rolls out as revision 2.
void RolloutReconciler::bootstrapPreviousRevision()
{
    const QString image = JsonUtil::annotation(m_rollout, RolloutKeys::previousImage);
    QJsonObject podTemplate = spec.podTemplate();
    QJsonObject podSpec = podTemplate.value(QLatin1String("spec")).toObject();
    for (const char *key : {"containers", "initContainers"}) {
        if (podSpec.contains(QLatin1String(key)))
            podSpec.insert(QLatin1String(key),
                           withImage(podSpec.value(QLatin1String(key)).toArray(), image));
    }
    podTemplate.insert(QStringLiteral("spec"), podSpec);
    const QString hash = PodTemplateHash::compute(
        podTemplate, RolloutKeys::hashLabel, status.collisionCount ? *status.collisionCount : -1);
    const int replicas = spec.replicas();
    QJsonObject rs = newReplicaSetObject(podTemplate, hash, 1);
    JsonUtil::setAt(rs, "spec.replicas", replicas);
    JsonUtil::setAnnotation(rs, RolloutKeys::desiredReplicas, QString::number(replicas));
    const StoreResult created = env.store.create(Kinds::replicaSets(), rs);
    if (!created.ok())
        return;
    m_wrote = true;
    const QJsonObject started = env.replicaSets.startReady(created.object);
    allRSs.push_back(std::make_unique<RsState>(RsState {started}));
    const QString rsName = JsonUtil::name(started);

    status = bootstrappedStatus(*this, hash, rsName, replicas);

    event(QStringLiteral("NewReplicaSetCreated"),
          QStringLiteral("Created ReplicaSet %1 (revision 1)").arg(rsName));
    setRolloutRevision(1);
    event(QStringLiteral("RolloutCompleted"),
          QStringLiteral("Rollout completed update to revision 1 (%1): Initial deploy").arg(hash));
    for (const QString &service : {spec.activeService(), spec.previewService(),
                                   spec.stableService(), spec.canaryService()}) {
        if (!service.isEmpty())
            switchService(service, hash);
    }
    classifyReplicaSets();
}

} // namespace rdsim

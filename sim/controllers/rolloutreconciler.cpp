// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutreconciler.h"
#include "rolloutkeys.h"

#include "analysisstarter.h"
#include "bluegreenstrategy.h"
#include "canarystrategy.h"
#include "eventrecorder.h"
#include "jsonutil.h"
#include "kinds.h"
#include "podtemplatehash.h"
#include "rolloutphase.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

namespace rdsim {

namespace { } // namespace

RolloutReconciler::RolloutReconciler(RolloutEnvironment &environment, const QJsonObject &rollout,
                                     const QList<QJsonObject> &replicaSets,
                                     const QList<QJsonObject> &analysisRuns) :
    env(environment),
    spec(rollout),
    status(RolloutStatus::fromJson(rollout.value(QLatin1String("status")).toObject())),
    runs(analysisRuns),
    m_rollout(rollout),
    m_original(rollout)
{
    nowMs = env.clock.nowMs();
    now = VirtualClock::toRfc3339(nowMs);
    for (const QJsonObject &rs : replicaSets)
        allRSs.push_back(std::make_unique<RsState>(RsState {rs}));
    newStatus.original = status.original;
    newStatus.restartedAt = status.restartedAt;
    resolveWorkloadRef();
}

// spec.workloadRef: the pod template (and, when the rollout has none, the selector) come from
// the referenced Deployment. Only the controller's view changes; the stored spec stays as
// the user wrote it.
void RolloutReconciler::resolveWorkloadRef()
{
    const QJsonObject ref = spec.spec().value(QLatin1String("workloadRef")).toObject();
    if (ref.isEmpty() || !spec.podTemplate().isEmpty())
        return;
    const QString refName = ref.value(QLatin1String("name")).toString();
    const QString kind = ref.value(QLatin1String("kind")).toString();
    std::optional<QJsonObject> workload;
    if (kind == QLatin1String("Deployment"))
        workload = env.store.get(Kinds::deployments(), nameSpace(), refName);
    if (!workload) {
        m_workloadError
            = QStringLiteral("spec.workloadRef.name: Invalid value: \"%1\": %2 \"%1\" not found")
                  .arg(refName,
                       kind == QLatin1String("Deployment") ? QStringLiteral("deployments.apps")
                                                           : kind.toLower() + u's');
        return;
    }
    QJsonObject effective = m_rollout;
    QJsonObject effectiveSpec = effective.value(QLatin1String("spec")).toObject();
    effectiveSpec.insert(QStringLiteral("template"),
                         JsonUtil::objectAt(*workload, "spec.template"));
    if (!effectiveSpec.contains(QLatin1String("selector")))
        effectiveSpec.insert(QStringLiteral("selector"),
                             JsonUtil::objectAt(*workload, "spec.selector"));
    effective.insert(QStringLiteral("spec"), effectiveSpec);
    spec = RolloutSpec(effective);
    m_workloadGeneration = JsonUtil::intAt(*workload, "metadata.generation", 1);
    JsonUtil::setAnnotation(m_rollout, QStringLiteral("rollout.argoproj.io/workload-generation"),
                            QString::number(m_workloadGeneration));
}

RolloutReconciler::~RolloutReconciler() = default;

QList<QJsonObject> RolloutReconciler::replicaSetObjects() const
{
    QList<QJsonObject> out;
    for (const auto &rs : allRSs)
        out.append(rs->object);
    return out;
}

QString RolloutReconciler::name() const
{
    return JsonUtil::name(m_rollout);
}

QString RolloutReconciler::nameSpace() const
{
    return JsonUtil::nameSpace(m_rollout);
}

qint64 RolloutReconciler::generation() const
{
    return JsonUtil::intAt(m_rollout, "metadata.generation", 1);
}

int RolloutReconciler::revision() const
{
    return JsonUtil::annotation(m_rollout, RolloutKeys::revision).toInt();
}

void RolloutReconciler::setRolloutRevision(int revision)
{
    const QString text = QString::number(revision);
    if (JsonUtil::annotation(m_rollout, RolloutKeys::revision) == text)
        return;
    JsonUtil::setAnnotation(m_rollout, RolloutKeys::revision, text);
    event(QStringLiteral("RolloutUpdated"), QStringLiteral("Rollout updated to revision ") + text);
}

QString RolloutReconciler::computedPodHash() const
{
    return PodTemplateHash::compute(spec.podTemplate(), RolloutKeys::hashLabel,
                                    status.collisionCount ? *status.collisionCount : -1);
}

QString RolloutReconciler::stepHash() const
{
    if (!spec.isCanary() || spec.isBlueGreen())
        return {};
    return PodTemplateHash::ofBytes(JsonUtil::compact(spec.steps()));
}

void RolloutReconciler::event(const QString &reason, const QString &message, bool warning)
{
    m_events.append({reason, message, warning});
}

bool RolloutReconciler::writeRun(const QJsonObject &run, bool create)
{
    const StoreResult result = create
        ? env.store.create(Kinds::analysisRuns(), run)
        : env.store.update(Kinds::analysisRuns(), run, WriteScope::Whole);
    if (!result.ok())
        return false;
    m_wrote = true;
    const QString runName = JsonUtil::name(result.object);
    bool replaced = false;
    for (QJsonObject &existing : runs) {
        if (JsonUtil::name(existing) == runName) {
            existing = result.object;
            replaced = true;
        }
    }
    if (!replaced)
        runs.append(result.object);
    return true;
}

void RolloutReconciler::deleteRun(const QJsonObject &run)
{
    const QString runName = JsonUtil::name(run);
    if (env.store.remove(Kinds::analysisRuns(), nameSpace(), runName).ok())
        m_wrote = true;
    runs.removeIf([&runName](const QJsonObject &r) { return JsonUtil::name(r) == runName; });
}

bool RolloutReconciler::reconcile()
{
    if (JsonUtil::has(m_rollout, "metadata.deletionTimestamp"))
        return false;
    classifyReplicaSets();
    AnalysisStarter::classify(*this);
    if (!validate()) {
        createInvalidCondition();
        return flush();
    }
    if (needsBootstrap())
        bootstrapPreviousRevision();
    checkPausedConditions();
    if (isScalingEvent())
        syncReplicasOnly();
    else if (spec.isBlueGreen())
        BlueGreenStrategy(*this).run();
    else
        CanaryStrategy(*this).run();
    return flush();
}

bool RolloutReconciler::validate()
{
    if (!m_workloadError.isEmpty()) {
        validationMessage = m_workloadError;
        return false;
    }
    validationMessage = spec.validationError();
    if (!validationMessage.isEmpty())
        return false;

    // Referenced AnalysisTemplates must exist (validation_references.go).
    const auto checkTemplates = [this](const QJsonObject &analysis, const QString &path) {
        const QJsonArray templates = analysis.value(QLatin1String("templates")).toArray();
        for (int i = 0; i < templates.size(); ++i) {
            const QJsonObject ref = templates.at(i).toObject();
            const QString templateName = ref.value(QLatin1String("templateName")).toString();
            const bool cluster = ref.value(QLatin1String("clusterScope")).toBool();
            const bool found = cluster
                ? env.store.get(Kinds::clusterAnalysisTemplates(), QString(), templateName)
                      .has_value()
                : env.store.get(Kinds::analysisTemplates(), nameSpace(), templateName).has_value();
            if (!found) {
                validationMessage = QStringLiteral("%1.templates[%2].templateName: Invalid value: "
                                                   "\"%3\": %4.argoproj.io \"%3\" not found")
                                        .arg(path)
                                        .arg(i)
                                        .arg(templateName,
                                             cluster ? QStringLiteral("clusteranalysistemplate")
                                                     : QStringLiteral("analysistemplate"));
                return false;
            }
        }
        return true;
    };
    if (spec.isCanary()) {
        const QJsonArray steps = spec.steps();
        for (int i = 0; i < steps.size(); ++i) {
            const QJsonObject step = steps.at(i).toObject();
            if (step.contains(QLatin1String("analysis"))
                && !checkTemplates(
                    step.value(QLatin1String("analysis")).toObject(),
                    QStringLiteral("spec.strategy.canary.steps[%1].analysis").arg(i)))
                return false;
        }
        if (spec.canary().contains(QLatin1String("analysis"))
            && !checkTemplates(spec.canary().value(QLatin1String("analysis")).toObject(),
                               QStringLiteral("spec.strategy.canary.analysis")))
            return false;
    } else {
        for (const char *key : {"prePromotionAnalysis", "postPromotionAnalysis"}) {
            if (spec.blueGreen().contains(QLatin1String(key))
                && !checkTemplates(spec.blueGreen().value(QLatin1String(key)).toObject(),
                                   QStringLiteral("spec.strategy.blueGreen.") + QLatin1String(key)))
                return false;
        }
    }
    return true;
}

void RolloutReconciler::createInvalidCondition()
{
    const QString message
        = QStringLiteral("The Rollout \"%1\" is invalid: %2").arg(name(), validationMessage);
    RolloutStatus next = status;
    const RolloutCondition *previous = next.condition(QStringLiteral("InvalidSpec"));
    if (!previous || previous->message != message) {
        next.removeCondition(QStringLiteral("InvalidSpec"));
        next.setCondition(
            RolloutStatus::makeCondition(QStringLiteral("InvalidSpec"), QStringLiteral("True"),
                                         QStringLiteral("InvalidSpec"), message, now));
    }
    next.observedGeneration = QString::number(generation());
    const RolloutPhase::Result phase = RolloutPhase::calculate(spec, next);
    next.phase = phase.phase;
    next.message = phase.message;
    m_persisted = next;
}

bool RolloutReconciler::isScalingEvent() const
{
    const QString replicas = QString::number(spec.replicas());
    for (const auto &rs : allRSs) {
        if (rs->specReplicas() <= 0
            || !JsonUtil::hasAnnotation(rs->object, RolloutKeys::desiredReplicas))
            continue;
        if (JsonUtil::annotation(rs->object, RolloutKeys::desiredReplicas) != replicas)
            return true;
    }
    return false;
}

void RolloutReconciler::syncReplicasOnly()
{
    getAllReplicaSetsAndSyncRevision(false);
    RolloutStatus next = status;
    if (spec.isBlueGreen()) {
        BlueGreenStrategy(*this).reconcileReplicaSets();
        const RsState *active = replicaSetByHash(next.activeSelector);
        if (active) {
            next.hpaReplicas = active->statusReplicas();
            next.availableReplicas = active->available();
        } else {
            next.hpaReplicas = 0;
            next.availableReplicas = 0;
            for (const auto &rs : allRSs) {
                next.hpaReplicas += rs->statusReplicas();
                next.availableReplicas += rs->available();
            }
        }
    } else {
        CanaryStrategy(*this).reconcileReplicaSets();
        next.hpaReplicas = 0;
        next.availableReplicas = 0;
        for (const auto &rs : allRSs) {
            next.hpaReplicas += rs->statusReplicas();
            next.availableReplicas += rs->available();
        }
    }
    persist(next);
}

bool RolloutReconciler::flush()
{
    for (const auto &rs : allRSs) {
        if (!rs->dirty)
            continue;
        const StoreResult result
            = env.store.update(Kinds::replicaSets(), rs->object, WriteScope::Whole);
        if (result.ok()) {
            rs->object = result.object;
            m_wrote = true;
        }
        rs->dirty = false;
    }
    QJsonObject next = m_rollout;
    if (m_persisted)
        next.insert(QStringLiteral("status"), m_persisted->toJson());
    if (next != m_original) {
        const StoreResult result = env.store.update(Kinds::rollouts(), next, WriteScope::Whole);
        if (result.ok()) {
            m_rollout = result.object;
            m_wrote = true;
        } else {
            // Someone (kubectl, the dashboard) changed the rollout meanwhile: the next pass
            // starts over from what they wrote.
            m_rollout = m_original;
            m_events.clear();
        }
    }
    for (const PendingEvent &e : std::as_const(m_events))
        env.events.record(m_rollout, EventRecorder::rolloutsComponent(),
                          e.warning ? QStringLiteral("Warning") : QStringLiteral("Normal"),
                          e.reason, e.message);
    if (!m_events.isEmpty())
        m_wrote = true;
    m_events.clear();
    return m_wrote;
}

} // namespace rdsim

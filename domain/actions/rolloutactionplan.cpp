// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutactionplan.h"

#include "rolloutstatus.h"
#include <algorithm>
#include <QCoreApplication>
#include <QJsonDocument>

class RolloutActionPlanner
{
    Q_DECLARE_TR_FUNCTIONS(RolloutActionPlanner)
};

namespace {

// The plugin's literal bodies (cmd/promote/promote.go and friends), spaces included.
const QByteArray pausePatch = QByteArrayLiteral(R"({"spec":{"paused":true}})");
const QByteArray unpausePatch = QByteArrayLiteral(R"({"spec":{"paused":false}})");
const QByteArray abortPatch = QByteArrayLiteral(R"({"status":{"abort":true}})");
const QByteArray retryPatch = QByteArrayLiteral(R"({"status":{"abort":false}})");
const QByteArray promoteFullPatch = QByteArrayLiteral(R"({"status":{"promoteFull":true}})");
const QByteArray promoteFullFallback
    = QByteArrayLiteral(R"({"spec":{"paused":false},"status":{"promoteFull":true}})");
const QByteArray clearPauseConditionsPatch
    = QByteArrayLiteral(R"({"status":{"pauseConditions":null}})");
const QByteArray unpauseAndClearPauseConditionsPatch
    = QByteArrayLiteral(R"({"spec":{"paused":false},"status":{"pauseConditions":null}})");

QByteArray withStep(const char *format, qint32 step)
{
    return QByteArray(format).replace("%d", QByteArray::number(step));
}

RolloutPatch statusPatch(const QByteArray &body, const QByteArray &fallback)
{
    RolloutPatch patch;
    patch.statusSubresource = true;
    patch.body = body;
    patch.fallbackBody = fallback;
    return patch;
}

RolloutPatch specPatch(const QByteArray &body)
{
    RolloutPatch patch;
    patch.body = body;
    return patch;
}

bool isInconclusiveStepAnalysis(const Rollout &rollout)
{
    const auto &run = rollout.status.currentStepAnalysisRunStatus;
    return rollout.spec.canary && run && run->status == QLatin1String("Inconclusive");
}

// currentStepIndex + 1 capped at the number of steps; an unset index counts as 0.
qint32 nextStepIndex(const Rollout &rollout)
{
    const qint32 steps = rollout.spec.canary ? qint32(rollout.spec.canary->steps.size()) : 0;
    return std::min(rollout.status.currentStepIndex.value_or(0) + 1, steps);
}

RolloutActionPlan planPromoteFull(const Rollout &rollout)
{
    RolloutActionPlan plan;
    if (rollout.status.currentPodHash != rollout.status.stableRS)
        plan.patches.append(statusPatch(promoteFullPatch, promoteFullFallback));
    if (rollout.spec.paused)
        plan.patches.append(specPatch(unpausePatch));
    if (plan.patches.isEmpty())
        plan.note = RolloutActionPlanner::tr("The rollout is already fully promoted.");
    return plan;
}

RolloutActionPlan planPromote(const Rollout &rollout)
{
    RolloutActionPlan plan;
    const RolloutStatus &status = rollout.status;
    if (isInconclusiveStepAnalysis(rollout) && !status.pauseConditions.isEmpty()
        && status.controllerPause) {
        const char *body
            = R"({"status":{"pauseConditions":null, "controllerPause":false, "currentStepIndex":%d}})";
        plan.patches.append(statusPatch(withStep(body, nextStepIndex(rollout)),
                                        unpauseAndClearPauseConditionsPatch));
    } else if (!status.pauseConditions.isEmpty()) {
        plan.patches.append(
            statusPatch(clearPauseConditionsPatch, unpauseAndClearPauseConditionsPatch));
    } else if (rollout.spec.canary) {
        const qint32 next = nextStepIndex(rollout);
        const char *body = R"({"status":{"pauseConditions":null, "currentStepIndex":%d}})";
        const char *fallback
            = R"({"spec":{"paused":false},"status":{"pauseConditions":null, "currentStepIndex":%d}})";
        plan.patches.append(statusPatch(withStep(body, next), withStep(fallback, next)));
    }
    if (rollout.spec.paused)
        plan.patches.append(specPatch(unpausePatch));
    if (plan.patches.isEmpty())
        plan.note = RolloutActionPlanner::tr("Nothing to promote: the rollout is not paused.");
    return plan;
}

} // namespace

QByteArray restartPatchBody(const QDateTime &restartAt)
{
    const QByteArray when = restartAt.toUTC().toString(Qt::ISODate).toLatin1();
    return QByteArrayLiteral("{\n\t\"spec\": {\n\t\t\"restartAt\": \"") + when
        + QByteArrayLiteral("\"\n\t}\n}");
}

RolloutActionPlan planRolloutAction(RolloutAction action, const Rollout &rollout,
                                    const QDateTime &restartAt)
{
    RolloutActionPlan plan;
    switch (action) {
    case RolloutAction::Pause:
        plan.patches.append(specPatch(pausePatch));
        break;
    case RolloutAction::Resume:
        plan.patches.append(specPatch(unpausePatch));
        break;
    case RolloutAction::Promote:
        return planPromote(rollout);
    case RolloutAction::PromoteFull:
        return planPromoteFull(rollout);
    case RolloutAction::Abort:
        plan.patches.append(statusPatch(abortPatch, abortPatch));
        break;
    case RolloutAction::Retry:
        plan.patches.append(statusPatch(retryPatch, retryPatch));
        break;
    case RolloutAction::Restart:
        plan.patches.append(specPatch(restartPatchBody(restartAt)));
        break;
    case RolloutAction::Undo:
        plan.error = RolloutActionPlanner::tr("Undo needs the raw objects.");
        break;
    }
    return plan;
}

namespace {

const QLatin1String revisionAnnotation("rollout.argoproj.io/revision");
const QLatin1String podTemplateHashLabel("rollouts-pod-template-hash");

bool isControlledBy(const QJsonObject &object, const QString &ownerUid)
{
    const QJsonArray owners = object.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("ownerReferences"))
                                  .toArray();
    return std::any_of(owners.begin(), owners.end(), [&](const QJsonValue &owner) {
        const QJsonObject ref = owner.toObject();
        return ref.value(QLatin1String("controller")).toBool()
            && ref.value(QLatin1String("uid")).toString() == ownerUid;
    });
}

// The revision annotation; -1 when missing or not a number (the plugin skips those).
qint64 revisionOf(const QJsonObject &replicaSet)
{
    bool ok = false;
    const qint64 revision = replicaSet.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("annotations"))
                                .toObject()
                                .value(revisionAnnotation)
                                .toString()
                                .toLongLong(&ok);
    return ok ? revision : -1;
}

// The pod template without the hash label; an emptied label map counts as none, as
// Kubernetes' semantic equality treats a nil and an empty map alike.
QJsonObject templateWithoutHash(QJsonObject podTemplate)
{
    QJsonObject metadata = podTemplate.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    labels.remove(podTemplateHashLabel);
    if (labels.isEmpty())
        metadata.remove(QLatin1String("labels"));
    else
        metadata.insert(QLatin1String("labels"), labels);
    if (metadata.isEmpty())
        podTemplate.remove(QLatin1String("metadata"));
    else
        podTemplate.insert(QLatin1String("metadata"), metadata);
    return podTemplate;
}

QJsonObject podTemplateOf(const QJsonObject &object)
{
    return object.value(QLatin1String("spec"))
        .toObject()
        .value(QLatin1String("template"))
        .toObject();
}

} // namespace

RolloutActionPlan planUndo(const QJsonObject &rollout, const QJsonArray &replicaSets,
                           qint64 revision)
{
    RolloutActionPlan plan;
    const QString uid = rollout.value(QLatin1String("metadata"))
                            .toObject()
                            .value(QLatin1String("uid"))
                            .toString();
    // getReplicaSetForRevision: the highest and second-highest revisions, or the one asked for.
    QJsonObject latest, previous, chosen;
    qint64 latestRevision = -1, previousRevision = -1;
    for (const QJsonValue &value : replicaSets) {
        const QJsonObject replicaSet = value.toObject();
        if (!isControlledBy(replicaSet, uid))
            continue;
        const qint64 v = revisionOf(replicaSet);
        if (v < 0)
            continue;
        if (revision > 0) {
            if (v == revision) {
                chosen = replicaSet;
                break;
            }
        } else if (latestRevision < v) {
            previousRevision = latestRevision;
            previous = latest;
            latestRevision = v;
            latest = replicaSet;
        } else if (previousRevision < v) {
            previousRevision = v;
            previous = replicaSet;
        }
    }
    if (revision == 0) {
        chosen = previous;
        revision = previousRevision;
    }
    if (chosen.isEmpty()) {
        plan.error = revision > 0
            ? RolloutActionPlanner::tr("Revision %1 was not found: no ReplicaSet of "
                                       "this rollout has it.")
                  .arg(revision)
            : RolloutActionPlanner::tr("There is no previous revision to roll back to.");
        return plan;
    }
    const QJsonObject target = templateWithoutHash(podTemplateOf(chosen));
    if (target == templateWithoutHash(podTemplateOf(rollout))) {
        plan.note = RolloutActionPlanner::tr(
                        "Skipped: the current pod template already matches revision %1.")
                        .arg(revision);
        return plan;
    }
    const QJsonObject operation {{QStringLiteral("op"), QStringLiteral("replace")},
                                 {QStringLiteral("path"), QStringLiteral("/spec/template")},
                                 {QStringLiteral("value"), target}};
    RolloutPatch patch;
    patch.jsonPatch = true;
    patch.body = QJsonDocument(QJsonArray {operation}).toJson(QJsonDocument::Compact);
    plan.patches.append(patch);
    return plan;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutactionplan.h"

#include "rolloutstatus.h"
#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>
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

const QLatin1String podTemplateHashLabel("rollouts-pod-template-hash");

// The revision annotation; -1 when missing or not a number (the plugin skips those).
qint64 undoRevisionOf(const ReplicaSet &replicaSet)
{
    bool ok = false;
    const qint64 revision
        = replicaSet.metadata.annotations.value(u"rollout.argoproj.io/revision").toLongLong(&ok);
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

QList<UndoRevision> undoRevisions(const QList<ReplicaSet> &replicaSets, const QString &ownerUid)
{
    QList<UndoRevision> revisions;
    for (qsizetype i = 0; i < replicaSets.size(); ++i) {
        const ReplicaSet &replicaSet = replicaSets.at(i);
        const OwnerReference *owner = replicaSet.metadata.controllerRef();
        const qint64 revision = undoRevisionOf(replicaSet);
        if (owner && owner->uid == ownerUid && revision >= 0)
            revisions.append(UndoRevision {revision, i});
    }
    // Stable: of equal revisions the first listed wins, as in the plugin's loop.
    std::stable_sort(
        revisions.begin(), revisions.end(),
        [](const UndoRevision &a, const UndoRevision &b) { return a.revision > b.revision; });
    return revisions;
}

RawPodTemplates RawPodTemplates::read(const QByteArray &rolloutBody,
                                      const QList<QByteArray> &replicaSetPages)
{
    RawPodTemplates templates;
    templates.rollout = podTemplateOf(QJsonDocument::fromJson(rolloutBody).object());
    for (const QByteArray &page : replicaSetPages) {
        const QJsonArray items
            = QJsonDocument::fromJson(page).object().value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject replicaSet = item.toObject();
            const QString name = replicaSet.value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            templates.replicaSets.insert(name, podTemplateOf(replicaSet));
        }
    }
    return templates;
}

RolloutActionPlan planUndo(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                           qint64 revision, const RawPodTemplates &templates)
{
    RolloutActionPlan plan;
    // getReplicaSetForRevision: the second-highest revision, or the one asked for.
    const QList<UndoRevision> revisions = undoRevisions(replicaSets, rollout.metadata.uid);
    auto chosen = revision > 0
        ? std::find_if(revisions.cbegin(), revisions.cend(),
                       [&](const UndoRevision &r) { return r.revision == revision; })
        : (revisions.size() > 1 ? revisions.cbegin() + 1 : revisions.cend());
    // Without its template as sent there is nothing to copy (never so when both come from
    // the same list).
    if (chosen != revisions.cend()
        && !templates.replicaSets.contains(replicaSets.at(chosen->replicaSet).metadata.name))
        chosen = revisions.cend();
    if (chosen == revisions.cend()) {
        plan.error = revision > 0
            ? RolloutActionPlanner::tr("Revision %1 was not found: no ReplicaSet of "
                                       "this rollout has it.")
                  .arg(revision)
            : RolloutActionPlanner::tr("There is no previous revision to roll back to.");
        return plan;
    }
    revision = chosen->revision;
    const QString name = replicaSets.at(chosen->replicaSet).metadata.name;
    const QJsonObject target = templateWithoutHash(templates.replicaSets.value(name));
    if (target == templateWithoutHash(templates.rollout)) {
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

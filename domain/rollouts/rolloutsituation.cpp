// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutsituation.h"

#include "rolloutstatus.h"
#include "stepdescription.h"

#include <QLocale>

namespace {

const QString dash = QStringLiteral(" \u2014 ");

const ReplicaSet *replicaSetWithHash(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                                     const QString &hash)
{
    if (hash.isEmpty())
        return nullptr;
    for (const ReplicaSet &rs : replicaSets) {
        if (rs.metadata.isOwnedBy(rollout.metadata.uid) && rs.podTemplateHash() == hash)
            return &rs;
    }
    return nullptr;
}

} // namespace

RolloutObservations RolloutObservations::follow(const RolloutObservations &before,
                                                const Rollout &previous, const Rollout &next,
                                                const QDateTime &now)
{
    RolloutObservations after;
    if (next.spec.paused) {
        after.manualPauseSeenAt = previous.spec.paused ? before.manualPauseSeenAt : now;
        after.manualPauseBy = previous.spec.paused ? before.manualPauseBy : QString();
    }
    if (next.status.abort) {
        if (previous.status.abort)
            after.abortedAtStep = before.abortedAtStep;
        else if (previous.status.currentStepIndex)
            after.abortedAtStep = *previous.status.currentStepIndex;
        else if (previous.spec.canary && !previous.spec.canary->steps.isEmpty())
            after.abortedAtStep = 0; // a nil index is step 0 (GetCurrentCanaryStep)
    }
    return after;
}

RolloutTrafficFacts RolloutTrafficFacts::of(const Rollout &rollout,
                                            const QList<ReplicaSet> &replicaSets)
{
    RolloutTrafficFacts facts;
    const bool promoted = isFullyPromoted(rollout);
    if (!promoted) {
        if (const ReplicaSet *rs
            = replicaSetWithHash(rollout, replicaSets, rollout.status.currentPodHash))
            facts.newReplicas = rs->replicas;
    }
    if (const ReplicaSet *rs = replicaSetWithHash(rollout, replicaSets, rollout.status.stableRS))
        facts.stableReplicas = rs->replicas;
    if (rollout.isCanary())
        facts.actualWeight = ::actualWeight(rollout, replicaSets);
    else if (rollout.isBlueGreen())
        facts.actualWeight = !promoted && !rollout.status.activeSelector.isEmpty()
                && rollout.status.activeSelector == rollout.status.currentPodHash
            ? 100
            : 0;
    return facts;
}

QString RolloutSituationText::clockTime(const QDateTime &time, const QDateTime &now)
{
    return clockTime(time, now, false);
}

QString RolloutSituationText::clockTime(const QDateTime &time, const QDateTime &now,
                                        bool withSeconds)
{
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    const QString clock = withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    if (local.date() == now.toLocalTime().date())
        return locale.toString(local.time(), clock);
    return locale.toString(local, QStringLiteral("MMM d ") + clock);
}

std::pair<QString, QString> RolloutSituationText::split(const QString &text)
{
    const qsizetype cut = text.indexOf(dash);
    if (cut < 0)
        return {text, QString()};
    return {text.left(cut), text.mid(cut + dash.size())};
}

QString RolloutSituationText::resumeText(const Rollout &rollout)
{
    qint32 index = 0;
    if (currentCanaryStep(rollout, &index))
        return tr("Resume continues at step %1 of %2")
            .arg(index + 1)
            .arg(rollout.spec.canary->steps.size());
    if (isFullyPromoted(rollout))
        return tr("nothing is rolling out");
    return tr("Resume continues the update");
}

QString RolloutSituationText::progressingText(const Rollout &rollout, const QString &message)
{
    QString what;
    if (message == QLatin1String("waiting for rollout spec update to be observed")
        || message
            == QLatin1String(
                "waiting for rollout spec update to be observed for the reference workload"))
        what = rollout.spec.paused ? tr("pausing: the controller has not seen the change yet")
                                   : tr("the controller has not seen the change yet");
    else if (message == QLatin1String("waiting for rollout to unpause"))
        what = tr("resuming");
    else if (message == QLatin1String("rollout is restarting"))
        what = tr("restarting pods");
    else if (message == QLatin1String("more replicas need to be updated"))
        what = tr("updating pods");
    else if (message == QLatin1String("updated replicas are still becoming available"))
        what = tr("new pods are becoming ready");
    else if (message == QLatin1String("old replicas are pending termination"))
        what = tr("old pods are shutting down");
    else if (message == QLatin1String("active service cutover pending"))
        what = tr("switching the active service to the new version");
    else if (message == QLatin1String("waiting for analysis to complete"))
        what = tr("post-promotion analysis running");
    else if (message == QLatin1String("waiting for post-promotion verification to complete"))
        what = tr("post-promotion verification running");
    else if (message == QLatin1String("waiting for all steps to complete")) {
        qint32 index = 0;
        if (const RolloutStep *step = currentCanaryStep(rollout, &index))
            what = tr("step %1 of %2: %3")
                       .arg(index + 1)
                       .arg(rollout.spec.canary->steps.size())
                       .arg(StepDescription::step(*step));
        else
            what = tr("finishing the update");
    } else {
        what = message;
    }
    return what.isEmpty() ? tr("Progressing") : tr("Progressing") + dash + what;
}

QString RolloutSituationText::degradedText(const QString &message)
{
    // "<Reason>: <message>" as CalculateRolloutPhase writes it.
    const qsizetype colon = message.indexOf(QLatin1String(": "));
    const QString reason = colon > 0 ? message.left(colon) : QString();
    const QString rest = colon > 0 ? message.mid(colon + 2) : message;
    if (reason == QLatin1String("ProgressDeadlineExceeded"))
        return tr("Failed") + dash + tr("progress deadline exceeded: %1").arg(rest);
    if (reason == QLatin1String("RolloutAborted"))
        return tr("Failed") + dash + tr("aborted: %1").arg(rest);
    if (reason == QLatin1String("InvalidSpec"))
        return tr("Failed") + dash + tr("invalid spec: %1").arg(rest);
    return message.isEmpty() ? tr("Failed") : tr("Failed") + dash + message;
}

QString RolloutSituationText::abortText(const Rollout &rollout, const RolloutTrafficFacts &facts,
                                        bool *settled)
{
    if (rollout.isBlueGreen()) {
        const bool switchedBack = rollout.status.activeSelector.isEmpty()
            || rollout.status.activeSelector == rollout.status.stableRS;
        *settled = switchedBack;
        if (!switchedBack)
            return tr("Aborting") + dash
                + tr("switching the active service back to the stable version");
        if (facts.newReplicas > 0)
            return tr("Aborted") + dash
                + tr("all traffic on the stable version; %n new pods still running", nullptr,
                     facts.newReplicas);
        return tr("Aborted") + dash + tr("all traffic on the stable version");
    }
    *settled = facts.actualWeight <= 0;
    if (!*settled) {
        QString text
            = tr("Aborting") + dash + tr("canary weight %1 % \u2192 0 %").arg(facts.actualWeight);
        if (facts.newReplicas > 0)
            text += tr(", scaling down %n canary pods", nullptr, facts.newReplicas);
        return text;
    }
    if (facts.newReplicas > 0)
        return tr("Aborted") + dash
            + tr("all traffic on the stable version; %n canary pods still running", nullptr,
                 facts.newReplicas);
    return tr("Aborted") + dash + tr("all traffic on the stable version");
}

RolloutSituation RolloutSituationText::describe(const Rollout &rollout,
                                                const RolloutTrafficFacts &facts,
                                                const SituationContext &context)
{
    RolloutSituation situation;
    const RolloutPhaseInfo phase = rolloutPhase(rollout);
    if (rollout.status.abort) {
        bool settled = false;
        situation.text = abortText(rollout, facts, &settled);
        situation.kind
            = settled ? RolloutSituation::Kind::Aborted : RolloutSituation::Kind::Aborting;
        return situation;
    }
    if (phase.phase == QLatin1String("Degraded")) {
        situation.kind = RolloutSituation::Kind::Degraded;
        situation.text = degradedText(phase.message);
        return situation;
    }
    if (phase.phase == QLatin1String("Healthy")) {
        situation.kind = RolloutSituation::Kind::Healthy;
        situation.text = tr("Healthy");
        return situation;
    }
    if (phase.phase == QLatin1String("Progressing")) {
        situation.kind = RolloutSituation::Kind::Progressing;
        situation.text = progressingText(rollout, phase.message);
        return situation;
    }
    if (phase.phase != QLatin1String("Paused")) {
        situation.kind = RolloutSituation::Kind::Unknown;
        const QString name = phase.phase.isEmpty() ? tr("Unknown") : phase.phase;
        situation.text = phase.message.isEmpty() ? name : name + dash + phase.message;
        return situation;
    }
    return pausedSituation(rollout, context);
}

RolloutSituation RolloutSituationText::pausedSituation(const Rollout &rollout,
                                                       const SituationContext &context)
{
    RolloutSituation situation;
    // A person's pause comes first: no timer ends it, whatever the step says.
    if (rollout.spec.paused) {
        situation.kind = RolloutSituation::Kind::ManualPause;
        situation.waitsForPerson = true;
        const QDateTime since = context.observations.manualPauseSeenAt;
        const QString by = context.observations.manualPauseBy;
        QString who;
        if (!by.isEmpty())
            who = since.isValid()
                ? tr("Paused by %1 since %2").arg(by, clockTime(since, context.now))
                : tr("Paused by %1").arg(by);
        else
            who = since.isValid()
                ? tr("Paused by a person since %1").arg(clockTime(since, context.now))
                : tr("Paused by a person");
        situation.text = who + dash + resumeText(rollout);
        return situation;
    }
    if (findPauseCondition(rollout, u"InconclusiveAnalysisRun")
        || findPauseCondition(rollout, u"InconclusiveExperiment")) {
        situation.kind = RolloutSituation::Kind::Inconclusive;
        situation.waitsForPerson = true;
        situation.text = findPauseCondition(rollout, u"InconclusiveAnalysisRun")
            ? tr("Analysis inconclusive") + dash + tr("promote or abort")
            : tr("Experiment inconclusive") + dash + tr("promote or abort");
        return situation;
    }
    const std::optional<qint64> left = remainingPauseMSecs(rollout, context.now);
    qint32 index = 0;
    const RolloutStep *step = currentCanaryStep(rollout, &index);
    if (left) {
        situation.kind = RolloutSituation::Kind::TimedPause;
        const QString what = step ? StepDescription::step(*step) : tr("Pause");
        if (!context.live)
            situation.text = rollout.isBlueGreen()
                ? tr("Waiting for promotion (automatic promotion was due %1)")
                      .arg(clockTime(pauseEndTime(rollout), context.now))
                : tr("%1 (due to end %2)").arg(what, clockTime(pauseEndTime(rollout), context.now));
        else if (*left <= 0 && rollout.isBlueGreen())
            situation.text = tr("Waiting for promotion") + dash + tr("promoting\u2026");
        else if (*left <= 0)
            situation.text = what + dash + tr("resuming\u2026");
        else if (rollout.isBlueGreen())
            situation.text = tr("Waiting for promotion") + dash
                + tr("automatic in %1").arg(StepDescription::countdown(*left));
        else
            situation.text = what + dash + tr("%1 left").arg(StepDescription::countdown(*left));
        if (context.live)
            situation.remainingMSecs = left;
        return situation;
    }
    situation.kind = RolloutSituation::Kind::WaitingForPromotion;
    situation.waitsForPerson = true;
    if (step)
        situation.text = tr("Waiting for promotion at step %1 of %2")
                             .arg(index + 1)
                             .arg(rollout.spec.canary->steps.size());
    else
        situation.text = tr("Waiting for promotion");
    return situation;
}

QString RolloutSituationText::attentionReason(const RolloutSituation &situation)
{
    if (situation.waitsForPerson)
        return tr("Waiting for a person: %1").arg(situation.text);
    if (situation.isFailure())
        return tr("Needs a look: %1").arg(situation.text);
    return QString();
}

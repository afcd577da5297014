// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutnoticefacts.h"

#include "rolloutstatus.h"

bool RolloutNoticeFacts::operator==(const RolloutNoticeFacts &o) const
{
    return environment == o.environment && uid == o.uid && namespaceName == o.namespaceName
        && name == o.name && revision == o.revision && situation == o.situation
        && progress == o.progress && stepCount == o.stepCount && manualPause == o.manualPause
        && aborted == o.aborted && promoteFull == o.promoteFull && fullyPromoted == o.fullyPromoted
        && abortedAt == o.abortedAt && abortReasons == o.abortReasons && runs == o.runs;
}

bool RolloutNoticeFacts::isFailedPhase(const QString &phase)
{
    return phase == QLatin1String("Failed") || phase == QLatin1String("Error");
}

RolloutNoticeFacts RolloutNoticeFacts::of(const QString &environment, const Rollout &rollout,
                                          qint64 revision, RolloutSituation::Kind situation,
                                          const QList<AnalysisRun> &runs)
{
    RolloutNoticeFacts facts;
    facts.environment = environment;
    facts.uid = rollout.metadata.uid;
    facts.namespaceName = rollout.metadata.namespaceName;
    facts.name = rollout.metadata.name;
    facts.revision = revision;
    facts.situation = situation;
    const RolloutStatus &status = rollout.status;
    if (rollout.isBlueGreen())
        facts.progress
            = !status.currentPodHash.isEmpty() && status.activeSelector == status.currentPodHash
            ? 1
            : 0;
    else
        facts.progress = status.currentStepIndex.value_or(0);
    facts.stepCount = rollout.spec.canary ? qint32(rollout.spec.canary->steps.size()) : 0;
    facts.manualPause = rollout.spec.paused;
    facts.aborted = status.abort;
    facts.promoteFull = status.promoteFull;
    facts.fullyPromoted = isFullyPromoted(rollout);
    facts.abortedAt = status.abortedAt;
    if (status.abort)
        facts.abortReasons = rolloutErrorConditions(rollout);
    // The rollout's references come with the rollout itself, so they are known from its
    // first state on; the run objects come from another informer, possibly later.
    for (const std::optional<AnalysisRunStatusRef> *ref :
         {&status.currentStepAnalysisRunStatus, &status.currentBackgroundAnalysisRunStatus,
          &status.prePromotionAnalysisRunStatus, &status.postPromotionAnalysisRunStatus}) {
        if (!*ref || (*ref)->name.isEmpty())
            continue;
        Run &run = facts.runs[(*ref)->name];
        run.phase = (*ref)->status;
        run.message = (*ref)->message;
        run.failed = isFailedPhase((*ref)->status);
        run.referenced = true;
    }
    for (const AnalysisRun &object : runs) {
        Run &run = facts.runs[object.metadata.name];
        if (!object.phase.isEmpty())
            run.phase = object.phase;
        if (!object.message.isEmpty())
            run.message = object.message;
        // Either source saying so is enough: the other may lag a batch behind.
        run.failed = run.failed || isFailedPhase(object.phase);
    }
    return facts;
}

RolloutNoticeFacts RolloutNoticeFacts::of(const RolloutDetail &detail)
{
    // The situation's kind does not depend on the time (only its countdown text does).
    const RolloutSituation situation = detail.situation(QDateTime());
    return of(detail.environment, detail.rollout,
              rolloutRevision(detail.rollout, detail.replicaSets), situation.kind,
              detail.analysisRuns);
}

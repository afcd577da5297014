// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisstarter.h"
#include "rolloutkeys.h"

#include "jsonutil.h"
#include "kinds.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <QSet>

#include <algorithm>

namespace rdsim {

namespace {

const QString kTypeLabel = QStringLiteral("rollout-type");
const QString kInconclusive = QStringLiteral("InconclusiveAnalysisRun");

QString phaseOf(const QJsonObject &run)
{
    return JsonUtil::stringAt(run, "status.phase");
}

} // namespace

AnalysisStarter::AnalysisStarter(RolloutReconciler &reconciler) : r(reconciler) { }

bool AnalysisStarter::isCompleted(const QString &phase)
{
    return phase == QLatin1String("Successful") || phase == QLatin1String("Failed")
        || phase == QLatin1String("Error") || phase == QLatin1String("Inconclusive");
}

void AnalysisStarter::classify(RolloutReconciler &r)
{
    r.currentRuns = CurrentRuns();
    r.otherRuns.clear();
    const auto named = [](const std::optional<AnalysisRunRef> &ref, const QString &runName) {
        return ref && ref->name == runName;
    };
    for (const QJsonObject &run : std::as_const(r.runs)) {
        const QString runName = JsonUtil::name(run);
        if (named(r.status.stepAnalysis, runName))
            r.currentRuns.step = run;
        else if (named(r.status.backgroundAnalysis, runName))
            r.currentRuns.background = run;
        else if (named(r.status.prePromotionAnalysis, runName))
            r.currentRuns.prePromotion = run;
        else if (named(r.status.postPromotionAnalysis, runName))
            r.currentRuns.postPromotion = run;
        else
            r.otherRuns.append(run);
    }
}

bool AnalysisStarter::skipPrePromotion(const RolloutReconciler &r)
{
    const QString hash = r.newRS ? r.newRS->hash() : QString();
    const QString active = r.status.activeSelector;
    if (r.status.stableRS == hash || active.isEmpty() || active == hash || hash.isEmpty())
        return true;
    if (const std::optional<int> preview = r.spec.previewReplicaCount())
        return r.newRS->specReplicas() != *preview || r.newRS->available() != *preview;
    return !r.isSaturated(r.newRS);
}

bool AnalysisStarter::skipPostPromotion(const RolloutReconciler &r)
{
    const QString hash = r.newRS ? r.newRS->hash() : QString();
    return r.status.stableRS == hash || r.status.activeSelector != hash || hash.isEmpty()
        || !r.isSaturated(r.newRS);
}

void AnalysisStarter::reconcile()
{
    const bool rollbackToScaleDownDelay = r.newRS && r.newRS->hasScaleDownDeadline();
    if (r.pause.isAborted(r.status) || r.status.promoteFull || rollbackToScaleDownDelay
        || r.status.stableRS.isEmpty()) {
        r.setCurrentRuns();
        for (const QJsonObject &run : {r.currentRuns.step, r.currentRuns.background,
                                       r.currentRuns.prePromotion, r.currentRuns.postPromotion})
            cancel(run);
        for (const QJsonObject &run : std::as_const(r.otherRuns))
            cancel(run);
        return;
    }

    CurrentRuns next;
    if (r.spec.isCanary()) {
        next.step = reconcileStep();
        next.background = reconcileBackground();
    } else {
        next.prePromotion = reconcilePromotion("prePromotionAnalysis", QStringLiteral("pre"),
                                               QStringLiteral("PrePromotion"), skipPrePromotion(r));
        setPauseOrAbort(next.prePromotion);
        next.postPromotion
            = reconcilePromotion("postPromotionAnalysis", QStringLiteral("post"),
                                 QStringLiteral("PostPromotion"), skipPostPromotion(r));
        setPauseOrAbort(next.postPromotion);
    }
    r.currentRuns = next;
    r.setCurrentRuns();

    QSet<QString> current;
    for (const QJsonObject &run :
         {next.step, next.background, next.prePromotion, next.postPromotion}) {
        if (!run.isEmpty())
            current.insert(JsonUtil::name(run));
    }
    QList<QJsonObject> others;
    for (const QJsonObject &run : std::as_const(r.runs)) {
        if (!current.contains(JsonUtil::name(run)))
            others.append(run);
    }
    for (const QJsonObject &run : std::as_const(others))
        cancel(run);
    deleteOldRuns(others);
    emitStatusChanges(next);
}

bool AnalysisStarter::needsNewRun(const QJsonObject &current) const
{
    if (current.isEmpty())
        return true;
    // After a person resumed from an inconclusive run, a fresh run starts; a blue-green pause
    // also sets controllerPause, so it does not count here.
    if (r.status.controllerPause && !r.status.pauseCondition(QStringLiteral("BlueGreenPause")))
        return phaseOf(current) == QLatin1String("Inconclusive");
    return !r.status.abortedAt.isEmpty();
}

void AnalysisStarter::setPauseOrAbort(const QJsonObject &run)
{
    if (run.isEmpty())
        return;
    const QString phase = phaseOf(run);
    if (phase == QLatin1String("Inconclusive"))
        r.pause.addReasons << kInconclusive;
    else if (phase == QLatin1String("Error") || phase == QLatin1String("Failed"))
        r.pause.abort(JsonUtil::stringAt(run, "status.message"));
}

QJsonObject AnalysisStarter::reconcileStep()
{
    const QJsonObject current = r.currentRuns.step;
    if (!r.status.pauseConditions.isEmpty() || r.status.abort)
        return current;
    const int index = r.currentStepIndex();
    const QJsonObject step = r.spec.step(index);
    if (r.spec.stepCount() == 0 || index >= r.spec.stepCount()
        || !step.contains(QLatin1String("analysis"))) {
        cancel(current);
        return {};
    }
    if (needsNewRun(current)) {
        const QJsonObject labels {{RolloutKeys::hashLabel, r.newRS ? r.newRS->hash() : QString()},
                                  {kTypeLabel, QStringLiteral("Step")},
                                  {QStringLiteral("step-index"), QString::number(index)}};
        return createRun(step.value(QLatin1String("analysis")).toObject(), QString::number(index),
                         labels);
    }
    setPauseOrAbort(current);
    return current;
}

QJsonObject AnalysisStarter::reconcileBackground()
{
    const QJsonObject current = r.currentRuns.background;
    const QJsonObject analysis = r.spec.canary().value(QLatin1String("analysis")).toObject();
    if (!r.spec.canary().contains(QLatin1String("analysis"))) {
        cancel(current);
        return {};
    }
    const QJsonValue startingStep = analysis.value(QLatin1String("startingStep"));
    const bool beforeStart = startingStep.isDouble() && r.spec.stepCount() > 0
        && r.currentStepIndex() < startingStep.toInt();
    if (r.isFullyPromoted() || r.status.stableRS.isEmpty() || r.status.currentPodHash.isEmpty()
        || beforeStart)
        return {};
    if (r.status.pauseCondition(kInconclusive))
        return current;
    if (needsNewRun(current)) {
        const QJsonObject labels {{RolloutKeys::hashLabel, r.newRS ? r.newRS->hash() : QString()},
                                  {kTypeLabel, QStringLiteral("Background")}};
        return createRun(analysis, QString(), labels);
    }
    setPauseOrAbort(current);
    return current;
}

QJsonObject AnalysisStarter::reconcilePromotion(const char *key, const QString &infix,
                                                const QString &type, bool skip)
{
    const QJsonObject current = QLatin1String(key) == QLatin1String("prePromotionAnalysis")
        ? r.currentRuns.prePromotion
        : r.currentRuns.postPromotion;
    if (!r.spec.blueGreen().contains(QLatin1String(key))) {
        cancel(current);
        return {};
    }
    if (skip) {
        cancel(current);
        return current;
    }
    if (r.status.pauseCondition(kInconclusive))
        return current;
    if (needsNewRun(current)) {
        const QJsonObject labels {{RolloutKeys::hashLabel, r.newRS ? r.newRS->hash() : QString()},
                                  {kTypeLabel, type}};
        return createRun(r.spec.blueGreen().value(QLatin1String(key)).toObject(), infix, labels);
    }
    return current;
}

QJsonObject AnalysisStarter::createRun(const QJsonObject &analysis, const QString &infix,
                                       QJsonObject labels)
{
    if (!r.newRS || r.newRS->hash().isEmpty())
        return {};
    QString baseName = r.name() + u'-' + r.newRS->hash() + u'-' + QString::number(r.revision());
    if (!infix.isEmpty())
        baseName += u'-' + infix;
    QString error;
    QJsonObject run = buildRun(analysis, baseName, labels, &error);
    if (run.isEmpty()) {
        // Reported once: the run is retried every pass and an Event each time would keep the
        // store busy for as long as the arguments stay unresolved.
        const QString key = JsonUtil::uid(r.rolloutObject()) + u'/' + error;
        if (r.env.reportedErrors && !r.env.reportedErrors->contains(key)) {
            r.env.reportedErrors->insert(key);
            r.event(QStringLiteral("AnalysisRunError"), error, true);
        }
        return {};
    }
    // CreateWithCollisionCounter: a run of that name from an earlier attempt (a retry, a
    // resumed inconclusive run) gets ".1", ".2", ... appended.
    for (int collision = 1; collision < 100; ++collision) {
        if (r.writeRun(run, true)) {
            const QString created = JsonUtil::name(run);
            for (const QJsonObject &existing : std::as_const(r.runs)) {
                if (JsonUtil::name(existing) == created)
                    return existing;
            }
            return run;
        }
        const std::optional<QJsonObject> existing
            = r.env.store.get(Kinds::analysisRuns(), r.nameSpace(), JsonUtil::name(run));
        if (existing && !isCompleted(phaseOf(*existing))
            && existing->value(QLatin1String("spec")) == run.value(QLatin1String("spec"))
            && JsonUtil::controllerUid(*existing) == JsonUtil::uid(r.rolloutObject()))
            return *existing;
        JsonUtil::setAt(run, "metadata.name",
                        QString(baseName + u'.' + QString::number(collision)));
    }
    return {};
}

void AnalysisStarter::cancel(const QJsonObject &run)
{
    if (run.isEmpty() || JsonUtil::boolAt(run, "spec.terminate") || isCompleted(phaseOf(run)))
        return;
    QJsonObject terminated = run;
    JsonUtil::setAt(terminated, "spec.terminate", true);
    r.writeRun(terminated, false);
}

void AnalysisStarter::deleteOldRuns(const QList<QJsonObject> &others)
{
    const QJsonObject limits = r.spec.spec().value(QLatin1String("analysis")).toObject();
    const int keepSuccessful = limits.value(QLatin1String("successfulRunHistoryLimit")).toInt(5);
    const int keepUnsuccessful
        = limits.value(QLatin1String("unsuccessfulRunHistoryLimit")).toInt(5);
    QSet<QString> hashes;
    for (const auto &rs : r.allRSs)
        hashes.insert(rs->hash());
    QList<QJsonObject> sorted = others;
    std::sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return JsonUtil::creationMs(a) > JsonUtil::creationMs(b);
    });
    int successful = 0;
    int unsuccessful = 0;
    for (const QJsonObject &run : std::as_const(sorted)) {
        const QString hash = JsonUtil::label(run, RolloutKeys::hashLabel);
        if (hash.isEmpty())
            continue;
        if (!hashes.contains(hash)) {
            r.deleteRun(run);
            continue;
        }
        const QString phase = phaseOf(run);
        if (phase == QLatin1String("Successful")) {
            if (successful++ >= keepSuccessful)
                r.deleteRun(run);
        } else if (isCompleted(phase)) {
            if (unsuccessful++ >= keepUnsuccessful)
                r.deleteRun(run);
        }
    }
}

void AnalysisStarter::emitStatusChanges(const CurrentRuns &runs)
{
    const struct
    {
        const std::optional<AnalysisRunRef> &previous;
        const QJsonObject &run;
        const char *type;
    } entries[] = {{r.status.postPromotionAnalysis, runs.postPromotion, "PostPromotion"},
                   {r.status.prePromotionAnalysis, runs.prePromotion, "PrePromotion"},
                   {r.status.stepAnalysis, runs.step, "Step"},
                   {r.status.backgroundAnalysis, runs.background, "Background"}};
    for (const auto &entry : entries) {
        const QString phase = phaseOf(entry.run);
        if (entry.run.isEmpty() || phase.isEmpty())
            continue;
        const QString runName = JsonUtil::name(entry.run);
        if (entry.previous && (entry.previous->name != runName || entry.previous->status == phase))
            continue;
        const bool warning = phase == QLatin1String("Failed") || phase == QLatin1String("Error");
        r.event(
            QStringLiteral("AnalysisRun") + phase,
            QStringLiteral("%1 Analysis Run '%2' Status New: '%3' Previous: '%4'")
                .arg(QLatin1String(entry.type), runName, phase,
                     entry.previous ? entry.previous->status : QStringLiteral("NoPreviousStatus")),
            warning);
    }
}

} // namespace rdsim

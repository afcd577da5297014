// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisstarter.h"

#include "jsonutil.h"
#include "kinds.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <QSet>

#include <algorithm>

namespace rdsim {

namespace {

const QString kHashLabel = QStringLiteral("rollouts-pod-template-hash");
const QString kTypeLabel = QStringLiteral("rollout-type");
const QString kInconclusive = QStringLiteral("InconclusiveAnalysisRun");

QString phaseOf(const QJsonObject &run)
{
    return JsonUtil::stringAt(run, "status.phase");
}

// Appends entries of `more` whose `key` is not yet present (dryRun, measurementRetention).
QJsonArray mergeByKey(QJsonArray into, const QJsonArray &more, const char *key)
{
    QSet<QString> seen;
    for (const QJsonValue &v : std::as_const(into))
        seen.insert(v.toObject().value(QLatin1String(key)).toString());
    for (const QJsonValue &v : more) {
        const QString k = v.toObject().value(QLatin1String(key)).toString();
        if (!seen.contains(k)) {
            seen.insert(k);
            into.append(v);
        }
    }
    return into;
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
        const QJsonObject labels {{kHashLabel, r.newRS ? r.newRS->hash() : QString()},
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
        const QJsonObject labels {{kHashLabel, r.newRS ? r.newRS->hash() : QString()},
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
        const QJsonObject labels {{kHashLabel, r.newRS ? r.newRS->hash() : QString()},
                                  {kTypeLabel, type}};
        return createRun(r.spec.blueGreen().value(QLatin1String(key)).toObject(), infix, labels);
    }
    return current;
}

QString AnalysisStarter::resolveFieldPath(const QString &path) const
{
    // Downward-API style paths: metadata.name, metadata.labels['app'], spec.replicas, ...
    const QJsonObject rollout = r.rolloutObject();
    const int bracket = path.indexOf(QLatin1String("['"));
    QString base = bracket >= 0 ? path.left(bracket) : path;
    QJsonValue value = JsonUtil::at(rollout, base.toUtf8().constData());
    if (bracket >= 0) {
        const QString key = path.mid(bracket + 2).chopped(2);
        value = value.toObject().value(key);
    }
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

QJsonObject AnalysisStarter::buildRun(const QJsonObject &analysis, const QString &runName,
                                      const QJsonObject &labels, QString *error) const
{
    QJsonArray metrics;
    QJsonArray templateArgs;
    QJsonArray dryRun = analysis.value(QLatin1String("dryRun")).toArray();
    QJsonArray retention = analysis.value(QLatin1String("measurementRetention")).toArray();
    for (const QJsonValue &value : analysis.value(QLatin1String("templates")).toArray()) {
        const QJsonObject ref = value.toObject();
        const QString templateName = ref.value(QLatin1String("templateName")).toString();
        const bool cluster = ref.value(QLatin1String("clusterScope")).toBool();
        const std::optional<QJsonObject> found = cluster
            ? r.env.store.get(Kinds::clusterAnalysisTemplates(), QString(), templateName)
            : r.env.store.get(Kinds::analysisTemplates(), r.nameSpace(), templateName);
        if (!found) {
            *error = QStringLiteral("%1.argoproj.io \"%2\" not found")
                         .arg(cluster ? QStringLiteral("clusteranalysistemplate")
                                      : QStringLiteral("analysistemplate"),
                              templateName);
            return {};
        }
        const QJsonObject templateSpec = found->value(QLatin1String("spec")).toObject();
        for (const QJsonValue &metric : templateSpec.value(QLatin1String("metrics")).toArray())
            metrics.append(metric);
        templateArgs
            = mergeByKey(templateArgs, templateSpec.value(QLatin1String("args")).toArray(), "name");
        dryRun = mergeByKey(dryRun, templateSpec.value(QLatin1String("dryRun")).toArray(),
                            "metricName");
        retention = mergeByKey(retention,
                               templateSpec.value(QLatin1String("measurementRetention")).toArray(),
                               "metricName");
    }

    // The rollout's arguments, resolved against its ReplicaSets and fields, override the
    // templates' defaults; every argument must end up with a value.
    QJsonArray args;
    const QJsonArray incoming = analysis.value(QLatin1String("args")).toArray();
    for (const QJsonValue &value : std::as_const(templateArgs)) {
        QJsonObject arg = value.toObject();
        const QString argName = arg.value(QLatin1String("name")).toString();
        for (const QJsonValue &in : incoming) {
            const QJsonObject given = in.toObject();
            if (given.value(QLatin1String("name")).toString() != argName)
                continue;
            arg.remove(QStringLiteral("value"));
            arg.remove(QStringLiteral("valueFrom"));
            if (given.contains(QLatin1String("value"))) {
                arg.insert(QStringLiteral("value"), given.value(QLatin1String("value")));
            } else {
                const QJsonObject from = given.value(QLatin1String("valueFrom")).toObject();
                const QString hashValue
                    = from.value(QLatin1String("podTemplateHashValue")).toString();
                if (hashValue == QLatin1String("Stable"))
                    arg.insert(QStringLiteral("value"),
                               r.stableRS ? r.stableRS->hash() : QString());
                else if (hashValue == QLatin1String("Latest"))
                    arg.insert(QStringLiteral("value"), r.newRS ? r.newRS->hash() : QString());
                else if (from.contains(QLatin1String("fieldRef")))
                    arg.insert(QStringLiteral("value"),
                               resolveFieldPath(JsonUtil::stringAt(from, "fieldRef.fieldPath")));
                else if (!from.isEmpty())
                    arg.insert(QStringLiteral("valueFrom"), from);
            }
        }
        if (!arg.contains(QLatin1String("value")) && !arg.contains(QLatin1String("valueFrom"))) {
            *error = QStringLiteral("args.%1 was not resolved").arg(argName);
            return {};
        }
        args.append(arg);
    }

    QJsonObject runLabels = labels;
    const QJsonObject metadataLabels = JsonUtil::objectAt(analysis, "analysisRunMetadata.labels");
    for (auto it = metadataLabels.begin(); it != metadataLabels.end(); ++it)
        runLabels.insert(it.key(), it.value());
    const QJsonObject selectorLabels
        = r.spec.selector().value(QLatin1String("matchLabels")).toObject();
    for (auto it = selectorLabels.begin(); it != selectorLabels.end(); ++it)
        runLabels.insert(it.key(), it.value());
    QJsonObject annotations {
        {QStringLiteral("rollout.argoproj.io/revision"), QString::number(r.revision())}};
    const QJsonObject metadataAnnotations
        = JsonUtil::objectAt(analysis, "analysisRunMetadata.annotations");
    for (auto it = metadataAnnotations.begin(); it != metadataAnnotations.end(); ++it)
        annotations.insert(it.key(), it.value());

    QJsonObject runSpec {{QStringLiteral("metrics"), metrics}};
    if (!args.isEmpty())
        runSpec.insert(QStringLiteral("args"), args);
    if (!dryRun.isEmpty())
        runSpec.insert(QStringLiteral("dryRun"), dryRun);
    if (!retention.isEmpty())
        runSpec.insert(QStringLiteral("measurementRetention"), retention);
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                        {QStringLiteral("kind"), QStringLiteral("AnalysisRun")},
                        {QStringLiteral("metadata"),
                         QJsonObject {{QStringLiteral("name"), runName},
                                      {QStringLiteral("namespace"), r.nameSpace()},
                                      {QStringLiteral("labels"), runLabels},
                                      {QStringLiteral("annotations"), annotations},
                                      {QStringLiteral("ownerReferences"),
                                       QJsonArray {JsonUtil::controllerRef(r.rolloutObject())}}}},
                        {QStringLiteral("spec"), runSpec}};
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
        const QString hash = JsonUtil::label(run, kHashLabel);
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

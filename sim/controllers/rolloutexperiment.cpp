// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutexperiment.h"
#include "rolloutkeys.h"

#include "analysisstarter.h"
#include "jsonutil.h"
#include "kinds.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"

#include <QJsonArray>

namespace rdsim {

namespace {

const QString kInconclusiveExperiment = QStringLiteral("InconclusiveExperiment");

QJsonObject currentExperimentStep(const RolloutReconciler &r)
{
    const int index = r.currentStepIndex();
    if (index >= r.spec.stepCount())
        return {};
    return r.spec.step(index).value(QLatin1String("experiment")).toObject();
}

QJsonObject mergedInto(QJsonObject into, const QJsonObject &more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        into.insert(it.key(), it.value());
    return into;
}

// One of spec.templates: the referenced ReplicaSet's pod template, with the step's own labels
// and annotations added (the labels to the selector too).
QJsonObject templateSpec(const QJsonObject &stepTemplate, const RsState &rs)
{
    QJsonObject podTemplate = JsonUtil::objectAt(rs.object, "spec.template");
    QJsonObject selector = JsonUtil::objectAt(rs.object, "spec.selector");
    if (stepTemplate.contains(QLatin1String("selector")))
        selector = stepTemplate.value(QLatin1String("selector")).toObject();
    const QJsonObject labels = JsonUtil::objectAt(stepTemplate, "metadata.labels");
    JsonUtil::setAt(podTemplate, "metadata.labels",
                    mergedInto(JsonUtil::objectAt(podTemplate, "metadata.labels"), labels));
    JsonUtil::setAt(selector, "matchLabels",
                    mergedInto(selector.value(QLatin1String("matchLabels")).toObject(), labels));
    const QJsonObject annotations = JsonUtil::objectAt(stepTemplate, "metadata.annotations");
    if (!annotations.isEmpty())
        JsonUtil::setAt(
            podTemplate, "metadata.annotations",
            mergedInto(JsonUtil::objectAt(podTemplate, "metadata.annotations"), annotations));
    QJsonObject out {{QStringLiteral("name"), stepTemplate.value(QLatin1String("name"))},
                     {QStringLiteral("replicas"), stepTemplate.value(QLatin1String("replicas"))},
                     {QStringLiteral("selector"), selector},
                     {QStringLiteral("template"), podTemplate}};
    if (JsonUtil::has(rs.object, "spec.minReadySeconds"))
        out.insert(QStringLiteral("minReadySeconds"),
                   JsonUtil::at(rs.object, "spec.minReadySeconds"));
    if (stepTemplate.contains(QLatin1String("weight"))
        || stepTemplate.contains(QLatin1String("service"))) {
        const QString service = JsonUtil::stringAt(stepTemplate, "service.name");
        out.insert(QStringLiteral("service"),
                   service.isEmpty() ? QJsonObject()
                                     : QJsonObject {{QStringLiteral("name"), service}});
    }
    if (out.value(QLatin1String("replicas")).isUndefined())
        out.remove(QStringLiteral("replicas"));
    return out;
}

} // namespace

RolloutExperiments::RolloutExperiments(RolloutReconciler &reconciler) : r(reconciler) { }

QList<QJsonObject> RolloutExperiments::ownedExperiments() const
{
    QList<QJsonObject> owned;
    const QString uid = JsonUtil::uid(r.rolloutObject());
    for (const QJsonObject &ex : r.env.store.list(Kinds::experiments(), r.nameSpace())) {
        if (JsonUtil::controllerUid(ex) == uid)
            owned.append(ex);
    }
    return owned;
}

bool RolloutExperiments::stepCompleted(const RolloutReconciler &r)
{
    if (r.status.currentExperiment.isEmpty())
        return false;
    const auto ex
        = r.env.store.get(Kinds::experiments(), r.nameSpace(), r.status.currentExperiment);
    return ex && JsonUtil::stringAt(*ex, "status.phase") == QLatin1String("Successful");
}

QJsonArray RolloutExperiments::weightDestinations(const RolloutReconciler &r)
{
    const QJsonObject step = currentExperimentStep(r);
    if (step.isEmpty() || r.status.currentExperiment.isEmpty())
        return {};
    const auto ex
        = r.env.store.get(Kinds::experiments(), r.nameSpace(), r.status.currentExperiment);
    if (!ex || JsonUtil::stringAt(*ex, "status.phase") != QLatin1String("Running"))
        return {};
    QJsonArray destinations;
    for (const QJsonValue &value : JsonUtil::arrayAt(*ex, "status.templateStatuses")) {
        const QJsonObject ts = value.toObject();
        for (const QJsonValue &t : step.value(QLatin1String("templates")).toArray()) {
            const QJsonObject stepTemplate = t.toObject();
            if (stepTemplate.value(QLatin1String("name")) != ts.value(QLatin1String("name"))
                || !stepTemplate.contains(QLatin1String("weight")))
                continue;
            QJsonObject destination {
                {QStringLiteral("weight"), stepTemplate.value(QLatin1String("weight")).toInt()},
                {QStringLiteral("podTemplateHash"), ts.value(QLatin1String("podTemplateHash"))}};
            if (!ts.value(QLatin1String("serviceName")).toString().isEmpty())
                destination.insert(QStringLiteral("serviceName"),
                                   ts.value(QLatin1String("serviceName")));
            destinations.append(destination);
        }
    }
    return destinations;
}

void RolloutExperiments::reconcile()
{
    // While an analysis is inconclusive, the experiments wait as they are.
    if (r.status.pauseCondition(QStringLiteral("InconclusiveAnalysisRun"))) {
        r.newStatus.currentExperiment = r.status.currentExperiment;
        return;
    }
    QList<QJsonObject> others = ownedExperiments();
    QJsonObject current;
    for (qsizetype i = 0; i < others.size(); ++i) {
        if (JsonUtil::name(others.at(i)) == r.status.currentExperiment) {
            current = others.takeAt(i);
            break;
        }
    }
    const QJsonObject step = currentExperimentStep(r);
    const bool stopAll = r.pause.isAborted(r.status) || r.status.promoteFull;
    if (!stopAll && !step.isEmpty()) {
        if (current.isEmpty())
            current = createExperiment(step);
        const QString phase = JsonUtil::stringAt(current, "status.phase");
        if (phase == QLatin1String("Inconclusive")) {
            r.pause.addReasons << kInconclusiveExperiment;
        } else if (phase == QLatin1String("Failed") || phase == QLatin1String("Error")) {
            QString message = QStringLiteral("Experiment analysis phase is error/failed");
            const QString detail = JsonUtil::stringAt(current, "status.message");
            if (!detail.isEmpty())
                message += QStringLiteral(": ") + detail;
            r.pause.abort(message);
        } else if (phase != QLatin1String("Successful") && !current.isEmpty()) {
            r.newStatus.currentExperiment = JsonUtil::name(current);
        }
    } else if (!current.isEmpty()) {
        others.append(current);
    }
    for (const QJsonObject &ex : std::as_const(others))
        terminate(ex);
}

QJsonObject RolloutExperiments::createExperiment(const QJsonObject &step)
{
    // Argo waits for a stable ReplicaSet; the canary's exists once the step is reached.
    if (!r.stableRS || !r.newRS)
        return {};
    QString error;
    const QJsonObject experiment = experimentFromStep(step, &error);
    if (experiment.isEmpty()) {
        r.event(QStringLiteral("ExperimentCreateError"), error, true);
        return {};
    }
    const StoreResult created = r.env.store.create(Kinds::experiments(), experiment);
    if (created.ok()) {
        r.markWritten();
        r.event(QStringLiteral("ExperimentCreated"),
                QStringLiteral("Created Experiment '%1'").arg(JsonUtil::name(created.object)));
        return created.object;
    }
    // The same step's Experiment from an earlier pass (e.g. after it succeeded) is reused.
    const auto existing
        = r.env.store.get(Kinds::experiments(), r.nameSpace(), JsonUtil::name(experiment));
    if (existing && JsonUtil::controllerUid(*existing) == JsonUtil::uid(r.rolloutObject()))
        return *existing;
    r.event(QStringLiteral("ExperimentCreateError"), created.error.message, true);
    return {};
}

QJsonObject RolloutExperiments::experimentFromStep(const QJsonObject &step, QString *error) const
{
    const QString podHash = r.newRS->hash();
    const QString revision = QString::number(r.revision());
    QJsonObject labels = JsonUtil::objectAt(r.rolloutObject(), "metadata.labels");
    labels.insert(RolloutKeys::hashLabel, podHash);
    QJsonArray templates;
    for (const QJsonValue &value : step.value(QLatin1String("templates")).toArray()) {
        const QJsonObject stepTemplate = value.toObject();
        const QString specRef = stepTemplate.value(QLatin1String("specRef")).toString();
        if (specRef != QLatin1String("canary") && specRef != QLatin1String("stable")) {
            *error = QStringLiteral("Invalid template step SpecRef: must be canary or stable");
            return {};
        }
        templates.append(templateSpec(stepTemplate,
                                      specRef == QLatin1String("canary") ? *r.newRS : *r.stableRS));
    }
    const AnalysisStarter resolver(r);
    QJsonArray analyses;
    for (const QJsonValue &value : step.value(QLatin1String("analyses")).toArray()) {
        QJsonObject analysis = value.toObject();
        QJsonArray args;
        for (const QJsonValue &arg : analysis.value(QLatin1String("args")).toArray())
            args.append(resolver.resolvedArg(arg.toObject()));
        if (!args.isEmpty())
            analysis.insert(QStringLiteral("args"), args);
        analyses.append(analysis);
    }
    QJsonObject spec {{QStringLiteral("templates"), templates}};
    if (!analyses.isEmpty())
        spec.insert(QStringLiteral("analyses"), analyses);
    for (const char *key : {"duration", "dryRun", "analysisRunMetadata", "scaleDownDelaySeconds"}) {
        if (step.contains(QLatin1String(key)))
            spec.insert(QLatin1String(key), step.value(QLatin1String(key)));
    }
    if (r.spec.spec().contains(QLatin1String("progressDeadlineSeconds")))
        spec.insert(QStringLiteral("progressDeadlineSeconds"),
                    r.spec.spec().value(QLatin1String("progressDeadlineSeconds")));
    QJsonObject rollout = r.rolloutObject();
    const QJsonObject metadata {
        {QStringLiteral("name"),
         QStringLiteral("%1-%2-%3-%4").arg(r.name(), podHash, revision).arg(r.currentStepIndex())},
        {QStringLiteral("namespace"), r.nameSpace()},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("annotations"),
         QJsonObject {{QStringLiteral("rollout.argoproj.io/revision"), revision}}},
        {QStringLiteral("ownerReferences"), QJsonArray {JsonUtil::controllerRef(rollout)}}};
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                        {QStringLiteral("kind"), QStringLiteral("Experiment")},
                        {QStringLiteral("metadata"), metadata},
                        {QStringLiteral("spec"), spec}};
}

void RolloutExperiments::terminate(const QJsonObject &experiment)
{
    const QString phase = JsonUtil::stringAt(experiment, "status.phase");
    if (JsonUtil::boolAt(experiment, "spec.terminate") || AnalysisStarter::isCompleted(phase))
        return;
    QJsonObject next = experiment;
    JsonUtil::setAt(next, "spec.terminate", true);
    if (r.env.store.update(Kinds::experiments(), next, WriteScope::Whole).ok())
        r.markWritten();
}

} // namespace rdsim

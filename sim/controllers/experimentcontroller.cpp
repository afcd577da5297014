// SPDX-License-Identifier: GPL-3.0-or-later
#include "experimentcontroller.h"
#include "rolloutkeys.h"

#include "analysistemplates.h"
#include "eventrecorder.h"
#include "experimentstatus.h"
#include "jsonutil.h"
#include "kinds.h"
#include "podtemplatehash.h"
#include "requeue.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace rdsim {

namespace {

const QString kExperimentComponent = QStringLiteral("rollouts-controller");
const QString kExperimentAnnotation = QStringLiteral("experiment.argoproj.io/name");
const QString kTemplateAnnotation = QStringLiteral("experiment.argoproj.io/template-name");
constexpr qint64 kMaxTemplateReplicas = 100; // a hostile manifest cannot flood the cluster

QJsonObject withAdded(QJsonObject object, const QString &key, const QString &value)
{
    object.insert(key, value);
    return object;
}

void setMessage(QJsonObject &object, const QString &message)
{
    if (message.isEmpty())
        object.remove(QStringLiteral("message"));
    else
        object.insert(QStringLiteral("message"), message);
}

QString transition(const char *what, const QString &name, const QString &from, const QString &to,
                   const QString &message)
{
    QString text = QStringLiteral("%1 '%2' transitioned from %3 -> %4")
                       .arg(QString::fromLatin1(what), name, from, to);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

} // namespace

ExperimentController::ExperimentController(ObjectStore &store, VirtualClock &clock,
                                           EventRecorder &events, Requeue &requeue) :
    m_store(store), m_clock(clock), m_events(events), m_requeue(requeue)
{ }

void ExperimentController::reconcile()
{
    const QList<QJsonObject> experiments = m_store.list(Kinds::experiments());
    removeOrphans(experiments);
    QHash<QString, QHash<QString, QJsonObject>> replicaSets; // experiment uid -> template
    for (const QJsonObject &rs : m_store.list(Kinds::replicaSets())) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(rs, &kind);
        if (kind == QLatin1String("Experiment"))
            replicaSets[owner].insert(JsonUtil::annotation(rs, kTemplateAnnotation), rs);
    }
    const qint64 nowMs = m_clock.nowMs();
    for (const QJsonObject &experiment : experiments) {
        if (!m_store.get(Kinds::experiments(), JsonUtil::nameSpace(experiment),
                         JsonUtil::name(experiment)))
            continue; // removed with its Rollout just now
        Pass pass {experiment, experiment.value(QLatin1String("status")).toObject(),
                   ExperimentStatus::isTerminating(experiment), nowMs,
                   VirtualClock::toRfc3339(nowMs)};
        reconcileExperiment(pass, replicaSets.value(JsonUtil::uid(experiment)));
    }
}

void ExperimentController::removeOrphans(const QList<QJsonObject> &experiments)
{
    QSet<QString> rollouts;
    for (const QJsonObject &rollout : m_store.list(Kinds::rollouts()))
        rollouts.insert(JsonUtil::uid(rollout));
    QSet<QString> live;
    for (const QJsonObject &experiment : experiments) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(experiment, &kind);
        if (kind == QLatin1String("Rollout") && !rollouts.contains(owner))
            m_store.remove(Kinds::experiments(), JsonUtil::nameSpace(experiment),
                           JsonUtil::name(experiment));
        else
            live.insert(JsonUtil::uid(experiment));
    }
    for (const ResourceType *type : {&Kinds::replicaSets(), &Kinds::analysisRuns()}) {
        for (const QJsonObject &object : m_store.list(*type)) {
            QString kind;
            const QString owner = JsonUtil::controllerUid(object, &kind);
            if (kind == QLatin1String("Experiment") && !live.contains(owner))
                m_store.remove(*type, JsonUtil::nameSpace(object), JsonUtil::name(object));
        }
    }
}

void ExperimentController::reconcileExperiment(Pass &pass,
                                               const QHash<QString, QJsonObject> &replicaSets)
{
    QJsonArray templates;
    for (const QJsonValue &value : JsonUtil::arrayAt(pass.experiment, "spec.templates")) {
        const QJsonObject spec = value.toObject();
        const QString name = spec.value(QLatin1String("name")).toString();
        templates.append(reconcileTemplate(pass, spec, replicaSets.value(name)));
    }
    pass.status.insert(QStringLiteral("templateStatuses"), templates);
    QJsonArray runs;
    for (const QJsonValue &value : JsonUtil::arrayAt(pass.experiment, "spec.analyses"))
        runs.append(reconcileAnalysis(pass, value.toObject()));
    if (!runs.isEmpty())
        pass.status.insert(QStringLiteral("analysisRuns"), runs);
    ExperimentStatus::calculate(pass.experiment, pass.status, pass.now);
    QJsonObject updated = pass.experiment;
    updated.insert(QStringLiteral("status"), pass.status);
    const qint64 end = ExperimentStatus::durationEndMs(updated);
    if (end >= pass.nowMs && !ExperimentStatus::hasFinished(updated))
        m_requeue.at(end + 1);
    writeStatus(pass);
}

QJsonObject ExperimentController::reconcileTemplate(Pass &pass, const QJsonObject &spec,
                                                    QJsonObject rs)
{
    const QString name = spec.value(QLatin1String("name")).toString();
    QJsonObject ts = ExperimentStatus::findByName(
        pass.experiment.value(QLatin1String("status")).toObject(), "templateStatuses", name);
    if (ts.isEmpty())
        ts.insert(QStringLiteral("name"), name);
    const QJsonObject previous = ts;
    const bool stopped = pass.terminating
        || ExperimentStatus::isCompleted(ts.value(QLatin1String("status")).toString());
    const int desired = stopped
        ? 0
        : int(std::clamp<qint64>(JsonUtil::intAt(spec, "replicas", 1), 0, kMaxTemplateReplicas));
    if (rs.isEmpty()) {
        QString hash;
        rs = createReplicaSet(pass, spec, desired, &hash);
        ts.insert(QStringLiteral("lastTransitionTime"), pass.now);
    } else if (JsonUtil::intAt(rs, "spec.replicas", 1) != desired) {
        JsonUtil::setAt(rs, "spec.replicas", desired);
        const StoreResult written = m_store.update(Kinds::replicaSets(), rs, WriteScope::Whole);
        if (written.ok())
            rs = written.object;
        ts.insert(QStringLiteral("lastTransitionTime"), pass.now);
    }
    for (const char *key : {"replicas", "readyReplicas", "availableReplicas"})
        ts.insert(QLatin1String(key),
                  int(JsonUtil::intAt(rs, QByteArray(QByteArray("status.") + key).constData())));
    ts.insert(QStringLiteral("updatedReplicas"), ts.value(QLatin1String("replicas")));
    for (const char *key : {"replicas", "readyReplicas", "availableReplicas"}) {
        if (previous.value(QLatin1String(key)) != ts.value(QLatin1String(key)))
            ts.insert(QStringLiteral("lastTransitionTime"), pass.now);
    }
    const QString hash = JsonUtil::label(rs, RolloutKeys::hashLabel);
    if (!hash.isEmpty())
        ts.insert(QStringLiteral("podTemplateHash"), hash);
    ExperimentStatus::assessTemplate(pass.experiment, ts, desired, pass.terminating, pass.nowMs);
    const QString before = previous.value(QLatin1String("status")).toString();
    const QString after = ts.value(QLatin1String("status")).toString();
    if (before != after) {
        const bool bad = after == QLatin1String("Failed") || after == QLatin1String("Error");
        m_events.record(pass.experiment, kExperimentComponent,
                        bad ? QStringLiteral("Warning") : QStringLiteral("Normal"),
                        QStringLiteral("Template") + after,
                        transition("Template", name, before, after,
                                   ts.value(QLatin1String("message")).toString()));
    }
    if (after == QLatin1String("Progressing")) {
        const qint64 since
            = VirtualClock::fromRfc3339(ts.value(QLatin1String("lastTransitionTime")).toString());
        m_requeue.at(since
                     + JsonUtil::intAt(pass.experiment, "spec.progressDeadlineSeconds",
                                       ExperimentStatus::kDefaultProgressDeadlineSeconds)
                         * 1000
                     + 1);
    }
    return ts;
}

QJsonObject ExperimentController::createReplicaSet(const Pass &pass, const QJsonObject &spec,
                                                   int replicas, QString *hash)
{
    QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    QJsonObject labels = JsonUtil::objectAt(podTemplate, "metadata.labels");
    labels.remove(RolloutKeys::hashLabel);
    JsonUtil::setAt(podTemplate, "metadata.labels", labels);
    *hash = PodTemplateHash::compute(podTemplate, RolloutKeys::hashLabel);
    labels.insert(RolloutKeys::hashLabel, *hash);
    JsonUtil::setAt(podTemplate, "metadata.labels", labels);
    QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
    selector.insert(QStringLiteral("matchLabels"),
                    withAdded(selector.value(QLatin1String("matchLabels")).toObject(),
                              RolloutKeys::hashLabel, *hash));
    const QString experimentName = JsonUtil::name(pass.experiment);
    const QString templateName = spec.value(QLatin1String("name")).toString();
    QJsonObject rsSpec {{QStringLiteral("replicas"), replicas},
                        {QStringLiteral("selector"), selector},
                        {QStringLiteral("template"), podTemplate}};
    if (spec.contains(QLatin1String("minReadySeconds")))
        rsSpec.insert(QStringLiteral("minReadySeconds"),
                      spec.value(QLatin1String("minReadySeconds")));
    const QJsonObject metadata {
        {QStringLiteral("name"), QString(experimentName + u'-' + templateName)},
        {QStringLiteral("namespace"), JsonUtil::nameSpace(pass.experiment)},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("annotations"),
         QJsonObject {{kExperimentAnnotation, experimentName},
                      {kTemplateAnnotation, templateName}}},
        {QStringLiteral("ownerReferences"), QJsonArray {JsonUtil::controllerRef(pass.experiment)}}};
    const StoreResult created
        = m_store.create(Kinds::replicaSets(),
                         QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                      {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                      {QStringLiteral("metadata"), metadata},
                                      {QStringLiteral("spec"), rsSpec}});
    return created.ok() ? created.object : QJsonObject();
}

QJsonObject ExperimentController::reconcileAnalysis(Pass &pass, const QJsonObject &analysis)
{
    const QString name = analysis.value(QLatin1String("name")).toString();
    const QJsonObject previous = ExperimentStatus::findByName(
        pass.experiment.value(QLatin1String("status")).toObject(), "analysisRuns", name);
    QJsonObject next = previous.isEmpty() ? QJsonObject {{QStringLiteral("name"), name}} : previous;
    const QString runName = next.value(QLatin1String("analysisRun")).toString();
    if (!JsonUtil::has(pass.experiment, "status.availableAt")) {
        next.insert(QStringLiteral("phase"), QStringLiteral("Pending")); // runs wait for the pods
    } else if (runName.isEmpty()) {
        QString error;
        const QJsonObject run = createRun(pass, analysis, &error);
        next.insert(QStringLiteral("phase"),
                    run.isEmpty() ? QStringLiteral("Error") : QStringLiteral("Pending"));
        if (run.isEmpty())
            next.insert(QStringLiteral("message"),
                        QStringLiteral("Failed to create AnalysisRun for analysis '%1': %2")
                            .arg(name, error));
        else
            next.insert(QStringLiteral("analysisRun"), JsonUtil::name(run));
    } else if (!ExperimentStatus::isCompleted(next.value(QLatin1String("phase")).toString())) {
        auto run
            = m_store.get(Kinds::analysisRuns(), JsonUtil::nameSpace(pass.experiment), runName);
        const QString runPhase = run ? JsonUtil::stringAt(*run, "status.phase") : QString();
        if (!run) {
            next.insert(QStringLiteral("phase"), QStringLiteral("Error"));
            next.insert(QStringLiteral("message"),
                        QStringLiteral("analysisruns.argoproj.io \"%1\" not found").arg(runName));
        } else if (pass.terminating) {
            if (!ExperimentStatus::isCompleted(runPhase)
                && !JsonUtil::boolAt(*run, "spec.terminate")) {
                JsonUtil::setAt(*run, "spec.terminate", true);
                m_store.update(Kinds::analysisRuns(), *run, WriteScope::Whole);
                m_events.normal(pass.experiment, kExperimentComponent,
                                QStringLiteral("AnalysisRunTerminating"),
                                QStringLiteral("Terminating %1 (%2)").arg(name, runName));
            }
        } else {
            next.insert(QStringLiteral("phase"),
                        runPhase.isEmpty() ? QStringLiteral("Pending") : runPhase);
            setMessage(next, JsonUtil::stringAt(*run, "status.message"));
        }
    }
    const QString before = previous.value(QLatin1String("phase")).toString();
    const QString after = next.value(QLatin1String("phase")).toString();
    if (before != after && !after.isEmpty()) {
        const bool bad = after == QLatin1String("Failed") || after == QLatin1String("Error")
            || after == QLatin1String("Inconclusive");
        m_events.record(pass.experiment, kExperimentComponent,
                        bad ? QStringLiteral("Warning") : QStringLiteral("Normal"),
                        QStringLiteral("AnalysisRun") + after,
                        transition("AnalysisRun", name, before, after,
                                   next.value(QLatin1String("message")).toString()));
    }
    return next;
}

QJsonObject ExperimentController::createRun(const Pass &pass, const QJsonObject &analysis,
                                            QString *error)
{
    const QString ns = JsonUtil::nameSpace(pass.experiment);
    const QJsonObject ref {
        {QStringLiteral("templates"),
         QJsonArray {QJsonObject {
             {QStringLiteral("templateName"), analysis.value(QLatin1String("templateName"))},
             {QStringLiteral("clusterScope"), analysis.value(QLatin1String("clusterScope"))}}}},
        {QStringLiteral("dryRun"), JsonUtil::at(pass.experiment, "spec.dryRun")},
        {QStringLiteral("measurementRetention"),
         JsonUtil::at(pass.experiment, "spec.measurementRetention")}};
    const auto parts = AnalysisTemplates::collect(m_store, ns, ref, error);
    if (!parts)
        return {};
    // The experiment's arguments (already resolved by the rollout) override the templates'.
    QJsonArray args;
    const QJsonArray given = analysis.value(QLatin1String("args")).toArray();
    for (const QJsonValue &value : parts->templateArgs) {
        QJsonObject arg = value.toObject();
        for (const QJsonValue &in : given) {
            const QJsonObject g = in.toObject();
            if (g.value(QLatin1String("name")) == arg.value(QLatin1String("name")))
                arg = g;
        }
        args.append(arg);
    }
    QJsonObject spec {{QStringLiteral("metrics"), parts->metrics}};
    if (!args.isEmpty())
        spec.insert(QStringLiteral("args"), args);
    if (!parts->dryRun.isEmpty())
        spec.insert(QStringLiteral("dryRun"), parts->dryRun);
    if (!parts->retention.isEmpty())
        spec.insert(QStringLiteral("measurementRetention"), parts->retention);
    const QJsonObject metadata {
        {QStringLiteral("name"),
         QString(JsonUtil::name(pass.experiment) + u'-'
                 + analysis.value(QLatin1String("name")).toString())},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("labels"),
         JsonUtil::objectAt(pass.experiment, "spec.analysisRunMetadata.labels")},
        {QStringLiteral("annotations"),
         JsonUtil::objectAt(pass.experiment, "spec.analysisRunMetadata.annotations")},
        {QStringLiteral("ownerReferences"), QJsonArray {JsonUtil::controllerRef(pass.experiment)}}};
    const StoreResult created = m_store.create(
        Kinds::analysisRuns(),
        QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                     {QStringLiteral("kind"), QStringLiteral("AnalysisRun")},
                     {QStringLiteral("metadata"), metadata},
                     {QStringLiteral("spec"), spec}});
    if (!created.ok())
        *error = created.error.message;
    return created.ok() ? created.object : QJsonObject();
}

void ExperimentController::writeStatus(const Pass &pass)
{
    if (pass.status == pass.experiment.value(QLatin1String("status")).toObject())
        return;
    QJsonObject next = pass.experiment;
    next.insert(QStringLiteral("status"), pass.status);
    m_store.update(Kinds::experiments(), next, WriteScope::Whole);
}

} // namespace rdsim

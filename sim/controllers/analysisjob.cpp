// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisjob.h"

#include "jsonutil.h"
#include "kinds.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace rdsim::AnalysisJob {

namespace {

constexpr int kDnsLabelLimit = 63;
const QString kJobNameKey = QStringLiteral("job-name");
const QString kJobNamespaceKey = QStringLiteral("job-namespace");
const QString kRunUidLabel = QStringLiteral("analysisrun.argoproj.io/uid");

AnalysisMeasurement withError(AnalysisMeasurement m, const QString &message, const QString &now)
{
    m.phase = AnalysisPhaseName::Error;
    m.message = message;
    m.finishedAt = now;
    return m;
}

QJsonObject newJob(const QJsonObject &run, const AnalysisMetricSpec &metric, const QString &name)
{
    const QJsonObject provider = metric.provider.value(QLatin1String("job")).toObject();
    const QString runUid = JsonUtil::uid(run);
    QJsonObject labels = JsonUtil::objectAt(provider, "metadata.labels");
    labels.insert(kRunUidLabel, runUid);
    QJsonObject annotations = JsonUtil::objectAt(provider, "metadata.annotations");
    annotations.insert(QStringLiteral("analysisrun.argoproj.io/name"), JsonUtil::name(run));
    annotations.insert(QStringLiteral("analysisrun.argoproj.io/namespace"),
                       JsonUtil::nameSpace(run));
    annotations.insert(QStringLiteral("analysisrun.argoproj.io/metric-name"), metric.name);
    QJsonObject spec = provider.value(QLatin1String("spec")).toObject();
    // The pods carry the run's uid too: Argo's pod informer selects them by it.
    QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    QJsonObject podLabels = JsonUtil::objectAt(podTemplate, "metadata.labels");
    podLabels.insert(kRunUidLabel, runUid);
    JsonUtil::setAt(podTemplate, "metadata.labels", podLabels);
    spec.insert(QStringLiteral("template"), podTemplate);
    QJsonObject runRef = run;
    runRef.insert(QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1"));
    runRef.insert(QStringLiteral("kind"), QStringLiteral("AnalysisRun"));
    const QJsonObject metadata {
        {QStringLiteral("name"), name},
        {QStringLiteral("namespace"), JsonUtil::nameSpace(run)},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("annotations"), annotations},
        {QStringLiteral("ownerReferences"), QJsonArray {JsonUtil::controllerRef(runRef)}}};
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                        {QStringLiteral("kind"), QStringLiteral("Job")},
                        {QStringLiteral("metadata"), metadata},
                        {QStringLiteral("spec"), spec}};
}

bool hasTrueCondition(const QJsonObject &job, const char *type)
{
    const QJsonArray conditions = JsonUtil::arrayAt(job, "status.conditions");
    return std::any_of(conditions.begin(), conditions.end(), [type](const QJsonValue &value) {
        const QJsonObject c = value.toObject();
        return c.value(QLatin1String("type")).toString() == QLatin1String(type)
            && c.value(QLatin1String("status")).toString() == QLatin1String("True");
    });
}

QString measuredJobName(const AnalysisMeasurement &m)
{
    return m.other.value(QLatin1String("metadata")).toObject().value(kJobNameKey).toString();
}

} // namespace

QString jobName(const QString &runUid, const QString &metricName, int id)
{
    const QString name = QStringLiteral("%1.%2.%3").arg(runUid, metricName).arg(id);
    if (name.size() <= kDnsLabelLimit)
        return name;
    const qsizetype keep
        = std::max<qsizetype>(0, metricName.size() - (name.size() - kDnsLabelLimit));
    return QStringLiteral("%1.%2.%3").arg(runUid, metricName.left(keep)).arg(id);
}

AnalysisMeasurement start(ObjectStore &store, const QJsonObject &run,
                          const AnalysisMetricSpec &metric, const AnalysisMetricResult *result,
                          const QString &now)
{
    AnalysisMeasurement m;
    m.startedAt = now;
    m.phase = AnalysisPhaseName::Running;
    const int id = result ? result->count + result->error + 1 : 1;
    const QString name = jobName(JsonUtil::uid(run), metric.name, id);
    const StoreResult created = store.create(Kinds::jobs(), newJob(run, metric, name));
    if (!created.ok()) {
        const auto existing = store.get(Kinds::jobs(), JsonUtil::nameSpace(run), name);
        // A Job of that name made by this run before is taken over; anyone else's is an error.
        if (created.error.reason != QLatin1String("AlreadyExists") || !existing
            || JsonUtil::controllerUid(*existing) != JsonUtil::uid(run))
            return withError(m, created.error.message, now);
    }
    m.other.insert(QStringLiteral("metadata"),
                   QJsonObject {{kJobNameKey, name}, {kJobNamespaceKey, JsonUtil::nameSpace(run)}});
    // Resumed at once, so a short Job is seen finishing soon.
    m.other.insert(QStringLiteral("resumeAt"), now);
    return m;
}

std::optional<AnalysisMeasurement> resume(const ObjectStore &store, const QJsonObject &run,
                                          const AnalysisMeasurement &running, qint64 nowMs)
{
    const QString resumeAt = running.other.value(QLatin1String("resumeAt")).toString();
    if (!resumeAt.isEmpty() && VirtualClock::fromRfc3339(resumeAt) > nowMs)
        return std::nullopt;
    const QString now = VirtualClock::toRfc3339(nowMs);
    const QString name = measuredJobName(running);
    if (name.isEmpty())
        return withError(running, QStringLiteral("job metadata reference missing"), now);
    const QJsonObject metadata = running.other.value(QLatin1String("metadata")).toObject();
    const QString ns = metadata.value(kJobNamespaceKey).toString(JsonUtil::nameSpace(run));
    const auto job = store.get(Kinds::jobs(), ns, name);
    if (!job)
        return withError(running, QStringLiteral("job.batch \"%1\" not found").arg(name), now);
    AnalysisMeasurement m = running;
    if (hasTrueCondition(*job, "Complete") || hasTrueCondition(*job, "Failed")) {
        m.phase = hasTrueCondition(*job, "Complete") ? AnalysisPhaseName::Successful
                                                     : AnalysisPhaseName::Failed;
        m.finishedAt = now;
        return m;
    }
    // Argo looks again after a delay growing with the time the Job has run: sqrt(2 × elapsed).
    const qint64 elapsedMs = std::max<qint64>(0, nowMs - VirtualClock::fromRfc3339(m.startedAt));
    const qint64 delayMs = qint64(std::sqrt(2.0 * double(elapsedMs) / 1000.0) * 1000.0);
    m.other.insert(QStringLiteral("resumeAt"), VirtualClock::toRfc3339(nowMs + delayMs));
    return m;
}

AnalysisMeasurement terminate(ObjectStore &store, const QJsonObject &run,
                              const AnalysisMeasurement &running, const QString &now)
{
    const QString name = measuredJobName(running);
    if (name.isEmpty())
        return withError(running, QStringLiteral("job metadata reference missing"), now);
    store.remove(Kinds::jobs(), JsonUtil::nameSpace(run), name);
    AnalysisMeasurement m = running;
    m.phase = AnalysisPhaseName::Inconclusive;
    m.finishedAt = now;
    return m;
}

} // namespace rdsim::AnalysisJob

// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobcontroller.h"

#include "eventrecorder.h"
#include "jobpods.h"
#include "jsonutil.h"
#include "kinds.h"
#include "requeue.h"

#include "core/objectstore.h"
#include "core/podtermination.h"
#include "core/virtualclock.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace rdsim {

namespace {

const QString kJobComponent = QStringLiteral("job-controller");
// The Job controller's pod failure back-off: 10 s doubling per failure, at most 6 minutes.
constexpr qint64 kBackoffBaseMs = 10000;
constexpr qint64 kBackoffMaxMs = 360000;
// Bounds on what a Job may ask for, so a hostile manifest cannot make the simulator create
// pods without end.
constexpr qint64 kMaxParallelism = 32;
constexpr qint64 kMaxCompletions = 1000;
constexpr qint64 kMaxBackoffLimit = 1000;

qint64 boundedSpec(const QJsonObject &job, const char *path, qint64 fallback, qint64 max)
{
    return std::clamp<qint64>(JsonUtil::intAt(job, path, fallback), 0, max);
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

bool isFinishedJob(const QJsonObject &job)
{
    return hasTrueCondition(job, "Complete") || hasTrueCondition(job, "Failed");
}

QJsonObject jobCondition(const char *type, const char *reason, const char *message,
                         const QString &now)
{
    return QJsonObject {{QStringLiteral("type"), QString::fromLatin1(type)},
                        {QStringLiteral("status"), QStringLiteral("True")},
                        {QStringLiteral("lastProbeTime"), now},
                        {QStringLiteral("lastTransitionTime"), now},
                        {QStringLiteral("reason"), QString::fromLatin1(reason)},
                        {QStringLiteral("message"), QString::fromLatin1(message)}};
}

// What kube-apiserver fills in when a Job is created: the generated selector, the labels its
// pods carry, and the spec's defaults. False when the Job already has them.
bool applyCreateDefaults(QJsonObject &job)
{
    if (JsonUtil::has(job, "spec.selector"))
        return false;
    const QString uid = JsonUtil::uid(job);
    const QString name = JsonUtil::name(job);
    QJsonObject spec = job.value(QLatin1String("spec")).toObject();
    if (!spec.contains(QLatin1String("completions"))
        && !spec.contains(QLatin1String("parallelism")))
        spec.insert(QStringLiteral("completions"), 1);
    const std::pair<const char *, QJsonValue> defaults[]
        = {{"parallelism", 1},
           {"backoffLimit", 6},
           {"completionMode", QStringLiteral("NonIndexed")},
           {"suspend", false},
           {"podReplacementPolicy", QStringLiteral("TerminatingOrFailed")}};
    for (const auto &[key, value] : defaults) {
        if (!spec.contains(QLatin1String(key)))
            spec.insert(QLatin1String(key), value);
    }
    spec.insert(
        QStringLiteral("selector"),
        QJsonObject {{QStringLiteral("matchLabels"),
                      QJsonObject {{QStringLiteral("batch.kubernetes.io/controller-uid"), uid}}}});
    QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    QJsonObject podMeta = podTemplate.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = podMeta.value(QLatin1String("labels")).toObject();
    labels.insert(QStringLiteral("batch.kubernetes.io/controller-uid"), uid);
    labels.insert(QStringLiteral("batch.kubernetes.io/job-name"), name);
    labels.insert(QStringLiteral("controller-uid"), uid);
    labels.insert(QStringLiteral("job-name"), name);
    podMeta.insert(QStringLiteral("labels"), labels);
    podTemplate.insert(QStringLiteral("metadata"), podMeta);
    spec.insert(QStringLiteral("template"), podTemplate);
    job.insert(QStringLiteral("spec"), spec);
    if (JsonUtil::objectAt(job, "metadata.labels").isEmpty())
        JsonUtil::setAt(job, "metadata.labels", labels);
    return true;
}

} // namespace

JobController::JobController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                             Requeue &requeue) :
    m_store(store), m_clock(clock), m_events(events), m_requeue(requeue)
{ }

void JobController::reconcile()
{
    const QList<QJsonObject> pods = m_store.list(Kinds::pods());
    QHash<QString, QList<QJsonObject>> podsByJob;
    for (const QJsonObject &pod : pods) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(pod, &kind);
        if (kind == QLatin1String("Job"))
            podsByJob[owner].append(pod);
    }
    const QList<QJsonObject> jobs = m_store.list(Kinds::jobs());
    collectGarbage(jobs, pods);
    for (QJsonObject job : jobs) {
        if (isFinishedJob(job)
            || !m_store.get(Kinds::jobs(), JsonUtil::nameSpace(job), JsonUtil::name(job))) {
            continue;
        }
        if (applyCreateDefaults(job)) {
            const StoreResult written = m_store.update(Kinds::jobs(), job, WriteScope::Whole);
            if (!written.ok())
                continue; // changed meanwhile: the next pass sees the new version
            job = written.object;
        }
        syncJob(job, podsByJob.value(JsonUtil::uid(job)));
    }
}

void JobController::collectGarbage(const QList<QJsonObject> &jobs, const QList<QJsonObject> &pods)
{
    QSet<QString> runs;
    for (const QJsonObject &run : m_store.list(Kinds::analysisRuns()))
        runs.insert(JsonUtil::uid(run));
    QSet<QString> liveJobs;
    for (const QJsonObject &job : jobs) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(job, &kind);
        if (kind == QLatin1String("AnalysisRun") && !runs.contains(owner))
            m_store.remove(Kinds::jobs(), JsonUtil::nameSpace(job), JsonUtil::name(job));
        else
            liveJobs.insert(JsonUtil::uid(job));
    }
    for (const QJsonObject &pod : pods) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(pod, &kind);
        if (kind == QLatin1String("Job") && !liveJobs.contains(owner))
            PodTermination::remove(m_store, pod, m_clock.nowMs());
    }
}

void JobController::syncJob(const QJsonObject &job, const QList<QJsonObject> &pods)
{
    const qint64 nowMs = m_clock.nowMs();
    const QString now = VirtualClock::toRfc3339(nowMs);
    PodCounts counts = runPods(pods);
    const qint64 completions
        = std::max<qint64>(1, boundedSpec(job, "spec.completions", 1, kMaxCompletions));
    const qint64 parallelism = boundedSpec(job, "spec.parallelism", 1, kMaxParallelism);
    const qint64 backoffLimit = boundedSpec(job, "spec.backoffLimit", 6, kMaxBackoffLimit);
    QJsonObject status = job.value(QLatin1String("status")).toObject();
    if (!status.contains(QLatin1String("startTime")))
        status.insert(QStringLiteral("startTime"), now);

    if (counts.succeeded < completions && counts.failed <= backoffLimit) {
        const qint64 wanted = std::min(parallelism, completions - counts.succeeded) - counts.active;
        const qint64 retryAt = counts.failed == 0 ? 0
                                                  : counts.lastFailureMs
                + std::min(kBackoffMaxMs, kBackoffBaseMs << std::min(counts.failed - 1, 10));
        if (wanted > 0 && nowMs >= retryAt) {
            createPods(job, int(wanted));
            counts.active += int(wanted);
        } else if (wanted > 0) {
            m_requeue.at(retryAt);
        }
    }
    if (counts.succeeded >= completions) {
        status.insert(QStringLiteral("completionTime"), now);
        const char *message = "Reached expected number of succeeded pods";
        status.insert(
            QStringLiteral("conditions"),
            QJsonArray {jobCondition("SuccessCriteriaMet", "CompletionsReached", message, now),
                        jobCondition("Complete", "CompletionsReached", message, now)});
        m_events.normal(job, kJobComponent, QStringLiteral("Completed"),
                        QStringLiteral("Job completed"));
    } else if (counts.failed > backoffLimit) {
        deleteActivePods(pods);
        counts.active = 0;
        counts.ready = 0;
        const char *message = "Job has reached the specified backoff limit";
        status.insert(
            QStringLiteral("conditions"),
            QJsonArray {jobCondition("FailureTarget", "BackoffLimitExceeded", message, now),
                        jobCondition("Failed", "BackoffLimitExceeded", message, now)});
        m_events.warning(job, kJobComponent, QStringLiteral("BackoffLimitExceeded"),
                         QString::fromLatin1(message));
    }
    const auto setCount = [&status](const char *key, int value) {
        if (value > 0)
            status.insert(QLatin1String(key), value);
        else
            status.remove(QLatin1String(key));
    };
    setCount("active", counts.active);
    setCount("succeeded", counts.succeeded);
    setCount("failed", counts.failed);
    status.insert(QStringLiteral("ready"), counts.ready);
    status.insert(QStringLiteral("terminating"), counts.terminating);
    status.insert(QStringLiteral("uncountedTerminatedPods"), QJsonObject());
    writeStatus(job, status);
}

JobController::PodCounts JobController::runPods(const QList<QJsonObject> &pods)
{
    PodCounts counts;
    for (QJsonObject pod : pods) {
        advancePod(pod);
        const QString phase = JsonUtil::stringAt(pod, "status.phase");
        if (phase == QLatin1String("Succeeded")) {
            ++counts.succeeded;
        } else if (phase == QLatin1String("Failed")) {
            ++counts.failed;
            counts.lastFailureMs = std::max(counts.lastFailureMs, JobPods::finishedMs(pod));
        } else if (PodTermination::isTerminating(pod)) {
            ++counts.terminating;
        } else {
            ++counts.active;
            if (PodFactory::isReady(pod))
                ++counts.ready;
        }
    }
    return counts;
}

// The kubelet's part: a pending pod starts after the start delay, a running one ends after
// its run time with the exit code its template asks for.
void JobController::advancePod(QJsonObject &pod)
{
    if (JobPods::isFinished(pod) || PodTermination::isTerminating(pod))
        return;
    const qint64 nowMs = m_clock.nowMs();
    const QString now = VirtualClock::toRfc3339(nowMs);
    QJsonObject next;
    if (JsonUtil::stringAt(pod, "status.phase") == QLatin1String("Pending")) {
        const qint64 startAt = JsonUtil::creationMs(pod) + PodFactory::kStartDelayMs;
        if (nowMs < startAt) {
            m_requeue.at(startAt);
            return;
        }
        next = m_factory.started(pod, now);
    }
    const QJsonObject running = next.isEmpty() ? pod : next;
    const JobPods::Outcome outcome = JobPods::outcome(running);
    const qint64 endAt = std::max<qint64>(PodFactory::readySinceMs(running), 0) + outcome.runMs;
    if (nowMs >= endAt)
        next = JobPods::terminated(running, outcome, now);
    else
        m_requeue.at(endAt);
    if (next.isEmpty())
        return;
    const StoreResult written = m_store.update(Kinds::pods(), next, WriteScope::Whole);
    if (written.ok())
        pod = written.object;
}

void JobController::createPods(const QJsonObject &job, int count)
{
    const QString now = m_clock.nowRfc3339();
    for (int i = 0; i < count; ++i) {
        for (int attempt = 0; attempt < 8; ++attempt) {
            const QJsonObject pod = m_factory.newPod(job, PodFactory::nameSuffix(m_random), now);
            const StoreResult created = m_store.create(Kinds::pods(), pod);
            if (created.ok()) {
                m_events.normal(job, kJobComponent, QStringLiteral("SuccessfulCreate"),
                                QStringLiteral("Created pod: ") + JsonUtil::name(created.object));
                break;
            }
            if (created.error.reason != QLatin1String("AlreadyExists"))
                break;
        }
    }
}

void JobController::deleteActivePods(const QList<QJsonObject> &pods)
{
    for (const QJsonObject &pod : pods) {
        const auto current
            = m_store.get(Kinds::pods(), JsonUtil::nameSpace(pod), JsonUtil::name(pod));
        if (!current || JobPods::isFinished(*current))
            continue;
        PodTermination::remove(m_store, *current, m_clock.nowMs());
    }
}

void JobController::writeStatus(const QJsonObject &job, const QJsonObject &status)
{
    if (status == job.value(QLatin1String("status")).toObject())
        return;
    QJsonObject next = job;
    next.insert(QStringLiteral("status"), status);
    m_store.update(Kinds::jobs(), next, WriteScope::Whole);
}

} // namespace rdsim

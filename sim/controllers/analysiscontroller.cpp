// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysiscontroller.h"

#include "controllers/analysisexpression.h"
#include "controllers/analysisjob.h"
#include "controllers/analysisphase.h"
#include "controllers/analysisspec.h"
#include "controllers/analysistypes.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/syntheticmetrics.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace rdsim {

namespace {

constexpr int kDefaultMeasurementHistoryLimit = 10;
constexpr qint64 kErrorRetryIntervalMs = 10000; // DefaultErrorRetryInterval
constexpr int kMaxPasses = 3;

// What one reconcile of one run needs to know.
struct RunContext
{
    ObjectStore &store; // the job provider creates Jobs
    QJsonObject run;
    const SyntheticMetrics &metrics;
    QString ns;
    QString rollout;
    qint64 nowMs = 0;
    QString now; // RFC 3339, second precision like every Kubernetes timestamp
};

QString ownerRollout(const ObjectStore &store, const QJsonObject &object, int depth = 0)
{
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    for (const QJsonValue &value : meta.value(QLatin1String("ownerReferences")).toArray()) {
        const QJsonObject ref = value.toObject();
        const QString kind = ref.value(QLatin1String("kind")).toString();
        const QString name = ref.value(QLatin1String("name")).toString();
        if (kind == QLatin1String("Rollout"))
            return name;
        // An experiment's analysis measures the rollout that started the experiment.
        const ResourceType *experiments
            = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("experiments"));
        if (kind == QLatin1String("Experiment") && experiments && depth == 0) {
            const auto experiment
                = store.get(*experiments, meta.value(QLatin1String("namespace")).toString(), name);
            if (experiment)
                return ownerRollout(store, *experiment, depth + 1);
        }
    }
    return {};
}

// Go's strconv.FormatFloat(v, 'f', -1, 64), which Prometheus' SampleValue.String() uses.
QString goFloat(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

AnalysisMeasurement measure(const AnalysisMetricSpec &metric, const RunContext &ctx)
{
    AnalysisMeasurement m;
    m.startedAt = ctx.now;
    m.finishedAt = ctx.now;
    const QString provider = metric.providerName();
    if (provider == QLatin1String("prometheus")) {
        const QString query = metric.provider.value(QLatin1String("prometheus"))
                                  .toObject()
                                  .value(QLatin1String("query"))
                                  .toString();
        QString error;
        std::optional<double> value;
        if (ctx.rollout.isEmpty()) {
            error = QStringLiteral("the AnalysisRun has no owning Rollout; rd-sim answers "
                                   "Prometheus queries for a rollout's pods");
        } else {
            value = ctx.metrics.evaluateQuery(ctx.store, ctx.ns, ctx.rollout, query, ctx.nowMs,
                                              &error);
        }
        if (!value) {
            m.phase = AnalysisPhaseName::Error;
            m.message = error;
            return m;
        }
        m.phase
            = AnalysisPhase::evaluateResult(ExpressionValue::fromNumbers({*value}), metric, &error);
        if (m.phase == AnalysisPhaseName::Error)
            m.message = error; // Argo drops the value when the condition cannot be evaluated
        else
            m.value = u'[' + goFloat(*value) + u']';
        return m;
    }
    // A web check has nothing in the simulator to ask: it passes, so analysis templates that
    // mix it with Prometheus metrics still work.
    if (provider == QLatin1String("web")) {
        m.phase = AnalysisPhaseName::Successful;
        return m;
    }
    m.phase = AnalysisPhaseName::Error;
    m.message = QStringLiteral("provider \"%1\" is not simulated by rd-sim").arg(provider);
    return m;
}

void count(AnalysisMetricResult &result, const QString &phase)
{
    if (phase == AnalysisPhaseName::Error) {
        ++result.error;
        ++result.consecutiveError;
        result.consecutiveSuccess = 0;
        return;
    }
    ++result.count;
    result.consecutiveError = 0;
    if (phase == AnalysisPhaseName::Successful) {
        ++result.successful;
        ++result.consecutiveSuccess;
    } else if (phase == AnalysisPhaseName::Failed) {
        ++result.failed;
        result.consecutiveSuccess = 0;
    } else if (phase == AnalysisPhaseName::Inconclusive) {
        ++result.inconclusive;
        result.consecutiveSuccess = 0;
    }
}

// runMeasurements for one metric: Run, Resume or Terminate its provider. nullopt when an
// in-flight measurement is not due to be resumed.
std::optional<AnalysisMeasurement> nextMeasurement(const AnalysisMetricSpec &metric,
                                                   const AnalysisMetricResult *result,
                                                   const AnalysisMeasurement *inFlight,
                                                   bool terminating, const RunContext &ctx)
{
    if (metric.providerName() == QLatin1String("job")) {
        if (!inFlight)
            return AnalysisJob::start(ctx.store, ctx.run, metric, result, ctx.now);
        if (!terminating)
            return AnalysisJob::resume(ctx.store, ctx.run, *inFlight, ctx.nowMs);
        AnalysisMeasurement m = AnalysisJob::terminate(ctx.store, ctx.run, *inFlight, ctx.now);
        if (m.phase == AnalysisPhaseName::Inconclusive)
            m.message = QStringLiteral("Metric Terminated");
        return m;
    }
    if (inFlight && terminating) {
        // A measurement left running (from a loaded manifest) is terminated, not taken.
        AnalysisMeasurement m = *inFlight;
        m.phase = AnalysisPhaseName::Successful;
        m.message = QStringLiteral("Metric Terminated");
        m.finishedAt = ctx.now;
        return m;
    }
    AnalysisMeasurement m = measure(metric, ctx);
    if (inFlight)
        m.startedAt = inFlight->startedAt;
    return m;
}

// generateMetricTasks + runMeasurements: takes every measurement that is due now.
void takeMeasurements(AnalysisRunStatus &status, bool terminate,
                      const QList<AnalysisMetricSpec> &metrics, const QHash<QString, bool> &dryRun,
                      const RunContext &ctx)
{
    const bool terminating = AnalysisPhase::isTerminating(terminate, status);
    for (const AnalysisMetricSpec &metric : metrics) {
        AnalysisMetricResult *existing = status.result(metric.name);
        if (existing && AnalysisPhase::isCompleted(existing->phase))
            continue;
        const AnalysisMeasurement *last = existing && !existing->measurements.isEmpty()
            ? &existing->measurements.last()
            : nullptr;
        const bool inFlight = last && last->finishedAt.isEmpty();
        if (!inFlight) {
            if (terminating)
                continue;
            if (!last) {
                if (!metric.initialDelay.isEmpty()) {
                    if (status.startedAt.isEmpty())
                        continue;
                    const std::optional<qint64> delay
                        = GoDuration::parseMs(metric.initialDelay, nullptr);
                    if (!delay
                        || VirtualClock::fromRfc3339(status.startedAt) + *delay > ctx.nowMs) {
                        continue;
                    }
                }
            } else {
                const std::optional<int> effectiveCount = metric.effectiveCount();
                if (effectiveCount && existing->count >= *effectiveCount)
                    continue;
                std::optional<qint64> interval = kErrorRetryIntervalMs;
                if (last->phase != AnalysisPhaseName::Error && !metric.interval.isEmpty())
                    interval = GoDuration::parseMs(metric.interval, nullptr);
                // Argo waits until strictly after finishedAt + interval; on a virtual clock that
                // tests step by whole intervals, "at or after" keeps the schedule exact.
                if (!interval
                    || VirtualClock::fromRfc3339(last->finishedAt) + *interval > ctx.nowMs)
                    continue;
            }
        }

        AnalysisMetricResult fresh;
        if (!existing) {
            fresh.name = metric.name;
            fresh.phase = AnalysisPhaseName::Running;
            fresh.dryRun = dryRun.value(metric.name);
            const QString query = metric.provider.value(QLatin1String("prometheus"))
                                      .toObject()
                                      .value(QLatin1String("query"))
                                      .toString();
            if (!query.isEmpty())
                fresh.metadata.insert(QStringLiteral("ResolvedPrometheusQuery"), query);
        }
        AnalysisMetricResult &result = existing ? *existing : fresh;

        const std::optional<AnalysisMeasurement> next
            = nextMeasurement(metric, existing, inFlight ? last : nullptr, terminating, ctx);
        if (!next)
            continue; // a Job still running and not yet due to be looked at
        const AnalysisMeasurement &m = *next;
        if (AnalysisPhase::isCompleted(m.phase))
            count(result, m.phase);
        if (inFlight)
            result.measurements.last() = m;
        else
            result.measurements.append(m);
        if (!existing)
            status.metricResults.append(fresh);
    }
}

QJsonObject reconcileRun(const QJsonObject &run, const RunContext &ctx)
{
    const QJsonObject spec = run.value(QLatin1String("spec")).toObject();
    AnalysisRunStatus status
        = AnalysisRunStatus::fromJson(run.value(QLatin1String("status")).toObject());
    if (AnalysisPhase::isCompleted(status.phase))
        return run;

    const auto finishWithError = [&](const QString &message) {
        status.phase = AnalysisPhaseName::Error;
        status.message = message;
        QJsonObject next = run;
        next.insert(QLatin1String("status"), status.toJson());
        return next;
    };
    QString error;
    const std::optional<QList<AnalysisMetricSpec>> metrics
        = AnalysisSpec::resolveMetrics(spec.value(QLatin1String("metrics")).toArray(),
                                       spec.value(QLatin1String("args")).toArray(), &error);
    if (!metrics)
        return finishWithError(QStringLiteral("Unable to resolve metric arguments: ") + error);
    error = AnalysisSpec::validateMetrics(*metrics);
    if (!error.isEmpty())
        return finishWithError(QStringLiteral("Analysis spec invalid: ") + error);
    const auto dryRun = AnalysisSpec::dryRunMetrics(spec.value(QLatin1String("dryRun")).toArray(),
                                                    *metrics, &error);
    if (!dryRun)
        return finishWithError(QStringLiteral("Analysis spec invalid: ") + error);
    const auto retention = AnalysisSpec::retentionLimits(
        spec.value(QLatin1String("measurementRetention")).toArray(), *metrics, &error);
    if (!retention)
        return finishWithError(QStringLiteral("Analysis spec invalid: ") + error);

    const bool terminate = spec.value(QLatin1String("terminate")).toBool();
    takeMeasurements(status, terminate, *metrics, *dryRun, ctx);
    if (status.startedAt.isEmpty())
        status.startedAt = ctx.now;
    const AnalysisPhase::Assessment verdict
        = AnalysisPhase::assessRun(status, terminate, *metrics, *dryRun);
    if (verdict.phase != status.phase) {
        status.phase = verdict.phase;
        status.message = verdict.message;
        if (AnalysisPhase::isCompleted(verdict.phase))
            status.completedAt = ctx.now;
    }

    // Measurement history is trimmed to the newest N per metric (10 unless a
    // measurementRetention rule says otherwise).
    for (AnalysisMetricResult &result : status.metricResults) {
        const bool known
            = std::any_of(metrics->begin(), metrics->end(),
                          [&](const AnalysisMetricSpec &m) { return m.name == result.name; });
        const int limit = retention->value(result.name, kDefaultMeasurementHistoryLimit);
        if (known && result.measurements.size() > limit)
            result.measurements.remove(0, result.measurements.size() - limit);
    }

    QJsonObject next = run;
    next.insert(QLatin1String("status"), status.toJson());
    return next;
}

} // namespace

AnalysisController::AnalysisController(ObjectStore &store, VirtualClock &clock,
                                       SyntheticMetrics &metrics) :
    m_store(store), m_clock(clock), m_metrics(metrics)
{ }

void AnalysisController::reconcile()
{
    const ResourceType *type
        = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("analysisruns"));
    if (!type)
        return;
    const qint64 nowMs = m_clock.nowMs();
    for (const QJsonObject &run : m_store.list(*type)) {
        const QJsonObject status = run.value(QLatin1String("status")).toObject();
        if (AnalysisPhase::isCompleted(status.value(QLatin1String("phase")).toString()))
            continue;
        const RunContext ctx {m_store,
                              run,
                              m_metrics,
                              run.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("namespace"))
                                  .toString(),
                              ownerRollout(m_store, run),
                              nowMs,
                              VirtualClock::toRfc3339(nowMs)};
        // Argo re-queues a run as soon as its status changes, so a metric that fails ends the
        // run within moments; a few passes at the same instant do the same here.
        QJsonObject next = run;
        for (int pass = 0; pass < kMaxPasses; ++pass) {
            const QJsonObject after = reconcileRun(next, ctx);
            if (after == next)
                break;
            next = after;
            if (AnalysisPhase::isCompleted(next.value(QLatin1String("status"))
                                               .toObject()
                                               .value(QLatin1String("phase"))
                                               .toString()))
                break;
        }
        // A conflicting write (someone else changed the run meanwhile) is retried next time.
        if (next != run)
            m_store.update(*type, next, WriteScope::Whole);
    }
}

} // namespace rdsim

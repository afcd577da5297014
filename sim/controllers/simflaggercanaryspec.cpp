// SPDX-License-Identifier: GPL-3.0-or-later
#include "simflaggercanaryspec.h"

#include "analysistypes.h"
#include "jsonutil.h"

#include <QJsonArray>

#include <algorithm>

namespace rdsim {

namespace {

constexpr int kFlaggerMaxWeight = 100;
constexpr int kMaxNameLength = 253;

// A weight or count from the manifest, clamped to [0, limit]; a value out of range is noted.
int boundedInt(const QJsonObject &object, const char *key, int limit, QString *problem)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return 0;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > limit) {
        if (problem->isEmpty())
            *problem = QStringLiteral("spec.analysis.%1 must be a number from 0 to %2")
                           .arg(QLatin1String(key))
                           .arg(limit);
        return std::clamp(int(std::min<double>(std::max(number, 0.0), limit)), 0, limit);
    }
    return int(number);
}

qint64 durationMs(const QJsonValue &value, qint64 fallback)
{
    QString error;
    const std::optional<qint64> ms = GoDuration::parseMs(value.toString(), &error);
    return ms && *ms > 0 ? *ms : fallback;
}

std::optional<double> optionalNumber(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

FlaggerCanarySpec::Metric readMetric(const QJsonObject &object)
{
    FlaggerCanarySpec::Metric metric;
    metric.name = object.value(QLatin1String("name")).toString().left(kMaxNameLength);
    metric.query = object.value(QLatin1String("query")).toString().left(4096);
    const QJsonObject ref = object.value(QLatin1String("templateRef")).toObject();
    metric.templateName = ref.value(QLatin1String("name")).toString().left(kMaxNameLength);
    metric.templateNamespace = ref.value(QLatin1String("namespace")).toString().left(63);
    const QJsonObject range = object.value(QLatin1String("thresholdRange")).toObject();
    metric.min = optionalNumber(range, "min");
    metric.max = optionalNumber(range, "max");
    metric.threshold = optionalNumber(object, "threshold");
    metric.intervalMs = std::clamp(durationMs(object.value(QLatin1String("interval")), 60000),
                                   qint64(1000), FlaggerCanarySpec::kMaxIntervalMs);
    return metric;
}

void readAnalysis(const QJsonObject &analysis, FlaggerCanarySpec *spec)
{
    QString *problem = &spec->problem;
    const QJsonValue interval = analysis.value(QLatin1String("interval"));
    spec->intervalMs = std::clamp(durationMs(interval, 60000), FlaggerCanarySpec::kMinIntervalMs,
                                  FlaggerCanarySpec::kMaxIntervalMs);
    spec->threshold = std::max(1, boundedInt(analysis, "threshold", 1000, problem));
    spec->maxWeight = boundedInt(analysis, "maxWeight", kFlaggerMaxWeight, problem);
    spec->stepWeight = boundedInt(analysis, "stepWeight", kFlaggerMaxWeight, problem);
    spec->stepWeightPromotion
        = boundedInt(analysis, "stepWeightPromotion", kFlaggerMaxWeight, problem);
    spec->iterations = boundedInt(analysis, "iterations", 10000, problem);
    spec->mirror = analysis.value(QLatin1String("mirror")).toBool();
    spec->hasMatch = !analysis.value(QLatin1String("match")).toArray().isEmpty();
    const QJsonArray stepWeights = analysis.value(QLatin1String("stepWeights")).toArray();
    for (const QJsonValue &value : stepWeights) {
        if (spec->stepWeights.size() >= FlaggerCanarySpec::kMaxListEntries)
            break;
        spec->stepWeights << std::clamp(value.toInt(0), 0, kFlaggerMaxWeight);
    }
    for (const QJsonValue &value : analysis.value(QLatin1String("metrics")).toArray()) {
        if (spec->metrics.size() >= FlaggerCanarySpec::kMaxListEntries)
            break;
        spec->metrics << readMetric(value.toObject());
    }
    for (const QJsonValue &value : analysis.value(QLatin1String("webhooks")).toArray()) {
        if (spec->webhooks.size() >= FlaggerCanarySpec::kMaxListEntries)
            break;
        const QJsonObject hook = value.toObject();
        spec->webhooks << FlaggerCanarySpec::Webhook {
            hook.value(QLatin1String("type")).toString().left(64),
            hook.value(QLatin1String("name")).toString().left(kMaxNameLength),
            hook.value(QLatin1String("url")).toString().left(2048)};
    }
}

} // namespace

FlaggerCanarySpec FlaggerCanarySpec::read(const QJsonObject &canary)
{
    FlaggerCanarySpec spec;
    const QJsonObject s = JsonUtil::objectAt(canary, "spec");
    const QJsonObject target = s.value(QLatin1String("targetRef")).toObject();
    spec.targetKind = target.value(QLatin1String("kind")).toString().left(64);
    spec.targetName = target.value(QLatin1String("name")).toString().left(kMaxNameLength);
    spec.provider = s.value(QLatin1String("provider")).toString().left(64);
    const QJsonObject service = s.value(QLatin1String("service")).toObject();
    spec.serviceName = service.value(QLatin1String("name")).toString().left(kMaxNameLength);
    if (spec.serviceName.isEmpty())
        spec.serviceName = spec.targetName;
    spec.servicePort = std::clamp(service.value(QLatin1String("port")).toInt(80), 1, 65535);
    spec.suspend = s.value(QLatin1String("suspend")).toBool();
    const bool hasAnalysis = s.value(QLatin1String("analysis")).isObject();
    const QJsonObject analysis = hasAnalysis ? s.value(QLatin1String("analysis")).toObject()
                                             : s.value(QLatin1String("canaryAnalysis")).toObject();
    // Without any analysis Flagger skips it (Canary.SkipAnalysis()).
    spec.skipAnalysis = s.value(QLatin1String("skipAnalysis")).toBool()
        || (!hasAnalysis && !s.value(QLatin1String("canaryAnalysis")).isObject());
    readAnalysis(analysis, &spec);
    if (spec.targetName.isEmpty() && spec.problem.isEmpty())
        spec.problem = QStringLiteral("spec.targetRef.name is required");
    else if (spec.targetKind != QLatin1String("Deployment") && spec.problem.isEmpty())
        spec.problem
            = QStringLiteral("rd-sim's Flagger simulates Deployment targets only, not %1")
                  .arg(spec.targetKind.isEmpty() ? QStringLiteral("\"\"") : spec.targetKind);
    return spec;
}

int FlaggerCanarySpec::effectiveMaxWeight() const
{
    if (!stepWeights.isEmpty())
        return std::min(kFlaggerMaxWeight, stepWeights.last());
    return maxWeight > 0 ? maxWeight : kFlaggerMaxWeight;
}

int FlaggerCanarySpec::nextStepWeight(int canaryWeight) const
{
    if (stepWeight > 0 || stepWeights.isEmpty())
        return stepWeight;
    const int maxStep = kFlaggerMaxWeight - canaryWeight;
    // At 100 % any step promotes, as the last step of stepWeight does.
    if (maxStep == 0)
        return 1;
    if (canaryWeight == 0)
        return std::min(maxStep, stepWeights.first());
    // The next listed weight above the current one: for an increasing list that is the entry
    // after the current, and a hostile unordered one ([2, 1, 10]) never steps the weight back.
    for (const int weight : stepWeights) {
        if (weight > canaryWeight)
            return std::min(maxStep, weight - canaryWeight);
    }
    return maxStep;
}

} // namespace rdsim

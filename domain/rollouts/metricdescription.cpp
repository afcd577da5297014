// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricdescription.h"

#include "secretredaction.h"
#include "stepdescription.h"

namespace {

bool isKind(const MetricProvider &provider, const char *kind)
{
    return provider.kind == QLatin1String(kind);
}

bool isJob(const AnalysisMetric &metric)
{
    return isKind(metric.provider, "job");
}

// A setting request() shows rather than provider(): Kayenta's canary config.
bool isRequestSetting(const MetricProvider &provider, const ProviderSetting &setting)
{
    return isKind(provider, "kayenta") && setting.field == QLatin1String("canaryConfigName");
}

// A limit as the spec says it; an unresolved "{{args.x}}" stays as written.
QString limitValue(const IntOrString &limit, qint32 fallback)
{
    return limit.isSet() ? limit.toString() : QString::number(fallback);
}

// "the result 0.64", or "the result" when the measurement has none.
QString resultText(const Measurement &m)
{
    return m.value.isEmpty()
        ? MetricDescription::tr("the result")
        : MetricDescription::tr("the result %1").arg(StepDescription::measurementValue(m));
}

} // namespace

QString MetricDescription::oneLine(const QString &text)
{
    return text.simplified();
}

QString MetricDescription::providerName(const QString &kind)
{
    // Product names are not translated.
    static const QList<std::pair<QLatin1String, QLatin1String>> brands
        = {{QLatin1String("prometheus"), QLatin1String("Prometheus")},
           {QLatin1String("datadog"), QLatin1String("Datadog")},
           {QLatin1String("newRelic"), QLatin1String("New Relic")},
           {QLatin1String("wavefront"), QLatin1String("Wavefront")},
           {QLatin1String("kayenta"), QLatin1String("Kayenta")},
           {QLatin1String("cloudWatch"), QLatin1String("CloudWatch")},
           {QLatin1String("graphite"), QLatin1String("Graphite")},
           {QLatin1String("influxdb"), QLatin1String("InfluxDB")},
           {QLatin1String("skywalking"), QLatin1String("SkyWalking")}};
    for (const auto &[key, name] : brands) {
        if (kind == key)
            return name;
    }
    if (kind == QLatin1String("web"))
        return tr("Web");
    if (kind == QLatin1String("job"))
        return tr("Job");
    if (kind == QLatin1String("plugin"))
        return tr("Plugin");
    return kind.isEmpty() ? tr("Unknown") : kind;
}

QString MetricDescription::provider(const MetricProvider &provider)
{
    QString text = providerName(provider.kind);
    if (isKind(provider, "plugin") && !provider.setting(QLatin1String("name")).isEmpty())
        text = tr("Plugin %1").arg(provider.setting(QLatin1String("name")));
    if (!provider.address.isEmpty())
        text = tr("%1 at %2").arg(text, provider.address);
    QStringList parts {text};
    for (const ProviderSetting &setting : provider.settings) {
        if (isKind(provider, "plugin") && setting.field == QLatin1String("configKeys"))
            parts.append(tr("config keys %1").arg(setting.value));
        else if (!isRequestSetting(provider, setting) && setting.field != QLatin1String("name"))
            parts.append(setting.field + QLatin1Char(' ') + oneLine(setting.value));
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString MetricDescription::requestAsSent(const MetricProvider &provider)
{
    // A web URL's query and a Job's command line are written by people and may carry a
    // token (?api_key=…, --token=…, an Authorization header): credential shapes are replaced.
    if (isKind(provider, "web"))
        return SecretRedaction::redactForeign(provider.url);
    if (isKind(provider, "job"))
        return SecretRedaction::redactForeign(provider.command);
    if (isKind(provider, "kayenta"))
        return provider.setting(QLatin1String("canaryConfigName"));
    if (!provider.queries.isEmpty())
        return provider.queries.join(QLatin1Char('\n'));
    return provider.query;
}

QString MetricDescription::request(const MetricProvider &provider)
{
    QStringList lines;
    for (const QString &line : requestAsSent(provider).split(QLatin1Char('\n')))
        lines.append(oneLine(line));
    if (provider.queries.isEmpty())
        return oneLine(lines.join(QLatin1Char(' ')));
    return lines.join(QStringLiteral(" \u00b7 "));
}

QString MetricDescription::requestLabel(const MetricProvider &provider)
{
    if (isKind(provider, "web"))
        return tr("URL");
    if (isKind(provider, "job"))
        return tr("Command");
    if (isKind(provider, "kayenta"))
        return tr("Canary config");
    if (isKind(provider, "cloudWatch"))
        return tr("Metric data queries");
    if (!provider.queries.isEmpty())
        return tr("Queries");
    return tr("Query");
}

QString MetricDescription::conditions(const AnalysisMetric &metric)
{
    const QString success = oneLine(metric.successCondition);
    const QString failure = oneLine(metric.failureCondition);
    // Listed in the controller's order: a met failureCondition wins over the successCondition.
    if (!success.isEmpty() && !failure.isEmpty())
        return tr("Failed when %1 \u00b7 Successful when %2 \u00b7 otherwise Inconclusive")
            .arg(failure, success);
    if (!success.isEmpty())
        return tr("Successful when %1 \u00b7 otherwise Failed").arg(success);
    if (!failure.isEmpty())
        return tr("Failed when %1 \u00b7 otherwise Successful").arg(failure);
    if (isJob(metric))
        return tr("None: the Job's outcome decides");
    return tr("None: every measurement without an error is Successful");
}

QString MetricDescription::limits(const AnalysisMetric &metric)
{
    const auto limit = [](const char *field, const IntOrString &value, qint32 fallback) {
        const QString name = QLatin1String(field);
        return value.isSet() ? QStringLiteral("%1 %2").arg(name, value.toString())
                             : tr("%1 %2 (default)").arg(name).arg(fallback);
    };
    QStringList parts;
    const IntOrString &failure = metric.failureLimit;
    if (failure.isInt() && failure.intValue < 0)
        parts.append(tr("failureLimit %1 (disabled)").arg(failure.intValue));
    else
        parts.append(limit("failureLimit", failure, defaultFailureLimit));
    parts.append(limit("inconclusiveLimit", metric.inconclusiveLimit, defaultInconclusiveLimit));
    parts.append(
        limit("consecutiveErrorLimit", metric.consecutiveErrorLimit, defaultConsecutiveErrorLimit));
    const IntOrString &successes = metric.consecutiveSuccessLimit;
    if (successes.isString() || (successes.isInt() && successes.intValue > 0))
        parts.append(QStringLiteral("consecutiveSuccessLimit %1").arg(successes.toString()));
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString MetricDescription::limitsExplained(const AnalysisMetric &metric)
{
    QStringList lines;
    const IntOrString &failure = metric.failureLimit;
    if (failure.isInt() && failure.intValue < 0)
        lines.append(tr("Failed measurements never fail the metric (failureLimit -1)."));
    else
        lines.append(tr("Failed when failed measurements exceed %1.")
                         .arg(limitValue(failure, defaultFailureLimit)));
    lines.append(tr("Inconclusive when inconclusive measurements exceed %1.")
                     .arg(limitValue(metric.inconclusiveLimit, defaultInconclusiveLimit)));
    lines.append(tr("Error when consecutive errors exceed %1.")
                     .arg(limitValue(metric.consecutiveErrorLimit, defaultConsecutiveErrorLimit)));
    const IntOrString &successes = metric.consecutiveSuccessLimit;
    if (successes.isInt() && successes.intValue > 0)
        lines.append(
            tr("Successful once %n measurements in a row succeed.", nullptr, successes.intValue));
    else if (successes.isString()) // an unresolved argument
        lines.append(
            tr("Successful once %1 measurements in a row succeed.").arg(successes.toString()));
    lines.append(tr("An unset limit is Argo Rollouts' default: failureLimit %1, "
                    "inconclusiveLimit %2, consecutiveErrorLimit %3.")
                     .arg(defaultFailureLimit)
                     .arg(defaultInconclusiveLimit)
                     .arg(defaultConsecutiveErrorLimit));
    return lines.join(QLatin1Char('\n'));
}

QString MetricDescription::schedule(const AnalysisMetric &metric)
{
    const QString interval = metric.interval.trimmed();
    bool numeric = metric.count.isInt();
    qint32 count = metric.count.intValue;
    if (metric.count.isString())
        count = metric.count.stringValue.toInt(&numeric);
    QString text;
    if (metric.count.isSet() && !numeric) {
        text = tr("count %1").arg(metric.count.toString()); // an unresolved argument
    } else if (count > 0) {
        text = tr("%n measurements", nullptr, count);
        if (!interval.isEmpty())
            text = tr("%1, every %2").arg(text, interval);
    } else {
        // Metric.EffectiveCount: no count means once without an interval, else no end.
        text = interval.isEmpty() ? tr("%n measurements", nullptr, 1)
                                  : tr("Every %1 until the run is terminated").arg(interval);
    }
    if (!metric.initialDelay.trimmed().isEmpty())
        text = tr("%1, initial delay %2").arg(text, metric.initialDelay.trimmed());
    return text;
}

QString MetricDescription::judgement(const Measurement &m, const AnalysisMetric *metric)
{
    if (m.phase == QLatin1String("Error"))
        return m.message.isEmpty() ? tr("Error without a message") : oneLine(m.message);
    if (m.phase == QLatin1String("Running") || m.phase == QLatin1String("Pending"))
        return tr("Measuring\u2026");
    if (!metric)
        return QString();
    const QString success = oneLine(metric->successCondition);
    const QString failure = oneLine(metric->failureCondition);
    const bool none = success.isEmpty() && failure.isEmpty();
    if (m.phase == QLatin1String("Successful")) {
        if (none)
            return isJob(*metric) ? tr("No conditions: the Job succeeded")
                                  : tr("No conditions: any result succeeds");
        return success.isEmpty() ? tr("Did not meet failureCondition: %1").arg(failure)
                                 : tr("Met successCondition: %1").arg(success);
    }
    if (m.phase == QLatin1String("Failed")) {
        if (none)
            return isJob(*metric) ? tr("No conditions: the Job failed")
                                  : tr("No conditions: the provider reported a failure");
        return failure.isEmpty() ? tr("Did not meet successCondition: %1").arg(success)
                                 : tr("Met failureCondition: %1").arg(failure);
    }
    if (m.phase == QLatin1String("Inconclusive"))
        return none ? tr("No conditions: the provider reported it inconclusive")
                    : tr("Neither condition decided");
    return QString();
}

QString MetricDescription::judgementExplained(const Measurement &m, const AnalysisMetric *metric)
{
    if (m.phase == QLatin1String("Error"))
        return tr("Error: %1\nErrors count towards consecutiveErrorLimit, not failureLimit.")
            .arg(m.message.isEmpty() ? tr("no message") : m.message);
    if (!metric || m.phase == QLatin1String("Running") || m.phase == QLatin1String("Pending"))
        return judgement(m, metric);
    const QString success = oneLine(metric->successCondition);
    const QString failure = oneLine(metric->failureCondition);
    const QString result = resultText(m);
    if (success.isEmpty() && failure.isEmpty())
        return judgement(m, metric);
    if (m.phase == QLatin1String("Successful"))
        return success.isEmpty()
            ? tr("Successful: %1 did not meet the failureCondition %2, and no successCondition "
                 "is set.")
                  .arg(result, failure)
            : tr("Successful: %1 met the successCondition %2.").arg(result, success);
    if (m.phase == QLatin1String("Failed"))
        return failure.isEmpty()
            ? tr("Failed: %1 did not meet the successCondition %2, and no failureCondition is "
                 "set.")
                  .arg(result, success)
            : tr("Failed: %1 met the failureCondition %2 (it wins over any successCondition).")
                  .arg(result, failure);
    if (m.phase == QLatin1String("Inconclusive") && !success.isEmpty() && !failure.isEmpty())
        return tr("Inconclusive: %1 met neither the successCondition %2 nor the "
                  "failureCondition %3.")
            .arg(result, success, failure);
    if (m.phase == QLatin1String("Inconclusive"))
        return tr("Inconclusive: %1 was not decided by the conditions; the provider reported it "
                  "inconclusive.")
            .arg(result);
    return QString();
}

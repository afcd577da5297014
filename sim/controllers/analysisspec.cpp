// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysisspec.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace rdsim {

namespace {

bool substitute(QString *text, const QHash<QString, QString> &values, QString *error)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text->indexOf(QLatin1String("{{"), from);
        if (open < 0)
            return true;
        const qsizetype close = text->indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            return true;
        const QString tag = text->mid(open + 2, close - open - 2).trimmed();
        const auto value = values.constFind(tag);
        if (value == values.constEnd()) {
            *error = QStringLiteral("failed to resolve {{%1}}").arg(tag);
            return false;
        }
        text->replace(open, close + 2 - open, *value);
        from = open + value->size();
    }
}

bool substituteAll(QJsonValue *value, const QHash<QString, QString> &values, QString *error)
{
    if (value->isString()) {
        QString text = value->toString();
        if (!substitute(&text, values, error))
            return false;
        *value = text;
    } else if (value->isObject()) {
        QJsonObject object = value->toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue item = it.value();
            if (!substituteAll(&item, values, error))
                return false;
            it.value() = item;
        }
        *value = object;
    } else if (value->isArray()) {
        QJsonArray array = value->toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            if (!substituteAll(&item, values, error))
                return false;
            array.replace(i, item);
        }
        *value = array;
    }
    return true;
}

QString validateMetric(const AnalysisMetricSpec &m)
{
    const int count = m.count.value_or(0);
    const int failureLimit = m.failureLimit.value_or(0);
    const int inconclusiveLimit = m.inconclusiveLimit.value_or(0);
    if (count > 0) {
        if (count < failureLimit)
            return QStringLiteral("count must be >= failureLimit");
        if (count < inconclusiveLimit)
            return QStringLiteral("count must be >= inconclusiveLimit");
    }
    if (count > 1 && m.interval.isEmpty())
        return QStringLiteral("interval must be specified when count > 1");
    QString error;
    if (!m.interval.isEmpty() && !GoDuration::parseMs(m.interval, &error))
        return QStringLiteral("invalid interval string: ") + error;
    if (!m.initialDelay.isEmpty() && !GoDuration::parseMs(m.initialDelay, &error))
        return QStringLiteral("invalid startDelay string: ") + error;
    if (inconclusiveLimit < 0)
        return QStringLiteral("inconclusiveLimit must be >= 0");
    if (m.consecutiveErrorLimit && *m.consecutiveErrorLimit < 0)
        return QStringLiteral("consecutiveErrorLimit must be >= 0");
    const QString providers = m.providerName();
    if (providers.isEmpty())
        return QStringLiteral("no provider specified");
    if (providers.contains(u','))
        return QStringLiteral("multiple providers specified");
    return {};
}

// Go's regexp.MatchString: an unanchored search; a pattern that does not compile matches
// nothing.
bool matches(const QString &pattern, const QString &name)
{
    const QRegularExpression re(pattern);
    return re.isValid() && re.match(name).hasMatch();
}

} // namespace

namespace AnalysisSpec {

std::optional<QList<AnalysisMetricSpec>> resolveMetrics(const QJsonArray &metrics,
                                                        const QJsonArray &args, QString *error)
{
    QHash<QString, QString> values;
    for (const QJsonValue &value : args) {
        const QJsonObject arg = value.toObject();
        const QString key = QStringLiteral("args.") + arg.value(QLatin1String("name")).toString();
        if (arg.contains(QLatin1String("value")))
            values.insert(key, arg.value(QLatin1String("value")).toString());
        else if (arg.value(QLatin1String("valueFrom"))
                     .toObject()
                     .contains(QLatin1String("secretKeyRef")))
            values.insert(key, QStringLiteral("temp-for-secret"));
    }
    QList<AnalysisMetricSpec> resolved;
    for (const QJsonValue &metric : metrics) {
        QJsonValue copy = metric;
        QString what;
        if (!substituteAll(&copy, values, &what)) {
            if (error)
                *error = what;
            return std::nullopt;
        }
        resolved.append(AnalysisMetricSpec::fromJson(copy.toObject()));
    }
    return resolved;
}

QString validateMetrics(const QList<AnalysisMetricSpec> &metrics)
{
    if (metrics.isEmpty())
        return QStringLiteral("no metrics specified");
    QSet<QString> names;
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        const AnalysisMetricSpec &metric = metrics.at(i);
        if (names.contains(metric.name))
            return QStringLiteral("metrics[%1]: duplicate name '%2'").arg(i).arg(metric.name);
        names.insert(metric.name);
        const QString error = validateMetric(metric);
        if (!error.isEmpty())
            return QStringLiteral("metrics[%1]: %2").arg(i).arg(error);
    }
    return {};
}

std::optional<QHash<QString, bool>>
dryRunMetrics(const QJsonArray &rules, const QList<AnalysisMetricSpec> &metrics, QString *error)
{
    QHash<QString, bool> result;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString pattern
            = rules.at(i).toObject().value(QLatin1String("metricName")).toString();
        int matched = 0;
        for (const AnalysisMetricSpec &metric : metrics) {
            if (matches(pattern, metric.name)) {
                result.insert(metric.name, true);
                ++matched;
            }
        }
        if (matched == 0) {
            if (error)
                *error = QStringLiteral("dryRun[%1]: Rule didn't match any metric name(s)").arg(i);
            return std::nullopt;
        }
    }
    return result;
}

std::optional<QHash<QString, int>>
retentionLimits(const QJsonArray &rules, const QList<AnalysisMetricSpec> &metrics, QString *error)
{
    QHash<QString, int> result;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject rule = rules.at(i).toObject();
        const QString pattern = rule.value(QLatin1String("metricName")).toString();
        const int limit = rule.value(QLatin1String("limit")).toInt();
        int matched = 0;
        for (const AnalysisMetricSpec &metric : metrics) {
            if (matches(pattern, metric.name)) {
                if (limit > 0)
                    result.insert(metric.name, limit);
                ++matched;
            }
        }
        if (matched == 0) {
            if (error) {
                *error = QStringLiteral("measurementRetention[%1]: Rule didn't match any metric "
                                        "name(s)")
                             .arg(i);
            }
            return std::nullopt;
        }
    }
    return result;
}

} // namespace AnalysisSpec

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysistypes.h"

#include <QJsonArray>

#include <cmath>

namespace rdsim {

namespace {

void putNonEmpty(QJsonObject &json, const char *key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(QLatin1String(key), value);
}

void putNonZero(QJsonObject &json, const char *key, int value)
{
    if (value != 0)
        json.insert(QLatin1String(key), value);
}

QString takeString(QJsonObject &json, const char *key)
{
    const QString value = json.value(QLatin1String(key)).toString();
    json.remove(QLatin1String(key));
    return value;
}

// IntOrString as Go's intstr.IntValue reads it: a number, or a string holding one (0 if not).
std::optional<int> intOrString(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isDouble())
        return value.toInt();
    if (value.isString())
        return value.toString().trimmed().toInt();
    return std::nullopt;
}

} // namespace

AnalysisMeasurement AnalysisMeasurement::fromJson(const QJsonObject &json)
{
    AnalysisMeasurement m;
    m.other = json;
    m.phase = takeString(m.other, "phase");
    m.message = takeString(m.other, "message");
    m.startedAt = takeString(m.other, "startedAt");
    m.finishedAt = takeString(m.other, "finishedAt");
    m.value = takeString(m.other, "value");
    return m;
}

QJsonObject AnalysisMeasurement::toJson() const
{
    QJsonObject json = other;
    json.insert(QLatin1String("phase"), phase);
    putNonEmpty(json, "message", message);
    putNonEmpty(json, "startedAt", startedAt);
    putNonEmpty(json, "finishedAt", finishedAt);
    putNonEmpty(json, "value", value);
    return json;
}

AnalysisMetricResult AnalysisMetricResult::fromJson(const QJsonObject &json)
{
    AnalysisMetricResult r;
    r.name = json.value(QLatin1String("name")).toString();
    r.phase = json.value(QLatin1String("phase")).toString();
    r.message = json.value(QLatin1String("message")).toString();
    for (const QJsonValue &m : json.value(QLatin1String("measurements")).toArray())
        r.measurements.append(AnalysisMeasurement::fromJson(m.toObject()));
    r.count = json.value(QLatin1String("count")).toInt();
    r.successful = json.value(QLatin1String("successful")).toInt();
    r.failed = json.value(QLatin1String("failed")).toInt();
    r.inconclusive = json.value(QLatin1String("inconclusive")).toInt();
    r.error = json.value(QLatin1String("error")).toInt();
    r.consecutiveError = json.value(QLatin1String("consecutiveError")).toInt();
    r.consecutiveSuccess = json.value(QLatin1String("consecutiveSuccess")).toInt();
    r.dryRun = json.value(QLatin1String("dryRun")).toBool();
    r.metadata = json.value(QLatin1String("metadata")).toObject();
    return r;
}

QJsonObject AnalysisMetricResult::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String("name"), name);
    json.insert(QLatin1String("phase"), phase);
    if (!measurements.isEmpty()) {
        QJsonArray array;
        for (const AnalysisMeasurement &m : measurements)
            array.append(m.toJson());
        json.insert(QLatin1String("measurements"), array);
    }
    putNonEmpty(json, "message", message);
    putNonZero(json, "count", count);
    putNonZero(json, "successful", successful);
    putNonZero(json, "failed", failed);
    putNonZero(json, "inconclusive", inconclusive);
    putNonZero(json, "error", error);
    putNonZero(json, "consecutiveError", consecutiveError);
    if (dryRun)
        json.insert(QLatin1String("dryRun"), true);
    if (!metadata.isEmpty())
        json.insert(QLatin1String("metadata"), metadata);
    putNonZero(json, "consecutiveSuccess", consecutiveSuccess);
    return json;
}

void AnalysisRunSummary::add(const QString &phase)
{
    if (phase == AnalysisPhaseName::Error)
        ++error;
    else if (phase == AnalysisPhaseName::Failed)
        ++failed;
    else if (phase == AnalysisPhaseName::Inconclusive)
        ++inconclusive;
    else
        ++successful; // Argo counts anything else that completed as a success
}

QJsonObject AnalysisRunSummary::toJson() const
{
    QJsonObject json;
    putNonZero(json, "count", count);
    putNonZero(json, "successful", successful);
    putNonZero(json, "failed", failed);
    putNonZero(json, "inconclusive", inconclusive);
    putNonZero(json, "error", error);
    return json;
}

AnalysisRunStatus AnalysisRunStatus::fromJson(const QJsonObject &json)
{
    AnalysisRunStatus s;
    s.other = json;
    s.phase = takeString(s.other, "phase");
    s.message = takeString(s.other, "message");
    s.startedAt = takeString(s.other, "startedAt");
    s.completedAt = takeString(s.other, "completedAt");
    for (const QJsonValue &r : json.value(QLatin1String("metricResults")).toArray())
        s.metricResults.append(AnalysisMetricResult::fromJson(r.toObject()));
    s.other.remove(QLatin1String("metricResults"));
    const QJsonObject summary = json.value(QLatin1String("runSummary")).toObject();
    s.runSummary.count = summary.value(QLatin1String("count")).toInt();
    s.runSummary.successful = summary.value(QLatin1String("successful")).toInt();
    s.runSummary.failed = summary.value(QLatin1String("failed")).toInt();
    s.runSummary.inconclusive = summary.value(QLatin1String("inconclusive")).toInt();
    s.runSummary.error = summary.value(QLatin1String("error")).toInt();
    s.other.remove(QLatin1String("runSummary"));
    if (json.contains(QLatin1String("dryRunSummary"))) {
        const QJsonObject dry = json.value(QLatin1String("dryRunSummary")).toObject();
        AnalysisRunSummary d;
        d.count = dry.value(QLatin1String("count")).toInt();
        d.successful = dry.value(QLatin1String("successful")).toInt();
        d.failed = dry.value(QLatin1String("failed")).toInt();
        d.inconclusive = dry.value(QLatin1String("inconclusive")).toInt();
        d.error = dry.value(QLatin1String("error")).toInt();
        s.dryRunSummary = d;
        s.other.remove(QLatin1String("dryRunSummary"));
    }
    return s;
}

QJsonObject AnalysisRunStatus::toJson() const
{
    QJsonObject json = other;
    json.insert(QLatin1String("phase"), phase);
    putNonEmpty(json, "message", message);
    if (!metricResults.isEmpty()) {
        QJsonArray array;
        for (const AnalysisMetricResult &r : metricResults)
            array.append(r.toJson());
        json.insert(QLatin1String("metricResults"), array);
    }
    putNonEmpty(json, "startedAt", startedAt);
    json.insert(QLatin1String("runSummary"), runSummary.toJson());
    if (dryRunSummary)
        json.insert(QLatin1String("dryRunSummary"), dryRunSummary->toJson());
    putNonEmpty(json, "completedAt", completedAt);
    return json;
}

AnalysisMetricResult *AnalysisRunStatus::result(const QString &metricName)
{
    for (AnalysisMetricResult &r : metricResults) {
        if (r.name == metricName)
            return &r;
    }
    return nullptr;
}

const AnalysisMetricResult *AnalysisRunStatus::result(const QString &metricName) const
{
    return const_cast<AnalysisRunStatus *>(this)->result(metricName);
}

AnalysisMetricSpec AnalysisMetricSpec::fromJson(const QJsonObject &json)
{
    AnalysisMetricSpec m;
    m.name = json.value(QLatin1String("name")).toString();
    m.interval = json.value(QLatin1String("interval")).toString();
    m.initialDelay = json.value(QLatin1String("initialDelay")).toString();
    m.count = intOrString(json, "count");
    m.failureLimit = intOrString(json, "failureLimit");
    m.inconclusiveLimit = intOrString(json, "inconclusiveLimit");
    m.consecutiveErrorLimit = intOrString(json, "consecutiveErrorLimit");
    m.consecutiveSuccessLimit = intOrString(json, "consecutiveSuccessLimit");
    m.successCondition = json.value(QLatin1String("successCondition")).toString();
    m.failureCondition = json.value(QLatin1String("failureCondition")).toString();
    m.provider = json.value(QLatin1String("provider")).toObject();
    return m;
}

std::optional<int> AnalysisMetricSpec::effectiveCount() const
{
    if (!count || *count == 0) {
        if (interval.isEmpty())
            return 1;
        return std::nullopt;
    }
    return count;
}

QString AnalysisMetricSpec::providerName() const
{
    QStringList names;
    for (auto it = provider.begin(); it != provider.end(); ++it) {
        if (it.key() == QLatin1String("plugin")) {
            const QJsonObject plugins = it.value().toObject();
            for (auto p = plugins.begin(); p != plugins.end(); ++p)
                names << p.key();
        } else if (!it.value().isNull()) {
            names << it.key();
        }
    }
    return names.join(QStringLiteral(", "));
}

namespace GoDuration {

std::optional<qint64> parseMs(const QString &text, QString *error)
{
    // -> QString: with QStringBuilder an `auto` result would point into a dead temporary.
    const auto quoted = [](const QString &s) -> QString { return u'"' + s + u'"'; };
    const auto invalid = [&]() {
        if (error)
            *error = QStringLiteral("time: invalid duration ") + quoted(text);
        return std::nullopt;
    };
    static const QList<QPair<QString, double>> units
        = {{QStringLiteral("ns"), 1e-6},      {QStringLiteral("us"), 1e-3},
           {QStringLiteral("\u00b5s"), 1e-3}, {QStringLiteral("\u03bcs"), 1e-3},
           {QStringLiteral("ms"), 1.0},       {QStringLiteral("s"), 1e3},
           {QStringLiteral("m"), 60e3},       {QStringLiteral("h"), 3600e3}};
    QString s = text;
    bool negative = false;
    if (!s.isEmpty() && (s.front() == u'-' || s.front() == u'+')) {
        negative = s.front() == u'-';
        s.remove(0, 1);
    }
    if (s == QLatin1String("0"))
        return 0;
    if (s.isEmpty())
        return invalid();
    double totalMs = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        if (!(s.at(i).isDigit() || s.at(i) == u'.'))
            return invalid();
        const qsizetype numberStart = i;
        while (i < s.size() && s.at(i).isDigit())
            ++i;
        bool digits = i > numberStart;
        if (i < s.size() && s.at(i) == u'.') {
            const qsizetype fractionStart = ++i;
            while (i < s.size() && s.at(i).isDigit())
                ++i;
            digits = digits || i > fractionStart;
        }
        if (!digits)
            return invalid();
        const double number = s.mid(numberStart, i - numberStart).toDouble();
        const qsizetype unitStart = i;
        while (i < s.size() && s.at(i) != u'.' && !s.at(i).isDigit())
            ++i;
        const QString unit = s.mid(unitStart, i - unitStart);
        if (unit.isEmpty()) {
            if (error)
                *error = QStringLiteral("time: missing unit in duration ") + quoted(text);
            return std::nullopt;
        }
        bool known = false;
        for (const auto &[name, factor] : units) {
            if (name == unit) {
                totalMs += number * factor;
                known = true;
            }
        }
        if (!known) {
            if (error) {
                *error = QStringLiteral("time: unknown unit ") + quoted(unit)
                    + QStringLiteral(" in duration ") + quoted(text);
            }
            return std::nullopt;
        }
    }
    const qint64 ms = qint64(std::llround(totalMs));
    return negative ? -ms : ms;
}

} // namespace GoDuration

} // namespace rdsim

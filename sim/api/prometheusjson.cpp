// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/prometheusjson.h"

#include <QLocale>

#include <cmath>

namespace rdsim::PrometheusJson {

QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == 0)
        return std::signbit(value) ? QByteArrayLiteral("-0") : QByteArrayLiteral("0");
    // Qt's shortest round-trip digits are Go's strconv.FormatFloat(v, fmt, -1, 64), including
    // the two-digit exponent ("1e-07").
    const double magnitude = std::abs(value);
    const char format = magnitude < 1e-6 || magnitude >= 1e21 ? 'e' : 'f';
    return QByteArray::number(value, format, QLocale::FloatingPointShortest);
}

QByteArray formatTimestamp(qint64 ms)
{
    QByteArray out;
    if (ms < 0) {
        out += '-';
        ms = -ms;
    }
    out += QByteArray::number(ms / 1000);
    const qint64 fraction = ms % 1000;
    if (fraction != 0) {
        out += '.';
        out += QByteArray::number(fraction).rightJustified(3, '0');
    }
    return out;
}

QByteArray quote(const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u == '"') {
            out += QStringLiteral("\\\"");
        } else if (u == '\\') {
            out += QStringLiteral("\\\\");
        } else if (u == '\n') {
            out += QStringLiteral("\\n");
        } else if (u == '\r') {
            out += QStringLiteral("\\r");
        } else if (u == '\t') {
            out += QStringLiteral("\\t");
        } else if (u < 0x20 || u == '<' || u == '>' || u == '&' || u == 0x2028 || u == 0x2029) {
            out += QStringLiteral("\\u");
            for (int shift = 12; shift >= 0; shift -= 4)
                out += QLatin1Char(hex[(u >> shift) & 0xF]);
        } else {
            out += c; // surrogate pairs stay together and become one UTF-8 sequence
        }
    }
    out += u'"';
    return out.toUtf8();
}

QByteArray labels(const promql::Labels &labels)
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i > 0)
            out += ',';
        out += quote(labels.at(i).first) + ':' + quote(labels.at(i).second);
    }
    return out + '}';
}

namespace {

QByteArray point(qint64 t, const QByteArray &value)
{
    return '[' + formatTimestamp(t) + ",\"" + value + "\"]";
}

QByteArray resultTypeName(promql::ValueType type)
{
    switch (type) {
    case promql::ValueType::Scalar:
        return "scalar";
    case promql::ValueType::Vector:
        return "vector";
    case promql::ValueType::Matrix:
        return "matrix";
    case promql::ValueType::String:
        return "string";
    }
    return {};
}

} // namespace

QByteArray queryData(const promql::QueryResult &result)
{
    QByteArray out = "{\"resultType\":\"" + resultTypeName(result.type) + "\",\"result\":";
    switch (result.type) {
    case promql::ValueType::Scalar:
        out += point(result.timeMs, formatValue(result.scalar));
        break;
    case promql::ValueType::String: {
        // The value is a JSON string already quoted; reuse the point layout around it.
        out += '[' + formatTimestamp(result.timeMs) + ',' + quote(result.string) + ']';
        break;
    }
    case promql::ValueType::Vector:
        out += '[';
        for (qsizetype i = 0; i < result.vector.size(); ++i) {
            const promql::Sample &sample = result.vector.at(i);
            if (i > 0)
                out += ',';
            out += "{\"metric\":" + labels(sample.labels)
                + ",\"value\":" + point(result.timeMs, formatValue(sample.value)) + '}';
        }
        out += ']';
        break;
    case promql::ValueType::Matrix:
        out += '[';
        for (qsizetype i = 0; i < result.matrix.size(); ++i) {
            const promql::Series &series = result.matrix.at(i);
            if (i > 0)
                out += ',';
            out += "{\"metric\":" + labels(series.labels) + ",\"values\":[";
            for (qsizetype p = 0; p < series.points.size(); ++p) {
                if (p > 0)
                    out += ',';
                out += point(series.points.at(p).t, formatValue(series.points.at(p).v));
            }
            out += "]}";
        }
        out += ']';
        break;
    }
    return out + '}';
}

QByteArray stringArray(const QStringList &values)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += quote(values.at(i));
    }
    return out + ']';
}

QByteArray labelSets(const QList<promql::Labels> &sets)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < sets.size(); ++i) {
        if (i > 0)
            out += ',';
        out += labels(sets.at(i));
    }
    return out + ']';
}

QByteArray success(const QByteArray &data, const QStringList &warnings)
{
    QByteArray out = "{\"status\":\"success\",\"data\":" + data;
    if (!warnings.isEmpty())
        out += ",\"warnings\":" + stringArray(warnings);
    return out + '}';
}

QByteArray error(const QString &type, const QString &message)
{
    return "{\"status\":\"error\",\"errorType\":" + quote(type) + ",\"error\":" + quote(message)
        + '}';
}

int httpStatus(const QString &errorType)
{
    if (errorType == QLatin1String("bad_data"))
        return 400;
    if (errorType == QLatin1String("execution"))
        return 422;
    if (errorType == QLatin1String("timeout") || errorType == QLatin1String("canceled"))
        return 503;
    if (errorType == QLatin1String("not_found"))
        return 404;
    return 500; // internal, unavailable
}

} // namespace rdsim::PrometheusJson

// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/prometheusparams.h"

#include "metrics/promqllexer.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTime>

#include <httplib.h>

#include <cmath>
#include <limits>

namespace rdsim {

namespace {

// Go's %q for the plain strings these messages quote.
QString goQuote(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + out + u'"';
}

QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

// Prometheus' MinTime / MaxTime: the extremes a Go time survives a round trip through Unix
// milliseconds with.
constexpr qint64 kGoUnixToInternal = 62135596801LL;
constexpr qint64 kMinTimeMs
    = (std::numeric_limits<qint64>::min() / 1000 + kGoUnixToInternal) * 1000;
constexpr qint64 kMaxTimeMs
    = (std::numeric_limits<qint64>::max() / 1000 - kGoUnixToInternal) * 1000 + 999;

} // namespace

PrometheusParams PrometheusParams::fromRequest(const httplib::Request &request)
{
    PrometheusParams params;
    const QString contentType = QString::fromStdString(request.get_header_value("Content-Type"));
    if (request.method == "POST"
        && contentType.startsWith(QLatin1String("application/x-www-form-urlencoded"),
                                  Qt::CaseInsensitive)) {
        params.addEncoded(QByteArray::fromStdString(request.body));
    }
    const std::string::size_type question = request.target.find('?');
    if (question != std::string::npos)
        params.addEncoded(QByteArray::fromStdString(request.target.substr(question + 1)));
    return params;
}

void PrometheusParams::addEncoded(const QByteArray &encoded)
{
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        m_values.append({decodeComponent(key), decodeComponent(value)});
    }
}

bool PrometheusParams::has(const QString &name) const
{
    for (const auto &[key, value] : m_values) {
        if (key == name)
            return true;
    }
    return false;
}

QString PrometheusParams::value(const QString &name) const
{
    for (const auto &[key, value] : m_values) {
        if (key == name)
            return value;
    }
    return {};
}

QStringList PrometheusParams::values(const QString &name) const
{
    QStringList out;
    for (const auto &[key, value] : m_values) {
        if (key == name)
            out << value;
    }
    return out;
}

qint64 PrometheusParams::minTimeMs()
{
    return kMinTimeMs;
}

qint64 PrometheusParams::maxTimeMs()
{
    return kMaxTimeMs;
}

std::optional<qint64> PrometheusParams::parseTimeMs(const QString &text, QString *error)
{
    static const QRegularExpression numeric(
        QStringLiteral("^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$"));
    if (numeric.match(text).hasMatch()) {
        const double seconds = text.toDouble();
        if (std::isfinite(seconds) && std::abs(seconds) < 9.2e15) {
            const double whole = std::trunc(seconds);
            return qint64(whole) * 1000 + qint64(std::round((seconds - whole) * 1000));
        }
    }
    static const QRegularExpression rfc3339(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
                       "(?:(Z)|([+-])(\\d{2}):(\\d{2}))$"));
    const QRegularExpressionMatch m = rfc3339.match(text);
    if (m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
        if (date.isValid() && time.isValid()) {
            qint64 ms = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
            // Go keeps nanoseconds; Prometheus truncates them to milliseconds.
            ms += m.captured(7).left(3).leftJustified(3, u'0').toLongLong();
            if (m.captured(8).isEmpty()) {
                const qint64 offset
                    = (m.captured(10).toLongLong() * 60 + m.captured(11).toLongLong()) * 60000;
                ms += m.captured(9) == QLatin1String("+") ? -offset : offset;
            }
            return ms;
        }
    }
    if (text == QLatin1String("-292273086-05-16T16:47:06Z"))
        return kMinTimeMs;
    if (text == QLatin1String("292277025-08-18T07:12:54.999999999Z"))
        return kMaxTimeMs;
    if (error)
        *error = QStringLiteral("cannot parse %1 to a valid timestamp").arg(goQuote(text));
    return std::nullopt;
}

std::optional<double> PrometheusParams::parseDurationNs(const QString &text, QString *error)
{
    static const QRegularExpression numeric(
        QStringLiteral("^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$"));
    if (numeric.match(text).hasMatch()) {
        const double ns = text.toDouble() * 1e9;
        if (ns > 9.2e18 || ns < -9.2e18) {
            if (error)
                *error = QStringLiteral("cannot parse %1 to a valid duration. It overflows int64")
                             .arg(goQuote(text));
            return std::nullopt;
        }
        return std::trunc(ns);
    }
    const qint64 ms = promql::parseDurationMs(text);
    if (ms >= 0)
        return double(ms) * 1e6;
    if (error)
        *error = QStringLiteral("cannot parse %1 to a valid duration").arg(goQuote(text));
    return std::nullopt;
}

} // namespace rdsim

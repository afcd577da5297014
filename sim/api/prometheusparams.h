// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace httplib {
struct Request;
}

namespace rdsim {

// The form values of a Prometheus API request as Go's Request.FormValue sees them: the
// form-encoded body first (POST), then the URL query. Also the parsers of v2.42's web API for
// times and durations, with its error messages.
class PrometheusParams
{
public:
    static PrometheusParams fromRequest(const httplib::Request &request);
    // `query` is a URL query or form body ("a=1&b=%20x+y").
    void addEncoded(const QByteArray &encoded);

    bool has(const QString &name) const;
    QString value(const QString &name) const; // the first one; empty when absent
    QStringList values(const QString &name) const;

    // RFC 3339 (any fraction of a second, kept to the millisecond) or Unix seconds (rounded
    // to the millisecond), as Prometheus' parseTime. nullopt with *error
    // `cannot parse "X" to a valid timestamp`.
    static std::optional<qint64> parseTimeMs(const QString &text, QString *error);
    // Float seconds or a Prometheus duration ("5m", "1h30m"), in nanoseconds as Go's
    // time.Duration. nullopt with *error `cannot parse "X" to a valid duration`.
    static std::optional<double> parseDurationNs(const QString &text, QString *error);

    // The times Prometheus uses when start / end are not given.
    static qint64 minTimeMs();
    static qint64 maxTimeMs();

private:
    QList<QPair<QString, QString>> m_values;
};

} // namespace rdsim

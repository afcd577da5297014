// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decoded.h"
#include "promerror.h"
#include "stringmap.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>

// One point of a series: Prometheus timestamps are milliseconds (the API writes seconds with
// up to three decimals). NaN and ±Inf are ordinary values here, as in PromQL.
struct PromSample
{
    qint64 timestampMs = 0;
    double value = 0;

    // Bitwise for the value, so NaN == NaN: tests compare decoded series exactly.
    bool operator==(const PromSample &o) const;
    bool operator!=(const PromSample &o) const { return !(*this == o); }
};

// A labelled series: the samples of a matrix, or the single sample of a vector element.
struct PromSeries
{
    StringMap labels; // includes __name__ when the result keeps it
    QList<PromSample> samples; // ascending time

    bool operator==(const PromSeries &o) const
    {
        return labels == o.labels && samples == o.samples;
    }
    bool operator!=(const PromSeries &o) const { return !(*this == o); }
};

enum class PromResultType { None, Vector, Matrix, Scalar, String };

// The answer of /api/v1/query or /api/v1/query_range.
struct PromQueryResult
{
    PromError error;
    QStringList warnings; // the server's warnings (Thanos partial responses, remote read ...)
    QList<DecodeIssue> issues; // parts this client could not read (e.g. a malformed value)
    PromResultType resultType = PromResultType::None;
    QList<PromSeries> series; // vector and matrix
    PromSample scalar; // scalar (and the timestamp of a string)
    QString stringValue; // string
    int skippedHistograms = 0; // series with native histogram samples (not shown)
    // Range queries: the step actually asked for (raised to stay within 11,000 points).
    qint64 stepMs = 0;

    bool isOk() const { return !error.isError(); }
};

// /api/v1/series: one label set per series.
struct PromSeriesList
{
    PromError error;
    QStringList warnings;
    QList<DecodeIssue> issues;
    QList<StringMap> series;

    bool isOk() const { return !error.isError(); }
};

// /api/v1/labels and /api/v1/label/NAME/values.
struct PromStringList
{
    PromError error;
    QStringList warnings;
    QList<DecodeIssue> issues;
    QStringList values;

    bool isOk() const { return !error.isError(); }
};

// /api/v1/status/buildinfo.
struct PromBuildInfo
{
    PromError error;
    QStringList warnings;
    QList<DecodeIssue> issues;
    QString version; // "2.42.0" (Debian: "2.42.0+ds")
    QString revision;
    QString branch;
    QString buildUser;
    QString buildDate;
    QString goVersion;

    bool isOk() const { return !error.isError(); }
};

// Orders series by their labels (name by name, then value), as Prometheus orders a matrix; an
// instant vector arrives in no particular order, and a legend should not reshuffle.
void sortSeriesByLabels(QList<PromSeries> &series);

// Parses a sample value exactly as Go's strconv.ParseFloat reads what Prometheus writes:
// decimal and exponent forms ("0.0000001", "1e-07", "1.5E+21"), "NaN", "+Inf", "-Inf"
// (and Go's other spellings: "Inf", "inf", "Infinity"). nullopt for anything else, including
// trailing garbage, an empty string and values out of double's range.
std::optional<double> parsePromValue(std::string_view text);
std::optional<double> parsePromValue(const QString &text);

// Prometheus API time parameters: unix seconds with up to three decimals ("1700000000",
// "1700000000.25"), as the server's parser reads them exactly.
QString formatPromTime(qint64 epochMs);
// A step or duration in seconds: "15", "0.5", "235.637".
QString formatPromSeconds(qint64 ms);

Q_DECLARE_METATYPE(PromSample)
Q_DECLARE_METATYPE(PromSeries)
Q_DECLARE_METATYPE(PromQueryResult)
Q_DECLARE_METATYPE(PromSeriesList)
Q_DECLARE_METATYPE(PromStringList)
Q_DECLARE_METATYPE(PromBuildInfo)

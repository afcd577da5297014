// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/promqlevaluator.h"

#include <QList>
#include <QString>

namespace rdsim {

class PodHistory;
class SyntheticMetrics;

namespace promql {

// The answer to a query: a value of resultType, or an error of Prometheus' errorType
// ("bad_data" for a query that does not parse or type-check, "execution" for one that fails
// while evaluating). bad_data messages are those Prometheus wraps in `invalid parameter
// "query": ...`.
struct QueryResult
{
    QString errorType;
    QString error;
    ValueType type = ValueType::Vector;
    qint64 timeMs = 0; // of a scalar or string result
    double scalar = 0;
    QString string;
    QList<Sample> vector; // sorted by labels
    QList<Series> matrix; // sorted by labels

    bool ok() const { return errorType.isEmpty(); }
};

// PromQL over one cluster's synthetic metrics: the pod history says which series existed
// when, SyntheticMetrics' closed forms give their values. One engine per request; it reads a
// snapshot of the history, so a query sees one consistent past.
class Engine
{
public:
    struct Options
    {
        qint64 scrapeIntervalMs = 15000; // the virtual scrape grid
        qint64 lookbackMs = 300000; // Prometheus' --query.lookback-delta default
    };
    static constexpr qint64 kMaxPoints = 11000;

    Engine(const SyntheticMetrics &metrics, const PodHistory &history, qint64 nowMs);
    Engine(const SyntheticMetrics &metrics, const PodHistory &history, qint64 nowMs,
           const Options &options);

    QueryResult instantQuery(const QString &query, qint64 atMs) const;
    QueryResult rangeQuery(const QString &query, qint64 startMs, qint64 endMs, qint64 stepMs) const;
    // The label sets of the series that match any of the selectors and have a sample in
    // [startMs, endMs], sorted.
    QList<Labels> series(const QList<QList<Matcher>> &selectors, qint64 startMs,
                         qint64 endMs) const;

private:
    // How far before a query's first evaluation time its selectors read.
    qint64 lookbehindMs(const Expr &expr) const;

    const SyntheticMetrics &m_metrics;
    const PodHistory &m_history;
    qint64 m_nowMs;
    Options m_options;
};

} // namespace promql
} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promqlengine.h"

#include "metrics/podhistory.h"
#include "metrics/promqlparser.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace rdsim::promql {

namespace {

QueryResult failure(const QString &type, const QString &message)
{
    QueryResult result;
    result.errorType = type;
    result.error = message;
    return result;
}

const QString kBadData = QStringLiteral("bad_data");
const QString kExecution = QStringLiteral("execution");

bool sortAndCheckUnique(QList<Sample> *vector)
{
    std::sort(vector->begin(), vector->end(),
              [](const Sample &a, const Sample &b) { return labelsLess(a.labels, b.labels); });
    for (qsizetype i = 1; i < vector->size(); ++i) {
        if (vector->at(i).labels == vector->at(i - 1).labels)
            return false;
    }
    return true;
}

const QString kSameLabelset
    = QStringLiteral("vector cannot contain metrics with the same labelset");

} // namespace

Engine::Engine(const SyntheticMetrics &metrics, const PodHistory &history, qint64 nowMs) :
    Engine(metrics, history, nowMs, Options())
{ }

Engine::Engine(const SyntheticMetrics &metrics, const PodHistory &history, qint64 nowMs,
               const Options &options) :
    m_metrics(metrics), m_history(history), m_nowMs(nowMs), m_options(options)
{ }

qint64 Engine::lookbehindMs(const Expr &expr) const
{
    qint64 own = 0;
    if (expr.kind == Expr::Kind::VectorSelector)
        own = expr.offsetMs + m_options.lookbackMs;
    else if (expr.kind == Expr::Kind::MatrixSelector)
        own = expr.offsetMs + expr.rangeMs;
    for (const ExprPtr &arg : expr.args)
        own = std::max(own, lookbehindMs(*arg));
    return own;
}

QueryResult Engine::instantQuery(const QString &query, qint64 atMs) const
{
    QString error;
    const ExprPtr expr = parseQuery(query, &error);
    if (!expr)
        return failure(kBadData, error);
    Storage storage(m_metrics, m_history.segments(atMs - lookbehindMs(*expr), PodSegment::kOpen),
                    m_nowMs, m_options.scrapeIntervalMs);
    Evaluator evaluator(storage, m_options.lookbackMs);
    Value value = evaluator.eval(*expr, atMs);
    if (evaluator.failed())
        return failure(kExecution, evaluator.error());
    QueryResult result;
    result.type = value.type;
    result.timeMs = atMs;
    result.scalar = value.scalar;
    result.string = value.string;
    result.vector = value.vector;
    if (!sortAndCheckUnique(&result.vector))
        return failure(kExecution, kSameLabelset);
    result.matrix = value.matrix;
    std::sort(result.matrix.begin(), result.matrix.end(),
              [](const Series &a, const Series &b) { return labelsLess(a.labels, b.labels); });
    return result;
}

QueryResult Engine::rangeQuery(const QString &query, qint64 startMs, qint64 endMs,
                               qint64 stepMs) const
{
    if (endMs < startMs)
        return failure(kBadData, QStringLiteral("end timestamp must not be before start time"));
    if (stepMs <= 0) {
        return failure(kBadData,
                       QStringLiteral("zero or negative query resolution step widths are not "
                                      "accepted. Try a positive integer"));
    }
    if ((endMs - startMs) / stepMs > kMaxPoints) {
        return failure(kBadData,
                       QStringLiteral("exceeded maximum resolution of 11,000 points per "
                                      "timeseries. Try decreasing the query resolution "
                                      "(?step=XX)"));
    }
    QString error;
    const ExprPtr expr = parseQuery(query, &error);
    if (!expr)
        return failure(kBadData, error);
    const ValueType type = expr->type();
    if (type != ValueType::Scalar && type != ValueType::Vector) {
        return failure(kBadData,
                       QStringLiteral("invalid expression type \"%1\" for range query, "
                                      "must be Scalar or instant Vector")
                           .arg(typeName(type)));
    }
    Storage storage(m_metrics, m_history.segments(startMs - lookbehindMs(*expr), PodSegment::kOpen),
                    m_nowMs, m_options.scrapeIntervalMs);
    Evaluator evaluator(storage, m_options.lookbackMs);
    QueryResult result;
    result.type = ValueType::Matrix;
    QHash<QString, qsizetype> index;
    const auto seriesFor = [&](const Labels &labels) -> Series & {
        const QString sig = signature(labels);
        auto it = index.constFind(sig);
        if (it == index.constEnd()) {
            it = index.insert(sig, result.matrix.size());
            result.matrix.append({labels, {}});
        }
        return result.matrix[*it];
    };
    for (qint64 t = startMs; t <= endMs; t += stepMs) {
        Value value = evaluator.eval(*expr, t);
        if (evaluator.failed())
            return failure(kExecution, evaluator.error());
        if (value.type == ValueType::Scalar) {
            seriesFor({}).points.append({t, value.scalar});
            continue;
        }
        if (!sortAndCheckUnique(&value.vector))
            return failure(kExecution, kSameLabelset);
        for (const Sample &sample : std::as_const(value.vector))
            seriesFor(sample.labels).points.append({t, sample.value});
    }
    std::sort(result.matrix.begin(), result.matrix.end(),
              [](const Series &a, const Series &b) { return labelsLess(a.labels, b.labels); });
    return result;
}

QList<Labels> Engine::series(const QList<QList<Matcher>> &selectors, qint64 startMs,
                             qint64 endMs) const
{
    Storage storage(m_metrics, m_history.segments(startMs, endMs), m_nowMs,
                    m_options.scrapeIntervalMs);
    QList<Labels> out;
    QSet<QString> seen;
    for (const QList<Matcher> &matchers : selectors) {
        for (const StoredSeries *series : storage.select(matchers)) {
            if (!storage.hasSamples(*series, startMs, endMs))
                continue;
            if (!seen.contains(signature(series->labels))) {
                seen.insert(signature(series->labels));
                out.append(series->labels);
            }
        }
    }
    std::sort(out.begin(), out.end(), labelsLess);
    return out;
}

} // namespace rdsim::promql

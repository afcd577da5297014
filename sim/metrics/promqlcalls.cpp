// SPDX-License-Identifier: GPL-3.0-or-later
// Function calls of the PromQL evaluator: range functions (rate and friends, *_over_time),
// histogram_quantile and the element-wise functions, after Prometheus 2.42's functions.go
// and quantile.go.
#include "metrics/promqlevaluator.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rdsim::promql {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Go's math.Max / math.Min: NaN wins.
double goMax(double a, double b)
{
    return std::isnan(a) || std::isnan(b) ? kNaN : std::max(a, b);
}

double goMin(double a, double b)
{
    return std::isnan(a) || std::isnan(b) ? kNaN : std::min(a, b);
}

const Expr &unwrapParens(const Expr &expr)
{
    return expr.kind == Expr::Kind::Paren ? unwrapParens(expr.arg(0)) : expr;
}

// rate, increase and delta: the change over the samples in the window, extrapolated towards
// the window's ends the way Prometheus does it. `points` may be anchors: only `count`
// (the real number of samples) matters for the average spacing.
std::optional<double> extrapolatedRate(const QList<Point> &points, int count, qint64 rangeStart,
                                       qint64 rangeEnd, double rangeSeconds, bool isCounter,
                                       bool isRate)
{
    if (count < 2 || points.size() < 2)
        return std::nullopt;
    const Point &first = points.first();
    const Point &last = points.last();
    double result = last.v - first.v;
    if (isCounter) {
        for (qsizetype i = 1; i < points.size(); ++i) {
            if (points.at(i).v < points.at(i - 1).v)
                result += points.at(i - 1).v; // a counter reset
        }
    }
    double durationToStart = double(first.t - rangeStart) / 1000;
    const double durationToEnd = double(rangeEnd - last.t) / 1000;
    const double sampledInterval = double(last.t - first.t) / 1000;
    const double averageSpacing = sampledInterval / double(count - 1);
    if (isCounter && result > 0 && first.v >= 0) {
        // A counter does not go below zero: extrapolate at most to where it would be zero.
        const double durationToZero = sampledInterval * (first.v / result);
        durationToStart = std::min(durationToStart, durationToZero);
    }
    const double threshold = averageSpacing * 1.1;
    double interval = sampledInterval;
    interval += durationToStart < threshold ? durationToStart : averageSpacing / 2;
    interval += durationToEnd < threshold ? durationToEnd : averageSpacing / 2;
    double factor = interval / sampledInterval;
    if (isRate)
        factor /= rangeSeconds;
    return result * factor;
}

std::optional<double> instantValue(const QList<Point> &points, bool isRate)
{
    if (points.size() < 2)
        return std::nullopt;
    const Point &last = points.last();
    const Point &previous = points.at(points.size() - 2);
    double result = isRate && last.v < previous.v ? last.v : last.v - previous.v;
    const qint64 interval = last.t - previous.t;
    if (interval == 0)
        return std::nullopt;
    if (isRate)
        result /= double(interval) / 1000;
    return result;
}

double overTime(const QString &name, const QList<Point> &points)
{
    if (name == QLatin1String("count_over_time"))
        return double(points.size());
    if (name == QLatin1String("last_over_time"))
        return points.last().v;
    double value = points.first().v;
    double mean = value;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const double v = points.at(i).v;
        if (name == QLatin1String("sum_over_time")) {
            value += v;
        } else if (name == QLatin1String("max_over_time")) {
            if (v > value || std::isnan(value))
                value = v;
        } else if (name == QLatin1String("min_over_time")) {
            if (v < value || std::isnan(value))
                value = v;
        } else {
            const double n = double(i + 1);
            if (std::isinf(mean)) {
                if (std::isinf(v) && (mean > 0) == (v > 0))
                    continue;
                if (!std::isinf(v) && !std::isnan(v))
                    continue;
            }
            mean += v / n - mean / n;
        }
    }
    return name == QLatin1String("avg_over_time") ? mean : value;
}

struct Bucket
{
    double upperBound = 0;
    double count = 0;
};

// Prometheus' bucketQuantile: linear interpolation within the bucket that holds the rank.
double bucketQuantile(double q, QList<Bucket> buckets)
{
    if (std::isnan(q))
        return kNaN;
    if (q < 0)
        return -std::numeric_limits<double>::infinity();
    if (q > 1)
        return std::numeric_limits<double>::infinity();
    std::sort(buckets.begin(), buckets.end(),
              [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
    if (buckets.isEmpty() || !std::isinf(buckets.last().upperBound))
        return kNaN;
    // Buckets with the same bound (from series that differ only in dropped labels) add up.
    QList<Bucket> merged;
    for (const Bucket &b : std::as_const(buckets)) {
        if (!merged.isEmpty() && merged.last().upperBound == b.upperBound)
            merged.last().count += b.count;
        else
            merged.append(b);
    }
    // Counts must not decrease with the bound (they may, slightly, after rate()).
    double max = -std::numeric_limits<double>::infinity();
    for (Bucket &b : merged) {
        if (b.count > max)
            max = b.count;
        else if (b.count < max)
            b.count = max;
    }
    if (merged.size() < 2)
        return kNaN;
    const double observations = merged.last().count;
    if (observations == 0)
        return kNaN;
    double rank = q * observations;
    qsizetype b = 0;
    while (b < merged.size() - 1 && merged.at(b).count < rank)
        ++b;
    if (b == merged.size() - 1)
        return merged.at(merged.size() - 2).upperBound;
    if (b == 0 && merged.at(0).upperBound <= 0)
        return merged.at(0).upperBound;
    double bucketStart = 0;
    const double bucketEnd = merged.at(b).upperBound;
    double count = merged.at(b).count;
    if (b > 0) {
        bucketStart = merged.at(b - 1).upperBound;
        count -= merged.at(b - 1).count;
        rank -= merged.at(b - 1).count;
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

} // namespace

Value Evaluator::evalRangeFunction(const Expr &expr, qint64 t)
{
    const QString &name = expr.text;
    const Expr &selector = unwrapParens(expr.arg(0));
    const bool extrapolated = name == QLatin1String("rate") || name == QLatin1String("increase")
        || name == QLatin1String("delta");
    const Value input = evalMatrix(selector, t, extrapolated);
    const qint64 rangeEnd = t - selector.offsetMs;
    const qint64 rangeStart = rangeEnd - selector.rangeMs;
    Value out;
    out.type = ValueType::Vector;
    for (qsizetype i = 0; i < input.matrix.size(); ++i) {
        const Series &series = input.matrix.at(i);
        std::optional<double> v;
        if (extrapolated) {
            v = extrapolatedRate(series.points, input.counts.at(i), rangeStart, rangeEnd,
                                 double(selector.rangeMs) / 1000, name != QLatin1String("delta"),
                                 name == QLatin1String("rate"));
        } else if (name == QLatin1String("irate") || name == QLatin1String("idelta")) {
            v = instantValue(series.points, name == QLatin1String("irate"));
        } else {
            v = overTime(name, series.points);
        }
        if (!v)
            continue;
        const bool keepName = name == QLatin1String("last_over_time");
        out.vector.append({keepName ? series.labels : withoutName(series.labels), *v});
    }
    return out;
}

Value Evaluator::evalHistogramQuantile(const Expr &expr, qint64 t)
{
    const double q = eval(expr.arg(0), t).scalar;
    const Value input = eval(expr.arg(1), t);
    QList<Labels> groupLabels;
    QList<QList<Bucket>> groups;
    QHash<QString, int> index;
    for (const Sample &sample : input.vector) {
        const QString le = labelValue(sample.labels, QStringLiteral("le"));
        bool ok = false;
        double bound = le.toDouble(&ok);
        if (le == QLatin1String("+Inf") || le == QLatin1String("Inf")) {
            bound = std::numeric_limits<double>::infinity();
            ok = true;
        }
        if (!ok)
            continue; // Prometheus ignores samples without a valid `le`
        Labels labels;
        for (const auto &label : sample.labels) {
            if (label.first != QLatin1String("le") && label.first != QLatin1String("__name__"))
                labels.append(label);
        }
        const QString sig = signature(labels);
        auto it = index.constFind(sig);
        if (it == index.constEnd()) {
            it = index.insert(sig, int(groups.size()));
            groupLabels.append(labels);
            groups.append(QList<Bucket>());
        }
        groups[*it].append(Bucket {bound, sample.value});
    }
    Value out;
    out.type = ValueType::Vector;
    for (qsizetype i = 0; i < groups.size(); ++i)
        out.vector.append({groupLabels.at(i), bucketQuantile(q, groups.at(i))});
    return out;
}

Value Evaluator::evalCall(const Expr &expr, qint64 t)
{
    const QString &name = expr.text;
    if (!expr.args.empty() && expr.arg(0).type() == ValueType::Matrix)
        return evalRangeFunction(expr, t);
    if (name == QLatin1String("histogram_quantile"))
        return evalHistogramQuantile(expr, t);
    Value out;
    if (name == QLatin1String("time")) {
        out.type = ValueType::Scalar;
        out.scalar = double(t) / 1000;
        return out;
    }
    const Value input = eval(expr.arg(0), t);
    if (name == QLatin1String("vector")) {
        out.type = ValueType::Vector;
        out.vector.append({Labels(), input.scalar});
        return out;
    }
    if (name == QLatin1String("scalar")) {
        out.type = ValueType::Scalar;
        out.scalar = input.vector.size() == 1 ? input.vector.first().value : kNaN;
        return out;
    }
    double a = 0;
    double b = 0;
    if (expr.args.size() > 1)
        a = eval(expr.arg(1), t).scalar;
    if (expr.args.size() > 2)
        b = eval(expr.arg(2), t).scalar;
    out.type = ValueType::Vector;
    if (name == QLatin1String("clamp") && b < a)
        return out; // Prometheus returns nothing when max < min
    for (const Sample &sample : input.vector) {
        const double v = sample.value;
        double r = v;
        if (name == QLatin1String("clamp"))
            r = goMax(a, goMin(b, v));
        else if (name == QLatin1String("clamp_min"))
            r = goMax(v, a);
        else if (name == QLatin1String("clamp_max"))
            r = goMin(v, a);
        else if (name == QLatin1String("abs"))
            r = std::abs(v);
        else if (name == QLatin1String("ceil"))
            r = std::ceil(v);
        else if (name == QLatin1String("floor"))
            r = std::floor(v);
        else if (name == QLatin1String("exp"))
            r = std::exp(v);
        else if (name == QLatin1String("ln"))
            r = std::log(v);
        else if (name == QLatin1String("log2"))
            r = std::log2(v);
        else if (name == QLatin1String("log10"))
            r = std::log10(v);
        else if (name == QLatin1String("sqrt"))
            r = std::sqrt(v);
        else if (name == QLatin1String("round")) {
            const double inverse = 1.0 / (expr.args.size() > 1 ? a : 1.0);
            r = std::floor(v * inverse + 0.5) / inverse;
        }
        out.vector.append({withoutName(sample.labels), r});
    }
    return out;
}

} // namespace rdsim::promql

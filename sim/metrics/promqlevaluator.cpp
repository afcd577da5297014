// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promqlevaluator.h"

#include <QSet>

#include <cmath>

namespace rdsim::promql {

namespace {

bool dropsName(const QString &op)
{
    return !isComparison(op) && !isSetOperator(op);
}

// Go's float64 arithmetic and comparisons as PromQL applies them; `keep` is false when a
// comparison filters the element out.
double elementOp(const QString &op, double l, double r, bool *keep)
{
    *keep = true;
    if (op == QLatin1String("+"))
        return l + r;
    if (op == QLatin1String("-"))
        return l - r;
    if (op == QLatin1String("*"))
        return l * r;
    if (op == QLatin1String("/"))
        return l / r;
    if (op == QLatin1String("%"))
        return std::fmod(l, r);
    if (op == QLatin1String("^"))
        return std::pow(l, r);
    if (op == QLatin1String("=="))
        *keep = l == r;
    else if (op == QLatin1String("!="))
        *keep = l != r;
    else if (op == QLatin1String(">"))
        *keep = l > r;
    else if (op == QLatin1String("<"))
        *keep = l < r;
    else if (op == QLatin1String(">="))
        *keep = l >= r;
    else if (op == QLatin1String("<="))
        *keep = l <= r;
    return l;
}

// The labels two samples are matched on: on(...) keeps only those, ignoring(...) (and no
// modifier) all but those and the metric name.
Labels matchingLabels(const Expr &expr, const Labels &labels)
{
    Labels out;
    for (const auto &label : labels) {
        const bool listed = expr.matchingLabels.contains(label.first);
        if (expr.matching == Expr::Matching::On ? listed
                                                : (!listed && label.first != kMetricNameLabel))
            out.append(label);
    }
    return out;
}

} // namespace

QString Evaluator::format(const Labels &labels)
{
    QStringList parts;
    for (const auto &[name, value] : labels) {
        QString quoted = value;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        parts << QString(name + QStringLiteral("=\"") + quoted + u'"');
    }
    return u'{' + parts.join(QStringLiteral(", ")) + u'}';
}

Value Evaluator::fail(const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        m_error = message;
    }
    return {};
}

const QList<const StoredSeries *> &Evaluator::selected(const Expr &expr)
{
    auto it = m_selected.constFind(&expr);
    if (it == m_selected.constEnd())
        it = m_selected.insert(&expr, m_storage.select(expr.matchers));
    return *it;
}

Value Evaluator::eval(const Expr &expr, qint64 t)
{
    if (m_failed)
        return {};
    Value value;
    switch (expr.kind) {
    case Expr::Kind::Number:
        value.type = ValueType::Scalar;
        value.scalar = expr.number;
        return value;
    case Expr::Kind::String:
        value.type = ValueType::String;
        value.string = expr.text;
        return value;
    case Expr::Kind::Paren:
        return eval(expr.arg(0), t);
    case Expr::Kind::VectorSelector:
        return evalSelector(expr, t);
    case Expr::Kind::MatrixSelector:
        return evalMatrix(expr, t, false);
    case Expr::Kind::Unary:
        return evalUnary(expr, t);
    case Expr::Kind::Binary:
        return evalBinary(expr, t);
    case Expr::Kind::Aggregate:
        return evalAggregate(expr, t);
    case Expr::Kind::Call:
        return evalCall(expr, t);
    }
    return value;
}

Value Evaluator::evalSelector(const Expr &expr, qint64 t)
{
    Value value;
    value.type = ValueType::Vector;
    for (const StoredSeries *series : selected(expr)) {
        const std::optional<double> v = m_storage.latest(*series, t - expr.offsetMs, m_lookbackMs);
        if (v)
            value.vector.append({series->labels, *v});
    }
    return value;
}

Value Evaluator::evalMatrix(const Expr &expr, qint64 t, bool anchors)
{
    // Prometheus 2.42 takes the samples in [t - range, t], both ends included.
    Value value;
    value.type = ValueType::Matrix;
    const qint64 end = t - expr.offsetMs;
    for (const StoredSeries *series : selected(expr)) {
        int count = 0;
        QList<Point> points = m_storage.samples(*series, end - expr.rangeMs, end, anchors, &count);
        if (points.isEmpty())
            continue;
        value.matrix.append({series->labels, points});
        value.counts.append(count);
    }
    return value;
}

Value Evaluator::evalUnary(const Expr &expr, qint64 t)
{
    Value value = eval(expr.arg(0), t);
    if (value.type == ValueType::Scalar) {
        value.scalar = -value.scalar;
        return value;
    }
    for (Sample &sample : value.vector) {
        sample.value = -sample.value;
        sample.labels = withoutName(sample.labels);
    }
    return value;
}

Value Evaluator::evalBinary(const Expr &expr, qint64 t)
{
    const Value lhs = eval(expr.arg(0), t);
    const Value rhs = eval(expr.arg(1), t);
    if (m_failed)
        return {};
    const QString &op = expr.op;
    Value out;
    bool keep = true;
    if (lhs.type == ValueType::Scalar && rhs.type == ValueType::Scalar) {
        out.type = ValueType::Scalar;
        out.scalar = elementOp(op, lhs.scalar, rhs.scalar, &keep);
        if (expr.returnBool)
            out.scalar = keep ? 1 : 0;
        return out;
    }
    out.type = ValueType::Vector;
    if (lhs.type == ValueType::Vector && rhs.type == ValueType::Vector) {
        out.vector = isSetOperator(op) ? setOperation(expr, lhs.vector, rhs.vector)
                                       : vectorBinary(expr, lhs.vector, rhs.vector);
        return out;
    }
    // A vector and a scalar: the operation applies to every element, whichever side it is on.
    const bool swap = lhs.type == ValueType::Scalar;
    const QList<Sample> &vector = swap ? rhs.vector : lhs.vector;
    const double scalar = swap ? lhs.scalar : rhs.scalar;
    for (Sample sample : vector) {
        const double l = swap ? scalar : sample.value;
        const double r = swap ? sample.value : scalar;
        double v = elementOp(op, l, r, &keep);
        if (isComparison(op) && swap)
            v = r; // a filter keeps the vector's value
        if (expr.returnBool) {
            v = keep ? 1 : 0;
            keep = true;
        }
        if (!keep)
            continue;
        sample.value = v;
        if (dropsName(op) || expr.returnBool)
            sample.labels = withoutName(sample.labels);
        out.vector.append(sample);
    }
    return out;
}

QList<Sample> Evaluator::vectorBinary(const Expr &expr, const QList<Sample> &lhs,
                                      const QList<Sample> &rhs)
{
    QHash<QString, const Sample *> right;
    for (const Sample &sample : rhs) {
        const Labels match = matchingLabels(expr, sample.labels);
        const QString sig = signature(match);
        const auto duplicate = right.constFind(sig);
        if (duplicate != right.constEnd()) {
            fail(QStringLiteral("found duplicate series for the match group %1 on the right "
                                "hand-side of the operation: [%2, %3];many-to-many matching not "
                                "allowed: matching labels must be unique on one side")
                     .arg(format(match), format(sample.labels), format((*duplicate)->labels)));
            return {};
        }
        right.insert(sig, &sample);
    }
    QSet<QString> matched;
    QList<Sample> out;
    for (const Sample &sample : lhs) {
        const QString sig = signature(matchingLabels(expr, sample.labels));
        const auto other = right.constFind(sig);
        if (other == right.constEnd())
            continue;
        bool keep = true;
        double v = elementOp(expr.op, sample.value, (*other)->value, &keep);
        if (expr.returnBool) {
            v = keep ? 1 : 0;
            keep = true;
        }
        if (matched.contains(sig)) {
            fail(QStringLiteral("multiple matches for labels: many-to-one matching must be "
                                "explicit (group_left/group_right)"));
            return {};
        }
        matched.insert(sig);
        if (!keep)
            continue;
        Labels labels;
        for (const auto &label : sample.labels) {
            if (label.first == kMetricNameLabel && (dropsName(expr.op) || expr.returnBool))
                continue;
            const bool listed = expr.matchingLabels.contains(label.first);
            if (expr.matching == Expr::Matching::On ? !listed : listed)
                continue;
            labels.append(label);
        }
        out.append({labels, v});
    }
    return out;
}

QList<Sample> Evaluator::setOperation(const Expr &expr, const QList<Sample> &lhs,
                                      const QList<Sample> &rhs)
{
    QSet<QString> rightSigs;
    for (const Sample &sample : rhs)
        rightSigs.insert(signature(matchingLabels(expr, sample.labels)));
    QList<Sample> out;
    if (expr.op == QLatin1String("or")) {
        QSet<QString> leftSigs;
        for (const Sample &sample : lhs) {
            leftSigs.insert(signature(matchingLabels(expr, sample.labels)));
            out.append(sample);
        }
        for (const Sample &sample : rhs) {
            if (!leftSigs.contains(signature(matchingLabels(expr, sample.labels))))
                out.append(sample);
        }
        return out;
    }
    const bool wanted = expr.op == QLatin1String("and");
    for (const Sample &sample : lhs) {
        if (rightSigs.contains(signature(matchingLabels(expr, sample.labels))) == wanted)
            out.append(sample);
    }
    return out;
}

Value Evaluator::evalAggregate(const Expr &expr, qint64 t)
{
    const Value input = eval(expr.arg(0), t);
    struct Group
    {
        Labels labels;
        double value = 0;
        double mean = 0;
        double count = 0;
    };
    QList<Group> groups;
    QHash<QString, int> index;
    const QString &op = expr.text;
    for (const Sample &sample : input.vector) {
        Labels labels;
        for (const auto &label : sample.labels) {
            const bool listed = expr.grouping.contains(label.first);
            if (expr.without ? (!listed && label.first != kMetricNameLabel) : listed)
                labels.append(label);
        }
        const QString sig = signature(labels);
        const auto it = index.constFind(sig);
        if (it == index.constEnd()) {
            index.insert(sig, int(groups.size()));
            groups.append({labels, sample.value, sample.value, 1});
            continue;
        }
        Group &g = groups[*it];
        const double v = sample.value;
        g.count += 1;
        if (op == QLatin1String("sum")) {
            g.value += v;
        } else if (op == QLatin1String("max")) {
            if (g.value < v || std::isnan(g.value))
                g.value = v;
        } else if (op == QLatin1String("min")) {
            if (g.value > v || std::isnan(g.value))
                g.value = v;
        } else if (op == QLatin1String("avg")) {
            // Prometheus 2.42's running mean, including its care for infinities.
            if (std::isinf(g.mean)) {
                if (std::isinf(v) && (g.mean > 0) == (v > 0))
                    continue;
                if (!std::isinf(v) && !std::isnan(v))
                    continue;
            }
            g.mean += v / g.count - g.mean / g.count;
        }
    }
    Value out;
    out.type = ValueType::Vector;
    for (const Group &g : std::as_const(groups)) {
        double v = g.value;
        if (op == QLatin1String("avg"))
            v = g.mean;
        else if (op == QLatin1String("count"))
            v = g.count;
        else if (op == QLatin1String("group"))
            v = 1;
        out.vector.append({g.labels, v});
    }
    return out;
}

} // namespace rdsim::promql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/promqlast.h"
#include "metrics/promqlstorage.h"

#include <QHash>
#include <QList>
#include <QString>

namespace rdsim::promql {

struct Sample
{
    Labels labels;
    double value = 0;
};

struct Series
{
    Labels labels;
    QList<Point> points;
};

// What an expression evaluates to at one time.
struct Value
{
    ValueType type = ValueType::Vector;
    double scalar = 0;
    QString string;
    QList<Sample> vector;
    QList<Series> matrix;
    QList<int> counts; // per matrix series: the true number of samples (points may be anchors)
};

// Evaluates a parsed expression at one time after another, with Prometheus 2.42 semantics
// (docs/rd-sim.md lists where rd-sim simplifies). Errors during evaluation (many-to-many
// matching, ...) stop it: failed() and error() tell, as Prometheus' "execution" errors.
class Evaluator
{
public:
    Evaluator(Storage &storage, qint64 lookbackMs) :
        m_storage(storage), m_lookbackMs(lookbackMs) { }

    Value eval(const Expr &expr, qint64 t);
    bool failed() const { return m_failed; }
    QString error() const { return m_error; }

    // "{a=\"b\", c=\"d\"}" as Prometheus prints label sets in messages.
    static QString format(const Labels &labels);

private:
    Value evalSelector(const Expr &expr, qint64 t);
    Value evalMatrix(const Expr &expr, qint64 t, bool anchors);
    Value evalUnary(const Expr &expr, qint64 t);
    Value evalBinary(const Expr &expr, qint64 t);
    Value evalAggregate(const Expr &expr, qint64 t);
    Value evalCall(const Expr &expr, qint64 t);
    Value evalRangeFunction(const Expr &expr, qint64 t);
    Value evalHistogramQuantile(const Expr &expr, qint64 t);
    QList<Sample> vectorBinary(const Expr &expr, const QList<Sample> &lhs,
                               const QList<Sample> &rhs);
    QList<Sample> setOperation(const Expr &expr, const QList<Sample> &lhs,
                               const QList<Sample> &rhs);
    const QList<const StoredSeries *> &selected(const Expr &expr);
    Value fail(const QString &message);

    Storage &m_storage;
    qint64 m_lookbackMs;
    QHash<const Expr *, QList<const StoredSeries *>> m_selected;
    bool m_failed = false;
    QString m_error;
};

} // namespace rdsim::promql

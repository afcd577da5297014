// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace rdsim::promql {

// The label that holds a series' metric name.
inline const QString kMetricNameLabel = QStringLiteral("__name__");

// A label set sorted by name, as Prometheus keeps them; `__name__` sorts first.
using Labels = QList<QPair<QString, QString>>;

QString labelValue(const Labels &labels, const QString &name);
// Sorts by name and drops empty values (an empty label is an absent label in Prometheus).
Labels normalized(Labels labels);
// A string that is equal for equal label sets, for grouping and matching.
QString signature(const Labels &labels);
// Prometheus' series order: label by label, names then values.
bool labelsLess(const Labels &a, const Labels &b);
Labels withoutName(const Labels &labels);

enum class ValueType { Scalar, Vector, Matrix, String };
QString typeName(ValueType type); // "scalar", "instant vector", "range vector", "string"

// One label matcher of a selector. Regular expressions are anchored at both ends.
struct Matcher
{
    enum class Op { Equal, NotEqual, Regex, NotRegex };
    QString name;
    Op op = Op::Equal;
    QString value;
    QRegularExpression regex; // for Regex / NotRegex

    bool matches(const QString &labelValue) const;
    bool matchesEmpty() const { return matches(QString()); }
};

// A node of a parsed query. One struct for every kind keeps the tree simple to walk; the
// fields a kind does not use stay empty.
struct Expr
{
    enum class Kind {
        Number,
        String,
        VectorSelector,
        MatrixSelector,
        Unary,
        Binary,
        Aggregate,
        Call,
        Paren
    };
    enum class Matching { None, On, Ignoring };

    Kind kind = Kind::Number;
    int position = 0; // offset of the node's first character in the query, for errors

    double number = 0; // Number
    QString text; // String value, metric name of a selector, function or aggregation name
    QList<Matcher> matchers; // selectors (the metric name included as __name__)
    qint64 rangeMs = 0; // MatrixSelector
    qint64 offsetMs = 0; // selectors

    QString op; // Unary / Binary: "+", "-", "*", "/", "%", "^", "==", ... "and", "or", "unless"
    bool returnBool = false; // comparison with the bool modifier
    Matching matching = Matching::None;
    QStringList matchingLabels; // on(...) / ignoring(...)

    QStringList grouping; // Aggregate: by (...) / without (...)
    bool without = false;

    std::vector<std::unique_ptr<Expr>> args; // operands, call arguments, the aggregated expr

    ValueType type() const;
    const Expr &arg(size_t i) const { return *args.at(i); }
};

using ExprPtr = std::unique_ptr<Expr>;

bool isComparison(const QString &op);
bool isSetOperator(const QString &op);

} // namespace rdsim::promql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace rdsim {

// A value in a successCondition/failureCondition: what `result` holds (a Prometheus vector is
// an array of numbers, a scalar a number) and what sub-expressions produce.
struct ExpressionValue
{
    enum class Type { Nil, Bool, Number, String, Array };
    Type type = Type::Nil;
    bool boolean = false;
    double number = 0;
    QString string;
    std::vector<ExpressionValue> array;

    static ExpressionValue fromBool(bool value);
    static ExpressionValue fromNumber(double value);
    static ExpressionValue fromString(const QString &value);
    static ExpressionValue fromNumbers(const std::vector<double> &values);
    // Go's name for the type, as the expr library reports it in errors ("float64", "[]float64").
    QString typeName() const;
};

// Evaluates Argo Rollouts' analysis conditions, a subset of the expr language
// (github.com/expr-lang/expr) with Argo's environment: the variable `result`; literals (numbers
// with fractions and exponents, strings, true, false, nil, [arrays]); `result[0]` (negative
// indexes count from the end); arithmetic + - * / % ** ^; comparisons == != < <= > >=; logic
// && || ! and the words and, or, not; `c ? a : b`; parentheses; the functions len, abs,
// isNaN, isInf, asInt, asFloat and default(value, fallback), which gives `fallback` when
// `value` is nil, NaN or an index out of range. Operator precedence is expr's.
//
// Errors name the expression: `cannot parse condition "<expr>": <what> (line:column)` for a
// syntax error or an unknown name, `cannot evaluate condition "<expr>": <what>` for a runtime
// one (type mismatch, index out of range, a non-boolean outcome).
class AnalysisExpression
{
public:
    static std::optional<bool> evaluate(const QString &expression, const ExpressionValue &result,
                                        QString *error);
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promqlast.h"

#include "metrics/promqlfunctions.h"

#include <algorithm>

namespace rdsim::promql {

QString labelValue(const Labels &labels, const QString &name)
{
    for (const auto &[key, value] : labels) {
        if (key == name)
            return value;
    }
    return {};
}

Labels normalized(Labels labels)
{
    labels.erase(std::remove_if(labels.begin(), labels.end(),
                                [](const auto &label) { return label.second.isEmpty(); }),
                 labels.end());
    std::sort(labels.begin(), labels.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return labels;
}

QString signature(const Labels &labels)
{
    QString out;
    for (const auto &[key, value] : labels) {
        out += key;
        out += QChar(0xFF);
        out += value;
        out += QChar(0xFE);
    }
    return out;
}

bool labelsLess(const Labels &a, const Labels &b)
{
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i) {
        if (a.at(i).first != b.at(i).first)
            return a.at(i).first < b.at(i).first;
        if (a.at(i).second != b.at(i).second)
            return a.at(i).second < b.at(i).second;
    }
    return a.size() < b.size();
}

Labels withoutName(const Labels &labels)
{
    Labels out;
    for (const auto &label : labels) {
        if (label.first != QLatin1String("__name__"))
            out.append(label);
    }
    return out;
}

QString typeName(ValueType type)
{
    switch (type) {
    case ValueType::Scalar:
        return QStringLiteral("scalar");
    case ValueType::Vector:
        return QStringLiteral("instant vector");
    case ValueType::Matrix:
        return QStringLiteral("range vector");
    case ValueType::String:
        return QStringLiteral("string");
    }
    return {};
}

bool Matcher::matches(const QString &labelValue) const
{
    switch (op) {
    case Op::Equal:
        return labelValue == value;
    case Op::NotEqual:
        return labelValue != value;
    case Op::Regex:
        return regex.match(labelValue).hasMatch();
    case Op::NotRegex:
        return !regex.match(labelValue).hasMatch();
    }
    return false;
}

ValueType Expr::type() const
{
    switch (kind) {
    case Kind::Number:
        return ValueType::Scalar;
    case Kind::String:
        return ValueType::String;
    case Kind::VectorSelector:
    case Kind::Aggregate:
        return ValueType::Vector;
    case Kind::MatrixSelector:
        return ValueType::Matrix;
    case Kind::Unary:
    case Kind::Paren:
        return arg(0).type();
    case Kind::Binary:
        return arg(0).type() == ValueType::Scalar && arg(1).type() == ValueType::Scalar
            ? ValueType::Scalar
            : ValueType::Vector;
    case Kind::Call: {
        const FunctionInfo *info = findFunction(text);
        return info ? info->returns : ValueType::Vector;
    }
    }
    return ValueType::Vector;
}

bool isComparison(const QString &op)
{
    return op == QLatin1String("==") || op == QLatin1String("!=") || op == QLatin1String(">")
        || op == QLatin1String("<") || op == QLatin1String(">=") || op == QLatin1String("<=");
}

bool isSetOperator(const QString &op)
{
    return op == QLatin1String("and") || op == QLatin1String("or") || op == QLatin1String("unless");
}

} // namespace rdsim::promql

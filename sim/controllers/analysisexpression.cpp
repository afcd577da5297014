// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysisexpression.h"

#include "controllers/analysisexpressionparser.h"

#include <cmath>
#include <memory>

namespace rdsim {

ExpressionValue ExpressionValue::fromBool(bool value)
{
    ExpressionValue v;
    v.type = Type::Bool;
    v.boolean = value;
    return v;
}

ExpressionValue ExpressionValue::fromNumber(double value)
{
    ExpressionValue v;
    v.type = Type::Number;
    v.number = value;
    return v;
}

ExpressionValue ExpressionValue::fromString(const QString &value)
{
    ExpressionValue v;
    v.type = Type::String;
    v.string = value;
    return v;
}

ExpressionValue ExpressionValue::fromNumbers(const std::vector<double> &values)
{
    ExpressionValue v;
    v.type = Type::Array;
    for (const double x : values)
        v.array.push_back(fromNumber(x));
    return v;
}

QString ExpressionValue::typeName() const
{
    switch (type) {
    case Type::Nil:
        return QStringLiteral("<nil>");
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::Number:
        return QStringLiteral("float64");
    case Type::String:
        return QStringLiteral("string");
    case Type::Array:
        for (const ExpressionValue &item : array) {
            if (item.type != Type::Number)
                return QStringLiteral("[]interface {}");
        }
        return QStringLiteral("[]float64");
    }
    return {};
}

namespace {

using Type = ExpressionValue::Type;

class Evaluator
{
public:
    explicit Evaluator(const ExpressionValue &result) : m_result(result) { }

    bool eval(const ExpressionNode &node, ExpressionValue *out)
    {
        switch (node.kind) {
        case ExpressionNode::Kind::Literal:
            *out = node.literal;
            return true;
        case ExpressionNode::Kind::Result:
            *out = m_result;
            return true;
        case ExpressionNode::Kind::Array:
            out->type = Type::Array;
            out->array.clear();
            for (const ExpressionNodePtr &child : node.children) {
                ExpressionValue item;
                if (!eval(*child, &item))
                    return false;
                out->array.push_back(item);
            }
            return true;
        case ExpressionNode::Kind::Unary:
            return unary(node, out);
        case ExpressionNode::Kind::Binary:
            return binary(node, out);
        case ExpressionNode::Kind::Ternary: {
            ExpressionValue condition;
            if (!eval(*node.children[0], &condition))
                return false;
            if (condition.type != Type::Bool)
                return fail(
                    QStringLiteral("non-bool %1 used as condition").arg(condition.typeName()));
            return eval(*node.children[condition.boolean ? 1 : 2], out);
        }
        case ExpressionNode::Kind::Index:
            return index(node, out);
        case ExpressionNode::Kind::Call:
            return call(node, out);
        }
        return false;
    }

    QString error() const { return m_error; }

private:
    bool fail(const QString &message, bool indexError = false)
    {
        m_error = message;
        m_indexError = indexError;
        return false;
    }

    bool unary(const ExpressionNode &node, ExpressionValue *out)
    {
        ExpressionValue operand;
        if (!eval(*node.children[0], &operand))
            return false;
        if (node.op == QLatin1String("!")) {
            if (operand.type != Type::Bool)
                return fail(QStringLiteral("invalid operation: ! (mismatched type %1)")
                                .arg(operand.typeName()));
            *out = ExpressionValue::fromBool(!operand.boolean);
            return true;
        }
        if (operand.type != Type::Number)
            return fail(QStringLiteral("invalid operation: %1 (mismatched type %2)")
                            .arg(node.op, operand.typeName()));
        *out = ExpressionValue::fromNumber(node.op == QLatin1String("-") ? -operand.number
                                                                         : operand.number);
        return true;
    }

    bool mismatch(const QString &op, const ExpressionValue &a, const ExpressionValue &b)
    {
        return fail(QStringLiteral("invalid operation: %1 (mismatched types %2 and %3)")
                        .arg(op, a.typeName(), b.typeName()));
    }

    static bool equal(const ExpressionValue &a, const ExpressionValue &b)
    {
        if (a.type != b.type)
            return false;
        switch (a.type) {
        case Type::Nil:
            return true;
        case Type::Bool:
            return a.boolean == b.boolean;
        case Type::Number:
            return a.number == b.number;
        case Type::String:
            return a.string == b.string;
        case Type::Array:
            if (a.array.size() != b.array.size())
                return false;
            for (size_t i = 0; i < a.array.size(); ++i) {
                if (!equal(a.array[i], b.array[i]))
                    return false;
            }
            return true;
        }
        return false;
    }

    bool logical(const ExpressionNode &node, bool isAnd, ExpressionValue *out)
    {
        const QString op = isAnd ? QStringLiteral("&&") : QStringLiteral("||");
        ExpressionValue left;
        if (!eval(*node.children[0], &left))
            return false;
        if (left.type != Type::Bool)
            return fail(QStringLiteral("invalid operation: %1 (non-bool operand of type %2)")
                            .arg(op, left.typeName()));
        // Short-circuit as expr does: the right side is not evaluated, so cannot fail.
        if (left.boolean != isAnd) {
            *out = left;
            return true;
        }
        ExpressionValue right;
        if (!eval(*node.children[1], &right))
            return false;
        if (right.type != Type::Bool)
            return fail(QStringLiteral("invalid operation: %1 (non-bool operand of type %2)")
                            .arg(op, right.typeName()));
        *out = right;
        return true;
    }

    bool binary(const ExpressionNode &node, ExpressionValue *out)
    {
        const QString &op = node.op;
        if (op == QLatin1String("&&") || op == QLatin1String("and"))
            return logical(node, true, out);
        if (op == QLatin1String("||") || op == QLatin1String("or"))
            return logical(node, false, out);
        ExpressionValue a;
        ExpressionValue b;
        if (!eval(*node.children[0], &a) || !eval(*node.children[1], &b))
            return false;
        if (op == QLatin1String("==") || op == QLatin1String("!=")) {
            *out = ExpressionValue::fromBool(equal(a, b) == (op == QLatin1String("==")));
            return true;
        }
        if (op == QLatin1String("<") || op == QLatin1String(">") || op == QLatin1String("<=")
            || op == QLatin1String(">=")) {
            int order = 0;
            bool unordered = false;
            if (a.type == Type::Number && b.type == Type::Number) {
                unordered = std::isnan(a.number) || std::isnan(b.number);
                order = a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
            } else if (a.type == Type::String && b.type == Type::String) {
                order = QString::compare(a.string, b.string);
            } else {
                return mismatch(op, a, b);
            }
            bool value = false;
            if (!unordered) {
                if (op == QLatin1String("<"))
                    value = order < 0;
                else if (op == QLatin1String(">"))
                    value = order > 0;
                else if (op == QLatin1String("<="))
                    value = order <= 0;
                else
                    value = order >= 0;
            }
            *out = ExpressionValue::fromBool(value);
            return true;
        }
        if (op == QLatin1String("+") && a.type == Type::String && b.type == Type::String) {
            *out = ExpressionValue::fromString(a.string + b.string);
            return true;
        }
        if (a.type != Type::Number || b.type != Type::Number)
            return mismatch(op, a, b);
        double value = 0;
        if (op == QLatin1String("+"))
            value = a.number + b.number;
        else if (op == QLatin1String("-"))
            value = a.number - b.number;
        else if (op == QLatin1String("*"))
            value = a.number * b.number;
        else if (op == QLatin1String("/"))
            value = a.number / b.number;
        else if (op == QLatin1String("%")) {
            if (b.number == 0)
                return fail(QStringLiteral("integer divide by zero"));
            value = std::fmod(a.number, b.number);
        } else
            value = std::pow(a.number, b.number);
        *out = ExpressionValue::fromNumber(value);
        return true;
    }

    bool index(const ExpressionNode &node, ExpressionValue *out)
    {
        ExpressionValue target;
        ExpressionValue at;
        if (!eval(*node.children[0], &target) || !eval(*node.children[1], &at))
            return false;
        if (at.type != Type::Number || at.number != std::floor(at.number))
            return fail(QStringLiteral("invalid index of type %1").arg(at.typeName()));
        const qint64 given = qint64(at.number);
        if (target.type == Type::Nil)
            return fail(QStringLiteral("cannot fetch [%1] from <nil>").arg(given), true);
        if (target.type != Type::Array)
            return fail(
                QStringLiteral("cannot fetch [%1] from %2").arg(given).arg(target.typeName()));
        const qint64 size = qint64(target.array.size());
        const qint64 i = given < 0 ? given + size : given;
        if (i < 0 || i >= size) {
            return fail(
                QStringLiteral("index out of range [%1] with length %2").arg(given).arg(size),
                true);
        }
        *out = target.array[size_t(i)];
        return true;
    }

    bool call(const ExpressionNode &node, ExpressionValue *out)
    {
        const QString &name = node.op;
        ExpressionValue arg;
        if (name == QLatin1String("default")) {
            // The fallback covers what a missing sample looks like: nil, NaN, or an index
            // past the end of an empty vector.
            if (!eval(*node.children[0], &arg)) {
                if (!m_indexError)
                    return false;
                m_error.clear();
                m_indexError = false;
                return eval(*node.children[1], out);
            }
            if (arg.type == Type::Nil || (arg.type == Type::Number && std::isnan(arg.number)))
                return eval(*node.children[1], out);
            *out = arg;
            return true;
        }
        if (!eval(*node.children[0], &arg))
            return false;
        const auto badArgument = [&]() {
            return fail(
                QStringLiteral("invalid argument for %1 (type %2)").arg(name, arg.typeName()));
        };
        if (name == QLatin1String("len")) {
            if (arg.type == Type::Array)
                *out = ExpressionValue::fromNumber(double(arg.array.size()));
            else if (arg.type == Type::String)
                *out = ExpressionValue::fromNumber(double(arg.string.size()));
            else
                return badArgument();
            return true;
        }
        if (name == QLatin1String("asInt") || name == QLatin1String("asFloat")) {
            if (arg.type == Type::Number) {
                *out = arg;
                return true;
            }
            if (arg.type != Type::String)
                return badArgument();
            bool ok = false;
            const double value = name == QLatin1String("asInt") ? double(arg.string.toLongLong(&ok))
                                                                : arg.string.toDouble(&ok);
            if (!ok) {
                return fail(QStringLiteral("strconv.%1: parsing \"%2\": invalid syntax")
                                .arg(name == QLatin1String("asInt") ? QStringLiteral("ParseInt")
                                                                    : QStringLiteral("ParseFloat"),
                                     arg.string));
            }
            *out = ExpressionValue::fromNumber(value);
            return true;
        }
        if (arg.type != Type::Number)
            return badArgument();
        if (name == QLatin1String("abs"))
            *out = ExpressionValue::fromNumber(std::abs(arg.number));
        else if (name == QLatin1String("isNaN"))
            *out = ExpressionValue::fromBool(std::isnan(arg.number));
        else
            *out = ExpressionValue::fromBool(std::isinf(arg.number));
        return true;
    }

    const ExpressionValue &m_result;
    QString m_error;
    bool m_indexError = false;
};

} // namespace

std::optional<bool> AnalysisExpression::evaluate(const QString &expression,
                                                 const ExpressionValue &result, QString *error)
{
    const auto parseError = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("cannot parse condition \"%1\": %2").arg(expression, what);
        return std::nullopt;
    };
    QString what;
    const ExpressionNodePtr root = AnalysisExpressionParser::parse(expression, &what);
    if (!root)
        return parseError(what);

    Evaluator evaluator(result);
    ExpressionValue value;
    QString runtimeError;
    if (!evaluator.eval(*root, &value))
        runtimeError = evaluator.error();
    else if (value.type != Type::Bool)
        runtimeError = QStringLiteral("expected bool, but got %1").arg(value.typeName());
    if (!runtimeError.isEmpty()) {
        if (error)
            *error = QStringLiteral("cannot evaluate condition \"%1\": %2")
                         .arg(expression, runtimeError);
        return std::nullopt;
    }
    return value.boolean;
}

} // namespace rdsim

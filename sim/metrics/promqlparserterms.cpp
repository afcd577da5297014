// SPDX-License-Identifier: GPL-3.0-or-later
// The terms of a PromQL expression: selectors with their matchers, aggregations and function
// calls, each type-checked as Prometheus does.
#include "metrics/promqlfunctions.h"
#include "metrics/promqlparser_p.h"

#include <algorithm>

namespace rdsim::promql::detail {

ExprPtr Parser::parseAggregate(const Token &name)
{
    const QString op = name.text.toLower();
    if (isUnsupportedAggregation(op))
        return unsupported(name.position, QStringLiteral("the aggregation \"%1\"").arg(op));
    ExprPtr expr = node(Expr::Kind::Aggregate, name.position);
    expr->text = op;
    bool grouped = false;
    const auto parseGrouping = [&]() {
        expr->without = peekWord("without");
        next();
        grouped = true;
        return parseLabelList(&expr->grouping);
    };
    if ((peekWord("by") || peekWord("without")) && !parseGrouping())
        return nullptr;
    const Token paren = peek();
    if (!expect(K::LeftParen, QStringLiteral(" in aggregation, expected \"(\"")))
        return nullptr;
    ExprPtr inner = parseExpr(1);
    if (!inner)
        return nullptr;
    if (peek().kind == K::End)
        return fail(paren.position, QStringLiteral("unclosed left parenthesis"));
    if (peek().kind == K::Comma) {
        return fail(peek().position,
                    QStringLiteral("wrong number of arguments for aggregate expression provided, "
                                   "expected 1, got 2"));
    }
    if (!expect(K::RightParen, QStringLiteral(" in aggregation, expected \")\"")))
        return nullptr;
    if (!grouped && (peekWord("by") || peekWord("without")) && !parseGrouping())
        return nullptr;
    if (inner->type() != ValueType::Vector) {
        return fail(inner->position,
                    QStringLiteral("expected type instant vector in aggregation expression, got "
                                   "%1")
                        .arg(typeName(inner->type())));
    }
    expr->args.push_back(std::move(inner));
    return expr;
}

ExprPtr Parser::parseCall(const Token &name)
{
    const FunctionInfo *info = findFunction(name.text);
    if (!info && isUnsupportedFunction(name.text))
        return unsupported(name.position, QStringLiteral("the function \"%1\"").arg(name.text));
    if (!info)
        return fail(name.position,
                    QStringLiteral("unknown function with name \"%1\"").arg(name.text));
    const Token paren = next();
    ExprPtr expr = node(Expr::Kind::Call, name.position);
    expr->text = name.text;
    if (peek().kind != K::RightParen) {
        while (true) {
            ExprPtr arg = parseExpr(1);
            if (!arg)
                return nullptr;
            expr->args.push_back(std::move(arg));
            if (peek().kind != K::Comma)
                break;
            next();
        }
    }
    if (peek().kind == K::End)
        return fail(paren.position, QStringLiteral("unclosed left parenthesis"));
    if (!expect(K::RightParen, QStringLiteral(" in call to \"%1\"").arg(name.text)))
        return nullptr;
    const int given = int(expr->args.size());
    const int most = int(info->argTypes.size());
    const int least = most - info->optional;
    if (given < least || given > most) {
        const QString expected = info->optional == 0 ? QStringLiteral("expected %1").arg(most)
            : given < least ? QStringLiteral("expected at least %1").arg(least)
                            : QStringLiteral("expected at most %1").arg(most);
        return fail(name.position,
                    QStringLiteral("%1 argument(s) in call to \"%2\", got %3")
                        .arg(expected, name.text)
                        .arg(given));
    }
    for (int i = 0; i < given; ++i) {
        const ValueType type = expr->arg(size_t(i)).type();
        if (type != info->argTypes.at(i)) {
            return fail(expr->arg(size_t(i)).position,
                        QStringLiteral("expected type %1 in call to function \"%2\", got %3")
                            .arg(typeName(info->argTypes.at(i)), name.text, typeName(type)));
        }
    }
    return expr;
}

ExprPtr Parser::parseSelector()
{
    const Token first = peek();
    ExprPtr expr = node(Expr::Kind::VectorSelector, first.position);
    QList<Matcher> matchers;
    if (first.kind == K::Identifier) {
        next();
        expr->text = first.text;
    }
    if (peek().kind == K::LeftBrace && !parseMatchers(&matchers))
        return nullptr;
    for (const Matcher &m : std::as_const(matchers)) {
        if (m.name == QLatin1String("__name__") && !expr->text.isEmpty()) {
            return fail(first.position,
                        QStringLiteral("metric name must not be set twice: \"%1\" or \"%2\"")
                            .arg(expr->text, m.value));
        }
    }
    if (!expr->text.isEmpty()) {
        Matcher name;
        name.name = QStringLiteral("__name__");
        name.value = expr->text;
        matchers.prepend(name);
    }
    const bool anyNonEmpty = std::any_of(matchers.cbegin(), matchers.cend(),
                                         [](const Matcher &m) { return !m.matchesEmpty(); });
    if (!anyNonEmpty && !m_selectorOnly) {
        return fail(first.position,
                    QStringLiteral("vector selector must contain at least one non-empty "
                                   "matcher"));
    }
    expr->matchers = matchers;
    return expr;
}

bool Parser::parseMatchers(QList<Matcher> *matchers)
{
    const Token brace = next(); // {
    while (peek().kind != K::RightBrace) {
        const Token name = peek();
        if (name.kind == K::End) {
            fail(name.position, QStringLiteral("unexpected end of input inside braces"));
            return false;
        }
        if (name.kind != K::Identifier) {
            unexpected(name, QStringLiteral(" in label matching, expected label name"));
            return false;
        }
        next();
        const Token op = peek();
        Matcher matcher;
        matcher.name = name.text;
        if (op.kind == K::Operator && op.text == QLatin1String("="))
            matcher.op = Matcher::Op::Equal;
        else if (op.kind == K::Operator && op.text == QLatin1String("!="))
            matcher.op = Matcher::Op::NotEqual;
        else if (op.kind == K::Operator && op.text == QLatin1String("=~"))
            matcher.op = Matcher::Op::Regex;
        else if (op.kind == K::Operator && op.text == QLatin1String("!~"))
            matcher.op = Matcher::Op::NotRegex;
        else {
            unexpected(op,
                       QStringLiteral(" in label matching, expected label matching "
                                      "operator"));
            return false;
        }
        next();
        const Token value = peek();
        if (value.kind != K::String) {
            unexpected(value, QStringLiteral(" in label matching, expected string"));
            return false;
        }
        next();
        matcher.value = value.text;
        if (matcher.op == Matcher::Op::Regex || matcher.op == Matcher::Op::NotRegex) {
            // Prometheus anchors label regular expressions at both ends.
            matcher.regex.setPattern(QRegularExpression::anchoredPattern(value.text));
            if (!matcher.regex.isValid()) {
                fail(value.position,
                     QStringLiteral("invalid regular expression \"%1\": %2")
                         .arg(value.text, matcher.regex.errorString()));
                return false;
            }
            matcher.regex.optimize();
        }
        matchers->append(matcher);
        if (peek().kind == K::Comma) {
            next();
            continue;
        }
        if (peek().kind != K::RightBrace) {
            if (peek().kind == K::End)
                fail(brace.position, QStringLiteral("unexpected end of input inside braces"));
            else
                unexpected(peek(), QStringLiteral(" in label matching, expected \",\" or \"}\""));
            return false;
        }
    }
    next(); // }
    return true;
}

bool Parser::parseLabelList(QStringList *labels)
{
    if (!expect(K::LeftParen, QStringLiteral(" in grouping opts, expected \"(\"")))
        return false;
    while (peek().kind != K::RightParen) {
        if (peek().kind != K::Identifier) {
            unexpected(peek(), QStringLiteral(" in grouping opts, expected label"));
            return false;
        }
        labels->append(next().text);
        if (peek().kind == K::Comma)
            next();
        else if (peek().kind != K::RightParen) {
            unexpected(peek(), QStringLiteral(" in grouping opts, expected \",\" or \")\""));
            return false;
        }
    }
    next(); // )
    return true;
}

} // namespace rdsim::promql::detail

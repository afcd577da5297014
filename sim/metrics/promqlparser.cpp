// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promqlparser.h"

#include "metrics/promqlfunctions.h"
#include "metrics/promqlparser_p.h"

namespace rdsim::promql {

namespace detail {

namespace {

// Binding strength of binary operators, as in Prometheus: or < and/unless < comparisons <
// + - < * / % < ^. 0: not a binary operator.
int precedence(const Token &token)
{
    if (token.kind == K::Identifier) {
        const QString word = token.text.toLower();
        if (word == QLatin1String("or"))
            return 1;
        if (word == QLatin1String("and") || word == QLatin1String("unless"))
            return 2;
        if (word == QLatin1String("atan2"))
            return 5;
        return 0;
    }
    if (token.kind != K::Operator || token.text == QLatin1String("="))
        return 0;
    if (isComparison(token.text))
        return 3;
    if (token.text == QLatin1String("+") || token.text == QLatin1String("-"))
        return 4;
    if (token.text == QLatin1String("^"))
        return 6;
    return 5;
}

} // namespace

bool isKeyword(const QString &word)
{
    static const QStringList keywords
        = {QStringLiteral("by"),       QStringLiteral("without"),    QStringLiteral("on"),
           QStringLiteral("ignoring"), QStringLiteral("group_left"), QStringLiteral("group_right"),
           QStringLiteral("bool"),     QStringLiteral("offset"),     QStringLiteral("and"),
           QStringLiteral("or"),       QStringLiteral("unless"),     QStringLiteral("atan2")};
    return keywords.contains(word.toLower());
}

QString describe(const Token &token)
{
    switch (token.kind) {
    case K::End:
        return QStringLiteral("end of input");
    case K::Number:
        return QStringLiteral("number \"%1\"").arg(token.text);
    case K::Duration:
        return QStringLiteral("duration \"%1\"").arg(token.text);
    case K::String:
        return QStringLiteral("string");
    case K::Identifier:
        return isKeyword(token.text) ? QStringLiteral("keyword \"%1\"").arg(token.text.toLower())
                                     : QStringLiteral("identifier \"%1\"").arg(token.text);
    default:
        return u'"' + token.text + u'"';
    }
}

ExprPtr Parser::parseExpr(int minPrecedence)
{
    ExprPtr lhs = parseUnary();
    while (lhs) {
        const Token opToken = peek();
        const int prec = precedence(opToken);
        if (prec == 0 || prec < minPrecedence)
            break;
        next();
        ExprPtr binary = node(Expr::Kind::Binary, lhs->position);
        binary->op = opToken.kind == K::Identifier ? opToken.text.toLower() : opToken.text;
        if (binary->op == QLatin1String("atan2"))
            return unsupported(opToken.position, QStringLiteral("the operator \"atan2\""));
        if (peekWord("bool")) {
            if (!isComparison(binary->op)) {
                return fail(peek().position,
                            QStringLiteral("bool modifier can only be used on comparison "
                                           "operators"));
            }
            next();
            binary->returnBool = true;
        }
        if (peekWord("on") || peekWord("ignoring")) {
            binary->matching = peekWord("on") ? Expr::Matching::On : Expr::Matching::Ignoring;
            next();
            if (!parseLabelList(&binary->matchingLabels))
                return nullptr;
            if (peekWord("group_left") || peekWord("group_right")) {
                return unsupported(
                    peek().position,
                    QStringLiteral("many-to-one matching (%1)").arg(peek().text.toLower()));
            }
        }
        // ^ is right-associative, everything else left-associative.
        ExprPtr rhs = parseExpr(binary->op == QLatin1String("^") ? prec : prec + 1);
        if (!rhs)
            return nullptr;
        binary->args.push_back(std::move(lhs));
        binary->args.push_back(std::move(rhs));
        lhs = checkBinary(std::move(binary));
    }
    return lhs;
}

ExprPtr Parser::checkBinary(ExprPtr expr)
{
    const ValueType left = expr->arg(0).type();
    const ValueType right = expr->arg(1).type();
    const auto allowed
        = [](ValueType t) { return t == ValueType::Scalar || t == ValueType::Vector; };
    if (!allowed(left) || !allowed(right)) {
        return fail(expr->position,
                    QStringLiteral("binary expression must contain only scalar and instant "
                                   "vector types"));
    }
    const bool scalars = left == ValueType::Scalar || right == ValueType::Scalar;
    if (isSetOperator(expr->op) && scalars) {
        return fail(expr->position,
                    QStringLiteral("set operator \"%1\" not allowed in binary scalar expression")
                        .arg(expr->op));
    }
    if (isComparison(expr->op) && left == ValueType::Scalar && right == ValueType::Scalar
        && !expr->returnBool) {
        return fail(expr->position,
                    QStringLiteral("comparisons between scalars must use BOOL modifier"));
    }
    if (expr->matching != Expr::Matching::None && scalars) {
        return fail(expr->position,
                    QStringLiteral("vector matching only allowed between instant vectors"));
    }
    return expr;
}

ExprPtr Parser::parseUnary()
{
    const Token token = peek();
    if (token.kind != K::Operator
        || (token.text != QLatin1String("-") && token.text != QLatin1String("+")))
        return parsePostfix();
    next();
    // Binds more loosely than ^, so -2^2 is -(2^2) as in Prometheus.
    ExprPtr operand = parseExpr(6);
    if (!operand)
        return nullptr;
    const ValueType type = operand->type();
    if (type != ValueType::Scalar && type != ValueType::Vector) {
        return fail(token.position,
                    QStringLiteral("unary expression only allowed on expressions of type scalar "
                                   "or instant vector, got \"%1\"")
                        .arg(typeName(type)));
    }
    if (token.text == QLatin1String("+"))
        return operand;
    ExprPtr unary = node(Expr::Kind::Unary, token.position);
    unary->op = token.text;
    unary->args.push_back(std::move(operand));
    return unary;
}

ExprPtr Parser::parsePostfix()
{
    ExprPtr expr = parsePrimary();
    if (!expr)
        return nullptr;
    if (peek().kind == K::LeftBracket) {
        const Token bracket = next();
        if (expr->kind != Expr::Kind::VectorSelector) {
            if (peek().kind == K::Duration && m_tokens.at(m_index + 1).kind == K::Colon)
                return unsupported(bracket.position, QStringLiteral("subqueries"));
            return fail(bracket.position,
                        QStringLiteral("ranges only allowed for vector selectors"));
        }
        const Token range = peek();
        if (range.kind != K::Duration)
            return unexpected(range, QStringLiteral(" in range selector, expected duration"));
        next();
        if (peek().kind == K::Colon)
            return unsupported(bracket.position, QStringLiteral("subqueries"));
        if (range.durationMs <= 0)
            return fail(range.position, QStringLiteral("range must be greater than 0"));
        if (!expect(K::RightBracket, QStringLiteral(" in range selector, expected \"]\"")))
            return nullptr;
        expr->kind = Expr::Kind::MatrixSelector;
        expr->rangeMs = range.durationMs;
    }
    if (peekWord("offset")) {
        const Token offset = next();
        if (expr->kind != Expr::Kind::VectorSelector && expr->kind != Expr::Kind::MatrixSelector) {
            return fail(offset.position,
                        QStringLiteral("offset modifier must be preceded by an instant vector "
                                       "selector or range vector selector or a subquery"));
        }
        qint64 sign = 1;
        if (peek().kind == K::Operator && peek().text == QLatin1String("-")) {
            next();
            sign = -1;
        }
        if (peek().kind != K::Duration)
            return unexpected(peek(), QStringLiteral(" in offset, expected duration"));
        expr->offsetMs = sign * next().durationMs;
    }
    if (peek().kind == K::At)
        return unsupported(peek().position, QStringLiteral("the @ modifier"));
    return expr;
}

ExprPtr Parser::parsePrimary()
{
    const Token token = next();
    switch (token.kind) {
    case K::Number: {
        ExprPtr expr = node(Expr::Kind::Number, token.position);
        expr->number = token.number;
        return expr;
    }
    case K::String: {
        ExprPtr expr = node(Expr::Kind::String, token.position);
        expr->text = token.text;
        return expr;
    }
    case K::LeftParen: {
        ExprPtr inner = parseExpr(1);
        if (!inner)
            return nullptr;
        if (peek().kind == K::End)
            return fail(token.position, QStringLiteral("unclosed left parenthesis"));
        if (!expect(K::RightParen, QStringLiteral(", expected \")\"")))
            return nullptr;
        ExprPtr expr = node(Expr::Kind::Paren, token.position);
        expr->args.push_back(std::move(inner));
        return expr;
    }
    case K::LeftBrace:
        --m_index;
        return parseSelector();
    case K::Identifier: {
        const QString lower = token.text.toLower();
        const bool aggregation = isSupportedAggregation(lower) || isUnsupportedAggregation(lower);
        if (aggregation && (peek().kind == K::LeftParen || peekWord("by") || peekWord("without")))
            return parseAggregate(token);
        if (peek().kind == K::LeftParen)
            return parseCall(token);
        if (isKeyword(token.text))
            return unexpected(token);
        --m_index;
        return parseSelector();
    }
    case K::End:
        return fail(token.position, QStringLiteral("unexpected end of input"));
    default:
        return unexpected(token);
    }
}

} // namespace detail

ExprPtr parseQuery(const QString &query, QString *error)
{
    detail::Parser parser(query);
    ExprPtr expr = parser.parseAll();
    if (!expr && error)
        *error = parser.error();
    return expr;
}

bool parseSeriesSelector(const QString &text, QList<Matcher> *matchers, QString *error)
{
    detail::Parser parser(text);
    if (parser.parseSelectorOnly(matchers))
        return true;
    if (error)
        *error = parser.error();
    return false;
}

} // namespace rdsim::promql

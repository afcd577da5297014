// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysisexpressionparser.h"

#include "controllers/analysisexpressionlexer.h"

#include <QHash>

namespace rdsim {

namespace {

using AnalysisExpressionLexer::position;
using AnalysisExpressionLexer::Token;

struct BinaryOperator
{
    int precedence;
    bool rightAssociative;
};

const QHash<QString, BinaryOperator> &binaryOperators()
{
    static const QHash<QString, BinaryOperator> ops
        = {{QStringLiteral("||"), {10, false}}, {QStringLiteral("or"), {10, false}},
           {QStringLiteral("&&"), {15, false}}, {QStringLiteral("and"), {15, false}},
           {QStringLiteral("=="), {20, false}}, {QStringLiteral("!="), {20, false}},
           {QStringLiteral("<"), {20, false}},  {QStringLiteral(">"), {20, false}},
           {QStringLiteral("<="), {20, false}}, {QStringLiteral(">="), {20, false}},
           {QStringLiteral("+"), {30, false}},  {QStringLiteral("-"), {30, false}},
           {QStringLiteral("*"), {60, false}},  {QStringLiteral("/"), {60, false}},
           {QStringLiteral("%"), {60, false}},  {QStringLiteral("**"), {100, true}},
           {QStringLiteral("^"), {100, true}}};
    return ops;
}

const QHash<QString, int> &functionArity()
{
    static const QHash<QString, int> functions = {
        {QStringLiteral("len"), 1},    {QStringLiteral("abs"), 1},   {QStringLiteral("isNaN"), 1},
        {QStringLiteral("isInf"), 1},  {QStringLiteral("asInt"), 1}, {QStringLiteral("asFloat"), 1},
        {QStringLiteral("default"), 2}};
    return functions;
}

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) { }

    ExpressionNodePtr parse(QString *error)
    {
        ExpressionNodePtr root = expression(0);
        if (root && peek().kind != Token::Kind::End)
            fail(peek());
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return root;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &next() { return m_tokens[std::min(m_pos++, m_tokens.size() - 1)]; }
    bool isOperator(const char *op) const
    {
        return (peek().kind == Token::Kind::Operator || peek().kind == Token::Kind::Name)
            && peek().text == QLatin1String(op);
    }

    ExpressionNodePtr fail(const Token &token, const QString &what = QString())
    {
        if (m_error.isEmpty()) {
            if (!what.isEmpty())
                m_error = what + position(token.column);
            else if (token.kind == Token::Kind::End)
                m_error = QStringLiteral("unexpected end of expression") + position(token.column);
            else
                m_error = QStringLiteral("unexpected token \"%1\"").arg(token.text)
                    + position(token.column);
        }
        return nullptr;
    }

    bool expect(const char *op)
    {
        if (!isOperator(op)) {
            fail(peek());
            return false;
        }
        ++m_pos;
        return true;
    }

    ExpressionNodePtr expression(int minPrecedence)
    {
        ExpressionNodePtr left = unary();
        while (left) {
            const Token &token = peek();
            if (token.kind != Token::Kind::Operator && token.kind != Token::Kind::Name)
                break;
            const auto op = binaryOperators().constFind(token.text);
            if (op == binaryOperators().constEnd() || op->precedence < minPrecedence)
                break;
            ++m_pos;
            ExpressionNodePtr right
                = expression(op->rightAssociative ? op->precedence : op->precedence + 1);
            if (!right)
                return nullptr;
            auto node = std::make_unique<ExpressionNode>();
            node->kind = ExpressionNode::Kind::Binary;
            node->op = token.text;
            node->children.push_back(std::move(left));
            node->children.push_back(std::move(right));
            left = std::move(node);
        }
        if (left && minPrecedence == 0 && isOperator("?")) {
            ++m_pos;
            ExpressionNodePtr whenTrue = expression(0);
            if (!whenTrue || !expect(":"))
                return nullptr;
            ExpressionNodePtr whenFalse = expression(0);
            if (!whenFalse)
                return nullptr;
            auto node = std::make_unique<ExpressionNode>();
            node->kind = ExpressionNode::Kind::Ternary;
            node->children.push_back(std::move(left));
            node->children.push_back(std::move(whenTrue));
            node->children.push_back(std::move(whenFalse));
            left = std::move(node);
        }
        return left;
    }

    ExpressionNodePtr unary()
    {
        int precedence = 0;
        if (isOperator("!") || isOperator("not"))
            precedence = 50;
        else if (isOperator("-") || isOperator("+"))
            precedence = 90;
        if (precedence == 0)
            return postfix(primary());
        const QString op = next().text;
        ExpressionNodePtr operand = expression(precedence);
        if (!operand)
            return nullptr;
        auto node = std::make_unique<ExpressionNode>();
        node->kind = ExpressionNode::Kind::Unary;
        node->op = op == QLatin1String("not") ? QStringLiteral("!") : op;
        node->children.push_back(std::move(operand));
        return node;
    }

    ExpressionNodePtr postfix(ExpressionNodePtr node)
    {
        while (node && (isOperator("[") || isOperator("."))) {
            if (isOperator("."))
                return fail(peek(), QStringLiteral("member access is not supported"));
            ++m_pos;
            ExpressionNodePtr index = expression(0);
            if (!index || !expect("]"))
                return nullptr;
            auto indexed = std::make_unique<ExpressionNode>();
            indexed->kind = ExpressionNode::Kind::Index;
            indexed->children.push_back(std::move(node));
            indexed->children.push_back(std::move(index));
            node = std::move(indexed);
        }
        return node;
    }

    ExpressionNodePtr primary()
    {
        const Token &token = peek();
        auto node = std::make_unique<ExpressionNode>();
        switch (token.kind) {
        case Token::Kind::Number:
            node->literal = ExpressionValue::fromNumber(next().number);
            return node;
        case Token::Kind::String:
            node->literal = ExpressionValue::fromString(next().text);
            return node;
        case Token::Kind::Name:
            return name();
        case Token::Kind::Operator:
            if (isOperator("(")) {
                ++m_pos;
                ExpressionNodePtr inner = expression(0);
                if (!inner || !expect(")"))
                    return nullptr;
                return inner;
            }
            if (isOperator("[")) {
                ++m_pos;
                node->kind = ExpressionNode::Kind::Array;
                if (!list(node.get(), "]"))
                    return nullptr;
                return node;
            }
            break;
        case Token::Kind::End:
            break;
        }
        return fail(token);
    }

    ExpressionNodePtr name()
    {
        const Token token = next();
        auto node = std::make_unique<ExpressionNode>();
        if (token.text == QLatin1String("true") || token.text == QLatin1String("false")) {
            node->literal = ExpressionValue::fromBool(token.text == QLatin1String("true"));
            return node;
        }
        if (token.text == QLatin1String("nil"))
            return node;
        if (token.text == QLatin1String("result")) {
            node->kind = ExpressionNode::Kind::Result;
            return node;
        }
        const auto arity = functionArity().constFind(token.text);
        if (arity == functionArity().constEnd() || !isOperator("("))
            return fail(token, QStringLiteral("unknown name %1").arg(token.text));
        ++m_pos;
        node->kind = ExpressionNode::Kind::Call;
        node->op = token.text;
        if (!list(node.get(), ")"))
            return nullptr;
        if (int(node->children.size()) != *arity) {
            return fail(token,
                        QStringLiteral("%1 arguments to call %2")
                            .arg(int(node->children.size()) < *arity ? QStringLiteral("not enough")
                                                                     : QStringLiteral("too many"),
                                 token.text));
        }
        return node;
    }

    // Comma-separated expressions up to `close`, which is consumed.
    bool list(ExpressionNode *node, const char *close)
    {
        if (isOperator(close)) {
            ++m_pos;
            return true;
        }
        while (true) {
            ExpressionNodePtr item = expression(0);
            if (!item)
                return false;
            node->children.push_back(std::move(item));
            if (isOperator(",")) {
                ++m_pos;
                continue;
            }
            return expect(close);
        }
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    QString m_error;
};

} // namespace

namespace AnalysisExpressionParser {

ExpressionNodePtr parse(const QString &expression, QString *error)
{
    std::vector<Token> tokens;
    if (!AnalysisExpressionLexer::tokenize(expression, &tokens, error))
        return nullptr;
    Parser parser(std::move(tokens));
    return parser.parse(error);
}

} // namespace AnalysisExpressionParser

} // namespace rdsim

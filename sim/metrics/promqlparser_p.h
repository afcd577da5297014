// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PromQL parser's internals, shared by promqlparser.cpp (expressions) and
// promqlparserterms.cpp (selectors, aggregations, calls).

#include "metrics/promqlast.h"
#include "metrics/promqllexer.h"

#include <QList>
#include <QString>

namespace rdsim::promql::detail {

using K = Token::Kind;

bool isKeyword(const QString &word);
QString describe(const Token &token);

// Recursive descent over the lexer's tokens, binary operators by precedence climbing. The
// first error wins; every parse function returns nullptr (or false) once one happened.
class Parser
{
public:
    explicit Parser(const QString &query) : m_query(query) { }

    ExprPtr parseAll()
    {
        if (!lex())
            return nullptr;
        if (peek().kind == K::End)
            return fail(0, QStringLiteral("no expression found in input"));
        ExprPtr expr = parseExpr(1);
        if (expr && peek().kind != K::End)
            return unexpected(peek());
        return expr;
    }

    bool parseSelectorOnly(QList<Matcher> *matchers)
    {
        // match[] checks for a non-empty matcher itself, with its own message.
        m_selectorOnly = true;
        if (!lex())
            return false;
        ExprPtr expr;
        if (peek().kind == K::LeftBrace
            || (peek().kind == K::Identifier && !isKeyword(peek().text)))
            expr = parseSelector();
        else
            unexpected(peek());
        if (expr && peek().kind != K::End)
            unexpected(peek());
        if (m_failed)
            return false;
        *matchers = expr->matchers;
        return true;
    }

    QString error() const
    {
        int line = 1;
        int lastBreak = -1;
        for (int i = 0; i < m_errorPosition && i < m_query.size(); ++i) {
            if (m_query.at(i) == u'\n') {
                ++line;
                lastBreak = i;
            }
        }
        return QStringLiteral("%1:%2: parse error: %3")
            .arg(line)
            .arg(m_errorPosition - lastBreak)
            .arg(m_error);
    }

private:
    bool lex()
    {
        QString message;
        int position = 0;
        if (tokenize(m_query, &m_tokens, &message, &position))
            return true;
        fail(position, message);
        return false;
    }

    const Token &peek() const { return m_tokens.at(m_index); }
    Token next()
    {
        const Token token = m_tokens.at(m_index);
        if (token.kind != K::End)
            ++m_index;
        return token;
    }
    bool peekWord(const char *word) const
    {
        return peek().kind == K::Identifier
            && peek().text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }

    ExprPtr fail(int position, const QString &message)
    {
        if (!m_failed) {
            m_failed = true;
            m_errorPosition = position;
            m_error = message;
        }
        return nullptr;
    }
    ExprPtr unexpected(const Token &token, const QString &context = {})
    {
        return fail(token.position,
                    QStringLiteral("unexpected %1%2").arg(describe(token), context));
    }
    ExprPtr unsupported(int position, const QString &what)
    {
        return fail(position, QStringLiteral("rd-sim does not support %1").arg(what));
    }
    bool expect(K kind, const QString &context)
    {
        if (peek().kind == kind) {
            next();
            return true;
        }
        unexpected(peek(), context);
        return false;
    }

    static ExprPtr node(Expr::Kind kind, int position)
    {
        auto expr = std::make_unique<Expr>();
        expr->kind = kind;
        expr->position = position;
        return expr;
    }

    ExprPtr parseExpr(int minPrecedence);
    ExprPtr parseUnary();
    ExprPtr parsePostfix();
    ExprPtr parsePrimary();
    ExprPtr parseAggregate(const Token &name);
    ExprPtr parseCall(const Token &name);
    ExprPtr parseSelector();
    bool parseMatchers(QList<Matcher> *matchers);
    bool parseLabelList(QStringList *labels);
    ExprPtr checkBinary(ExprPtr expr);

    QString m_query;
    QList<Token> m_tokens;
    int m_index = 0;
    bool m_failed = false;
    bool m_selectorOnly = false;
    int m_errorPosition = 0;
    QString m_error;
};

} // namespace rdsim::promql::detail

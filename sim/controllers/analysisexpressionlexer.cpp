// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysisexpressionlexer.h"

#include <QStringList>

namespace rdsim::AnalysisExpressionLexer {

namespace {

const QStringList kOperators
    = {QStringLiteral("**"), QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<="),
       QStringLiteral(">="), QStringLiteral("&&"), QStringLiteral("||"), QStringLiteral("<"),
       QStringLiteral(">"),  QStringLiteral("+"),  QStringLiteral("-"),  QStringLiteral("*"),
       QStringLiteral("/"),  QStringLiteral("%"),  QStringLiteral("^"),  QStringLiteral("!"),
       QStringLiteral("("),  QStringLiteral(")"),  QStringLiteral("["),  QStringLiteral("]"),
       QStringLiteral(","),  QStringLiteral("?"),  QStringLiteral(":"),  QStringLiteral(".")};

// Where a number starting at `start` ends: digits (with _ separators), a fraction, an
// exponent.
qsizetype numberEnd(const QString &text, qsizetype start)
{
    qsizetype end = start;
    while (end < text.size() && (text.at(end).isDigit() || text.at(end) == u'_'))
        ++end;
    if (end < text.size() && text.at(end) == u'.' && end + 1 < text.size()
        && text.at(end + 1).isDigit()) {
        ++end;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
    }
    if (end < text.size() && (text.at(end) == u'e' || text.at(end) == u'E')) {
        qsizetype exp = end + 1;
        if (exp < text.size() && (text.at(exp) == u'+' || text.at(exp) == u'-'))
            ++exp;
        if (exp < text.size() && text.at(exp).isDigit()) {
            end = exp;
            while (end < text.size() && text.at(end).isDigit())
                ++end;
        }
    }
    return end;
}

// Each lexer below reads the token at `start` into *token and returns where it ends, or -1
// with *error.

qsizetype lexNumber(const QString &text, qsizetype start, Token *token, QString *error)
{
    const qsizetype end = numberEnd(text, start);
    bool ok = false;
    token->kind = Token::Kind::Number;
    token->text = text.mid(start, end - start);
    token->number = QString(token->text).remove(u'_').toDouble(&ok);
    if (!ok || (end < text.size() && (text.at(end).isLetter() || text.at(end) == u'_'))) {
        *error = QStringLiteral("invalid number \"%1\"").arg(text.mid(start, end - start + 1))
            + position(token->column);
        return -1;
    }
    return end;
}

qsizetype lexString(const QString &text, qsizetype start, Token *token, QString *error)
{
    const QChar quote = text.at(start);
    qsizetype end = start + 1;
    QString value;
    while (end < text.size() && text.at(end) != quote) {
        if (text.at(end) == u'\\' && end + 1 < text.size()) {
            const QChar e = text.at(end + 1);
            value += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
            end += 2;
        } else {
            value += text.at(end++);
        }
    }
    if (end >= text.size()) {
        *error = QStringLiteral("literal not terminated") + position(token->column);
        return -1;
    }
    token->kind = Token::Kind::String;
    token->text = value;
    return end + 1;
}

qsizetype lexName(const QString &text, qsizetype start, Token *token)
{
    qsizetype end = start;
    while (end < text.size()
           && (text.at(end).isLetterOrNumber() || text.at(end) == u'_' || text.at(end) == u'$')) {
        ++end;
    }
    token->kind = Token::Kind::Name;
    token->text = text.mid(start, end - start);
    return end;
}

qsizetype lexOperator(const QString &text, qsizetype start, Token *token, QString *error)
{
    for (const QString &op : kOperators) {
        if (QStringView(text).mid(start).startsWith(op)) {
            token->kind = Token::Kind::Operator;
            token->text = op;
            break;
        }
    }
    if (token->kind != Token::Kind::Operator) {
        *error = QStringLiteral("unexpected character \"%1\"").arg(text.at(start))
            + position(token->column);
        return -1;
    }
    return start + token->text.size();
}

// The token at `start` (not a space), by its first character.
qsizetype lexToken(const QString &text, qsizetype start, Token *token, QString *error)
{
    const QChar c = text.at(start);
    if (c.isDigit() || (c == u'.' && start + 1 < text.size() && text.at(start + 1).isDigit()))
        return lexNumber(text, start, token, error);
    if (c == u'"' || c == u'\'')
        return lexString(text, start, token, error);
    if (c.isLetter() || c == u'_' || c == u'$')
        return lexName(text, start, token);
    return lexOperator(text, start, token, error);
}

} // namespace

QString position(int column)
{
    return QStringLiteral(" (1:%1)").arg(column);
}

bool tokenize(const QString &text, std::vector<Token> *tokens, QString *error)
{
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Token token;
        token.column = int(i) + 1;
        const qsizetype end = lexToken(text, i, &token, error);
        if (end < 0)
            return false;
        tokens->push_back(token);
        i = end;
    }
    Token end;
    end.column = int(text.size()) + 1;
    tokens->push_back(end);
    return true;
}

} // namespace rdsim::AnalysisExpressionLexer

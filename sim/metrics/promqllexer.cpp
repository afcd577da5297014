// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promqllexer.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rdsim::promql {

namespace {

bool isIdentifierStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u':';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAlphaNumeric(QChar c)
{
    return isIdentifierStart(c) || isDigit(c);
}

// What may follow a number without a separator and makes it a duration or an error (no ':',
// so "[5m:1m]" splits at the colon).
bool isWordCharacter(QChar c)
{
    return isAlphaNumeric(c) && c != u':';
}

// Unescapes a "..." or '...' string starting at `start` (the quote). Returns the index after
// the closing quote, or -1 with *error.
int lexQuoted(const QString &q, int start, QString *value, QString *error)
{
    const QChar quote = q.at(start);
    int i = start + 1;
    while (i < q.size()) {
        const QChar c = q.at(i);
        if (c == quote)
            return i + 1;
        if (c == u'\n')
            break;
        if (c != u'\\') {
            value->append(c);
            ++i;
            continue;
        }
        if (i + 1 >= q.size())
            break;
        const QChar e = q.at(i + 1);
        i += 2;
        switch (e.unicode()) {
        case 'a':
            value->append(QChar(7));
            continue;
        case 'b':
            value->append(QChar(8));
            continue;
        case 'f':
            value->append(QChar(12));
            continue;
        case 'n':
            value->append(u'\n');
            continue;
        case 'r':
            value->append(u'\r');
            continue;
        case 't':
            value->append(u'\t');
            continue;
        case 'v':
            value->append(QChar(11));
            continue;
        case '\\':
            value->append(u'\\');
            continue;
        default:
            break;
        }
        if (e == quote) {
            value->append(e);
            continue;
        }
        int digits = 0;
        int base = 16;
        if (e == u'x')
            digits = 2;
        else if (e == u'u')
            digits = 4;
        else if (e == u'U')
            digits = 8;
        else if (e >= u'0' && e <= u'7') {
            digits = 3;
            base = 8;
            --i; // the first octal digit is part of the number
        }
        if (digits == 0 || i + digits > q.size()) {
            *error = QStringLiteral("unknown escape sequence %1").arg(QString(u'\\' + e));
            return -1;
        }
        bool ok = false;
        const uint code = q.mid(i, digits).toUInt(&ok, base);
        if (!ok || code > 0x10FFFF) {
            *error = QStringLiteral("invalid escape sequence %1").arg(q.mid(i - 2, digits + 2));
            return -1;
        }
        const char32_t codePoint = code;
        value->append(QString::fromUcs4(&codePoint, 1));
        i += digits;
    }
    *error = QStringLiteral("unterminated quoted string");
    return -1;
}

// A number (decimal, float, exponent, hex) at `start`; returns its end or -1.
int scanNumber(const QString &q, int start, double *value)
{
    int i = start;
    if (q.mid(i, 2).compare(QLatin1String("0x"), Qt::CaseInsensitive) == 0) {
        i += 2;
        const int digitsFrom = i;
        while (i < q.size() && isAlphaNumeric(q.at(i)) && q.at(i) != u'_' && q.at(i) != u':')
            ++i;
        bool ok = false;
        *value = double(q.mid(digitsFrom, i - digitsFrom).toULongLong(&ok, 16));
        return ok ? i : -1;
    }
    while (i < q.size() && isDigit(q.at(i)))
        ++i;
    if (i < q.size() && q.at(i) == u'.') {
        ++i;
        while (i < q.size() && isDigit(q.at(i)))
            ++i;
    }
    if (i < q.size() && (q.at(i) == u'e' || q.at(i) == u'E')) {
        int j = i + 1;
        if (j < q.size() && (q.at(j) == u'+' || q.at(j) == u'-'))
            ++j;
        if (j < q.size() && isDigit(q.at(j))) {
            while (j < q.size() && isDigit(q.at(j)))
                ++j;
            i = j;
        }
    }
    bool ok = false;
    *value = q.mid(start, i - start).toDouble(&ok);
    return ok ? i : -1;
}

// An identifier at `start`; Inf and NaN (any case) are numbers. Returns its end.
int lexIdentifier(const QString &q, int start, Token *token)
{
    int j = start;
    while (j < q.size() && isAlphaNumeric(q.at(j)))
        ++j;
    token->text = q.mid(start, j - start);
    token->kind = Token::Kind::Identifier;
    if (token->text.compare(QLatin1String("inf"), Qt::CaseInsensitive) == 0) {
        token->kind = Token::Kind::Number;
        token->number = std::numeric_limits<double>::infinity();
    } else if (token->text.compare(QLatin1String("nan"), Qt::CaseInsensitive) == 0) {
        token->kind = Token::Kind::Number;
        token->number = std::numeric_limits<double>::quiet_NaN();
    }
    return j;
}

// A number or a duration at `start`; returns its end, or -1 with *error.
int lexNumberOrDuration(const QString &q, int start, Token *token, QString *error)
{
    double value = 0;
    const int end = scanNumber(q, start, &value);
    if (end > 0 && (end >= q.size() || !isWordCharacter(q.at(end)))) {
        token->kind = Token::Kind::Number;
        token->number = value;
        token->text = q.mid(start, end - start);
        return end;
    }
    // Digits followed by letters: a duration ("5m", "1h30m"), or nothing valid.
    int j = std::max(end, start);
    while (j < q.size() && isWordCharacter(q.at(j)))
        ++j;
    token->text = q.mid(start, j - start);
    token->durationMs = parseDurationMs(token->text);
    if (token->durationMs < 0) {
        *error = QStringLiteral("bad number or duration syntax: \"%1\"").arg(token->text);
        return -1;
    }
    token->kind = Token::Kind::Duration;
    return j;
}

// A `...` string at `start` (no escapes); returns its end, or -1 with *error.
int lexRawString(const QString &q, int start, Token *token, QString *error)
{
    const int end = q.indexOf(u'`', start + 1);
    if (end < 0) {
        *error = QStringLiteral("unterminated raw string");
        return -1;
    }
    token->kind = Token::Kind::String;
    token->text = q.mid(start + 1, end - start - 1);
    return end + 1;
}

// An operator or a punctuation character at `start`; returns its end, or -1 with *error.
int lexOperator(const QString &q, int start, Token *token, QString *error)
{
    const QChar c = q.at(start);
    const QString two = q.mid(start, 2);
    if (two == QLatin1String("==") || two == QLatin1String("!=") || two == QLatin1String("<=")
        || two == QLatin1String(">=") || two == QLatin1String("=~") || two == QLatin1String("!~")) {
        token->kind = Token::Kind::Operator;
        token->text = two;
        return start + 2;
    }
    static const QString singleOperators = QStringLiteral("+-*/%^<>=");
    static const QString punctuation = QStringLiteral("(){}[],:@");
    static const Token::Kind punctuationKinds[]
        = {Token::Kind::LeftParen,  Token::Kind::RightParen,  Token::Kind::LeftBrace,
           Token::Kind::RightBrace, Token::Kind::LeftBracket, Token::Kind::RightBracket,
           Token::Kind::Comma,      Token::Kind::Colon,       Token::Kind::At};
    if (singleOperators.contains(c)) {
        token->kind = Token::Kind::Operator;
    } else if (punctuation.contains(c)) {
        token->kind = punctuationKinds[punctuation.indexOf(c)];
    } else if (c == u'!') {
        *error = QStringLiteral("unexpected character after '!': '%1'")
                     .arg(start + 1 < q.size() ? QString(q.at(start + 1)) : QString());
        return -1;
    } else {
        *error = QStringLiteral("unexpected character: '%1'").arg(c);
        return -1;
    }
    token->text = QString(c);
    return start + 1;
}

// The token starting at `start` (not a space or a comment), by its first character. Returns
// its end, or -1 with *error.
int lexToken(const QString &q, int start, bool inBrackets, Token *token, QString *error)
{
    const QChar c = q.at(start);
    if (isIdentifierStart(c) && !(c == u':' && inBrackets))
        return lexIdentifier(q, start, token);
    if (isDigit(c) || (c == u'.' && start + 1 < q.size() && isDigit(q.at(start + 1))))
        return lexNumberOrDuration(q, start, token, error);
    if (c == u'"' || c == u'\'') {
        const int end = lexQuoted(q, start, &token->text, error);
        if (end >= 0)
            token->kind = Token::Kind::String;
        return end;
    }
    if (c == u'`')
        return lexRawString(q, start, token, error);
    return lexOperator(q, start, token, error);
}

} // namespace

qint64 parseDurationMs(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?"
                       "(?:(\\d+)ms)?$"));
    if (text == QLatin1String("0"))
        return 0;
    const QRegularExpressionMatch match = pattern.match(text);
    if (text.isEmpty() || !match.hasMatch())
        return -1;
    static constexpr qint64 unitMs[]
        = {365LL * 86400000, 7LL * 86400000, 86400000, 3600000, 60000, 1000, 1};
    double total = 0;
    for (int i = 0; i < 7; ++i) {
        if (!match.captured(i + 1).isEmpty())
            total += match.captured(i + 1).toDouble() * double(unitMs[i]);
    }
    if (total > double(std::numeric_limits<qint64>::max() / 1000000))
        return -1; // beyond what a Go time.Duration holds
    return qint64(total);
}

bool tokenize(const QString &q, QList<Token> *tokens, QString *error, int *errorPosition)
{
    int i = 0;
    bool inBrackets = false; // a ':' there separates a subquery's range and step
    while (i < q.size()) {
        const QChar c = q.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'#') { // a comment runs to the end of the line
            while (i < q.size() && q.at(i) != u'\n')
                ++i;
            continue;
        }
        Token token;
        token.position = i;
        if (c == u'[' || c == u']')
            inBrackets = c == u'[';
        QString message;
        const int end = lexToken(q, i, inBrackets, &token, &message);
        if (end < 0) {
            *error = message;
            *errorPosition = i;
            return false;
        }
        tokens->append(token);
        i = end;
    }
    Token end;
    end.kind = Token::Kind::End;
    end.position = int(q.size());
    tokens->append(end);
    return true;
}

} // namespace rdsim::promql

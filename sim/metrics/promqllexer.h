// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace rdsim::promql {

struct Token
{
    enum class Kind {
        Identifier, // metric and label names, keywords, function names
        Number, // 1, 1.5e3, 0x1f, Inf, NaN
        Duration, // 5m, 1h30m, 500ms
        String, // "..." '...' `...` (value unescaped)
        LeftParen,
        RightParen,
        LeftBrace,
        RightBrace,
        LeftBracket,
        RightBracket,
        Comma,
        Colon,
        Operator, // + - * / % ^ == != <= >= < > =~ !~ =
        At, // @ (not supported, reported by the parser)
        End,
    };
    Kind kind = Kind::End;
    QString text; // as written (for strings: the unescaped value)
    int position = 0;
    double number = 0; // Number
    qint64 durationMs = 0; // Duration
};

// Splits a PromQL query into tokens. On a lexical error returns false with *error (the
// message without position) and *errorPosition.
bool tokenize(const QString &query, QList<Token> *tokens, QString *error, int *errorPosition);

// Prometheus durations: one or more <integer><unit> with units y w d h m s ms, largest first
// ("1h30m"). -1 when the text is not one.
qint64 parseDurationMs(const QString &text);

} // namespace rdsim::promql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace rdsim {

// The tokens of an analysis condition, for AnalysisExpressionParser. Separate from the parser
// so each stays small.
namespace AnalysisExpressionLexer {

struct Token
{
    enum class Kind { Number, String, Name, Operator, End };
    Kind kind = Kind::End;
    QString text;
    double number = 0;
    int column = 0; // 1-based
};

// " (1:column)", the position suffix of every error message.
QString position(int column);

// The tokens of `text` ending with an End token, or false with *error like
// `unexpected character "#" (1:5)`.
bool tokenize(const QString &text, std::vector<Token> *tokens, QString *error);

} // namespace AnalysisExpressionLexer

} // namespace rdsim

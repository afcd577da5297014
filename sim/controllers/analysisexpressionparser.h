// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/analysisexpression.h"

#include <QString>

#include <memory>
#include <vector>

namespace rdsim {

// The syntax tree of an analysis condition. Separate from the evaluator so each stays small.
struct ExpressionNode
{
    enum class Kind { Literal, Result, Unary, Binary, Ternary, Index, Call, Array };
    Kind kind = Kind::Literal;
    QString op; // operator ("!" also for `not`) or function name
    ExpressionValue literal;
    std::vector<std::unique_ptr<ExpressionNode>> children;
};
using ExpressionNodePtr = std::unique_ptr<ExpressionNode>;

namespace AnalysisExpressionParser {
// The tree, or nullptr with *error like `unexpected token ")" (1:16)` (line:column as expr
// reports them). Names are checked here: only `result`, true, false, nil and the supported
// functions (with their argument counts) exist.
ExpressionNodePtr parse(const QString &expression, QString *error);
} // namespace AnalysisExpressionParser

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/promqlast.h"

#include <QList>
#include <QString>

namespace rdsim::promql {

// A function rd-sim evaluates: its argument types (the last `optional` ones may be left out)
// and what it returns.
struct FunctionInfo
{
    QString name;
    QList<ValueType> argTypes;
    int optional = 0;
    ValueType returns = ValueType::Vector;
};

// nullptr when rd-sim does not evaluate a function of that name.
const FunctionInfo *findFunction(const QString &name);
// A PromQL function of Prometheus 2.42 that rd-sim does not evaluate.
bool isUnsupportedFunction(const QString &name);

// Aggregation operators (lower case): supported ones, and PromQL's others.
bool isSupportedAggregation(const QString &name);
bool isUnsupportedAggregation(const QString &name);

} // namespace rdsim::promql

// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promqlfunctions.h"

namespace rdsim::promql {

namespace {

const QList<FunctionInfo> &functions()
{
    using T = ValueType;
    static const QList<FunctionInfo> table = {
        {QStringLiteral("rate"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("irate"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("increase"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("delta"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("idelta"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("avg_over_time"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("min_over_time"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("max_over_time"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("sum_over_time"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("count_over_time"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("last_over_time"), {T::Matrix}, 0, T::Vector},
        {QStringLiteral("histogram_quantile"), {T::Scalar, T::Vector}, 0, T::Vector},
        {QStringLiteral("clamp"), {T::Vector, T::Scalar, T::Scalar}, 0, T::Vector},
        {QStringLiteral("clamp_min"), {T::Vector, T::Scalar}, 0, T::Vector},
        {QStringLiteral("clamp_max"), {T::Vector, T::Scalar}, 0, T::Vector},
        {QStringLiteral("abs"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("ceil"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("floor"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("round"), {T::Vector, T::Scalar}, 1, T::Vector},
        {QStringLiteral("exp"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("ln"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("log2"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("log10"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("sqrt"), {T::Vector}, 0, T::Vector},
        {QStringLiteral("scalar"), {T::Vector}, 0, T::Scalar},
        {QStringLiteral("vector"), {T::Scalar}, 0, T::Vector},
        {QStringLiteral("time"), {}, 0, T::Scalar},
    };
    return table;
}

} // namespace

const FunctionInfo *findFunction(const QString &name)
{
    for (const FunctionInfo &info : functions()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

bool isUnsupportedFunction(const QString &name)
{
    static const QStringList others = {
        QStringLiteral("absent"),
        QStringLiteral("absent_over_time"),
        QStringLiteral("acos"),
        QStringLiteral("acosh"),
        QStringLiteral("asin"),
        QStringLiteral("asinh"),
        QStringLiteral("atan"),
        QStringLiteral("atanh"),
        QStringLiteral("changes"),
        QStringLiteral("cos"),
        QStringLiteral("cosh"),
        QStringLiteral("day_of_month"),
        QStringLiteral("day_of_week"),
        QStringLiteral("day_of_year"),
        QStringLiteral("days_in_month"),
        QStringLiteral("deg"),
        QStringLiteral("deriv"),
        QStringLiteral("histogram_count"),
        QStringLiteral("histogram_fraction"),
        QStringLiteral("histogram_sum"),
        QStringLiteral("holt_winters"),
        QStringLiteral("hour"),
        QStringLiteral("label_join"),
        QStringLiteral("label_replace"),
        QStringLiteral("minute"),
        QStringLiteral("month"),
        QStringLiteral("pi"),
        QStringLiteral("predict_linear"),
        QStringLiteral("present_over_time"),
        QStringLiteral("quantile_over_time"),
        QStringLiteral("rad"),
        QStringLiteral("resets"),
        QStringLiteral("sgn"),
        QStringLiteral("sin"),
        QStringLiteral("sinh"),
        QStringLiteral("sort"),
        QStringLiteral("sort_desc"),
        QStringLiteral("stddev_over_time"),
        QStringLiteral("stdvar_over_time"),
        QStringLiteral("tan"),
        QStringLiteral("tanh"),
        QStringLiteral("timestamp"),
        QStringLiteral("year"),
    };
    return others.contains(name);
}

bool isSupportedAggregation(const QString &name)
{
    static const QStringList supported
        = {QStringLiteral("sum"), QStringLiteral("avg"),   QStringLiteral("min"),
           QStringLiteral("max"), QStringLiteral("count"), QStringLiteral("group")};
    return supported.contains(name);
}

bool isUnsupportedAggregation(const QString &name)
{
    static const QStringList others
        = {QStringLiteral("stddev"),  QStringLiteral("stdvar"),   QStringLiteral("topk"),
           QStringLiteral("bottomk"), QStringLiteral("quantile"), QStringLiteral("count_values")};
    return others.contains(name);
}

} // namespace rdsim::promql

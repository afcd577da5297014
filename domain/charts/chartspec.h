// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartunit.h"
#include "promresult.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <utility>

// A horizontal line on a chart: where values start to fail. From an analysis condition
// (`result[0] <= 0.05` in a successCondition fails above 0.05) or from the chart config
// (`max: 0.05`).
struct ChartThreshold
{
    enum class Comparison { Less, LessOrEqual, Greater, GreaterOrEqual };
    enum class Source { SuccessCondition, FailureCondition, Config };

    double value = 0;
    // As written with `result` on the left: `0.95 <= result[0]` is GreaterOrEqual 0.95.
    Comparison comparison = Comparison::LessOrEqual;
    Source source = Source::Config;
    QString text; // the comparison as written ("result[0] <= 0.05"); config: its label, if any

    // True when values above the line fail (a success condition `<`/`<=`, a failure
    // condition `>`/`>=`, a config `max`).
    bool failsAbove() const;
    // "pass ≤ 5 %", "fail > 0.1 s", "max 5 %" (translated), with the value in the unit.
    QString label(ChartUnit unit) const;

    bool operator==(const ChartThreshold &o) const
    {
        return value == o.value && comparison == o.comparison && source == o.source
            && text == o.text;
    }
    bool operator!=(const ChartThreshold &o) const { return !(*this == o); }
};

// One analysis measurement as a point on its metric's chart.
struct ChartMeasurement
{
    enum class Phase { Successful, Failed, Inconclusive, Error, Running };

    qint64 timeMs = 0; // finishedAt, else startedAt
    double value = 0; // result[0]; NaN when the value is not a number ("ok", "[]")
    Phase phase = Phase::Successful;
    QString valueText; // as the controller wrote it: "[0.97]"
    QString runName;

    bool operator==(const ChartMeasurement &o) const;
    bool operator!=(const ChartMeasurement &o) const { return !(*this == o); }
};

// One chart of the metrics view: a PromQL query (with {{variables}}, see chartvariables.h),
// its unit and thresholds, and for analysis charts the measurements the controller took.
struct ChartSpec
{
    enum class Origin { Analysis, Config, Builtin };

    QString id; // stable within a rollout: "analysis/error-rate", "builtin/cpu", "config/2"
    QString title;
    QString query;
    ChartUnit unit = ChartUnit::None;
    // Run once per role (canary, stable) with {{hash}}, {{role}} and {{pod_regex}} bound, so
    // both are drawn on one chart.
    bool splitByRole = false;
    // False: the query is sent exactly as written ({{ is not a variable).
    bool templated = true;
    QList<ChartThreshold> thresholds;
    QList<std::pair<QString, QString>> variables; // the chart's own, in file order
    QStringList environments; // config: only these environments; empty = all
    Origin origin = Origin::Builtin;
    QList<ChartMeasurement> measurements; // analysis charts
    QString description; // a tooltip: where the chart comes from
    // A split chart's stable part in the legend (translated); empty: "stable" ("active" for a
    // blue-green). A Flagger canary's is its "primary".
    QString stableName;

    bool appliesTo(const QString &environment) const
    {
        return environments.isEmpty() || environments.contains(environment);
    }

    bool operator==(const ChartSpec &o) const;
    bool operator!=(const ChartSpec &o) const { return !(*this == o); }
};

// One line of data on a chart, as a range query returned it (all samples, not down-sampled:
// the chart reduces them to its width, and hover and CSV show the exact values).
struct ChartSeries
{
    enum class Role { Canary, Stable, Other };

    QString name; // the legend: "canary", "stable", or the series' labels
    Role role = Role::Other;
    QList<PromSample> samples; // ascending time
    qint64 stepMs = 0; // the query's resolution; gaps longer than 1.5 steps are not bridged

    bool operator==(const ChartSeries &o) const
    {
        return name == o.name && role == o.role && samples == o.samples && stepMs == o.stepMs;
    }
    bool operator!=(const ChartSeries &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(ChartThreshold)
Q_DECLARE_METATYPE(ChartMeasurement)
Q_DECLARE_METATYPE(ChartSpec)
Q_DECLARE_METATYPE(ChartSeries)

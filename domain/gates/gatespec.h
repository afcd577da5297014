// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// One quality gate of the config file's `gates:` list (format in gateconfig.h): a PromQL
// query judged on the canary's pods over a window, against absolute bounds and/or against
// the stable pods.
struct GateSpec
{
    static constexpr qint64 defaultWindowMs = 10 * 60 * 1000;
    static constexpr qint64 defaultStepMs = 15 * 1000;

    QString name;
    QString query; // with {{variables}}; {{pod_regex}}/{{hash}}/{{role}} pick the role
    std::optional<double> max; // the canary's value must not be above
    std::optional<double> min; // ... nor below
    // Relative to the stable value, as fractions (10 % is 0.10): the canary may be at most
    // this much above (maxIncrease) or below (maxDecrease) the stable.
    std::optional<double> maxIncrease;
    std::optional<double> maxDecrease;
    qint64 windowMs = defaultWindowMs;
    qint64 stepMs = defaultStepMs;
    int minSamples = 0; // 0: half the points the window holds (at least 1)
    QList<std::pair<QString, QString>> variables; // the gate's own, in file order
    QStringList environments; // empty: all
    QStringList workloads; // "namespace/name"; empty: every rollout
    int line = 0; // 1-based line in the config file, for messages

    bool isRelative() const { return maxIncrease.has_value() || maxDecrease.has_value(); }
    // The points the window holds at the step, and the samples a judgement needs.
    int pointsInWindow() const;
    int requiredSamples() const;
    bool appliesTo(const QString &environment, const QString &namespaceName,
                   const QString &name) const;

    bool operator==(const GateSpec &o) const;
    bool operator!=(const GateSpec &o) const { return !(*this == o); }
};

// What the dashboard does when a gate fails in an environment (environments[].onGateFail).
enum class GateFailAction { Notify, Pause };

// The config file's gate settings besides the list.
struct GateSettings
{
    static constexpr qint64 defaultIntervalMs = 30 * 1000;

    QList<GateSpec> gates;
    qint64 intervalMs = defaultIntervalMs; // gateInterval: how often live gates are judged

    // The gates for one rollout, in file order.
    QList<GateSpec> applicable(const QString &environment, const QString &namespaceName,
                               const QString &name) const;
    bool operator==(const GateSettings &o) const
    {
        return gates == o.gates && intervalMs == o.intervalMs;
    }
};

Q_DECLARE_METATYPE(GateSpec)

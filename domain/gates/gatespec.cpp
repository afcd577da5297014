// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatespec.h"

#include <algorithm>

int GateSpec::pointsInWindow() const
{
    // A range query over [end - window, end] at the step returns both ends.
    return stepMs > 0 ? int(windowMs / stepMs) + 1 : 1;
}

int GateSpec::requiredSamples() const
{
    return minSamples > 0 ? minSamples : std::max(1, pointsInWindow() / 2);
}

bool GateSpec::appliesTo(const QString &environment, const QString &namespaceName,
                         const QString &rolloutName) const
{
    if (!environments.isEmpty() && !environments.contains(environment))
        return false;
    return workloads.isEmpty()
        || workloads.contains(namespaceName + QLatin1Char('/') + rolloutName);
}

bool GateSpec::operator==(const GateSpec &o) const
{
    return name == o.name && query == o.query && max == o.max && min == o.min
        && maxIncrease == o.maxIncrease && maxDecrease == o.maxDecrease && windowMs == o.windowMs
        && stepMs == o.stepMs && minSamples == o.minSamples && variables == o.variables
        && environments == o.environments && workloads == o.workloads && line == o.line;
}

QList<GateSpec> GateSettings::applicable(const QString &environment, const QString &namespaceName,
                                         const QString &rolloutName) const
{
    QList<GateSpec> result;
    for (const GateSpec &gate : gates) {
        if (gate.appliesTo(environment, namespaceName, rolloutName))
            result.append(gate);
    }
    return result;
}

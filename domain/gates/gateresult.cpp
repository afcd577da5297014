// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateresult.h"

#include <algorithm>

QString GateOutcomes::id(GateOutcome outcome)
{
    switch (outcome) {
    case GateOutcome::Pass:
        return QStringLiteral("Pass");
    case GateOutcome::Inconclusive:
        return QStringLiteral("Inconclusive");
    case GateOutcome::Error:
        return QStringLiteral("Error");
    case GateOutcome::Fail:
        break;
    }
    return QStringLiteral("Fail");
}

bool GateOutcomes::fromId(const QString &text, GateOutcome *out)
{
    for (GateOutcome outcome :
         {GateOutcome::Pass, GateOutcome::Inconclusive, GateOutcome::Error, GateOutcome::Fail}) {
        if (id(outcome) == text) {
            *out = outcome;
            return true;
        }
    }
    return false;
}

QString GateOutcomes::label(GateOutcome outcome)
{
    switch (outcome) {
    case GateOutcome::Pass:
        return QCoreApplication::translate("GateOutcomes", "Pass");
    case GateOutcome::Inconclusive:
        return QCoreApplication::translate("GateOutcomes", "Inconclusive");
    case GateOutcome::Error:
        return QCoreApplication::translate("GateOutcomes", "Error");
    case GateOutcome::Fail:
        break;
    }
    return QCoreApplication::translate("GateOutcomes", "Fail");
}

GateOutcome GateOutcomes::worst(GateOutcome a, GateOutcome b)
{
    return int(a) >= int(b) ? a : b;
}

bool GateResult::operator==(const GateResult &o) const
{
    return name == o.name && source == o.source && outcome == o.outcome && value == o.value
        && worstValue == o.worstValue && stableValue == o.stableValue && bound == o.bound
        && windowMs == o.windowMs && stepMs == o.stepMs && samples == o.samples
        && stableSamples == o.stableSamples && query == o.query && stableQuery == o.stableQuery
        && message == o.message && evaluatedAtMs == o.evaluatedAtMs;
}

GateOutcome GateReport::verdict() const
{
    if (gates.isEmpty())
        return GateOutcome::Inconclusive;
    GateOutcome result = GateOutcome::Pass;
    for (const GateResult &gate : gates)
        result = GateOutcomes::worst(result, gate.outcome);
    return result;
}

int GateReport::count(GateOutcome outcome) const
{
    return int(std::count_if(gates.cbegin(), gates.cend(),
                             [outcome](const GateResult &g) { return g.outcome == outcome; }));
}

const GateResult *GateReport::gate(const QString &gateName) const
{
    for (const GateResult &result : gates) {
        if (result.name == gateName)
            return &result;
    }
    return nullptr;
}

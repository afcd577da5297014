// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetreports.h"

#include <algorithm>
#include <initializer_list>

namespace {

bool isOneOf(const QString &word, std::initializer_list<QLatin1String> words)
{
    return std::any_of(words.begin(), words.end(), [&](QLatin1String w) { return word == w; });
}

} // namespace

bool CiRun::succeeded() const
{
    if (kind == Kind::ArgoWorkflow)
        return phase == QLatin1String("Succeeded");
    // Tekton writes reason Completed instead of Succeeded when some tasks were skipped.
    return conditionStatus != QLatin1String("False")
        && isOneOf(phase, {QLatin1String("Succeeded"), QLatin1String("Completed")});
}

bool CiRun::failed() const
{
    if (kind == Kind::ArgoWorkflow)
        return isOneOf(phase, {QLatin1String("Failed"), QLatin1String("Error")});
    if (!conditionStatus.isEmpty())
        return conditionStatus == QLatin1String("False");
    // Without the condition's status (a run built by hand), the reasons every finished
    // failure ends with (tekton.dev/v1 PipelineRunReason).
    return isOneOf(
        phase,
        {QLatin1String("Failed"), QLatin1String("Cancelled"), QLatin1String("PipelineRunTimeout")});
}

bool LoadTestRun::finished() const
{
    return stage == QLatin1String("finished");
}

bool LoadTestRun::failed() const
{
    return stage == QLatin1String("error");
}

bool ChaosExperiment::passed() const
{
    if (kind == Kind::LitmusChaosResult)
        return verdict == QLatin1String("Pass");
    return phase == QLatin1String("Recovered");
}

bool ChaosExperiment::failed() const
{
    if (kind == Kind::LitmusChaosResult)
        return isOneOf(verdict, {QLatin1String("Fail"), QLatin1String("Error")});
    return phase == QLatin1String("Failed");
}

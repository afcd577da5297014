// SPDX-License-Identifier: GPL-3.0-or-later
// What the safety-net kinds' list pages may hold: the first byte picks SafetyNetDecoder's
// reader (0 VulnerabilityReports ... 10 FeatureFlags, 11 discovery plurals, 12 PipelineRuns
// and then the same body as TaskRuns attached to them), the rest is the body. Beyond the
// sanitizers' findings it checks the promises the window relies on: a failed list holds no
// items, and every list and string stays within SafetyNetLimits.
#include "fuzzinput.h"
#include "safetynetdecoder.h"

namespace {

bool bounded(const QString &text)
{
    return text.size() <= SafetyNetLimits::maxStringLength;
}

template<typename T> void checkList(const ObjectList<T> &list)
{
    RD_FUZZ_CHECK(list.report.isOk() || list.items.isEmpty());
    RD_FUZZ_CHECK(list.items.size() <= SafetyNetLimits::maxObjectsPerKind);
    RD_FUZZ_CHECK(list.report.issues.size() <= DecodeReport::maxIssues);
}

void check(const ObjectList<VulnerabilityReport> &list)
{
    checkList(list);
    for (const VulnerabilityReport &report : list.items) {
        RD_FUZZ_CHECK(report.vulnerabilities.size()
                      <= SafetyNetLimits::maxVulnerabilitiesPerReport);
        for (const Vulnerability &vulnerability : report.vulnerabilities)
            RD_FUZZ_CHECK(bounded(vulnerability.title) && bounded(vulnerability.severity));
    }
}

void check(const ObjectList<PolicyReport> &list)
{
    checkList(list);
    for (const PolicyReport &report : list.items) {
        RD_FUZZ_CHECK(report.results.size() <= SafetyNetLimits::maxPolicyResultsPerReport);
        for (const PolicyResult &result : report.results) {
            RD_FUZZ_CHECK(result.resources.size() <= SafetyNetLimits::maxResourcesPerResult);
            RD_FUZZ_CHECK(bounded(result.message) && bounded(result.policy));
        }
    }
}

void check(const ObjectList<GatekeeperConstraint> &list)
{
    checkList(list);
    for (const GatekeeperConstraint &constraint : list.items) {
        RD_FUZZ_CHECK(!constraint.enforcementAction.isEmpty());
        RD_FUZZ_CHECK(constraint.violations.size() <= SafetyNetLimits::maxViolationsPerConstraint);
    }
}

void check(const ObjectList<CiRun> &list)
{
    checkList(list);
    for (const CiRun &run : list.items) {
        RD_FUZZ_CHECK(run.steps.size() <= SafetyNetLimits::maxStepsPerRun);
        RD_FUZZ_CHECK(run.values.size() <= SafetyNetLimits::maxValuesPerRun);
        RD_FUZZ_CHECK(!(run.succeeded() && run.failed()));
    }
}

void check(const ObjectList<FeatureFlag> &list)
{
    checkList(list);
    for (const FeatureFlag &flag : list.items) {
        RD_FUZZ_CHECK(flag.variants.size() <= SafetyNetLimits::maxVariantsPerFlag);
        RD_FUZZ_CHECK(bounded(flag.targeting) && bounded(flag.key));
    }
}

void check(const ObjectList<ChaosExperiment> &list)
{
    checkList(list);
    for (const ChaosExperiment &experiment : list.items) {
        RD_FUZZ_CHECK(!(experiment.passed() && experiment.failed()));
        RD_FUZZ_CHECK(experiment.probeSuccessPercentage >= -1
                      && experiment.probeSuccessPercentage <= 100);
    }
}

template<typename T> void check(const ObjectList<T> &list)
{
    checkList(list);
}

} // namespace

RD_FUZZ_TARGET(data, size)
{
    if (size == 0)
        return 0;
    const QByteArray body = fuzzBytes(data + 1, size - 1);
    switch (data[0] % 13) {
    case 0:
        check(SafetyNetDecoder::vulnerabilityReports(body));
        break;
    case 1:
        check(SafetyNetDecoder::configAuditReports(body));
        break;
    case 2:
        check(SafetyNetDecoder::policyReports(body));
        break;
    case 3:
        check(SafetyNetDecoder::gatekeeperConstraints(body));
        break;
    case 4:
        check(SafetyNetDecoder::argoWorkflows(body));
        break;
    case 5:
        check(SafetyNetDecoder::tektonPipelineRuns(body));
        break;
    case 6:
        check(SafetyNetDecoder::tektonTaskRuns(body));
        break;
    case 7:
        check(SafetyNetDecoder::k6TestRuns(body));
        break;
    case 8:
        check(SafetyNetDecoder::litmusChaosResults(body));
        break;
    case 9:
        check(SafetyNetDecoder::chaosMeshExperiments(body));
        break;
    case 10:
        check(SafetyNetDecoder::featureFlags(body));
        break;
    case 11: {
        QString error;
        const QStringList plurals = SafetyNetDecoder::resourcePlurals(body, &error);
        RD_FUZZ_CHECK(error.isEmpty() || plurals.isEmpty());
        for (const QString &plural : plurals)
            RD_FUZZ_CHECK(!plural.isEmpty() && !plural.contains(QLatin1Char('/')));
        break;
    }
    default: {
        ObjectList<CiRun> runs = SafetyNetDecoder::tektonPipelineRuns(body);
        const ObjectList<TektonTaskRun> taskRuns = SafetyNetDecoder::tektonTaskRuns(body);
        SafetyNetDecoder::attachTaskRuns(&runs.items, taskRuns.items);
        SafetyNetDecoder::attachTaskRuns(&runs.items, taskRuns.items); // a second time: no growth
        check(runs);
        break;
    }
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisrun.h"

#include "replicaset.h"

bool AnalysisMetric::operator==(const AnalysisMetric &o) const
{
    return name == o.name && interval == o.interval && initialDelay == o.initialDelay
        && count == o.count && successCondition == o.successCondition
        && failureCondition == o.failureCondition && failureLimit == o.failureLimit
        && inconclusiveLimit == o.inconclusiveLimit
        && consecutiveErrorLimit == o.consecutiveErrorLimit
        && consecutiveSuccessLimit == o.consecutiveSuccessLimit && provider == o.provider;
}

bool MetricResult::operator==(const MetricResult &o) const
{
    return name == o.name && phase == o.phase && message == o.message
        && measurements == o.measurements && count == o.count && successful == o.successful
        && failed == o.failed && inconclusive == o.inconclusive && error == o.error
        && consecutiveError == o.consecutiveError && consecutiveSuccess == o.consecutiveSuccess
        && dryRun == o.dryRun;
}

bool AnalysisRun::isCompleted() const
{
    return phase == QLatin1String("Successful") || phase == QLatin1String("Failed")
        || phase == QLatin1String("Error") || phase == QLatin1String("Inconclusive");
}

const MetricResult *AnalysisRun::metricResult(QStringView name) const
{
    for (const MetricResult &result : metricResults) {
        if (result.name == name)
            return &result;
    }
    return nullptr;
}

bool AnalysisRun::operator==(const AnalysisRun &o) const
{
    return metadata == o.metadata && metrics == o.metrics && args == o.args
        && dryRunMetrics == o.dryRunMetrics && terminate == o.terminate && phase == o.phase
        && message == o.message && startedAt == o.startedAt && completedAt == o.completedAt
        && runSummary == o.runSummary && metricResults == o.metricResults;
}

QString AnalysisRun::podTemplateHash() const
{
    return rolloutsPodTemplateHash(metadata);
}

QString AnalysisRun::revision() const
{
    return metadata.annotations.value(u"rollout.argoproj.io/revision");
}

QString AnalysisRun::rolloutType() const
{
    return metadata.labels.value(u"rollout-type");
}

QString MetricProvider::setting(QLatin1String field) const
{
    for (const ProviderSetting &s : settings) {
        if (s.field == field)
            return s.value;
    }
    return QString();
}

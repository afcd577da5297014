// SPDX-License-Identifier: GPL-3.0-or-later
#include "job.h"

QString Job::analysisRunUid() const
{
    const OwnerReference *owner = metadata.controllerRef();
    if (owner && owner->kind == QLatin1String("AnalysisRun"))
        return owner->uid;
    return metadata.labels.value(analysisRunUidLabel());
}

QString Job::metricName() const
{
    return metadata.annotations.value(u"analysisrun.argoproj.io/metric-name");
}

QString Job::analysisPhase() const
{
    // The job provider looks at the condition types only, the later one winning.
    QString phase = QStringLiteral("Running");
    for (const Condition &condition : conditions) {
        if (condition.type == QLatin1String("Complete"))
            phase = QStringLiteral("Successful");
        else if (condition.type == QLatin1String("Failed"))
            phase = QStringLiteral("Failed");
    }
    return phase;
}

bool Job::operator==(const Job &o) const
{
    return metadata == o.metadata && podTemplate == o.podTemplate && backoffLimit == o.backoffLimit
        && active == o.active && succeeded == o.succeeded && failed == o.failed
        && startTime == o.startTime && completionTime == o.completionTime
        && conditions == o.conditions;
}

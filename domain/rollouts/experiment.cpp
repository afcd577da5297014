// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment.h"

bool ExperimentTemplateStatus::operator==(const ExperimentTemplateStatus &o) const
{
    return name == o.name && replicas == o.replicas && updatedReplicas == o.updatedReplicas
        && readyReplicas == o.readyReplicas && availableReplicas == o.availableReplicas
        && status == o.status && message == o.message && lastTransitionTime == o.lastTransitionTime
        && podTemplateHash == o.podTemplateHash;
}

qint64 Experiment::revision() const
{
    bool ok = false;
    const qint64 value
        = metadata.annotations.value(u"rollout.argoproj.io/revision").toLongLong(&ok);
    return ok ? value : 0;
}

bool Experiment::isCompleted() const
{
    // AnalysisPhase.Completed() in the API types: the four end phases.
    return phase == QLatin1String("Successful") || phase == QLatin1String("Failed")
        || phase == QLatin1String("Error") || phase == QLatin1String("Inconclusive");
}

bool Experiment::operator==(const Experiment &o) const
{
    return metadata == o.metadata && templates == o.templates && analyses == o.analyses
        && duration == o.duration && terminate == o.terminate && phase == o.phase
        && message == o.message && availableAt == o.availableAt
        && templateStatuses == o.templateStatuses && analysisRuns == o.analysisRuns;
}

QString experimentTemplateName(const ObjectMeta &replicaSetMetadata)
{
    return replicaSetMetadata.annotations.value(u"experiment.argoproj.io/template-name");
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicaset.h"

#include "timestamps.h"

QString rolloutsPodTemplateHash(const ObjectMeta &metadata)
{
    return metadata.labels.value(u"rollouts-pod-template-hash");
}

QString ReplicaSet::podTemplateHash() const
{
    const QString rolloutHash = rolloutsPodTemplateHash(metadata);
    if (!rolloutHash.isEmpty())
        return rolloutHash;
    return metadata.labels.value(u"pod-template-hash");
}

qint64 ReplicaSet::revision() const
{
    QString text = metadata.annotations.value(u"rollout.argoproj.io/revision");
    if (text.isEmpty())
        text = metadata.annotations.value(u"deployment.kubernetes.io/revision");
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? value : 0;
}

QDateTime ReplicaSet::scaleDownDeadline() const
{
    return parseRfc3339(metadata.annotations.value(u"scale-down-deadline"));
}

bool ReplicaSet::operator==(const ReplicaSet &o) const
{
    return metadata == o.metadata && specReplicas == o.specReplicas && podTemplate == o.podTemplate
        && replicas == o.replicas && fullyLabeledReplicas == o.fullyLabeledReplicas
        && readyReplicas == o.readyReplicas && availableReplicas == o.availableReplicas
        && observedGeneration == o.observedGeneration && conditions == o.conditions;
}

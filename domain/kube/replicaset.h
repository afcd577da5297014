// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "condition.h"
#include "objectmeta.h"
#include "podtemplate.h"

#include <QList>
#include <QMetaType>

#include <optional>

// apps/v1 ReplicaSet, as owned by a Rollout or a Deployment.
struct ReplicaSet
{
    ObjectMeta metadata;
    std::optional<qint32> specReplicas;
    PodTemplate podTemplate;
    qint32 replicas = 0;
    qint32 fullyLabeledReplicas = 0;
    qint32 readyReplicas = 0;
    qint32 availableReplicas = 0;
    qint64 observedGeneration = 0;
    QList<Condition> conditions;

    // Label rollouts-pod-template-hash (Rollout-owned) or else pod-template-hash.
    QString podTemplateHash() const;
    // Annotation rollout.argoproj.io/revision, else deployment.kubernetes.io/revision;
    // 0 when absent or not a number.
    qint64 revision() const;
    // Annotation scale-down-deadline (RFC 3339), null when absent or unparsable.
    QDateTime scaleDownDeadline() const;

    bool operator==(const ReplicaSet &o) const;
    bool operator!=(const ReplicaSet &o) const { return !(*this == o); }
};

// The rollouts-pod-template-hash label the Argo Rollouts controller puts on what it makes for
// one revision (ReplicaSets, pods, AnalysisRuns); empty when absent.
QString rolloutsPodTemplateHash(const ObjectMeta &metadata);

Q_DECLARE_METATYPE(ReplicaSet)

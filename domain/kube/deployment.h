// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "condition.h"
#include "intorstring.h"
#include "objectmeta.h"
#include "podtemplate.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// apps/v1 Deployment (plain ones, and the targets of Rollout workloadRefs).
struct Deployment
{
    ObjectMeta metadata;
    std::optional<qint32> specReplicas; // the API server defaults nil to 1
    bool paused = false;
    QString strategyType; // RollingUpdate or Recreate
    IntOrString maxSurge;
    IntOrString maxUnavailable;
    std::optional<qint32> progressDeadlineSeconds;
    qint32 minReadySeconds = 0;
    PodTemplate podTemplate;
    qint64 observedGeneration = 0;
    qint32 replicas = 0;
    qint32 updatedReplicas = 0;
    qint32 readyReplicas = 0;
    qint32 availableReplicas = 0;
    qint32 unavailableReplicas = 0;
    QList<Condition> conditions;

    bool operator==(const Deployment &o) const;
    bool operator!=(const Deployment &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(Deployment)

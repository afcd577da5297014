// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploymentdetail.h"
#include "event.h"
#include "flaggercanary.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Everything the detail pane shows about one Flagger canary (FleetStore::canaryDetail): the
// canary, the two Deployments it manages with their ReplicaSets and pods, and the events
// about any of them. A value, like RolloutDetail.
struct FlaggerCanaryDetail
{
    QString environment;
    QString environmentColour; // "#rrggbb" from the config, or empty
    FlaggerCanary canary;
    // The row's words (the Rollout vocabulary, docs/flagger.md) and strategy.
    QString phase;
    QString message;
    QString strategy;
    // <target>-primary, made by Flagger, serving the stable version; invalid until made.
    DeploymentDetail primary;
    // The target people deploy to; Flagger runs it only while a new version is analysed.
    DeploymentDetail target;
    // About the canary or either Deployment (and theirs), newest first, at most maxEvents.
    QList<Event> events;
    QStringList notices;
    QDateTime staleSince;
    QString staleReason;

    bool isStale() const { return staleSince.isValid(); }
    bool isValid() const { return !canary.metadata.uid.isEmpty(); }
    static constexpr int maxEvents = 100;
};

Q_DECLARE_METATYPE(FlaggerCanaryDetail)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replicaset.h"
#include "rollout.h"
#include "rolloutsituation.h"
#include "rolloutstatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One rollout as `release-dashboard get` prints it: the columns of
// `kubectl argo rollouts list rollouts` plus the environment, computed once with the
// domain's rolloutstatus functions.
struct RolloutSummary
{
    QString environment;
    QString context;
    QString namespaceName;
    QString name;
    QString strategy; // "Canary", "BlueGreen" or empty
    QString phase;
    QString message;
    QString step; // "2/7"; empty for blue-green or without steps
    std::optional<qint32> currentStepIndex;
    qint32 stepCount = 0;
    std::optional<qint32> setWeight; // canary only
    std::optional<qint32> actualWeight; // canary only
    RolloutCounts counts;
    qint64 revision = 0;
    QList<ImageInfo> images;
    bool requiresAttention = false;
    // What it is doing in the window's words (RolloutSituationText), and whether only a
    // person moves it on.
    QString situation;
    bool waitsForPerson = false;
    bool paused = false; // spec.paused
    bool aborted = false; // status.abort
    qint64 generation = 0;
    QString observedGeneration;
    QDateTime creationTimestamp;
    // `get -o json`: safetyNetsJson() of the rollout (issue 15); empty: left out.
    QJsonObject safetyNets {};
    // `get rollout NAME -o json`: the plugin's tree (RolloutTreePrinter::json); empty: left out.
    QJsonObject tree {};

    static RolloutSummary from(const QString &environment, const QString &context,
                               const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The stable JSON form of docs/cli.md.
    QJsonObject toJson() const;
};

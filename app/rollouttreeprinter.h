// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutdetail.h"
#include "rollouttree.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// `release-dashboard get rollout NAME` as `kubectl argo rollouts get rollout NAME --no-color`
// prints it (cmd/get/get_rollout.go): the header (name, namespace, status, strategy, step and
// weights, images with their tags, replicas), a blank line, then RolloutTree as the plugin's
// tabwriter lays it out (columns NAME, KIND, STATUS, AGE, INFO; each padded to its widest cell
// plus two, INFO not padded). Ages are relative to now. docs/cli.md.
class RolloutTreePrinter
{
public:
    static QString text(const RolloutDetail &detail, const QDateTime &now);
    // Only the tree's lines, header row first.
    static QString tree(const RolloutTreeNode &root, const QDateTime &now);
    // The tree for `get rollout NAME -o json`: {"status", "icon", "iconMeaning", "message",
    // "revisions": [{"revision", "replicaSets", "experiments", "analysisRuns"}], ...}, each
    // object with its kind, name, status, icon, iconMeaning, created and info, and its
    // children by kind (pods, replicaSets, analysisRuns, jobs).
    static QJsonObject json(const RolloutDetail &detail, const QDateTime &now);
};

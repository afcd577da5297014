// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollout.h"
#include "rolloutaction.h"
#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// One PATCH of an action, byte for byte what `kubectl argo rollouts` sends
// (../shared/reference/argo-rollouts.md section 2).
struct RolloutPatch
{
    bool statusSubresource = false; // PATCH .../rollouts/NAME/status
    bool jsonPatch = false; // application/json-patch+json (undo); else merge-patch+json
    QByteArray body;
    // Sent to the main resource instead when the status PATCH answers 404 (a CRD without the
    // status subresource, v0.9 and older). Empty: no fallback.
    QByteArray fallbackBody;
    bool operator==(const RolloutPatch &o) const
    {
        return statusSubresource == o.statusSubresource && jsonPatch == o.jsonPatch
            && body == o.body && fallbackBody == o.fallbackBody;
    }
};

// The patches of one action, built from the rollout as a fresh GET returned it. Empty
// patches with an empty error mean "nothing to send" (e.g. promote of a blue-green that is
// not paused): the plugin then still reports success, and so do we (note says why).
struct RolloutActionPlan
{
    QList<RolloutPatch> patches;
    QString note; // translated, e.g. "Nothing to promote: the rollout is not paused."
    QString error; // translated; the action cannot be planned (undo: no such revision)
    bool isError() const { return !error.isEmpty(); }
};

// Pause, resume, promote, promote full, abort, retry and restart. restartAt: the time the
// restart asks for (the plugin sends now + --in, UTC, RFC 3339 seconds).
RolloutActionPlan planRolloutAction(RolloutAction action, const Rollout &rollout,
                                    const QDateTime &restartAt = QDateTime());

// Undo to `revision` (0: the previous one, the second-highest revision), as the plugin's
// undo: rollout and replicaSets are the raw objects from the API (the pod template must be
// copied whole, every field the client does not model included). The ReplicaSets are
// filtered by the rollout's uid as controller owner.
RolloutActionPlan planUndo(const QJsonObject &rollout, const QJsonArray &replicaSets,
                           qint64 revision);

// The body of the restart patch for restartAt (pretty-printed with tabs, as the plugin's).
QByteArray restartPatchBody(const QDateTime &restartAt);

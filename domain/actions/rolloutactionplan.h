// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replicaset.h"
#include "rollout.h"
#include "rolloutaction.h"
#include <QByteArray>
#include <QDateTime>
#include <QHash>
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

// A revision an undo can go back to: its number and its ReplicaSet (an index into the list
// undoRevisions() was given).
struct UndoRevision
{
    qint64 revision = 0;
    qsizetype replicaSet = -1;
};

// The revisions of a rollout as the plugin's undo finds them: the ReplicaSets whose
// controller owner is the rollout (ownerUid) and whose rollout.argoproj.io/revision is a
// number, highest first (equal ones in list order). The one place revisions are counted:
// undo is offered with two or more, and planUndo picks from them.
QList<UndoRevision> undoRevisions(const QList<ReplicaSet> &replicaSets, const QString &ownerUid);

// The pod templates (spec.template) of a rollout and of ReplicaSets exactly as the API sent
// them. The domain's PodTemplate keeps only the containers, but an undo must copy the
// ReplicaSet's template whole, every field the client does not model included.
struct RawPodTemplates
{
    QJsonObject rollout;
    QHash<QString, QJsonObject> replicaSets; // by ReplicaSet name (unique in a namespace)

    // From a rollout body (GET) and the pages of a ReplicaSet list.
    static RawPodTemplates read(const QByteArray &rolloutBody,
                                const QList<QByteArray> &replicaSetPages);
};

// Undo to `revision` (0: the previous one, the second-highest revision), as the plugin's
// undo: the decoded rollout and ReplicaSets say which revision is which (undoRevisions), the
// raw templates what is sent.
RolloutActionPlan planUndo(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                           qint64 revision, const RawPodTemplates &templates);

// The body of the restart patch for restartAt (pretty-printed with tabs, as the plugin's).
QByteArray restartPatchBody(const QDateTime &restartAt);

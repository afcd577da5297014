// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasestorm.h"

#include "releasestormobjects.h"

#include "core/objectstore.h"

#include <QJsonObject>

namespace {
using namespace stormobjects;
constexpr qint64 StageMs = 1000;
} // namespace

ReleaseStorm::ReleaseStorm(QList<Rollout> rollouts, double releasesPerSecond) :
    m_rollouts(std::move(rollouts)),
    m_busy(m_rollouts.size(), false),
    m_perSecond(releasesPerSecond)
{ }

void ReleaseStorm::tick(qint64 nowMs)
{
    if (m_rollouts.isEmpty())
        return;
    if (m_lastMs >= 0)
        m_owed += m_perSecond * double(nowMs - m_lastMs) / 1000.0;
    m_lastMs = nowMs;
    // A rollout still in its release is skipped; at most one pass over the list per tick.
    for (int tries = 0; m_owed >= 1.0 && tries < m_rollouts.size(); ++tries) {
        const int index = m_next;
        m_next = (m_next + 1) % int(m_rollouts.size());
        if (m_busy[index])
            continue;
        Release release;
        release.rollout = index;
        release.dueMs = nowMs + StageMs;
        m_owed -= 1.0;
        if (start(release)) {
            m_busy[index] = true;
            m_active.push_back(release);
        }
    }
    m_owed = std::min(m_owed, 1.0 + m_perSecond); // do not pile up when every rollout is busy
    while (!m_active.empty() && m_active.front().dueMs <= nowMs) {
        Release release = m_active.front();
        m_active.pop_front();
        advance(release);
        if (release.stage < 0) {
            m_busy[release.rollout] = false;
        } else {
            release.dueMs = nowMs + StageMs;
            m_active.push_back(release);
        }
    }
}

bool ReleaseStorm::start(Release &release)
{
    const Rollout &target = m_rollouts.at(release.rollout);
    std::optional<QJsonObject> rollout = target.store->get(rolloutType(), target.ns, target.name);
    if (!rollout)
        return false;
    QJsonObject meta = rollout->value(kMetadata).toObject();
    QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
    QJsonObject status = rollout->value(kStatus).toObject();
    release.stableHash = status.value(QStringLiteral("stableRS")).toString();
    release.revision = annotations.value(kRevision).toString().toLongLong() + 1;
    release.hash = hashFor(target.name, release.revision);
    const std::optional<QJsonObject> stable
        = target.store->get(replicaSetType(), target.ns, target.name + u'-' + release.stableHash);
    if (!stable)
        return false;
    if (!target.store
             ->create(replicaSetType(),
                      newReplicaSet(*stable, target.name, release.hash, release.revision))
             .ok())
        return false;
    annotations.insert(kRevision, QString::number(release.revision));
    meta.insert(QStringLiteral("annotations"), annotations);
    rollout->insert(kMetadata, meta);
    QJsonObject spec = rollout->value(kSpec).toObject();
    spec.insert(QStringLiteral("template"),
                withContainerImage(spec.value(QStringLiteral("template")).toObject(),
                                   imageFor(target.name, release.revision), QString()));
    rollout->insert(kSpec, spec);
    status.insert(QStringLiteral("currentPodHash"), release.hash);
    setStage(status, 0, 0, false, QStringLiteral("Progressing"));
    rollout->insert(kStatus, status);
    put(target.store, rolloutType(), *rollout);
    event(target.store, *rollout, QStringLiteral("RolloutUpdated"),
          QStringLiteral("Rollout updated to revision %1").arg(release.revision),
          ++m_eventSequence);
    m_writes += 3;
    ++m_started;
    return true;
}

void ReleaseStorm::advance(Release &release)
{
    const Rollout &target = m_rollouts.at(release.rollout);
    std::optional<QJsonObject> rollout = target.store->get(rolloutType(), target.ns, target.name);
    if (!rollout) {
        release.stage = -1;
        return;
    }
    const QString rsName = target.name + u'-' + release.hash;
    const QString run = runName(target.name, release.hash);
    QJsonObject status = rollout->value(kStatus).toObject();
    switch (++release.stage) {
    case 1: // setWeight 20 done; the pause only a person ends
        scaleReplicaSet(target.store, target.ns, rsName, 2);
        target.store->create(
            runType(),
            analysisRun(
                target.ns, target.name, release.hash, release.revision,
                rollout->value(kMetadata).toObject().value(QStringLiteral("uid")).toString()));
        setStage(status, 1, 20, true, QStringLiteral("Paused"));
        m_writes += 3;
        break;
    case 2: // promoted by a person: on to setWeight 60
        measure(target.store, target.ns, run, false);
        setStage(status, 2, 20, false, QStringLiteral("Progressing"));
        m_writes += 1;
        break;
    case 3: // setWeight 60 done; a timed pause
        scaleReplicaSet(target.store, target.ns, rsName, 6);
        setStage(status, 3, 60, true, QStringLiteral("Paused"));
        m_writes += 1;
        break;
    default:
        promote(release);
        status.insert(QStringLiteral("stableRS"), release.hash);
        setStage(status, 4, -1, false, QStringLiteral("Healthy"));
        release.stage = -1;
        break;
    }
    rollout->insert(kStatus, status);
    put(target.store, rolloutType(), *rollout);
    ++m_writes;
    if (release.stage == 1 || release.stage < 0) {
        event(target.store, *rollout,
              release.stage < 0 ? QStringLiteral("RolloutCompleted")
                                : QStringLiteral("RolloutPaused"),
              release.stage < 0
                  ? QStringLiteral("Rollout completed update to revision %1").arg(release.revision)
                  : QStringLiteral("Rollout is paused (CanaryPauseStep)"),
              ++m_eventSequence);
        ++m_writes;
    }
}

// The new ReplicaSet takes every pod, the old stable is scaled to 0, the ReplicaSet and
// AnalysisRun two revisions back are deleted (revisionHistoryLimit 2).
void ReleaseStorm::promote(Release &release)
{
    const Rollout &target = m_rollouts.at(release.rollout);
    scaleReplicaSet(target.store, target.ns, target.name + u'-' + release.hash, 10);
    measure(target.store, target.ns, runName(target.name, release.hash), true);
    scaleReplicaSet(target.store, target.ns, target.name + u'-' + release.stableHash, 0);
    m_writes += 3;
    const QString old = hashFor(target.name, release.revision - 2);
    if (target.store->remove(replicaSetType(), target.ns, target.name + u'-' + old).ok())
        ++m_writes;
    if (target.store->remove(runType(), target.ns, runName(target.name, old)).ok())
        ++m_writes;
    ++m_promoted;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <deque>

namespace rdsim {
class ObjectStore;
}

// Releases for the benchmark fleet, written into the simulator's stores as the Argo Rollouts
// controller would (the fleet server's clock is frozen, so no controller runs): a new
// revision (its ReplicaSet, the Rollout's template, revision and currentPodHash), then one
// stage a second through the canary steps of FleetGenerator's Rollouts (setWeight 20, a
// pause only a person ends and its promotion, setWeight 60, a timed pause), and the
// promotion (stableRS, the old ReplicaSet scaled to 0, the one beyond revisionHistoryLimit
// deleted). Each release has a background AnalysisRun that gains a measurement per stage
// and ends Successful, and Events on the Rollout. So a recorder sees releases, transitions,
// an observed "promote", measurements and events, not only status flips.
//
// About 18 writes per release; every object a release adds is deleted two releases later
// except its Events (three per release), so the stores stay near their size.
class ReleaseStorm
{
public:
    struct Rollout
    {
        rdsim::ObjectStore *store;
        QString ns;
        QString name;
    };

    // rollouts: the ones releases may run on (healthy, not already mid-canary).
    ReleaseStorm(QList<Rollout> rollouts, double releasesPerSecond);

    // Starts the releases owed by now and moves every release whose stage is due.
    void tick(qint64 nowMs);

    qint64 writes() const { return m_writes; }
    qint64 releasesStarted() const { return m_started; }
    qint64 releasesPromoted() const { return m_promoted; }

private:
    struct Release
    {
        int rollout; // index into m_rollouts
        int stage = 0;
        qint64 revision = 0;
        QString hash;
        QString stableHash;
        qint64 dueMs = 0;
    };

    bool start(Release &release);
    void advance(Release &release);
    void promote(Release &release);

    QList<Rollout> m_rollouts;
    QList<bool> m_busy;
    double m_perSecond;
    double m_owed = 0;
    qint64 m_lastMs = -1;
    int m_next = 0; // round-robin over m_rollouts
    std::deque<Release> m_active; // due in order: every stage takes the same time
    qint64 m_writes = 0;
    qint64 m_started = 0;
    qint64 m_promoted = 0;
    quint64 m_eventSequence = 0;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyedtreemodel.h"
#include "rolloutdetail.h"

#include <QDateTime>
#include <QTabWidget>

class AnalysisRunsView;
class ReplicaSetsView;
class RolloutEventsView;

// The rollout detail's tabs: ReplicaSets, analysis and events, each titled with its count
// (the analysis tab with the current revision's worst phase as a symbol, the events tab with
// its warnings). Pages added later (the window's metrics) follow them.
class RolloutDetailTabs : public QTabWidget
{
    Q_OBJECT

public:
    explicit RolloutDetailTabs(QWidget *parent = nullptr);

    // Shows detail; `replicaSets`, `runs` and `events` say which parts to update (the others
    // did not change). how: Reset for another rollout, which also scrolls back to the top.
    struct Parts
    {
        bool replicaSets = true;
        bool runs = true;
        bool events = true;
    };
    void setDetail(const RolloutDetail &detail, const QDateTime &now, Parts parts,
                   DetailUpdate how);

    ReplicaSetsView *replicaSetsView() const { return m_replicaSets; }
    AnalysisRunsView *analysisView() const { return m_analysis; }
    RolloutEventsView *eventsView() const { return m_events; }

private:
    void updateTitles(const RolloutDetail &detail);

    ReplicaSetsView *m_replicaSets;
    AnalysisRunsView *m_analysis;
    RolloutEventsView *m_events;
};

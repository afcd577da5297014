// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"
#include "keyedtreemodel.h"
#include "rolloutdetail.h"

#include <QDateTime>
#include <QTabWidget>

class AnalysisRunsView;
class GatesView;
class ReplicaSetsView;
class RolloutEventsView;

// The rollout detail's tabs: ReplicaSets, analysis, gates and events, each titled with its
// count (the analysis tab with the current revision's worst phase as a symbol, the gates tab
// with its verdict in its colour, "Gates ✕ 1" or "Gates ✓", the events tab with its
// warnings). Pages added later (the window's metrics) follow them.
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

    // The gates' verdict of the shown rollout (GatesView). A report of another rollout is
    // dropped when setDetail() shows a new one, so no other rollout's verdict is ever shown.
    void setGateReport(const GateReport &report);
    void clearGateReport(const QString &why);
    void setGateIntervalMs(qint64 intervalMs);

    ReplicaSetsView *replicaSetsView() const { return m_replicaSets; }
    AnalysisRunsView *analysisView() const { return m_analysis; }
    GatesView *gatesView() const { return m_gates; }
    RolloutEventsView *eventsView() const { return m_events; }

    // The tabs' places; pages added later come after EventsTab.
    enum Tab { ReplicaSetsTab, AnalysisTab, GatesTab, EventsTab };

private:
    void updateTitles(const RolloutDetail &detail);
    void updateGatesTitle(const GateReport *report);

    ReplicaSetsView *m_replicaSets;
    AnalysisRunsView *m_analysis;
    GatesView *m_gates;
    RolloutEventsView *m_events;
    // Whose report the gates tab shows ("environment/namespace/name"; empty: none).
    QString m_gateSubject;
};

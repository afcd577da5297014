// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"
#include "keyedtreemodel.h"
#include "rolloutdetail.h"
#include "safetynets.h"

#include <QDateTime>
#include <QTabWidget>

class AnalysisRunsView;
class GatesView;
class ReplicaSetsView;
class RolloutEventsView;
class SafetyNetsView;
class TrafficRoutingView;

// The rollout detail's tabs: ReplicaSets, analysis, gates, events and safety nets, each titled
// with its count (the analysis tab with the current revision's worst phase as a symbol, the
// gates tab with its verdict in its colour, "Gates ✕ 1" or "Gates ✓", the events tab with its
// warnings, the safety nets tab with its worst finding's symbol and colour) and traffic (the
// routers, weights, ping-pong and routes; TrafficRoutingView). Pages added later
// (the window's metrics) follow them.
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
    // The safety nets of the shown rollout (SafetyNetsView); like the gates' report, those of
    // another rollout are dropped when setDetail() shows a new one.
    void setSafetyNets(const SafetyNets &nets);
    void clearSafetyNets(const QString &why);

    ReplicaSetsView *replicaSetsView() const { return m_replicaSets; }
    AnalysisRunsView *analysisView() const { return m_analysis; }
    GatesView *gatesView() const { return m_gates; }
    RolloutEventsView *eventsView() const { return m_events; }
    SafetyNetsView *safetyNetsView() const { return m_safetyNets; }
    TrafficRoutingView *trafficView() const { return m_traffic; }

    // The tabs' places; pages added later come after TrafficTab.
    enum Tab { ReplicaSetsTab, AnalysisTab, GatesTab, EventsTab, SafetyNetsTab, TrafficTab };

private:
    void updateTitles(const RolloutDetail &detail);
    void updateGatesTitle(const GateReport *report);
    void updateSafetyNetsTitle(const SafetyNets *nets);

    ReplicaSetsView *m_replicaSets;
    AnalysisRunsView *m_analysis;
    GatesView *m_gates;
    RolloutEventsView *m_events;
    SafetyNetsView *m_safetyNets;
    TrafficRoutingView *m_traffic;
    // Whose report the gates tab shows ("environment/namespace/name"; empty: none).
    QString m_gateSubject;
    QString m_safetyNetsSubject; // the same for the safety nets
};

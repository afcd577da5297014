// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailtreeview.h"
#include "rollouteventsmodel.h"

// RolloutEventsModel's list: recent Events about a rollout and its ReplicaSets, pods and
// AnalysisRuns, newest first, the messages wrapping onto a second line.
class RolloutEventsView : public DetailTreeView
{
    Q_OBJECT

public:
    // The column that wraps (the on-call layout test checks it stretches).
    static constexpr int Message = RolloutEventsModel::Message;

    explicit RolloutEventsView(QWidget *parent = nullptr);

    RolloutEventsModel *eventsModel() const { return m_model; }
    // The events tab's title: "Events (5)", or with the warnings among them "Events (5, 1
    // warning)" (the events shown must be set first).
    QString tabTitle(qsizetype events) const;

private:
    RolloutEventsModel *m_model;
};

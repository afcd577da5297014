// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailtreeview.h"
#include "trafficroutingmodel.h"

// TrafficRoutingModel's list (object name "trafficView"): the rollout detail's Traffic tab,
// its lines wrapping rather than cut (a router's objects can be long).
class TrafficRoutingView : public DetailTreeView
{
    Q_OBJECT

public:
    explicit TrafficRoutingView(QWidget *parent = nullptr);

    TrafficRoutingModel *trafficModel() const { return m_model; }

private:
    TrafficRoutingModel *m_model;
};

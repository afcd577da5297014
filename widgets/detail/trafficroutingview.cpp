// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficroutingview.h"

#include <QHeaderView>

TrafficRoutingView::TrafficRoutingView(QWidget *parent) :
    DetailTreeView(new TrafficRoutingModel, parent),
    m_model(static_cast<TrafficRoutingModel *>(sourceModel()))
{
    setObjectName(QStringLiteral("trafficView"));
    setRootIsDecorated(false);
    setUniformRowHeights(false);
    setWordWrap(true);
    header()->setSectionResizeMode(TrafficRoutingModel::Value, QHeaderView::Stretch);
    setColumnWidth(TrafficRoutingModel::Item, digits(16));
}

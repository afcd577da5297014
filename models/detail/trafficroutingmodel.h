// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "keyedtreemodel.h"
#include "replicaset.h"
#include "rollout.h"

#include <QList>

// The rollout detail's Traffic section, one row per TrafficRouting::Line: what it is (router,
// managed routes, weights, desired weight, ping-pong, route) and the line, whole in the
// tooltip. A weight that differs from the step's is amber and bold. Keyed by the line's key,
// so an update in place keeps the selection.
class TrafficRoutingModel : public KeyedTreeModel<DetailRow, TrafficRoutingModel>
{
    Q_OBJECT

public:
    enum Column { Item, Value };
    static constexpr int ColumnCount = Value + 1;

    explicit TrafficRoutingModel(QObject *parent = nullptr);

    // replicaSets: the rollout's, for the ping and pong tags.
    void setRollout(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                    DetailUpdate how = DetailUpdate::InPlace);

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficroutingmodel.h"

#include "trafficrouting.h"

TrafficRoutingModel::TrafficRoutingModel(QObject *parent) : KeyedTreeModel(parent) { }

void TrafficRoutingModel::setRollout(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                                     DetailUpdate how)
{
    Node wanted;
    for (const TrafficRouting::Line &line : TrafficRouting::lines(rollout, replicaSets)) {
        DetailRow row(ColumnCount);
        row.cell(Item) = {line.label, line.toolTip};
        row.cell(Value) = {line.text, line.toolTip.isEmpty() ? line.text : line.toolTip};
        if (line.attention) {
            for (DetailCell &cell : row.cells) {
                cell.tone = DetailRoles::Tone::Warning;
                cell.bold = true;
            }
        }
        wanted.append(line.key, std::move(row));
    }
    apply(std::move(wanted), how);
}

QVariant TrafficRoutingModel::rowData(const Node &node, int column, int role) const
{
    return node.row.data(column, role);
}

QVariant TrafficRoutingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Item:
        return tr("Traffic");
    case Value:
        return tr("As the controller set it");
    default:
        return QVariant();
    }
}

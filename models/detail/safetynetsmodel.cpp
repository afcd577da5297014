// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetsmodel.h"

#include "safetynetrows.h"

static_assert(int(SafetyNetsModel::Item) == SafetyNetRows::Item
              && int(SafetyNetsModel::Details) == SafetyNetRows::Details
              && SafetyNetsModel::ColumnCount == SafetyNetRows::ColumnCount);

namespace {

bool sameRollout(const SafetyNets &a, const SafetyNets &b)
{
    return a.environment == b.environment && a.namespace_ == b.namespace_ && a.rollout == b.rollout;
}

} // namespace

SafetyNetsModel::SafetyNetsModel(QObject *parent) : KeyedTreeModel(parent) { }

void SafetyNetsModel::setSafetyNets(const SafetyNets &nets)
{
    // The same rollout's next read updates in place: what the user expanded and scrolled to
    // stays through the minutely refresh.
    const DetailUpdate how
        = sameRollout(nets, m_nets) && rowCount() > 0 ? DetailUpdate::InPlace : DetailUpdate::Reset;
    m_nets = nets;
    Node wanted;
    SafetyNetRows::addVulnerabilities(wanted, nets);
    SafetyNetRows::addPolicy(wanted, nets);
    SafetyNetRows::addRuntime(wanted, nets);
    SafetyNetRows::addCi(wanted, nets);
    SafetyNetRows::addStaging(wanted, nets);
    SafetyNetRows::addFeatureFlags(wanted, nets);
    apply(std::move(wanted), how);
}

void SafetyNetsModel::clear()
{
    m_nets = SafetyNets();
    apply(Node(), DetailUpdate::Reset);
}

QVariant SafetyNetsModel::rowData(const Node &node, int column, int role) const
{
    if (role == LinkRole) {
        const QString link = node.row.extra.toString();
        return column == Item && !link.isEmpty() ? QVariant(link) : QVariant();
    }
    return node.row.data(column, role);
}

QVariant SafetyNetsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The view hides the header (each section names its columns); these name them for
    // accessibility and for a copy of the table.
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Item:
        return tr("Finding");
    case Canary:
        return tr("Canary");
    case Stable:
        return tr("Stable");
    case Details:
        return tr("Details");
    default:
        return QVariant();
    }
}

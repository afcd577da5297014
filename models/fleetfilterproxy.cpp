// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetfilterproxy.h"

#include "fleetmodel.h"

FleetFilterProxy::FleetFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setDynamicSortFilter(true);
}

void FleetFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return; // only spacing changed
    m_words = words;
    invalidateRowsFilter();
}

void FleetFilterProxy::setEnvironmentFilter(const QString &environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    invalidateRowsFilter();
}

void FleetFilterProxy::setPhaseFilter(const QStringList &phases)
{
    if (phases == m_phases)
        return;
    m_phases = phases;
    invalidateRowsFilter();
}

void FleetFilterProxy::setAttentionOnly(bool attentionOnly)
{
    if (attentionOnly == m_attentionOnly)
        return;
    m_attentionOnly = attentionOnly;
    invalidateRowsFilter();
}

bool FleetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    if (!index.isValid())
        return false;
    if (!m_environment.isEmpty()
        && index.data(FleetModel::EnvironmentRole).toString() != m_environment)
        return false;
    if (!m_phases.isEmpty() && !m_phases.contains(index.data(FleetModel::PhaseRole).toString()))
        return false;
    if (m_attentionOnly && !index.data(FleetModel::RequiresAttentionRole).toBool())
        return false;
    if (m_words.isEmpty())
        return true;
    const QString name = index.data(FleetModel::NameRole).toString();
    const QString ns = index.data(FleetModel::NamespaceRole).toString();
    const QString environment = index.data(FleetModel::EnvironmentRole).toString();
    // The images, then the Argo CD application's name and words ("prod outofsync").
    const QStringList more = index.data(FleetModel::ImagesRole).toStringList()
        + index.data(FleetModel::ArgoCdTermsRole).toStringList();
    // Every word must match somewhere: "prod shop api" finds the api rollout in shop in prod.
    for (const QString &word : m_words) {
        bool found = name.contains(word, Qt::CaseInsensitive)
            || ns.contains(word, Qt::CaseInsensitive)
            || environment.contains(word, Qt::CaseInsensitive);
        for (qsizetype i = 0; !found && i < more.size(); ++i)
            found = more.at(i).contains(word, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

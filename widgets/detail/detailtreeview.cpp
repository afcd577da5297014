// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailtreeview.h"

#include "detailroles.h"
#include "detailstyleproxy.h"

#include <QHeaderView>

DetailTreeView::DetailTreeView(QAbstractItemModel *source, QWidget *parent) :
    QTreeView(parent), m_proxy(new DetailStyleProxy(this))
{
    if (!source->parent())
        source->setParent(this);
    m_proxy->setSourceModel(source);
    setModel(m_proxy);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                applyDefaults(parent, first, last);
            });
    connect(m_proxy, &QAbstractItemModel::modelReset, this,
            [this] { applyDefaults(QModelIndex(), 0, m_proxy->rowCount() - 1); });
    applyDefaults(QModelIndex(), 0, m_proxy->rowCount() - 1);
}

QAbstractItemModel *DetailTreeView::sourceModel() const
{
    return m_proxy->sourceModel();
}

QModelIndex DetailTreeView::fromSource(const QModelIndex &sourceIndex) const
{
    return m_proxy->mapFromSource(sourceIndex);
}

QModelIndex DetailTreeView::toSource(const QModelIndex &viewIndex) const
{
    return m_proxy->mapToSource(viewIndex);
}

int DetailTreeView::digits(int count) const
{
    return count * fontMetrics().horizontalAdvance(QLatin1Char('0'));
}

void DetailTreeView::applyDefaults(const QModelIndex &parent, int first, int last)
{
    // The inserted rows arrive with their children: those are new too.
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (index.data(DetailRoles::FirstColumnSpannedRole).toBool())
            setFirstColumnSpanned(row, parent, true);
        if (index.data(DetailRoles::ExpandedByDefaultRole).toBool())
            setExpanded(index, true);
        applyDefaults(index, 0, m_proxy->rowCount(index) - 1);
    }
}

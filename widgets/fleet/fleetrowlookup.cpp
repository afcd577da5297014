// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetrowlookup.h"

#include "fleetmodel.h"

#include <QAbstractProxyModel>

const FleetRow *fleetRowOf(const QModelIndex &index)
{
    QModelIndex source = index;
    while (source.isValid()) {
        if (const auto *fleet = qobject_cast<const FleetModel *>(source.model()))
            return fleet->rowAt(source.row());
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model());
        if (!proxy)
            return nullptr;
        source = proxy->mapToSource(source);
    }
    return nullptr;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QModelIndex>

struct FleetRow;

// The FleetRow behind an index of a FleetModel or of any chain of proxies over one; null
// when the index leads to no FleetModel row. For delegates that draw more than one role's
// worth of data (counts, images).
const FleetRow *fleetRowOf(const QModelIndex &index);

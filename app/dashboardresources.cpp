// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initResourcesOnce()
{
    Q_INIT_RESOURCE(dashboard);
}

void initDashboardResources()
{
    static const bool done = (initResourcesOnce(), true);
    Q_UNUSED(done);
}

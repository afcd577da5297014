// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggercanarydetailcontroller.h"

#include "flaggercanarydetailview.h"

FlaggerCanaryDetailController::FlaggerCanaryDetailController(FleetModel *model,
                                                             FlaggerCanaryDetailView *view,
                                                             QObject *parent) :
    WorkloadDetailController(model, &FleetModel::canaryDetailsChanged, parent), m_view(view)
{
    setObjectName(QStringLiteral("flaggerCanaryDetailController"));
}

void FlaggerCanaryDetailController::showDetail()
{
    // A deleted canary's detail is invalid: the main window's selection handling says it is
    // no longer in the cluster; the view is not given an empty detail in between.
    const FlaggerCanaryDetail detail = store().canaryDetail(environment(), uid());
    if (detail.isValid())
        m_view->setDetail(detail, now());
}

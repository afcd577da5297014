// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentdetailcontroller.h"

#include "deploymentdetailview.h"

DeploymentDetailController::DeploymentDetailController(FleetModel *model,
                                                       DeploymentDetailView *view,
                                                       QObject *parent) :
    WorkloadDetailController(model, &FleetModel::deploymentDetailsChanged, parent), m_view(view)
{ }

void DeploymentDetailController::showDetail()
{
    // A deleted Deployment's detail is invalid: the main window's selection handling says
    // it is gone; the view is not given an empty detail in between.
    const DeploymentDetail detail = store().deploymentDetail(environment(), uid());
    if (detail.isValid())
        m_view->setDetail(detail, now());
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workloaddetailcontroller.h"

class DeploymentDetailView;

// Keeps the Deployment detail view on the selected Deployment (FleetStore::deploymentDetail,
// again on FleetModel::deploymentDetailsChanged for it; WorkloadDetailController).
class DeploymentDetailController : public WorkloadDetailController
{
    Q_OBJECT

public:
    DeploymentDetailController(FleetModel *model, DeploymentDetailView *view,
                               QObject *parent = nullptr);

private:
    void showDetail() override;

    DeploymentDetailView *m_view;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workloaddetailcontroller.h"

class FlaggerCanaryDetailView;

// Keeps the Flagger canary detail view on the selected canary (FleetStore::canaryDetail,
// again on FleetModel::canaryDetailsChanged for it; WorkloadDetailController).
class FlaggerCanaryDetailController : public WorkloadDetailController
{
    Q_OBJECT

public:
    FlaggerCanaryDetailController(FleetModel *model, FlaggerCanaryDetailView *view,
                                  QObject *parent = nullptr);

private:
    void showDetail() override;

    FlaggerCanaryDetailView *m_view;
};

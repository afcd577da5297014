// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentdetailcontroller.h"

#include "deploymentdetailview.h"
#include "fleetmodel.h"

#include <QTimer>

namespace {
constexpr int AgeRefreshMs = 5000;
}

DeploymentDetailController::DeploymentDetailController(FleetModel *model,
                                                       DeploymentDetailView *view,
                                                       QObject *parent) :
    QObject(parent), m_model(model), m_view(view), m_ageTimer(new QTimer(this)), m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
{
    m_ageTimer->setInterval(AgeRefreshMs);
    connect(m_ageTimer, &QTimer::timeout, this, &DeploymentDetailController::refresh);
    connect(m_model, &FleetModel::deploymentDetailsChanged, this,
            [this](const QString &environment, const QStringList &uids) {
                if (environment == m_environment && uids.contains(m_uid))
                    refresh();
            });
    connect(m_model, &FleetModel::staleChanged, this, [this](const QString &environment) {
        if (environment == m_environment)
            refresh();
    });
}

void DeploymentDetailController::select(const QString &environment, const QString &uid)
{
    m_environment = uid.isEmpty() ? QString() : environment;
    m_uid = uid;
    if (m_uid.isEmpty()) {
        m_ageTimer->stop();
        return;
    }
    m_ageTimer->start();
    refresh();
}

void DeploymentDetailController::refresh()
{
    if (m_uid.isEmpty())
        return;
    // A deleted Deployment's detail is invalid: the main window's selection handling says
    // it is gone; the view is not given an empty detail in between.
    const DeploymentDetail detail = m_model->store().deploymentDetail(m_environment, m_uid);
    if (detail.isValid())
        m_view->setDetail(detail, m_clock());
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloaddetailcontroller.h"

#include <QTimer>

namespace {
constexpr int AgeRefreshMs = 5000;
}

WorkloadDetailController::WorkloadDetailController(FleetModel *model, DetailsChanged detailsChanged,
                                                   QObject *parent) :
    QObject(parent),
    m_model(model),
    m_ageTimer(new QTimer(this)),
    m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_ageTimer->setInterval(AgeRefreshMs);
    connect(m_ageTimer, &QTimer::timeout, this, &WorkloadDetailController::refresh);
    connect(m_model, detailsChanged, this,
            [this](const QString &environment, const QStringList &uids) {
                if (environment == m_environment && uids.contains(m_uid))
                    refresh();
            });
    connect(m_model, &FleetModel::staleChanged, this, [this](const QString &environment) {
        if (environment == m_environment)
            refresh();
    });
}

void WorkloadDetailController::select(const QString &environment, const QString &uid)
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

void WorkloadDetailController::refresh()
{
    if (!m_uid.isEmpty())
        showDetail();
}

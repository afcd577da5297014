// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow and every canary's safety nets (issue 15): SafetyNetsMonitor feeds the fleet
// table's Safety nets column, and each reading goes to the release record.
#include "mainwindow.h"

#include "releaserecording.h"
#include "safetynetsmonitor.h"

void MainWindow::connectSafetyNets()
{
    m_safetyNetsMonitor = new SafetyNetsMonitor(m_fleetModel, this);
    m_safetyNetsMonitor->setObjectName(QStringLiteral("safetyNetsMonitor"));
    connect(m_safetyNetsMonitor, &SafetyNetsMonitor::safetyNetsRead, m_recording,
            &ReleaseRecording::recordSafetyNets);
}

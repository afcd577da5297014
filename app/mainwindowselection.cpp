// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's selection: the user's pick, kept through filtering and sorting and never
// moved to another row by the proxy (issue 9), and the detail pane that follows it.
#include "mainwindow.h"

#include "deploymentdetailcontroller.h"
#include "detailpane.h"
#include "flaggercanarydetailcontroller.h"
#include "flaggerchartscontroller.h"
#include "fleetfetcher.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "fleettableview.h"
#include "metricscontroller.h"
#include "rolloutdetailcontroller.h"
#include "safetynetscontroller.h"

#include <QItemSelectionModel>

void MainWindow::endStructureChange()
{
    if (m_structureChanges > 0)
        --m_structureChanges;
    if (m_structureChanges == 0)
        reconcileSelection();
}

FleetRow::Kind MainWindow::selectedKind() const
{
    return FleetRow::kindNamed(m_selection.value(1)).value_or(FleetRow::Kind::Deployment);
}

QModelIndex MainWindow::proxyIndexOfSelection() const
{
    if (m_selection.size() != 4)
        return QModelIndex();
    const QModelIndex source = m_fleetModel->indexOf(m_selection.at(0), selectedKind(),
                                                     m_selection.at(2), m_selection.at(3));
    return source.isValid() ? m_proxy->mapFromSource(source) : QModelIndex();
}

void MainWindow::reconcileSelection()
{
    if (m_selection.isEmpty() || m_reconciling)
        return;
    m_reconciling = true;
    const QModelIndex index = proxyIndexOfSelection();
    QItemSelectionModel *selection = m_table->selectionModel();
    if (index.isValid()) {
        const QModelIndexList rows = selection->selectedRows();
        if (rows.size() != 1 || rows.first().row() != index.row())
            selection->select(index,
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (selection->currentIndex().row() != index.row())
            selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        showDetailOf(index);
    } else {
        // Hidden or deleted: the detail says so; nothing else is shown (or acted on) in its
        // place, and the row is selected again when it comes back.
        selection->clearSelection();
        selection->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
        m_detailController->select(QString(), QString());
        m_deploymentController->select(QString(), QString());
        m_canaryController->select(QString(), QString());
        m_canaryCharts->select(QString(), QString());
        m_metricsController->select(QString(), QString());
        m_safetyNets->select(QString(), QString());
        const QString target = QStringLiteral("%1 / %2 / %3")
                                   .arg(m_selection.at(0), m_selection.at(2), m_selection.at(3));
        const bool exists
            = m_fleetModel
                  ->indexOf(m_selection.at(0), selectedKind(), m_selection.at(2), m_selection.at(3))
                  .isValid();
        m_detail->showSelectionGone(
            exists ? tr("%1 is hidden by the filter.\nNothing is shown or acted on until you "
                        "select a row; clear the filter to see it again.")
                         .arg(target)
                   : tr("%1 is no longer in the cluster.").arg(target));
    }
    m_reconciling = false;
}

void MainWindow::showDetailOf(const QModelIndex &index)
{
    const QString environment = index.data(FleetModel::EnvironmentRole).toString();
    const QString uid = index.data(FleetModel::UidRole).toString();
    const QString kind = index.data(FleetModel::KindRole).toString();
    if (kind == QLatin1String("Rollout")) {
        m_deploymentController->select(QString(), QString());
        m_canaryController->select(QString(), QString());
        m_canaryCharts->select(QString(), QString());
        m_detailController->select(environment, uid);
        m_metricsController->select(environment, uid);
        m_safetyNets->select(environment, uid);
        showGateReport(environment, uid);
        m_detail->showRolloutView();
        return;
    }
    m_detailController->select(QString(), QString());
    m_metricsController->select(QString(), QString());
    m_safetyNets->select(QString(), QString());
    // A Flagger canary's row stands for the Deployments it manages: its own detail shows them.
    const bool canary = kind == QLatin1String("Canary");
    m_deploymentController->select(canary ? QString() : environment, canary ? QString() : uid);
    m_canaryController->select(canary ? environment : QString(), canary ? uid : QString());
    m_canaryCharts->select(canary ? environment : QString(), canary ? uid : QString());
    if (canary)
        m_detail->showCanaryView();
    else
        m_detail->showDeploymentView();
}

void MainWindow::updateDetail()
{
    // Inside a structure change the selection moves because rows do; reconcileSelection()
    // puts it back on the user's pick afterwards.
    if (m_structureChanges > 0 || m_reconciling)
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_selection.clear();
        m_detailController->select(QString(), QString());
        m_deploymentController->select(QString(), QString());
        m_canaryController->select(QString(), QString());
        m_canaryCharts->select(QString(), QString());
        m_metricsController->select(QString(), QString());
        m_safetyNets->select(QString(), QString());
        m_detail->clearSelection();
        return;
    }
    const QModelIndex index = rows.first();
    m_selection = {index.data(FleetModel::EnvironmentRole).toString(),
                   index.data(FleetModel::KindRole).toString(),
                   index.data(FleetModel::NamespaceRole).toString(),
                   index.data(FleetModel::NameRole).toString()};
    showDetailOf(index);
}

void MainWindow::selectWorkload(const QString &environment, const QString &namespaceName,
                                const QString &name)
{
    m_pendingSelection = {environment, namespaceName, name};
    selectPendingWorkload();
}

void MainWindow::selectPendingWorkload()
{
    if (m_pendingSelection.isEmpty())
        return;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(FleetModel::EnvironmentRole).toString() == m_pendingSelection.at(0)
            && index.data(FleetModel::NamespaceRole).toString() == m_pendingSelection.at(1)
            && index.data(FleetModel::NameRole).toString() == m_pendingSelection.at(2)) {
            m_pendingSelection.clear();
            m_table->selectRow(row);
            m_table->scrollTo(index);
            return;
        }
    }
}

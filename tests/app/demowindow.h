// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window on a running demo fleet, set up as `release-dashboard --demo` does.

#include "commandline.h"
#include "demofleet.h"
#include "detailpane.h"
#include "fleetmodel.h"
#include "fleetsetup.h"
#include "fleettableview.h"
#include "mainwindow.h"
#include "rolloutdetailview.h"
#include "windowparts.h"
#include <memory>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Every GUI test's start: settings of their own (cleared), the audit file in `dir`.
inline bool isolateGuiTest(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    if (!dir.isValid())
        return false;
    qputenv("RELEASE_DASHBOARD_AUDIT_FILE", dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
    return true;
}

// The table's row of that workload (a proxy index), invalid while it is not listed.
inline QModelIndex demoRow(const MainWindow *window, const QString &environment, const QString &ns,
                           const QString &name)
{
    const QAbstractItemModel *model = fleetTable(window)->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(FleetModel::EnvironmentRole).toString() == environment
            && index.data(FleetModel::NamespaceRole).toString() == ns
            && index.data(FleetModel::NameRole).toString() == name)
            return index;
    }
    return QModelIndex();
}

// Selects the row as a click would, waiting until it is listed, and tells whether the
// detail then shows that rollout.
inline bool selectDemoRow(MainWindow *window, const QString &environment, const QString &ns,
                          const QString &name, int timeoutMs = 30000)
{
    for (int i = 0; i < timeoutMs / 50; ++i) {
        const QModelIndex index = demoRow(window, environment, ns, name);
        if (index.isValid()) {
            fleetTable(window)->selectRow(index.row());
            const RolloutDetail &detail = detailPane(window)->rolloutView()->detail();
            return detailPane(window)->isShowingRollout() && detail.environment == environment
                && detail.rollout.metadata.name == name;
        }
        QTest::qWait(50);
    }
    return false;
}

inline std::unique_ptr<MainWindow> openDemoWindow(const DemoFleet &demo, bool readOnly = false)
{
    CommandLineOptions options;
    options.demo = true;
    options.readOnly = readOnly;
    FleetSetup setup;
    QString error;
    if (!FleetSetup::load(options, demo.kubeconfigPath(), &setup, &error))
        qFatal("%s", qPrintable(error));
    auto window = std::make_unique<MainWindow>();
    window->setCharts(setup.charts);
    window->setFleet(setup.kubeconfig, setup.environments.environments());
    window->show();
    return window;
}

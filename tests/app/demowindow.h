// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window on a running demo fleet, set up as `release-dashboard --demo` does.

#include "commandline.h"
#include "demofleet.h"
#include "fleetsetup.h"
#include "mainwindow.h"
#include "metricscontroller.h"
#include <memory>

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
    window->metricsController()->setConfiguredCharts(setup.charts);
    window->setFleet(setup.kubeconfig, setup.environments.environments());
    window->show();
    return window;
}

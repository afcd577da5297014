// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "demoprocess.h"
#include "fleetsetup.h"

#include <QObject>

class MainWindow;
class QMenu;

// What the window shows and where it comes from: the command line's fleet at start, then
// whatever the person picks: the demo, another kubeconfig file, or the clusters to show
// (the environment picker, saved to the config file). Owns the demo fleet (the rd-sim child
// process), so the window's fetchers stop before the servers they talk to go away.
class FleetSession : public QObject
{
    Q_OBJECT

public:
    FleetSession(MainWindow *window, const CommandLineOptions &options, QObject *parent = nullptr);
    ~FleetSession() override;

    // Opens what the command line says; without a usable kubeconfig, the first-run page.
    void start();
    void startDemo();
    void openKubeconfig(const QString &path);
    // The picker over the current kubeconfig's clusters; the choice is used at once and,
    // with "Save", written to the config file.
    void chooseEnvironments();
    // Writes these environments as the config file (directories made as needed); false
    // with *error when it cannot.
    static bool saveEnvironments(const QList<EnvironmentSpec> &environments, const QString &path,
                                 QString *error);

    DemoServer &demo() { return m_demo; }
    const FleetSetup &setup() const { return m_setup; }

private:
    // Loads with these options and shows the fleet, or the first-run page / the error.
    void open(const CommandLineOptions &options);
    void show(const FleetSetup &setup);
    // The Demo menu: take a simulated cluster offline and back, to see how the window
    // shows an outage.
    void addDemoMenu();
    void setDemoClusterOnline(const QString &cluster, bool online);

    MainWindow *m_window;
    CommandLineOptions m_options;
    DemoProcess m_demo;
    FleetSetup m_setup;
    QMenu *m_demoMenu = nullptr;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetsession.h"

#include "historyrecorder.h"

#include <QAction>

#include "environmentpickerdialog.h"
#include "mainwindow.h"
#include "startuptrace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QTimer>

FleetSession::FleetSession(MainWindow *window, const CommandLineOptions &options, QObject *parent) :
    QObject(parent), m_window(window), m_options(options)
{
    connect(window, &MainWindow::demoRequested, this, &FleetSession::startDemo);
    connect(window, &MainWindow::kubeconfigChosen, this, &FleetSession::openKubeconfig);
    connect(window, &MainWindow::chooseEnvironmentsRequested, this,
            &FleetSession::chooseEnvironments);
}

FleetSession::~FleetSession()
{
    // The window's fetchers talk to the demo's servers: stop them first.
    m_window->stopFetching();
}

void FleetSession::start()
{
    open(m_options);
    if (!m_options.select.isEmpty() && !m_window->isShowingFirstRun()) {
        const QStringList parts = m_options.select.split(QLatin1Char('/'));
        m_window->selectWorkload(parts.at(0), parts.at(1), parts.at(2));
    }
    if (m_options.showReleases)
        m_window->showReleases();
}

void FleetSession::startDemo()
{
    CommandLineOptions options = m_options;
    options.demo = true;
    options.kubeconfig.clear();
    options.config.clear();
    open(options);
}

void FleetSession::openKubeconfig(const QString &path)
{
    CommandLineOptions options = m_options;
    options.demo = false;
    options.kubeconfig = path;
    open(options);
}

void FleetSession::open(const CommandLineOptions &options)
{
    m_window->stopFetching();
    if (!options.demo)
        m_demo.stop();
    QString error;
    if (options.demo) {
        m_window->setTitleBase(QCoreApplication::translate("Application", "Demo fleet"));
        if (!m_demo.isRunning() && !m_demo.start(&error)) {
            m_window->showFirstRun(error);
            return;
        }
        StartupTrace::mark("demo fleet serving");
    } else {
        m_window->setTitleBase(QString());
    }
    FleetSetup setup;
    if (!FleetSetup::load(options, options.demo ? m_demo.kubeconfigPath() : QString(), &setup,
                          &error)) {
        m_window->showFirstRun(error);
        return;
    }
    m_options = options;
    m_window->setHistoryFile(HistoryRecorder::defaultPath(options.demo));
    show(setup);
    if (options.demo)
        addDemoMenu();
    if (!setup.contextGroups.isEmpty()) {
        int contexts = 0;
        for (const ContextGroup &group : std::as_const(setup.contextGroups))
            contexts += int(group.contexts.size());
        if (contexts > setup.contextGroups.size())
            m_window->showEnvironmentsHint(
                tr("%1 of your kubeconfig reach %2: each cluster is shown once, through one "
                   "context. Choose which, and save the choice.",
                   "%1: the contexts, %2: the clusters")
                    .arg(tr("%n contexts", nullptr, contexts),
                         tr("%n clusters", nullptr, int(setup.contextGroups.size()))));
    }
}

void FleetSession::addDemoMenu()
{
    if (m_demoMenu)
        return;
    m_demoMenu = m_window->menuBar()->addMenu(tr("De&mo"));
    m_demoMenu->setObjectName(QStringLiteral("demoMenu"));
    for (const QString &cluster :
         {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}) {
        QAction *action = m_demoMenu->addAction(tr("Cluster %1 Unreachable").arg(cluster));
        action->setObjectName(QStringLiteral("demoOutage-") + cluster);
        action->setCheckable(true);
        connect(action, &QAction::toggled, this,
                [this, cluster](bool down) { setDemoClusterOnline(cluster, !down); });
    }
    if (!m_options.demoOutage.isEmpty()) {
        // --demo-outage ENV: the cluster goes away once the window has shown it live.
        const QString cluster = m_options.demoOutage;
        QTimer::singleShot(5000, this, [this, cluster] {
            if (QAction *action
                = m_demoMenu->findChild<QAction *>(QStringLiteral("demoOutage-") + cluster))
                action->setChecked(true);
        });
    }
}

void FleetSession::setDemoClusterOnline(const QString &cluster, bool online)
{
    QString error;
    if (!m_demo.setClusterOnline(cluster, online, &error))
        m_window->showError(error);
}

void FleetSession::show(const FleetSetup &setup)
{
    m_setup = setup;
    m_window->setCharts(setup.charts);
    m_window->setHistorySettings(setup.history);
    m_window->setGates(setup.gates);
    m_window->setPromotion(setup.promotion);
    m_window->setFleet(setup.kubeconfig, setup.environments.environments());
}

void FleetSession::chooseEnvironments()
{
    QList<ContextGroup> groups = m_setup.contextGroups;
    if (groups.isEmpty())
        groups = ContextGroups::group(FleetSetup::contextInfos(m_setup.kubeconfig),
                                      m_setup.kubeconfig.currentContext());
    if (groups.isEmpty())
        return;
    const QString path
        = m_options.config.isEmpty() ? EnvironmentConfig::defaultPath() : m_options.config;
    EnvironmentPickerDialog dialog(groups, path, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<EnvironmentSpec> chosen = dialog.environments();
    if (dialog.saveRequested()) {
        QString error;
        if (!saveEnvironments(chosen, path, &error)) {
            QMessageBox::warning(m_window, tr("Environments not saved"), error);
            return;
        }
        m_window->clearMessage();
    }
    FleetSetup setup = m_setup;
    setup.environments = EnvironmentConfig::fromSpecs(chosen);
    setup.contextGroups.clear();
    show(setup);
}

bool FleetSession::saveEnvironments(const QList<EnvironmentSpec> &environments, const QString &path,
                                    QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Cannot create the folder of %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ContextGroups::toYaml(environments)) < 0
        || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

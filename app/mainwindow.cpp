// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "argocdcontroller.h"

#include "releaserecording.h"

#include "popoutwindow.h"

#include "firstrunpage.h"

#include "appearance.h"

#include "auditlog.h"
#include "connectionstatusbar.h"
#include "deploymentdetailcontroller.h"
#include "detailpane.h"
#include "environmentlistview.h"
#include "environmentmodel.h"
#include "filterbar.h"
#include "flaggercanarydetailcontroller.h"
#include "flaggerchartscontroller.h"
#include "fleetfetcher.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "fleettableview.h"
#include "gatecontroller.h"
#include "messagebanner.h"
#include "metricscontroller.h"
#include "notificationcenter.h"
#include "retrycountdown.h"
#include "rolloutdetailcontroller.h"
#include "rolloutdetailview.h"
#include "rolloutmetricsview.h"
#include "safetynetscontroller.h"
#include "safetynetsmonitor.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

MainWindow::MainWindow(QWidget *parent) :
    QMainWindow(parent),
    m_fleetModel(new FleetModel(this)),
    m_proxy(new FleetFilterProxy(this)),
    m_environmentModel(new EnvironmentModel(this)),
    m_banner(new MessageBanner(this)),
    m_environmentList(new EnvironmentListView(this)),
    m_filterBar(new FilterBar(this)),
    m_table(new FleetTableView(this)),
    m_detail(new DetailPane(this)),
    m_mainSplitter(new QSplitter(Qt::Horizontal, this)),
    m_contentSplitter(new QSplitter(Qt::Vertical, this)),
    m_connectionStatus(new ConnectionStatusBar(this)),
    m_summary(new QLabel(this)),
    m_countTimer(new QTimer(this)),
    m_countdown(new RetryCountdown(this)),
    m_detailController(new RolloutDetailController(m_fleetModel, m_detail->rolloutView(), this)),
    m_deploymentController(
        new DeploymentDetailController(m_fleetModel, m_detail->deploymentView(), this)),
    m_canaryController(
        new FlaggerCanaryDetailController(m_fleetModel, m_detail->canaryView(), this)),
    m_recording(new ReleaseRecording(this)),
    m_gates(new GateController(m_fleetModel, this)),
    m_argoCd(new ArgoCdController(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The parts tests look for by name (tests/app/windowparts.h; the widgets name themselves).
    m_proxy->setObjectName(QStringLiteral("fleetFilterProxy"));
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    m_detailController->setObjectName(QStringLiteral("detailController"));
    setWindowTitle(tr("Release Dashboard"));

    // The selected rollout's metrics: a tab beside its ReplicaSets, analysis and events.
    auto *metricsView = new RolloutMetricsView(m_detail);
    m_metricsView = metricsView;
    m_metricsController = new MetricsController(m_fleetModel, metricsView, this);
    m_metricsController->setObjectName(QStringLiteral("metricsController"));
    m_detail->rolloutView()->addPage(metricsView, tr("Metrics"));
    m_canaryCharts = new FlaggerChartsController(m_fleetModel, m_detail->canaryView(), this);
    // The selected rollout's safety nets: its Safety nets tab and the header's summary.
    m_safetyNets = new SafetyNetsController(m_fleetModel, m_detail->rolloutView(), this);
    m_safetyNets->setObjectName(QStringLiteral("safetyNetsController"));
    connect(m_recording, &ReleaseRecording::problem, this,
            [this](const QString &message, bool isError) {
                m_banner->showMessage(message,
                                      isError ? MessageBanner::Type::Error
                                              : MessageBanner::Type::Information);
            });

    connectGates();
    connectSafetyNets();
    setUpModels();
    createSplitters();
    createCentralWidget();
    createStatusBar();
    connectFilters();
    connectCounts();
    connectDetail();
    createNotifications();
    createMenus();
    updateCounts();
    restoreSettings();
}

void MainWindow::setUpModels()
{
    m_proxy->setSourceModel(m_fleetModel);
    // Connected before the table's selection model exists, so these run before it reacts:
    // a selection change inside a structure change is the proxy's doing, not the user's.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &MainWindow::beginStructureChange);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &MainWindow::beginStructureChange);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &MainWindow::beginStructureChange);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            &MainWindow::beginStructureChange);
    m_table->setModel(m_proxy);
    // ... and these after it has.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::endStructureChange);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::endStructureChange);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::endStructureChange);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::endStructureChange);
    m_table->applyDefaultLayout();
    m_environmentList->setModel(m_environmentModel);
}

void MainWindow::connectFilters()
{
    connect(m_filterBar, &FilterBar::textChanged, m_proxy, &FleetFilterProxy::setFilterText);
    connect(m_filterBar, &FilterBar::phasesChanged, m_proxy, &FleetFilterProxy::setPhaseFilter);
    connect(m_filterBar, &FilterBar::attentionOnlyChanged, m_proxy,
            &FleetFilterProxy::setAttentionOnly);
    connect(m_environmentList, &EnvironmentListView::environmentSelected, m_proxy,
            &FleetFilterProxy::setEnvironmentFilter);
}

void MainWindow::connectCounts()
{
    // Counts on the filter toggles and in the status bar, coalesced: a batch may touch many
    // rows at once.
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(100);
    connect(m_countTimer, &QTimer::timeout, this, &MainWindow::updateCounts);
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_fleetModel),
                                      static_cast<QAbstractItemModel *>(m_proxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::scheduleCountUpdate);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::scheduleCountUpdate);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::scheduleCountUpdate);
        connect(model, &QAbstractItemModel::dataChanged, this, &MainWindow::scheduleCountUpdate);
        connect(model, &QAbstractItemModel::layoutChanged, this, &MainWindow::scheduleCountUpdate);
    }
    connect(m_fleetModel, &FleetModel::workloadCountChanged, m_environmentModel,
            &EnvironmentModel::setWorkloadCount);
    connect(m_countdown, &RetryCountdown::stateChanged, m_environmentModel,
            &EnvironmentModel::setState);
    // A disconnected environment's rows and detail turn stale (grey, no countdown, no
    // actions).
    connect(m_countdown, &RetryCountdown::stateChanged, m_fleetModel,
            &FleetModel::setConnectionState);
    connect(m_fleetModel, &FleetModel::attentionCountsChanged, m_environmentModel,
            &EnvironmentModel::setAttentionCounts);
    connect(m_fleetModel, &FleetModel::staleChanged, this, &MainWindow::scheduleCountUpdate);
}

void MainWindow::connectDetail()
{
    // The detail pane follows the current row, and its data as it changes.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateDetail);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_selection.isEmpty() && m_structureChanges == 0)
            reconcileSelection();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectPendingWorkload);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::selectPendingWorkload);

    connect(m_table, &FleetTableView::rowMenuRequested, this, &MainWindow::showRowMenu);
}

void MainWindow::setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments)
{
    stopFetching();
    m_pages->setCurrentWidget(m_mainSplitter);
    m_fleetModel->setEnvironments(environments);
    m_environmentModel->setEnvironments(environments);
    QHash<QString, QColor> colours;
    for (const EnvironmentSpec &spec : environments) {
        if (!spec.colour.isEmpty())
            colours.insert(spec.name, QColor(spec.colour));
    }
    m_table->setEnvironmentColours(colours);
    QStringList names;
    for (const EnvironmentSpec &spec : environments)
        names.append(spec.name);
    m_table->fitEnvironmentNames(names);

    m_detailController->setFleet(kubeconfig, environments, AuditLog::defaultPath());
    m_canaryController->setRunner(m_detailController->runner(), environments);
    m_metricsController->setFleet(kubeconfig, environments);
    m_canaryCharts->setFleet(kubeconfig, environments);
    m_safetyNets->setFleet(kubeconfig, environments);
    m_safetyNetsMonitor->setFleet(kubeconfig, environments);
    m_gates->setFleet(kubeconfig, environments, AuditLog::defaultPath());
    m_notifications->reset(); // another fleet: nothing it shows yet is news
    m_fetcher = std::make_unique<FleetFetcher>(kubeconfig, environments);
    connect(m_fetcher.get(), &FleetFetcher::stateChanged, m_countdown, &RetryCountdown::setState);
    connect(m_fetcher.get(), &FleetFetcher::workloadsChanged, m_fleetModel,
            &FleetModel::applyBatch);
    m_recording->follow(m_fetcher.get());
    m_argoCd->setFleet(kubeconfig, environments);
    m_argoCd->follow(m_fetcher.get());
    connect(m_argoCd, &ArgoCdController::applicationsChanged, m_fleetModel,
            &FleetModel::setApplications, Qt::UniqueConnection);
    connect(m_argoCd, &ArgoCdController::serverProblemChanged, m_fleetModel,
            &FleetModel::setArgoCdServerProblem, Qt::UniqueConnection);
    // A fleet without Argo CD has nothing to show there.
    m_table->setColumnHidden(FleetModel::ArgoCdColumn, !m_argoCd->hasServers());
    m_recording->setFleet(kubeconfig, environments);
    m_fetcher->start();
    updateCounts();
}

void MainWindow::setTitleBase(const QString &title)
{
    m_titleBase = title;
    updateCounts();
}

void MainWindow::showEnvironmentsHint(const QString &message)
{
    m_banner->showMessage(message, MessageBanner::Type::Information, tr("Choose Environments…"));
}

void MainWindow::showFirstRun(const QString &reason)
{
    stopFetching();
    m_firstRun->setReason(reason);
    m_pages->setCurrentWidget(m_firstRun);
    m_banner->clearMessage();
}

bool MainWindow::isShowingFirstRun() const
{
    return m_pages->currentWidget() == m_firstRun;
}

void MainWindow::clearMessage()
{
    m_banner->clearMessage();
}

void MainWindow::setCharts(const QList<ChartSpec> &charts)
{
    m_metricsController->setConfiguredCharts(charts);
    m_recording->setCharts(charts);
}

void MainWindow::showError(const QString &message)
{
    m_banner->showMessage(message, MessageBanner::Type::Error);
}

void MainWindow::stopFetching()
{
    if (m_fetcher)
        m_fetcher->stop();
    m_detailController->shutdown();
    m_metricsController->shutdown();
    m_canaryCharts->shutdown();
    m_safetyNets->shutdown();
    m_safetyNetsMonitor->shutdown();
    m_gates->shutdown();
}

void MainWindow::setHistoryFile(const QString &path)
{
    m_recording->setDatabasePath(path);
}

void MainWindow::setHistorySettings(const HistorySettings &settings)
{
    m_recording->setSettings(settings);
}

void MainWindow::showReleases()
{
    m_recording->showWindow(this);
}

void MainWindow::showApplications()
{
    m_argoCd->showWindow(this);
}

void MainWindow::refresh()
{
    if (!m_fetcher)
        return;
    m_fetcher->stop();
    m_fetcher->start();
}

void MainWindow::scheduleCountUpdate()
{
    if (!m_countTimer->isActive())
        m_countTimer->start();
}

void MainWindow::updateCounts()
{
    QHash<QString, int> phases;
    int attention = 0;
    const int rows = m_fleetModel->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_fleetModel->index(row, 0);
        ++phases[index.data(FleetModel::PhaseRole).toString()];
        if (index.data(FleetModel::RequiresAttentionRole).toBool())
            ++attention;
    }
    m_filterBar->setCounts(phases, attention);

    const QLocale locale;
    QString text = m_proxy->rowCount() == rows
        ? tr("Workloads: %1").arg(locale.toString(rows))
        : tr("Workloads: %1 of %2 shown")
              .arg(locale.toString(m_proxy->rowCount()), locale.toString(rows));
    if (attention > 0)
        text += QStringLiteral("   ") + tr("Needs attention: %1").arg(locale.toString(attention));
    m_summary->setText(text);
    if (m_proxy->rowCount() > 0)
        m_table->setEmptyText(QString());
    else if (rows > 0)
        m_table->setEmptyText(
            m_proxy->filterText().trimmed().isEmpty()
                ? tr("No workload matches the filters. View > Clear Filters (%1) shows all %2.")
                      .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)
                               .toString(QKeySequence::NativeText),
                           locale.toString(rows))
                : tr("Nothing matches \u201c%1\u201d in environment, namespace, name or image. "
                     "View > Clear Filters (%2) shows all %3.")
                      .arg(m_proxy->filterText().trimmed(),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)
                               .toString(QKeySequence::NativeText),
                           locale.toString(rows)));
    else
        m_table->setEmptyText(tr("No workloads listed yet."));
    // Names change with new rows, not with status updates: measure only then.
    if (m_proxy->rowCount() != m_fittedRows) {
        m_fittedRows = m_proxy->rowCount();
        m_table->fitNamesToContents();
        fitTableHeight();
    }
    // Seen in the task bar and window switcher while the window is behind others.
    const QString base = m_titleBase.isEmpty() ? tr("Release Dashboard") : m_titleBase;
    QString title = attention == 0 ? base
        : attention == 1           ? tr("%1 (1 needs attention)").arg(base)
                         : tr("%1 (%2 need attention)").arg(base, locale.toString(attention));
    // An unreachable environment hides what may need attention there: say so too.
    QStringList disconnected;
    for (const EnvironmentSpec &spec : m_fleetModel->environments()) {
        if (m_fleetModel->staleSince(spec.name).isValid())
            disconnected.append(spec.name);
    }
    if (!disconnected.isEmpty())
        title
            = tr("%1 \u00b7 not connected: %2").arg(title, disconnected.join(QStringLiteral(", ")));
    setWindowTitle(title);
}

QString MainWindow::summaryText() const
{
    return m_summary->text();
}

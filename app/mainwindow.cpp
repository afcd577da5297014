// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "auditdialog.h"
#include "auditlog.h"
#include "connectionstatusbar.h"
#include "detailpane.h"
#include "environmentlistview.h"
#include "environmentmodel.h"
#include "filterbar.h"
#include "fleetfetcher.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "fleettableview.h"
#include "messagebanner.h"
#include "metricscontroller.h"
#include "retrycountdown.h"
#include "rolloutdetailcontroller.h"
#include "rolloutdetailview.h"
#include "rolloutmetricsview.h"
#include "versioninfo.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString mainSplitterKey = QStringLiteral("window/mainSplitter");
const QString contentSplitterKey = QStringLiteral("window/contentSplitter");
const QString tableKey = QStringLiteral("fleetTable/header");
const QString detailKey = QStringLiteral("rolloutDetail/layout");

QWidget *sidePanel(EnvironmentListView *list, QWidget *parent)
{
    auto *panel = new QWidget(parent);
    auto *title = new QLabel(MainWindow::tr("Environments"), panel);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(8, 8, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(list, 1);
    panel->setMinimumWidth(170);
    return panel;
}

} // namespace

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
    m_detailController(new RolloutDetailController(m_fleetModel, m_detail->rolloutView(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Release Dashboard"));

    // The selected rollout's metrics: a tab beside its ReplicaSets, analysis and events.
    auto *metricsView = new RolloutMetricsView(m_detail);
    m_metricsController = new MetricsController(m_fleetModel, metricsView, this);
    if (auto *tabs = m_detail->rolloutView()->findChild<QTabWidget *>(QStringLiteral("detailTabs")))
        tabs->addTab(metricsView, tr("Metrics"));

    m_proxy->setSourceModel(m_fleetModel);
    m_table->setModel(m_proxy);
    m_table->applyDefaultLayout();
    m_environmentList->setModel(m_environmentModel);

    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(8, 8, 8, 0);
    tableLayout->setSpacing(6);
    tableLayout->addWidget(m_filterBar);
    tableLayout->addWidget(m_table, 1);

    m_contentSplitter->setObjectName(QStringLiteral("contentSplitter"));
    m_contentSplitter->addWidget(tableArea);
    m_contentSplitter->addWidget(m_detail);
    m_contentSplitter->setStretchFactor(0, 1);
    m_contentSplitter->setStretchFactor(1, 1);
    m_contentSplitter->setChildrenCollapsible(false);

    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(sidePanel(m_environmentList, this));
    m_mainSplitter->addWidget(m_contentSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({200, 1080});
    // The table above a detail tall enough for the steps, ReplicaSets and analysis.
    m_contentSplitter->setSizes({360, 370});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bannerBox = new QVBoxLayout;
    bannerBox->setContentsMargins(8, 8, 8, 0);
    bannerBox->addWidget(m_banner);
    layout->addLayout(bannerBox);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setContentsMargins(6, 0, 0, 0);
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_connectionStatus);
    m_connectionStatus->setModel(m_environmentModel);

    // Filters.
    connect(m_filterBar, &FilterBar::textChanged, m_proxy, &FleetFilterProxy::setFilterText);
    connect(m_filterBar, &FilterBar::phasesChanged, m_proxy, &FleetFilterProxy::setPhaseFilter);
    connect(m_filterBar, &FilterBar::attentionOnlyChanged, m_proxy,
            &FleetFilterProxy::setAttentionOnly);
    connect(m_environmentList, &EnvironmentListView::environmentSelected, m_proxy,
            &FleetFilterProxy::setEnvironmentFilter);

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

    // The detail pane follows the current row, and its data as it changes.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateDetail);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetail);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectPendingWorkload);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::selectPendingWorkload);

    createMenus();
    updateCounts();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    stopFetching();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter…"), m_filterBar, &FilterBar::focusFilter);
    filter->setShortcut(QKeySequence::Find);
    QAction *attention = view->addAction(tr("Only Rollouts That &Need Attention"));
    attention->setCheckable(true);
    // Ctrl+Shift+A is the selected rollout's abort.
    attention->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(attention, &QAction::toggled, m_filterBar, &FilterBar::setAttentionOnly);
    connect(m_filterBar, &FilterBar::attentionOnlyChanged, attention, &QAction::setChecked);
    QAction *clear = view->addAction(tr("&Clear Filters"), m_filterBar, [this] {
        m_filterBar->clearFilters();
        m_environmentList->selectEnvironment(QString());
    });
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("List every environment anew"));

    // The selected rollout's actions, the same QActions as its action bar (and shortcuts).
    QMenu *rollout = menuBar()->addMenu(tr("&Rollout"));
    for (RolloutAction action : allRolloutActions()) {
        rollout->addAction(m_detail->rolloutView()->action(action));
        if (action == RolloutAction::Resume || action == RolloutAction::PromoteFull
            || action == RolloutAction::Retry)
            rollout->addSeparator();
    }
    rollout->addSeparator();
    rollout->addAction(tr("&Audit Log…"), this, &MainWindow::showAuditLog);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Release Dashboard"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments)
{
    stopFetching();
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
    m_metricsController->setFleet(kubeconfig, environments);
    m_fetcher = std::make_unique<FleetFetcher>(kubeconfig, environments);
    connect(m_fetcher.get(), &FleetFetcher::stateChanged, m_countdown, &RetryCountdown::setState);
    connect(m_fetcher.get(), &FleetFetcher::workloadsChanged, m_fleetModel,
            &FleetModel::applyBatch);
    m_fetcher->start();
    updateCounts();
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
}

void MainWindow::showAuditLog()
{
    auto *dialog = findChild<AuditDialog *>();
    if (!dialog)
        dialog = new AuditDialog(AuditLog::defaultPath(), this);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::refresh()
{
    if (!m_fetcher)
        return;
    m_fetcher->stop();
    m_fetcher->start();
}

void MainWindow::showAbout()
{
    auto *dialog = findChild<AboutDialog *>();
    if (!dialog) {
        dialog = new AboutDialog(VersionInfo::application(), VersionInfo::libraries(), this);
        dialog->setModal(true);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
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
}

QString MainWindow::summaryText() const
{
    return m_summary->text();
}

void MainWindow::updateDetail()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_detailController->select(QString(), QString());
        m_metricsController->select(QString(), QString());
        m_detail->clearSelection();
        return;
    }
    const QModelIndex index = rows.first();
    const QString environment = index.data(FleetModel::EnvironmentRole).toString();
    if (index.data(FleetModel::KindRole).toString() == QLatin1String("Rollout")) {
        m_detailController->select(environment, index.data(FleetModel::UidRole).toString());
        m_metricsController->select(environment, index.data(FleetModel::UidRole).toString());
        m_detail->showRolloutView();
        return;
    }
    m_detailController->select(QString(), QString());
    m_metricsController->select(QString(), QString());
    m_detail->showWorkload(environment, index.data(FleetModel::NamespaceRole).toString(),
                           index.data(FleetModel::NameRole).toString(),
                           index.data(FleetModel::PhaseRole).toString(),
                           index.data(FleetModel::MessageRole).toString());
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

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray())) {
        // First start: 1280×800 or what the screen allows.
        QSize size(1280, 800);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableSize() * 0.95);
        resize(size);
    }
    restoreState(settings.value(stateKey).toByteArray());
    m_mainSplitter->restoreState(settings.value(mainSplitterKey).toByteArray());
    m_contentSplitter->restoreState(settings.value(contentSplitterKey).toByteArray());
    m_table->restoreLayout(settings.value(tableKey).toByteArray());
    m_detail->rolloutView()->restoreLayout(settings.value(detailKey).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(mainSplitterKey, m_mainSplitter->saveState());
    settings.setValue(contentSplitterKey, m_contentSplitter->saveState());
    settings.setValue(tableKey, m_table->saveLayout());
    settings.setValue(detailKey, m_detail->rolloutView()->saveLayout());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

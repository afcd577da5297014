// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's menus: the menu bar, the row context menu, the dialogs they open, and the
// parts that pop out into windows of their own.
#include "mainwindow.h"

#include "aboutdialog.h"
#include "appearance.h"
#include "auditdialog.h"
#include "auditlog.h"
#include "detailpane.h"
#include "environmentlistview.h"
#include "filterbar.h"
#include "fleetfetcher.h"
#include "fleetmodel.h"
#include "fleettableview.h"
#include "linkvariables.h"
#include "popoutwindow.h"
#include "rolloutdetailview.h"
#include "rolloutlinksmenu.h"
#include "versioninfo.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSplitter>
#include <QStatusBar>
#include <QUrl>

#include <algorithm>

QMenu *MainWindow::rowMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("rowMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const bool isRollout = index.data(FleetModel::KindRole).toString() == QLatin1String("Rollout");
    RolloutDetailView *view = m_detail->rolloutView();
    if (isRollout) {
        // The same QActions as the action bar: enabled, confirmed and audited alike, and
        // acting on the row just selected (the detail shows it).
        for (RolloutAction action : allRolloutActions()) {
            QAction *qaction = view->action(action);
            if (qaction->isVisible())
                menu->addAction(qaction);
        }
        menu->addSeparator();
        QMenu *copy = view->copyCommandAction()->menu();
        QAction *copyCommands = menu->addMenu(copy);
        copyCommands->setText(view->copyCommandAction()->text());
    }
    const QString environment = index.data(FleetModel::EnvironmentRole).toString();
    const QString namespaceName = index.data(FleetModel::NamespaceRole).toString();
    const QString name = index.data(FleetModel::NameRole).toString();
    for (const EnvironmentSpec &spec : m_fleetModel->environments()) {
        if (spec.name != environment || spec.links.isEmpty())
            continue;
        // The detail shows the row just selected: its canary and release window fill the
        // links' {{canary_hash}}, {{from}}, ...; other rows have their names only.
        const RolloutDetail &detail = view->detail();
        const bool shown = isRollout && detail.environment == environment
            && detail.rollout.metadata.namespaceName == namespaceName
            && detail.rollout.metadata.name == name;
        const LinkVariables variables = shown
            ? LinkVariables::forRollout(detail, spec.context, QDateTime::currentDateTimeUtc())
            : LinkVariables::forWorkload(environment, spec.context, namespaceName, name,
                                         isRollout
                                             ? tr("the rollout's detail is not loaded yet.")
                                             : tr("only a rollout has a canary and a release."));
        RolloutLinksMenu::addLinkActions(menu, spec.links, variables, true);
        menu->addSeparator();
    }
    const QString target = QStringLiteral("%1/%2/%3")
                               .arg(index.data(FleetModel::EnvironmentRole).toString(),
                                    index.data(FleetModel::NamespaceRole).toString(),
                                    index.data(FleetModel::NameRole).toString());
    QAction *copyName = menu->addAction(tr("Copy %1").arg(target), this, [target] {
        QGuiApplication::clipboard()->setText(target);
    });
    copyName->setObjectName(QStringLiteral("copyNameAction"));
    QAction *copyRow = menu->addAction(tr("Copy Row"), this, [this] {
        QGuiApplication::clipboard()->setText(m_table->selectedRowText());
    });
    copyRow->setObjectName(QStringLiteral("copyRowAction"));
    copyRow->setShortcut(QKeySequence::Copy);
    return menu;
}

void MainWindow::showRowMenu(const QModelIndex &index, const QPoint &globalPos)
{
    rowMenu(index)->popup(globalPos);
}

MainWindow::~MainWindow()
{
    stopFetching();
}

void MainWindow::createMenus()
{
    // "Open In" beside the detail's actions: the links of the shown rollout's environment.
    new RolloutLinksMenu(m_detail->rolloutView(), [this](const QString &environment) {
        const QList<EnvironmentSpec> specs = m_fleetModel->environments();
        const auto spec = std::find_if(specs.cbegin(), specs.cend(), [&](const auto &candidate) {
            return candidate.name == environment;
        });
        return spec == specs.cend() ? EnvironmentSpec {} : *spec;
    });
    createFileMenu();
    createViewMenu();
    createRolloutMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Kubeconfig…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Kubeconfig"), QDir::home().filePath(QStringLiteral(".kube")),
            tr("Kubeconfig files (*config* *.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            emit kubeconfigChosen(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_chooseEnvironments = file->addAction(tr("Choose &Environments…"), this,
                                           &MainWindow::chooseEnvironmentsRequested);
    m_chooseEnvironments->setObjectName(QStringLiteral("chooseEnvironmentsAction"));
    file->addAction(tr("Start the &Demo"), this, &MainWindow::demoRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createViewMenu()
{
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
    createThemeMenu(view);
    QAction *notifications
        = view->addAction(tr("&Notifications…"), this, &MainWindow::showNotificationSettings);
    notifications->setObjectName(QStringLiteral("notificationSettingsAction"));
    view->addSeparator();
    m_popOutDetail = view->addAction(tr("&Detail in Its Own Window"), this,
                                     [this](bool on) { setDetailPoppedOut(on); });
    m_popOutDetail->setObjectName(QStringLiteral("popOutDetailAction"));
    m_popOutDetail->setCheckable(true);
    m_popOutDetail->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_popOutMetrics = view->addAction(tr("&Metrics in Their Own Window"), this,
                                      [this](bool on) { setMetricsPoppedOut(on); });
    m_popOutMetrics->setObjectName(QStringLiteral("popOutMetricsAction"));
    m_popOutMetrics->setCheckable(true);
    m_popOutMetrics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    view->addSeparator();
    QAction *releases = view->addAction(tr("Re&leases…"), this, &MainWindow::showReleases);
    releases->setObjectName(QStringLiteral("showReleasesAction"));
    releases->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    releases->setToolTip(tr("Every recorded release: timelines, gates, actions, reports"));
    QAction *applications
        = view->addAction(tr("&Applications (Argo CD)…"), this, &MainWindow::showApplications);
    applications->setObjectName(QStringLiteral("showApplicationsAction"));
    applications->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)); // GitOps; A aborts
    applications->setToolTip(
        tr("Every Argo CD application of the fleet: sync, health, revision, history"));
    QAction *promotion = view->addAction(tr("&Promotion…"), this, &MainWindow::showPromotion);
    promotion->setObjectName(QStringLiteral("showPromotionAction"));
    // E for environments: Ctrl+Shift+P pauses the selected rollout.
    promotion->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    promotion->setToolTip(
        tr("Every workload across the environments: versions ahead and behind, stuck canaries"));
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("List every environment anew"));
}

void MainWindow::createThemeMenu(QMenu *view)
{
    QMenu *themes = view->addMenu(tr("&Theme"));
    themes->setObjectName(QStringLiteral("themeMenu"));
    auto *themeGroup = new QActionGroup(themes);
    const ThemeColours::Theme current = Appearance::current();
    for (const auto &[theme, text] : {std::pair {ThemeColours::Theme::System, tr("&System")},
                                      std::pair {ThemeColours::Theme::Light, tr("&Light")},
                                      std::pair {ThemeColours::Theme::Dark, tr("&Dark")}}) {
        QAction *action = themes->addAction(text);
        action->setCheckable(true);
        action->setChecked(theme == current);
        action->setObjectName(QStringLiteral("theme-") + ThemeColours::themeName(theme));
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] {
            Appearance::saveTheme(theme);
            Appearance::apply(theme);
            statusBar()->showMessage(tr("Theme changed. A few colours follow on the next start."),
                                     8000);
        });
    }
}

void MainWindow::createRolloutMenu()
{
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
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Release Dashboard"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::setDetailPoppedOut(bool on)
{
    if (on == !m_detailWindow.isNull()) {
        m_popOutDetail->setChecked(on);
        return;
    }
    if (!on) {
        m_detailWindow->close(); // docks it back
        return;
    }
    const QPointer<QSplitter> splitter = m_contentSplitter;
    const QList<int> sizes = m_contentSplitter->sizes();
    auto *detailWindow = new PopOutWindow(
        m_detail, tr("Rollout detail"),
        [this, splitter, sizes](QWidget *part) {
            if (!splitter)
                return;
            splitter->insertWidget(1, part);
            splitter->setSizes(sizes);
            m_popOutDetail->setChecked(false);
        },
        this);
    m_detailWindow = detailWindow;
    detailWindow->show();
    m_popOutDetail->setChecked(true);
}

void MainWindow::setMetricsPoppedOut(bool on)
{
    if (on == !m_metricsWindow.isNull()) {
        m_popOutMetrics->setChecked(on);
        return;
    }
    if (!on) {
        m_metricsWindow->close();
        return;
    }
    const QPointer<RolloutDetailView> detailView = m_detail->rolloutView();
    auto *metricsWindow = new PopOutWindow(
        m_metricsView, tr("Metrics"),
        [this, detailView](QWidget *part) {
            if (!detailView)
                return;
            detailView->addPage(part, tr("Metrics"));
            m_popOutMetrics->setChecked(false);
        },
        this);
    m_metricsWindow = metricsWindow;
    metricsWindow->show();
    m_popOutMetrics->setChecked(true);
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

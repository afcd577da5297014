// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "environmentspec.h"
#include "fleetrow.h"
#include "kubeconfig.h"
#include "promotionconfig.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class AboutDialog;
class ConnectionStatusBar;
class DetailPane;
class EnvironmentListView;
class EnvironmentModel;
class FilterBar;
class FirstRunPage;
class QStackedWidget;
class PopOutWindow;
class PromotionWindow;
class FleetFetcher;
class FleetFilterProxy;
class FleetModel;
class FleetTableView;
class MessageBanner;
class MetricsController;
class QLabel;
class QMenu;
class QSplitter;
class QTimer;
class RetryCountdown;
class RolloutDetailController;
class SafetyNetsController;
class SafetyNetsMonitor;
class ReleaseRecording;
class ArgoCdController;
class GateController;
struct GateSettings;
struct GateReport;
struct GateResult;
struct RolloutActionResult;
struct HistorySettings;
class DeploymentDetailController;
class FlaggerCanaryDetailController;
class FlaggerChartsController;
class DesktopNotifier;
class FleetTrayIcon;
class NotificationCenter;
struct Notice;

// The window: environments with their connection state on the left, the filterable fleet
// table on the right above the detail pane, an inline banner for configuration errors and
// the per-environment state in the status bar. It owns the FleetFetcher and the models and
// wires one to the other; geometry, splitters and table columns persist in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows these environments and starts watching them.
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    // The window title before the attention count ("Release Dashboard", "Demo fleet").
    void setTitleBase(const QString &title);
    // The inline error banner (configuration errors, a demo that did not start).
    void showError(const QString &message);
    // An information banner with a button ("Choose Environments…" → the signal).
    void showEnvironmentsHint(const QString &message);
    // Nothing to show yet: the first-run page says why and offers the demo and a
    // kubeconfig file. setFleet() shows the fleet again.
    void showFirstRun(const QString &reason);
    bool isShowingFirstRun() const;
    // Takes the inline banner away (the user has acted on what it said).
    void clearMessage();
    // The config file's charts for the metrics tab (ChartConfig); empty: the built-in ones.
    void setCharts(const QList<ChartSpec> &charts);
    // The detail pane / the metrics in a window of their own (View menu); false docks them
    // back. Closing that window docks them too.
    void setDetailPoppedOut(bool on);
    void setMetricsPoppedOut(bool on);
    bool isDetailPoppedOut() const { return !m_detailWindow.isNull(); }
    bool isMetricsPoppedOut() const { return !m_metricsWindow.isNull(); }
    // Stops the fetcher's threads (before a demo fleet it talks to goes away).
    void stopFetching();
    // The release history this fleet is recorded into (the demo has its own file); before
    // setFleet().
    void setHistoryFile(const QString &path);
    // The config file's retention and size for it (HistoryConfig); before setFleet().
    void setHistorySettings(const HistorySettings &settings);
    void saveSettings() const;

    // The window composes its parts and is not reached into: tests find a part as a
    // user-facing test would, by the object name it gets here (tests/app/windowparts.h).
    // These three remain because code outside the window watches them: live_bench and the
    // soak count the model's rows and compare it with the clusters, and watch the fetcher's
    // signals (no QObject child of the window: it lives only while a fleet is shown); the
    // startup trace (app/startuptrace.cpp) waits for the environments to go live.
    FleetModel *fleetModel() const { return m_fleetModel; }
    FleetFetcher *fetcher() const { return m_fetcher.get(); }
    const EnvironmentModel *environmentModel() const { return m_environmentModel; }
    // Selects that workload as soon as it is listed (now, or when a batch brings it).
    void selectWorkload(const QString &environment, const QString &namespaceName,
                        const QString &name);

    // The summary on the left of the status bar ("14 workloads · 3 need attention").
    QString summaryText() const;
    // environment, kind, namespace, name of the workload the user picked (empty: none).
    QStringList selectedWorkload() const { return m_selection; }
    // The context menu of a table row (the row is selected first): the rollout actions,
    // "Copy kubectl Command", copy env/ns/name, copy the row. Deleted when closed.
    QMenu *rowMenu(const QModelIndex &index);

signals:
    void demoRequested();
    void kubeconfigChosen(const QString &path);
    void chooseEnvironmentsRequested();

public slots:
    // Lists every environment anew (View > Refresh, F5).
    void refresh();
    // The config's quality gates (GateConfig), judged live (gatecontroller.h).
    void setGates(const GateSettings &settings);
    GateController *gateController() const { return m_gates; }
    void showAbout();
    void showAuditLog();
    // The Releases window: every recorded release, its timeline and report (View menu).
    void showReleases();
    // The Applications window: every Argo CD application of the fleet (View menu).
    void showApplications();
    ArgoCdController *argoCd() const { return m_argoCd; }
    // The promotion view: every workload across the environments (View menu).
    void showPromotion();
    // The config file's promotion: rows (PromotionConfig).
    void setPromotion(const PromotionSettings &settings);
    // Which notices are told, per environment and kind (View menu, the tray's menu).
    void showNotificationSettings();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // mainwindowgates.cpp
    void connectGates();
    void gateReportChanged(const QString &environment, const QString &uid);
    void showGateReport(const QString &environment, const QString &uid);
    void announceGateFailure(const QString &environment, const QString &uid,
                             const GateReport &report, const GateResult &gate, bool pausing);
    void gatePauseFinished(const RolloutActionResult &result, const QString &uid,
                           const QString &gate);
    // mainwindowsafetynets.cpp: every canary's safety nets for the table and the record.
    void connectSafetyNets();
    // The constructor's steps, in its order; mainwindowparts.cpp puts the widgets together.
    void setUpModels();
    void createSplitters();
    void createCentralWidget();
    void createStatusBar();
    void connectFilters();
    void connectCounts();
    void connectDetail();
    void createMenus();
    void createFileMenu();
    void createViewMenu();
    void createThemeMenu(QMenu *view);
    void createRolloutMenu();
    void createHelpMenu();
    // mainwindownotifications.cpp: the notification center, the tray icon and the notifier.
    void createNotifications();
    void openNotice(const Notice &notice);
    void showFromTray();
    void restoreSettings();
    void scheduleCountUpdate();
    void updateCounts();
    void updateDetail();
    void selectPendingWorkload();
    void showRowMenu(const QModelIndex &index, const QPoint &globalPos);
    void fitTableHeight();
    // The user's pick and the table kept in step: the selection never moves to another row
    // by itself. Called after every change of the proxy's rows.
    void reconcileSelection();
    void beginStructureChange() { ++m_structureChanges; }
    void endStructureChange();
    QModelIndex proxyIndexOfSelection() const;
    // The row kind of m_selection (its second entry is the KindRole text).
    FleetRow::Kind selectedKind() const;
    void showDetailOf(const QModelIndex &proxyIndex);

    FleetModel *m_fleetModel;
    FleetFilterProxy *m_proxy;
    EnvironmentModel *m_environmentModel;
    std::unique_ptr<FleetFetcher> m_fetcher;
    MessageBanner *m_banner;
    EnvironmentListView *m_environmentList;
    FilterBar *m_filterBar;
    FleetTableView *m_table;
    DetailPane *m_detail;
    QSplitter *m_mainSplitter;
    QSplitter *m_contentSplitter;
    ConnectionStatusBar *m_connectionStatus;
    QLabel *m_summary;
    QTimer *m_countTimer;
    RetryCountdown *m_countdown;
    RolloutDetailController *m_detailController;
    DeploymentDetailController *m_deploymentController;
    FlaggerCanaryDetailController *m_canaryController;
    FlaggerChartsController *m_canaryCharts = nullptr; // the canary detail's Charts tab
    MetricsController *m_metricsController = nullptr;
    SafetyNetsController *m_safetyNets = nullptr;
    SafetyNetsMonitor *m_safetyNetsMonitor = nullptr;
    ReleaseRecording *m_recording;
    GateController *m_gates;
    ArgoCdController *m_argoCd;
    NotificationCenter *m_notifications = nullptr;
    FleetTrayIcon *m_tray = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    QStringList m_pendingSelection; // environment, namespace, name
    // The workload the user picked: environment, kind, namespace, name; empty for none.
    QStringList m_selection;
    int m_structureChanges = 0; // > 0 while the proxy moves rows (the selection follows)
    bool m_reconciling = false;
    QString m_titleBase;
    FirstRunPage *m_firstRun = nullptr;
    QStackedWidget *m_pages = nullptr; // the fleet (splitter) or the first-run page
    QAction *m_chooseEnvironments = nullptr;
    QWidget *m_metricsView = nullptr;
    QAction *m_popOutDetail = nullptr;
    QAction *m_popOutMetrics = nullptr;
    QPointer<QWidget> m_detailWindow; // a PopOutWindow while popped out
    QPointer<QWidget> m_metricsWindow;
    QPointer<PromotionWindow> m_promotionWindow;
    PromotionSettings m_promotion;
    bool m_contentSplitterRestored = false;
    bool m_userSizedSplitter = false;
    int m_fittedRows = -1; // proxy rows when names and table height were last fitted
};

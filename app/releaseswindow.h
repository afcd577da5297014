// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "environmentspec.h"
#include "jobtracker.h"
#include "kubeconfig.h"
#include "releasehistoryqueries.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTimer;
class ReleaseMetricsController;
class ReleasesView;
class ReleaseTimelineWidget;
class RolloutMetricsView;

// The review after a release (issue 12): every recorded release above (ReleasesView, its
// filter, the delivery figures), the chosen release below in two tabs: its timeline drawn
// (ReleaseTimelineWidget) beside the report's text (summary, gates with value and bound,
// actions, events; with the previous release of the workload when "Compare with previous"
// asked for it), and its metric charts for the release's window
// (ReleaseMetricsController: the environment's Prometheus, else the recorded measurements). Reads
// run off the GUI thread (ReleaseHistoryQueries); the latest request wins. The list follows new
// recordings (refresh(), throttled).
class ReleasesWindow : public QWidget
{
    Q_OBJECT

public:
    explicit ReleasesWindow(const QString &databasePath, QWidget *parent = nullptr);
    ~ReleasesWindow() override;

    void setDatabasePath(const QString &path);
    // The fleet whose Prometheus servers the Metrics tab asks, and the config's charts.
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    void setCharts(const QList<ChartSpec> &charts);
    // Why there is no history this session (the recorder could not open it); empty: none.
    void setProblem(const QString &message);
    // Reads the list again soon (at most every two seconds): the recorder wrote.
    void refresh();
    // Shows that release below the list (tests, and `--select`-like navigation later).
    void review(const ReleaseSummary &release, bool compare);

private:
    void reload();
    void showList(const ReleaseListResult &result);
    void showReview(const ReleaseReviewResult &result, bool compare);
    void exportReport(const ReleaseSummary &release);
    void writeReport(const ReleaseReviewResult &result, const QString &path);

    QString m_databasePath;
    QString m_problem;
    ReleasesView *m_view;
    QStackedWidget *m_reviewPages;
    QLabel *m_reviewHint;
    ReleaseTimelineWidget *m_timeline;
    QTextBrowser *m_report;
    QTabWidget *m_reviewTabs;
    RolloutMetricsView *m_metricsView;
    ReleaseMetricsController *m_metrics;
    QTimer *m_refreshTimer;
    JobTracker m_listJobs;
    JobTracker m_reviewJobs;
    std::optional<ReleaseFilter> m_filter;
    struct Reviewed
    {
        ReleaseSummary summary; // as shown
        bool compare = false;
    };
    std::optional<Reviewed> m_reviewed; // the release the lower half shows
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "releaseswindow.h"

#include "releasemetricscontroller.h"
#include "releasereport.h"
#include "releasereportpdf.h"
#include "releasesview.h"
#include "releasetimelinewidget.h"
#include "rolloutmetricsview.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Runs `then` on the receiver's thread with the future's result when it is ready.
template<typename T, typename F> void whenReady(QObject *receiver, QFuture<T> future, F then)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, receiver, [watcher, then] {
        then(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

// Markdown's headings come out at poster sizes in a side pane: a little above the text.
void tameHeadings(QTextDocument *document)
{
    const qreal base = document->defaultFont().pointSizeF();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level <= 0)
            continue;
        QTextCursor cursor(block);
        cursor.select(QTextCursor::BlockUnderCursor);
        // The Markdown reader sizes headings by an adjustment on top of the point size.
        QTextCharFormat format;
        format.setProperty(QTextFormat::FontSizeAdjustment, level == 1 ? 1 : 0);
        format.setFontPointSize(base * (level == 1 ? 1.2 : level == 2 ? 1.1 : 1.0));
        cursor.mergeCharFormat(format);
    }
}

} // namespace

ReleasesWindow::ReleasesWindow(const QString &databasePath, QWidget *parent) :
    QWidget(parent, Qt::Window),
    m_databasePath(databasePath),
    m_view(new ReleasesView(this)),
    m_reviewPages(new QStackedWidget(this)),
    m_reviewHint(new QLabel(this)),
    m_timeline(new ReleaseTimelineWidget(this)),
    m_report(new QTextBrowser(this)),
    m_reviewTabs(new QTabWidget(this)),
    m_metricsView(new RolloutMetricsView(this)),
    m_metrics(new ReleaseMetricsController(m_metricsView, this)),
    m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("releasesWindow"));
    setWindowTitle(tr("Releases — Release Dashboard"));
    m_timeline->setObjectName(QStringLiteral("releaseTimeline"));
    m_report->setObjectName(QStringLiteral("releaseReport"));
    m_report->setOpenLinks(false);
    m_reviewHint->setObjectName(QStringLiteral("releaseReviewHint"));
    m_reviewHint->setAlignment(Qt::AlignCenter);
    m_reviewHint->setWordWrap(true);
    m_reviewHint->setText(tr("Double-click a release to review its timeline, gates, actions "
                             "and events."));

    auto *reviewSplit = new QSplitter(Qt::Horizontal, this);
    reviewSplit->addWidget(m_timeline);
    reviewSplit->addWidget(m_report);
    reviewSplit->setStretchFactor(0, 1);
    reviewSplit->setStretchFactor(1, 1);
    m_reviewTabs->setObjectName(QStringLiteral("releaseReviewTabs"));
    m_reviewTabs->setDocumentMode(true);
    m_reviewTabs->addTab(reviewSplit, tr("Timeline and Report"));
    // The metrics view's own name is the live tab's; this one is the release's.
    m_metricsView->setObjectName(QStringLiteral("releaseMetricsView"));
    m_metricsView->setUtc(true); // as the timeline and the report write times
    m_reviewTabs->addTab(m_metricsView, tr("Metrics"));
    m_reviewPages->addWidget(m_reviewHint);
    m_reviewPages->addWidget(m_reviewTabs);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_reviewPages);
    // The review has the drawing and the charts: more room than the list, which scrolls.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);
    resize(1280, 860);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(2000);
    connect(m_refreshTimer, &QTimer::timeout, this, &ReleasesWindow::reload);
    // Typing in the workload field changes the filter per key: read once typing pauses.
    auto *filterPause = new QTimer(this);
    filterPause->setSingleShot(true);
    filterPause->setInterval(200);
    connect(filterPause, &QTimer::timeout, this, &ReleasesWindow::reload);
    connect(m_view, &ReleasesView::filterChanged, this,
            [this, filterPause](const ReleaseFilter &filter) {
                m_filter = filter;
                filterPause->start();
            });
    connect(m_view, &ReleasesView::releaseActivated, this,
            [this](const ReleaseSummary &release) { review(release, false); });
    connect(m_view, &ReleasesView::compareRequested, this,
            [this](const ReleaseSummary &release) { review(release, true); });
    connect(m_view, &ReleasesView::reportRequested, this, &ReleasesWindow::exportReport);
    m_filter = m_view->filter();
    reload();
}

ReleasesWindow::~ReleasesWindow()
{
    m_metrics->shutdown();
}

void ReleasesWindow::setFleet(const Kubeconfig &kubeconfig,
                              const QList<EnvironmentSpec> &environments)
{
    m_metrics->setFleet(kubeconfig, environments);
}

void ReleasesWindow::setCharts(const QList<ChartSpec> &charts)
{
    m_metrics->setConfiguredCharts(charts);
}

void ReleasesWindow::setDatabasePath(const QString &path)
{
    if (path == m_databasePath)
        return;
    m_databasePath = path;
    // Nothing of the other file may land here: the review in flight is dropped.
    m_reviewJobs.cancel();
    m_reviewed.reset();
    m_reviewPages->setCurrentWidget(m_reviewHint);
    reload();
}

void ReleasesWindow::setProblem(const QString &message)
{
    m_problem = message;
    m_view->setMessage(message);
}

void ReleasesWindow::refresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void ReleasesWindow::reload()
{
    const JobTracker::Token token = m_listJobs.startJob();
    whenReady(this,
              ReleaseHistoryQueries::releases(m_databasePath, m_filter.value_or(m_view->filter())),
              [this, token](const ReleaseListResult &result) {
                  if (m_listJobs.finish(token))
                      showList(result);
              });
}

void ReleasesWindow::showList(const ReleaseListResult &result)
{
    m_view->setMessage(!m_problem.isEmpty() ? m_problem : result.error);
    m_view->setEnvironments(result.environments);
    m_view->setNamespaces(result.namespaces);
    m_view->setReleases(result.releases);
    // The release under review changed (it finished, was aborted, ...): review it again, so
    // the lower half never says what the list above no longer does.
    if (!m_reviewed)
        return;
    for (const ReleaseSummary &release : result.releases) {
        if (release.id == m_reviewed->summary.id && release != m_reviewed->summary)
            review(release, m_reviewed->compare);
    }
}

void ReleasesWindow::review(const ReleaseSummary &release, bool compare)
{
    if (release.id <= 0)
        return;
    const JobTracker::Token token = m_reviewJobs.startJob();
    // The previous release always: its pods are the stable ones on the metric charts.
    whenReady(this, ReleaseHistoryQueries::review(m_databasePath, release.id, true),
              [this, token, compare](const ReleaseReviewResult &result) {
                  if (m_reviewJobs.finish(token))
                      showReview(result, compare);
              });
}

void ReleasesWindow::showReview(const ReleaseReviewResult &result, bool compare)
{
    if (!result.timeline) {
        m_reviewHint->setText(result.error.isEmpty()
                                  ? tr("That release is no longer in the history (pruned).")
                                  : result.error);
        m_reviewPages->setCurrentWidget(m_reviewHint);
        return;
    }
    m_reviewed = Reviewed {result.timeline->summary, compare};
    m_timeline->setTimeline(*result.timeline);
    const ReleaseTimeline *previous = result.previous ? &*result.previous : nullptr;
    m_metrics->setRelease(*result.timeline, previous);
    if (!compare)
        previous = nullptr; // the report compares only when asked to
    QString markdown = releaseReportMarkdown(*result.timeline, previous);
    if (compare && !previous)
        markdown.prepend(tr("*No earlier release of this workload is recorded: nothing to "
                            "compare with.*")
                         + QStringLiteral("\n\n"));
    m_report->setMarkdown(markdown);
    tameHeadings(m_report->document());
    m_reviewPages->setCurrentWidget(m_reviewTabs);
}

void ReleasesWindow::exportReport(const ReleaseSummary &release)
{
    if (release.id <= 0)
        return;
    const QString suggested
        = QStringLiteral("%1-%2-%3-rev%4.pdf")
              .arg(release.key.environment, release.namespaceName, release.workload)
              .arg(release.key.revision);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Release Report"), suggested,
                                                      tr("PDF document (*.pdf);;Markdown (*.md)"));
    if (path.isEmpty())
        return;
    whenReady(this, ReleaseHistoryQueries::review(m_databasePath, release.id, true),
              [this, path](const ReleaseReviewResult &result) { writeReport(result, path); });
}

void ReleasesWindow::writeReport(const ReleaseReviewResult &result, const QString &path)
{
    QString error = result.error;
    if (result.timeline) {
        const ReleaseTimeline *previous = result.previous ? &*result.previous : nullptr;
        if (path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && file.write(releaseReportMarkdown(*result.timeline, previous).toUtf8()) >= 0
                && file.flush())
                return;
            error = tr("Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString());
        } else if (writeReleaseReportPdf(*result.timeline, previous, path, &error)) {
            return;
        }
    }
    QMessageBox::warning(this, tr("Export Release Report"),
                         error.isEmpty() ? tr("The release is no longer in the history.") : error);
}

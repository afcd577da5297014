// SPDX-License-Identifier: GPL-3.0-or-later
// The window's release record end to end: the main window on the demo fleet records what it
// watches while the test plays five minutes of the demo's virtual clock; View > Releases
// lists the recorded releases, and a double-click shows a release's timeline and report, and
// in the Metrics tab its charts from the demo's Prometheus for the release's window.
// RD_SCREENSHOT_DIR=<folder> also saves the window as releases-window.png and
// releases-window-metrics.png.
#include "demowindow.h"

#include "metricchart.h"
#include "releasemetricscontroller.h"
#include "releasesview.h"
#include "releaseswindow.h"
#include "releasetimelinewidget.h"
#include "rolloutmetricsview.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTextBrowser>

namespace {

ReleasesWindow *releasesWindow()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<ReleasesWindow *>(widget); window && window->isVisible())
            return window;
    }
    return nullptr;
}

int rowOf(const QAbstractItemModel *model, const QString &environment, const QString &workload)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto release = model->index(row, 0).data(Qt::UserRole).value<ReleaseSummary>();
        if (release.key.environment == environment && release.workload == workload)
            return row;
    }
    return -1;
}

} // namespace

class TestReleasesWindow : public QObject
{
    Q_OBJECT

private slots:
    void recordsWhatTheWindowWatchesAndShowsIt();
};

void TestReleasesWindow::recordsWhatTheWindowWatchesAndShowsIt()
{
    QTemporaryDir dir;
    QVERIFY(isolateGuiTest(dir));
    const QString history = dir.filePath(QStringLiteral("history.sqlite"));
    qputenv("RELEASE_DASHBOARD_HISTORY_FILE", history.toUtf8());
    DemoFleet demo(DemoFleet::Options {false});
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    auto window = openDemoWindow(demo);
    QTRY_VERIFY_WITH_TIMEOUT(demoRow(window.get(), QStringLiteral("dev"), QStringLiteral("shop"),
                                     QStringLiteral("checkout"))
                                 .isValid(),
                             30000);
    for (int second = 0; second < 300; second += 3) {
        demo.advanceClock(3000);
        demo.reconcileOnce();
        QTest::qWait(60);
    }

    auto *action = window->findChild<QAction *>(QStringLiteral("showReleasesAction"));
    QVERIFY(action);
    action->trigger();
    ReleasesWindow *releases = releasesWindow();
    QVERIFY(releases);
    auto *table = releases->findChild<QTableView *>(QStringLiteral("releasesTable"));
    QVERIFY(table);
    // The window re-reads the list as the recorder writes (at most every two seconds).
    QTRY_VERIFY_WITH_TIMEOUT(
        rowOf(table->model(), QStringLiteral("dev"), QStringLiteral("checkout")) >= 0, 15000);
    const int row = rowOf(table->model(), QStringLiteral("dev"), QStringLiteral("checkout"));
    const auto release = table->model()->index(row, 0).data(Qt::UserRole).value<ReleaseSummary>();
    QCOMPARE(release.outcome, ReleaseOutcome::Promoted);

    releases->review(release, true);
    auto *report = releases->findChild<QTextBrowser *>(QStringLiteral("releaseReport"));
    auto *timeline
        = releases->findChild<ReleaseTimelineWidget *>(QStringLiteral("releaseTimeline"));
    QVERIFY(report && timeline);
    QTRY_VERIFY(timeline->isVisible());
    const QString text = report->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("checkout")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("ghcr.io/acme/checkout:1.4.2")));
    QVERIFY(text.contains(QStringLiteral("error-rate")));

    const QByteArray shots = qgetenv("RD_SCREENSHOT_DIR");
    const QDir shotDir(QString::fromLocal8Bit(shots));
    table->selectRow(row);
    if (!shots.isEmpty()) {
        QTest::qWait(300);
        releases->grab().save(shotDir.filePath(QStringLiteral("releases-window.png")));
    }

    // The Metrics tab: the fleet's Prometheus asked about the release's window (the window
    // passed the fleet on), with the release's hash, its charts drawn from the answers.
    auto *tabs = releases->findChild<QTabWidget *>(QStringLiteral("releaseReviewTabs"));
    auto *metrics = releases->findChild<ReleaseMetricsController *>();
    QVERIFY(tabs && metrics);
    QSignalSpy settled(metrics, &ReleaseMetricsController::settled);
    tabs->setCurrentIndex(1);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Metrics"));
    QTRY_VERIFY_WITH_TIMEOUT(settled.count() >= 1, 20000);
    auto *view = releases->findChild<RolloutMetricsView *>(QStringLiteral("releaseMetricsView"));
    QVERIFY(view);
    QVERIFY2(!metrics->showsRecordedOnly(), qPrintable(view->notice()));
    QCOMPARE(metrics->windowStart(),
             release.startedAt.toMSecsSinceEpoch()
                 - std::max<qint64>(120000, release.durationMSecs() / 10));
    QVERIFY(!view->charts().isEmpty());
    bool drawn = false;
    for (MetricChart *chart : view->charts())
        drawn = drawn || chart->seriesCount() > 0;
    QVERIFY(drawn);
    for (const MetricQuery &query : metrics->metrics()->lastQueries())
        QVERIFY2(!query.query.contains(QStringLiteral("{{")), qPrintable(query.query));
    if (!shots.isEmpty()) {
        QTest::qWait(300);
        releases->grab().save(shotDir.filePath(QStringLiteral("releases-window-metrics.png")));
    }
    releases->close();
    window->stopFetching();
}

QTEST_MAIN(TestReleasesWindow)
#include "tst_releaseswindow.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The window's release record end to end: the main window on the demo fleet records what it
// watches while the test plays five minutes of the demo's virtual clock; View > Releases
// lists the recorded releases, and a double-click shows a release's timeline and report.
// RD_SCREENSHOT_DIR=<folder> also saves the window as releases-window.png.
#include "demowindow.h"

#include "releasesview.h"
#include "releaseswindow.h"
#include "releasetimelinewidget.h"

#include <QApplication>
#include <QTableView>
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
    if (!shots.isEmpty()) {
        table->selectRow(row);
        QTest::qWait(300);
        releases->grab().save(
            QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("releases-window.png")));
    }
    releases->close();
    window->stopFetching();
}

QTEST_MAIN(TestReleasesWindow)
#include "tst_releaseswindow.moc"

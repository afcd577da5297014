// SPDX-License-Identifier: GPL-3.0-or-later
// AnalysisRunsView over tests/data/detail/paused-canary.json: a definition row is drawn as
// a label and a value that starts at the Phase column, and Copy (Ctrl+C and the context
// menu) gives a cell whole (a query, a message) though the cell elides it, Copy Row the row.
#include "analysisrunsview.h"

#include "../support/modelrows.h"
#include "detailfixture.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImage>
#include <QMenu>
#include <QTest>

namespace {

using M = AnalysisRunsModel;

struct Shown
{
    Shown()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("paused-canary.json"));
        error = fixture.error;
        view.resize(1100, 700);
        view.runsModel()->setRuns(fixture.detail.analysisRuns, fixture.now);
        background = view.indexOfRun(QStringLiteral("search-7f9c6d5b8-7-bg"));
        latency = view.indexOfMetric(background, QStringLiteral("latency-p99"));
    }

    QString error;
    AnalysisRunsView view;
    QModelIndex background;
    QModelIndex latency;
};

// Whether any pixel of `image` in the x range [from, to) of `row` differs from `paper`.
bool hasInk(const QImage &image, const QRect &row, int from, int to, QRgb paper)
{
    for (int x = from; x < to; ++x) {
        for (int y = row.top() + 2; y < row.bottom() - 1; ++y) {
            if (image.pixel(x, y) != paper)
                return true;
        }
    }
    return false;
}

} // namespace

class TestAnalysisRunsView : public QObject
{
    Q_OBJECT

private slots:
    void definitionValuesLineUpAtThePhaseColumn()
    {
        Shown shown;
        QVERIFY2(shown.error.isEmpty(), qPrintable(shown.error));
        QVERIFY(shown.view.isExpanded(shown.latency));
        const QModelIndex limits
            = shown.view.indexOfDefinition(shown.latency, M::Definition::Limits);
        QVERIFY(shown.view.isFirstColumnSpanned(limits.row(), shown.latency));
        QCOMPARE(limits.data(M::ValueRole).toString(),
                 QStringLiteral("failureLimit 2 \u00b7 inconclusiveLimit 0 (default) \u00b7 "
                                "consecutiveErrorLimit 4 (default)"));
        const QImage image = shown.view.viewport()->grab().toImage();
        const QRect row = shown.view.visualRect(limits);
        QVERIFY(row.isValid() && row.bottom() < image.height());
        const int phaseX = shown.view.header()->sectionViewportPosition(M::Phase);
        const QRgb paper = image.pixel(phaseX - 2, row.center().y());
        // The label on the left, nothing in the gap before the Phase column (drawn as one
        // string, "Limits: failureLimit 2 …" would run through it), the value after it.
        QVERIFY(hasInk(image, row, row.left(), row.left() + 60, paper));
        QVERIFY(!hasInk(image, row, phaseX - 40, phaseX - 1, paper));
        QVERIFY(hasInk(image, row, phaseX, phaseX + 40, paper));
    }

    void copiesCellsWhole()
    {
        Shown shown;
        QVERIFY2(shown.error.isEmpty(), qPrintable(shown.error));
        QClipboard *clipboard = QGuiApplication::clipboard();
        const QModelIndex query
            = shown.view.indexOfDefinition(shown.latency, M::Definition::Request);
        // An ordinary cell copies its text.
        QCOMPARE(AnalysisRunsView::copiedText(shown.background),
                 QStringLiteral("search-7f9c6d5b8-7-bg"));
        shown.view.setCurrentIndex(query);
        QTest::keySequence(&shown.view, QKeySequence::Copy);
        QCOMPARE(clipboard->text(),
                 QStringLiteral("sum(rate(http_requests_total{code=~\"5..\"}[2m])) / "
                                "sum(rate(http_requests_total[2m]))"));

        // The context menu names a definition's value and copies it.
        QMenu *menu = shown.view.contextMenu(query);
        auto *copy = menu->findChild<QAction *>(QStringLiteral("copyCell"));
        QVERIFY(copy);
        QCOMPARE(copy->text(), QStringLiteral("Copy Query"));
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("copyRequest"))); // no second one
        clipboard->clear();
        copy->trigger();
        QVERIFY(clipboard->text().startsWith(QStringLiteral("sum(rate(")));
        menu->findChild<QAction *>(QStringLiteral("copyRow"))->trigger();
        QCOMPARE(clipboard->text(),
                 QStringLiteral("Query: sum(rate(http_requests_total{code=~\"5..\"}[2m])) / "
                                "sum(rate(http_requests_total[2m]))"));
        menu->close();

        // A measurement: the cell clicked, or the row tab-separated.
        const QModelIndex measurement = shown.view.model()->index(6, M::Summary, shown.latency);
        menu = shown.view.contextMenu(measurement);
        QCOMPARE(menu->findChild<QAction *>(QStringLiteral("copyCell"))->text(),
                 QStringLiteral("Copy"));
        menu->findChild<QAction *>(QStringLiteral("copyCell"))->trigger();
        QCOMPARE(clipboard->text(),
                 QStringLiteral("Did not meet successCondition: result[0] < 500"));
        menu->findChild<QAction *>(QStringLiteral("copyRow"))->trigger();
        QCOMPARE(clipboard->text(),
                 QStringLiteral("Measurement 3\tFailed\tDid not meet successCondition: "
                                "result[0] < 500\t903.7\t59s ago"));
        // Its metric's query, from the measurement.
        QAction *copyQuery = menu->findChild<QAction *>(QStringLiteral("copyRequest"));
        QVERIFY(copyQuery);
        QCOMPARE(copyQuery->text(), QStringLiteral("Copy Query"));
        copyQuery->trigger();
        QVERIFY(clipboard->text().startsWith(QStringLiteral("sum(rate(")));
        menu->close();

        // A message row: its one cell, whatever column was clicked.
        const QModelIndex why = shown.view.indexOfMessage(shown.latency);
        shown.view.setCurrentIndex(why.siblingAtColumn(M::Values));
        QTest::keySequence(&shown.view, QKeySequence::Copy);
        QCOMPARE(clipboard->text(), QStringLiteral("failed (3) > failureLimit (2)"));
        QCOMPARE(AnalysisRunsView::copiedRow(why), QStringLiteral("failed (3) > failureLimit (2)"));
    }
};

QTEST_MAIN(TestAnalysisRunsView)
#include "tst_analysisrunsview.moc"

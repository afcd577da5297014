// SPDX-License-Identifier: GPL-3.0-or-later
// The on-call window's layout on the live demo fleet (issue 9): attention counted in the
// environment list and the title, detail and metrics popped out, key texts not cut, and a
// table that takes only the height its rows need. The on-call actions are in tst_oncallgui.
#include "oncallfixture.h"

// The demo's states take longer to arrive on a loaded machine (CI runs two suites and
// fuzzing on two cores); these are waits, not timings.
constexpr int kDataWaitMs = 20000;

class TestOnCallLayout : public OnCallFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { openWindow(); }
    void cleanupTestCase() { closeWindow(); }

    void attentionIsCountedAndTitled()
    {
        // staging waits for people in the demo (payments-api and frontend wait for promotion).
        const int row = m_window->environmentModel()->rowOf(QStringLiteral("staging"));
        const QModelIndex staging = m_window->environmentModel()->index(row);
        QTRY_VERIFY_WITH_TIMEOUT(staging.data(EnvironmentModel::WaitingCountRole).toInt() > 0,
                                 kDataWaitMs);
        QVERIFY(staging.data(Qt::DisplayRole).toString().contains(QStringLiteral("waiting")));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->windowTitle().contains(QStringLiteral("attention")),
                                 kDataWaitMs);
        const QModelIndex waiting = filterProxy(m_window)->index(
            rowOf(QStringLiteral("staging"), QStringLiteral("payments"),
                  QStringLiteral("payments-api"))
                .row(),
            FleetModel::StatusColumn);
        QCOMPARE(waiting.data(FleetModel::AttentionRole).toInt(),
                 int(FleetRow::Attention::WaitingForPerson));
        QVERIFY(waiting.data(FleetModel::SituationRole)
                    .toString()
                    .startsWith(QStringLiteral("Waiting for promotion")));
    }

    void detailAndMetricsPopOut()
    {
        QVERIFY(
            select(QStringLiteral("staging"), QStringLiteral("shop"), QStringLiteral("checkout")));
        DetailPane *pane = detailPane(m_window);
        m_window->setDetailPoppedOut(true);
        QVERIFY(m_window->isDetailPoppedOut());
        QVERIFY(pane->window() != m_window.get());
        QCOMPARE(contentSplitter(m_window)->indexOf(pane), -1);
        // Still the same, live detail of the selected rollout.
        QCOMPARE(view()->detail().rollout.metadata.name, QStringLiteral("checkout"));
        pane->window()->close();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isDetailPoppedOut(), kDataWaitMs);
        QCOMPARE(pane->window(), m_window.get());
        QCOMPARE(contentSplitter(m_window)->indexOf(pane), 1);

        m_window->setMetricsPoppedOut(true);
        QVERIFY(m_window->isMetricsPoppedOut());
        auto *tabs = view()->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        QCOMPARE(tabs->count(), 6); // ReplicaSets, Analysis, Gates, Events, Safety nets, Traffic
        m_window->setMetricsPoppedOut(false);
        QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), 7, kDataWaitMs);
        QCOMPARE(tabs->tabText(6), QStringLiteral("Metrics"));
    }

    void keyTextIsNotCut()
    {
        // Names fit their column, the status column holds a whole situation, and the events'
        // messages wrap instead of being cut (issue 9, finding 6).
        FleetTableView *table = fleetTable(m_window);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("prod"), QStringLiteral("payments"),
                                       QStringLiteral("payments-gateway"))
                                     .isValid(),
                                 kDataWaitMs);
        const QFontMetrics metrics(table->font());
        QTRY_VERIFY_WITH_TIMEOUT(
            table->columnWidth(FleetModel::NameColumn)
                >= metrics.horizontalAdvance(QStringLiteral("payments-gateway")) + 8,
            kDataWaitMs);
        QVERIFY(table->columnWidth(FleetModel::StrategyColumn)
                >= metrics.horizontalAdvance(QStringLiteral("Rolling update")) + 8);
        QVERIFY(table->columnWidth(FleetModel::StatusColumn)
                >= metrics.horizontalAdvance(QStringLiteral("Waiting for promotion at step 2 of 4"))
                    + 2 * metrics.height());
        auto *events = view()->findChild<QTreeView *>(QStringLiteral("eventsTree"));
        QVERIFY(events);
        QVERIFY(events->wordWrap());
        QCOMPARE(events->header()->sectionResizeMode(RolloutEventsView::Message),
                 QHeaderView::Stretch);
    }

    void tableTakesOnlyWhatItsRowsNeed()
    {
        // The demo's 11 rows fit; the detail below gets the rest of the height.
        const QList<int> sizes = contentSplitter(m_window)->sizes();
        const int rowHeight = fleetTable(m_window)->verticalHeader()->defaultSectionSize();
        QVERIFY2(sizes.at(0) <= 11 * rowHeight + 140, qPrintable(QString::number(sizes.at(0))));
        QVERIFY(sizes.at(1) >= sizes.at(0) / 2);
    }
};

QTEST_MAIN(TestOnCallLayout)
#include "tst_oncalllayout.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// MetricsController's rounds against a served Prometheus (metricsfixture.h): the latest
// round wins, a rollout no longer shown has its answers dropped, and the live timer follows
// the query step and stops when Live is off or the view is hidden. What is queried and
// drawn is in tst_metricscontroller.
#include "metricsfixture.h"

#include "democharts.h"
#include "metricchart.h"
#include "metricquerier.h"

#include <QTimer>

class TestMetricsRounds : public QObject
{
    Q_OBJECT

    MetricsFixture m_fixture;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
    }

    void latestRoundWins()
    {
        const auto s = m_fixture.setup(DemoCharts::charts());
        QVERIFY(s);
        s->controller.setDetail(m_fixture.detail(QStringLiteral("prod"), QStringLiteral("payments"),
                                                 QStringLiteral("payments-gateway")));
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
        // Two rounds before any answer can arrive: only the second may reach the charts.
        s->controller.setRange(RolloutMetricsView::Range::Last6Hours, true);
        s->controller.refresh();
        s->controller.setRange(RolloutMetricsView::Range::Last24Hours, true);
        const MetricsController::Stats before = s->controller.stats();
        s->controller.refresh();
        const int sent = int(s->controller.lastQueries().size());
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
        QCOMPARE(s->controller.stats().delivered - before.delivered, sent);
        QCOMPARE(s->controller.stats().failed, 0);
        for (MetricChart *chart : s->view.charts()) {
            QCOMPARE(chart->rangeEnd() - chart->rangeStart(), 24 * 3600000LL);
            const qint64 step = QueryStep::plan(chart->rangeStart(), chart->rangeEnd(),
                                                s->view.plotWidth(chart->spec().id))
                                    .stepMs;
            for (const ChartSeries &series : chart->series())
                QCOMPARE(series.stepMs, step);
        }
    }

    void otherRolloutDropsStaleAnswers()
    {
        const auto s = m_fixture.setup(DemoCharts::charts());
        QVERIFY(s);
        s->controller.setDetail(m_fixture.detail(QStringLiteral("prod"), QStringLiteral("payments"),
                                                 QStringLiteral("payments-gateway")));
        const RolloutDetail checkout = m_fixture.detail(
            QStringLiteral("staging"), QStringLiteral("shop"), QStringLiteral("checkout"));
        s->controller.setDetail(checkout);
        const int sent = int(s->controller.lastQueries().size());
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
        QCOMPARE(s->controller.stats().delivered, sent);
        for (const MetricQuery &query : s->controller.lastQueries())
            QVERIFY2(query.key.startsWith(QStringLiteral("staging/shop/checkout/")),
                     qPrintable(query.key));
        // Settle: an answer of the first rollout still on its way is dropped, never shown.
        QTest::qWait(200);
        QCOMPARE(s->controller.stats().delivered, sent);
        MetricChart *errors = s->view.chart(QStringLiteral("config/0"));
        QCOMPARE(errors->seriesCount(), 2);
        QCOMPARE(errors->series().at(1).name, QStringLiteral("canary"));
        // The checkout's own hashes, not the gateway's.
        QCOMPARE(s->controller.lastQueries().last().query,
                 QStringLiteral("sum(kube_pod_container_status_restarts_total{namespace=\"shop\","
                                "rollout=\"checkout\",rollouts_pod_template_hash=\"%1\"})")
                     .arg(checkout.rollout.status.currentPodHash));
    }

    void liveTimerFollowsTheStep()
    {
        const auto s = m_fixture.setup(DemoCharts::charts());
        QVERIFY(s);
        s->controller.setDetail(m_fixture.detail(QStringLiteral("prod"), QStringLiteral("payments"),
                                                 QStringLiteral("payments-gateway")));
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
        QVERIFY(s->controller.liveTimer()->isActive());
        // An hour at about 600 px: a 10 s step, the live refresh interval.
        const qint64 step = s->controller.lastQueries().first().stepMs;
        QCOMPARE(s->controller.liveTimer()->interval(), int(std::max<qint64>(5000, step)));
        // A tick runs a round (and sets the interval back).
        const int rounds = s->controller.stats().rounds;
        s->controller.liveTimer()->start(1);
        QTRY_VERIFY(s->controller.stats().rounds > rounds);
        QCOMPARE(s->controller.liveTimer()->interval(), int(std::max<qint64>(5000, step)));
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);

        s->view.setLive(false);
        emit s->view.rangeChanged(s->view.range(), false);
        QVERIFY(!s->controller.liveTimer()->isActive());
        // Hidden (another tab): nothing runs.
        s->view.hide();
        const int hiddenRounds = s->controller.stats().rounds;
        s->controller.refresh();
        QCOMPARE(s->controller.stats().rounds, hiddenRounds);
    }
};

QTEST_MAIN(TestMetricsRounds)
#include "tst_metricsrounds.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Metric charts for an absolute window against a served Prometheus (metricsfixture.h): the
// live Metrics tab's Custom… range (calendar pickers, checked, queried for exactly that
// window, kept for another rollout until a preset is picked) and a recorded release's
// Metrics tab (ReleaseMetricsController: the release's window and variables, and the
// recorded measurements with a note when Prometheus has nothing for the window or cannot be
// asked).
#include "metricsfixture.h"

#include "absoluterangebar.h"
#include "democharts.h"
#include "metricchart.h"
#include "releasecharts.h"
#include "releasemetricscontroller.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>

namespace {

constexpr qint64 minuteMs = 60 * 1000;

// The queries must cover exactly the window, on the step planned for each chart.
void checkQueriesCover(const QList<MetricQuery> &queries, const RolloutMetricsView &view,
                       qint64 startMs, qint64 endMs)
{
    QVERIFY(!queries.isEmpty());
    for (const MetricQuery &query : queries) {
        const QString chartId = query.key.section(u'/', 3).section(u'#', 0, 0);
        const QueryStep::Range plan = QueryStep::plan(startMs, endMs, view.plotWidth(chartId));
        QCOMPARE(query.startMs, plan.startMs);
        QCOMPARE(query.endMs, plan.endMs);
        QCOMPARE(query.stepMs, plan.stepMs);
        // Minute-aligned windows are multiples of the step: nothing is widened.
        QCOMPARE(query.startMs, startMs);
        QCOMPARE(query.endMs, endMs);
    }
}

qint64 minuteFloor(qint64 ms)
{
    return ms - ms % minuteMs;
}

} // namespace

class TestReleaseMetrics : public QObject
{
    Q_OBJECT

    MetricsFixture m_fixture;

    RolloutDetail gateway()
    {
        return m_fixture.detail(QStringLiteral("prod"), QStringLiteral("payments"),
                                QStringLiteral("payments-gateway"));
    }

    // The gateway's canary as the recorder keeps it: started when its ReplicaSet was made,
    // still in progress, two measurements of its error rate; and the release before it.
    std::pair<ReleaseTimeline, ReleaseTimeline> gatewayRelease()
    {
        const RolloutDetail detail = gateway();
        ReleaseTimeline release;
        ReleaseSummary &summary = release.summary;
        summary.key = {detail.environment, detail.rollout.metadata.uid, 2};
        summary.namespaceName = detail.rollout.metadata.namespaceName;
        summary.workload = detail.rollout.metadata.name;
        summary.strategy = QStringLiteral("Canary");
        summary.podTemplateHash = detail.rollout.status.currentPodHash;
        for (const ReplicaSet &replicaSet : detail.replicaSets) {
            if (replicaSet.podTemplateHash() == summary.podTemplateHash)
                summary.startedAt = replicaSet.metadata.creationTimestamp;
        }
        for (int i = 0; i < 2; ++i) {
            ReleaseMeasurement measurement;
            measurement.analysisRun = QStringLiteral("payments-gateway-run");
            measurement.metric = QStringLiteral("error-rate");
            measurement.phase = i == 0 ? QStringLiteral("Successful") : QStringLiteral("Failed");
            measurement.value = i == 0 ? QStringLiteral("[0.004]") : QStringLiteral("0.07");
            measurement.successCondition = QStringLiteral("result[0] <= 0.05");
            measurement.finishedAt = summary.startedAt.addSecs(30 + 30 * i);
            release.measurements.append(measurement);
        }
        ReleaseTimeline previous;
        previous.summary = summary;
        previous.summary.key.revision = 1;
        previous.summary.podTemplateHash = detail.rollout.status.stableRS;
        return {release, previous};
    }

    struct ReleaseSetup
    {
        RolloutMetricsView view;
        ReleaseMetricsController controller {&view};
    };

    std::unique_ptr<ReleaseSetup> releaseSetup()
    {
        auto s = std::make_unique<ReleaseSetup>();
        s->view.resize(1280, 450);
        s->view.setUtc(true);
        s->view.show();
        if (!QTest::qWaitForWindowExposed(&s->view))
            return nullptr;
        s->controller.setClock(m_fixture.clock());
        s->controller.setConfiguredCharts(DemoCharts::charts());
        s->controller.setFleet(m_fixture.kubeconfig(), MetricsFixture::demoEnvironments());
        return s;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
    }

    void customRangeFromTheCalendar();
    void customRangeChecksItsWindow();
    void releaseWindowAndVariables();
    void recordedMeasurementsWhenPrometheusHasNothing();
    void recordedMeasurementsWithoutPrometheus();
};

void TestReleaseMetrics::customRangeFromTheCalendar()
{
    const auto s = m_fixture.setup(DemoCharts::charts());
    QVERIFY(s);
    s->controller.setDetail(gateway());
    QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
    QVERIFY(s->controller.liveTimer()->isActive());

    // Custom… opens the calendar pickers; nothing is asked until Show.
    auto *combo = s->view.findChild<QComboBox *>(QStringLiteral("rangeCombo"));
    auto *bar = s->view.findChild<AbsoluteRangeBar *>(QStringLiteral("absoluteRangeBar"));
    QVERIFY(combo && bar);
    QVERIFY(!bar->isVisible());
    const int rounds = s->controller.stats().rounds;
    combo->setCurrentIndex(combo->count() - 1);
    QCOMPARE(combo->currentText(), QStringLiteral("Custom…"));
    emit combo->activated(combo->count() - 1);
    QVERIFY(bar->isVisible());
    QCOMPARE(s->controller.stats().rounds, rounds);

    // Fifty to twenty minutes before now (the demo's clock runs ahead of the wall clock by
    // the test's two minutes, so this is the past for both).
    const qint64 end = minuteFloor(QDateTime::currentMSecsSinceEpoch()) - 20 * minuteMs;
    const qint64 start = end - 30 * minuteMs;
    bar->findChild<QDateTimeEdit *>(QStringLiteral("rangeFrom"))
        ->setDateTime(QDateTime::fromMSecsSinceEpoch(start, Qt::UTC));
    bar->findChild<QDateTimeEdit *>(QStringLiteral("rangeTo"))
        ->setDateTime(QDateTime::fromMSecsSinceEpoch(end, Qt::UTC));
    QCOMPARE(bar->problem(), QString());
    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("rangeShow")), Qt::LeftButton);
    QCOMPARE(s->controller.stats().rounds, rounds + 1);
    checkQueriesCover(s->controller.lastQueries(), s->view, start, end);
    QVERIFY(!s->view.isLive());
    QVERIFY(!s->controller.liveTimer()->isActive());
    for (MetricChart *chart : s->view.charts()) {
        QCOMPARE(chart->rangeStart(), start);
        QCOMPARE(chart->rangeEnd(), end);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);

    // Another rollout keeps the calendar window (a pan or zoom would not be kept).
    s->controller.setDetail(m_fixture.detail(QStringLiteral("staging"), QStringLiteral("shop"),
                                             QStringLiteral("checkout")));
    checkQueriesCover(s->controller.lastQueries(), s->view, start, end);
    QVERIFY(s->view.isCustom());
    QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);

    // A preset follows now again.
    combo->setCurrentIndex(0);
    emit combo->activated(0);
    QVERIFY(!bar->isVisible());
    QVERIFY(s->view.isLive());
    const MetricQuery first = s->controller.lastQueries().first();
    QVERIFY(first.endMs >= m_fixture.clock()() - 10000);
    QCOMPARE(first.endMs - first.startMs >= 15 * minuteMs, true);
    QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
}

void TestReleaseMetrics::customRangeChecksItsWindow()
{
    AbsoluteRangeBar bar;
    const qint64 now = minuteFloor(QDateTime::currentMSecsSinceEpoch());
    bar.setClock([now] { return now; });
    bar.setUtc(true);
    QList<std::pair<qint64, qint64>> chosen;
    connect(&bar, &AbsoluteRangeBar::rangeChosen, this, [&](qint64 start, qint64 end) {
        chosen.append({start, end});
    });
    auto *show = bar.findChild<QPushButton *>(QStringLiteral("rangeShow"));
    auto *problem = bar.findChild<QLabel *>(QStringLiteral("rangeProblem"));

    bar.setRange(now - 10 * minuteMs, now - 20 * minuteMs);
    QCOMPARE(problem->text(), QStringLiteral("The start must be before the end."));
    QVERIFY(!show->isEnabled());
    // A window handed in is shown as it is; a picked end past now is refused.
    bar.setRange(now - 10 * minuteMs, now + 3 * minuteMs);
    QCOMPARE(problem->text(), QString());
    bar.findChild<QDateTimeEdit *>(QStringLiteral("rangeTo"))
        ->setDateTime(QDateTime::fromMSecsSinceEpoch(now + 60 * minuteMs, Qt::UTC));
    QCOMPARE(problem->text(), QStringLiteral("The end is in the future: pick a time up to now."));
    QVERIFY(!show->isEnabled());
    QTest::mouseClick(show, Qt::LeftButton);
    QVERIFY(chosen.isEmpty());

    bar.setRange(now - 10 * minuteMs, now);
    QCOMPARE(problem->text(), QString());
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(chosen, (QList<std::pair<qint64, qint64>> {{now - 10 * minuteMs, now}}));
    QCOMPARE(bar.findChild<QDateTimeEdit *>(QStringLiteral("rangeFrom"))->calendarPopup(), true);
}

void TestReleaseMetrics::releaseWindowAndVariables()
{
    const auto s = releaseSetup();
    QVERIFY(s);
    const auto [release, previous] = gatewayRelease();
    QSignalSpy settled(&s->controller, &ReleaseMetricsController::settled);
    s->controller.setRelease(release, &previous);
    QTRY_VERIFY_WITH_TIMEOUT(settled.count() == 1, answerTimeoutMs);

    // In progress: from two minutes before it started (a tenth of two minutes is less) to now.
    const qint64 started = release.summary.startedAt.toMSecsSinceEpoch();
    const qint64 now = m_fixture.clock()();
    QCOMPARE(s->controller.windowStart(), started - 2 * minuteMs);
    // (The demo's clock runs on while the test waits.)
    QVERIFY(s->controller.windowEnd() <= now && s->controller.windowEnd() > now - 10000);
    QVERIFY(!s->controller.showsRecordedOnly());
    QCOMPARE(s->view.notice(), QString());

    // The configured charts with the release's variables: its hash as the canary's, the
    // previous release's as the stable one, over exactly the release's window.
    const QList<MetricQuery> queries = s->controller.metrics()->lastQueries();
    QVERIFY(queries.size() >= 2);
    const QString selector = QStringLiteral("namespace=\"payments\",rollout=\"payments-gateway\","
                                            "rollouts_pod_template_hash=\"%1\"");
    QCOMPARE(queries.at(0).key, QStringLiteral("prod/payments/payments-gateway/config/0#0"));
    QCOMPARE(queries.at(0).environment, QStringLiteral("prod"));
    QVERIFY(queries.at(0).query.contains(selector.arg(previous.summary.podTemplateHash)));
    QVERIFY(queries.at(1).query.contains(selector.arg(release.summary.podTemplateHash)));
    for (const MetricQuery &query : queries) {
        const QueryStep::Range plan
            = QueryStep::plan(s->controller.windowStart(), s->controller.windowEnd(),
                              s->view.plotWidth(query.key.section(u'/', 3).section(u'#', 0, 0)));
        QCOMPARE(query.startMs, plan.startMs);
        QCOMPARE(query.endMs, plan.endMs);
    }

    // The recorded measurements first, then the served data on the configured charts.
    QCOMPARE(s->view.charts().first()->spec().id, QStringLiteral("recorded/error-rate"));
    QCOMPARE(s->view.charts().first()->measurementPointCount(), 2);
    MetricChart *errors = s->view.chart(QStringLiteral("config/0"));
    QVERIFY(errors);
    QCOMPARE(errors->seriesCount(), 2);
    QCOMPARE(errors->series().at(0).name, QStringLiteral("stable"));
    QCOMPARE(errors->series().at(1).name, QStringLiteral("canary"));
    QVERIFY(!errors->series().at(1).samples.isEmpty());
    QCOMPARE(errors->rangeStart(), s->controller.windowStart());

    // Without the previous release the release's pods are the canary's, alone.
    s->controller.setRelease(release, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(settled.count() == 2, answerTimeoutMs);
    QCOMPARE(s->view.chart(QStringLiteral("config/0"))->seriesCount(), 1);
    QCOMPARE(s->view.chart(QStringLiteral("config/0"))->series().at(0).name,
             QStringLiteral("canary"));
}

void TestReleaseMetrics::recordedMeasurementsWhenPrometheusHasNothing()
{
    const auto s = releaseSetup();
    QVERIFY(s);
    // The same release forty days ago, forty minutes long: before any pod the simulator
    // serves metrics for existed.
    auto [release, previous] = gatewayRelease();
    const qint64 shift = 40LL * 24 * 3600 * 1000;
    release.summary.startedAt
        = QDateTime::fromMSecsSinceEpoch(minuteFloor(m_fixture.clock()() - shift), Qt::UTC);
    release.summary.endedAt = release.summary.startedAt.addSecs(40 * 60);
    release.summary.outcome = ReleaseOutcome::Aborted;
    for (ReleaseMeasurement &measurement : release.measurements)
        measurement.finishedAt = measurement.finishedAt.addMSecs(-shift);
    QSignalSpy settled(&s->controller, &ReleaseMetricsController::settled);
    s->controller.setRelease(release, &previous);
    QTRY_VERIFY_WITH_TIMEOUT(settled.count() == 1, answerTimeoutMs);

    QVERIFY(s->controller.metrics()->stats().delivered > 0); // it did ask
    QVERIFY(s->controller.showsRecordedOnly());
    // Forty minutes and four either side (a tenth).
    const QDateTime from = release.summary.startedAt.addSecs(-4 * 60);
    const QDateTime to = release.summary.endedAt.addSecs(4 * 60);
    const QString window = from.date() == to.date()
        ? QStringLiteral("%1 – %2 UTC")
              .arg(from.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                   to.toString(QStringLiteral("HH:mm")))
        : QStringLiteral("%1 – %2 UTC")
              .arg(from.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                   to.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(s->view.notice(),
             QStringLiteral("Prometheus no longer has data for %1; the measurements the analysis "
                            "recorded are shown instead.")
                 .arg(window));
    // Only the recorded chart: both measurements as points in their phase, its threshold.
    QCOMPARE(s->view.charts().size(), 1);
    MetricChart *recorded = s->view.charts().first();
    QCOMPARE(recorded->spec().id, QStringLiteral("recorded/error-rate"));
    QCOMPARE(recorded->measurementPointCount(), 2);
    QCOMPARE(recorded->spec().measurements.at(0).phase, ChartMeasurement::Phase::Successful);
    QCOMPARE(recorded->spec().measurements.at(0).value, 0.004);
    QCOMPARE(recorded->spec().measurements.at(1).phase, ChartMeasurement::Phase::Failed);
    QCOMPARE(recorded->spec().measurements.at(1).value, 0.07);
    QCOMPARE(recorded->thresholdLineCount(), 1);
    QCOMPARE(recorded->message(), QString());
    QCOMPARE(recorded->rangeStart(), from.toMSecsSinceEpoch());
    QCOMPARE(recorded->rangeEnd(), to.toMSecsSinceEpoch());
    // RD_SCREENSHOT_DIR: the note and the recorded chart, as the review shows them.
    if (const QString dir = qEnvironmentVariable("RD_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(s->view.grab().save(dir + QStringLiteral("/release-metrics-recorded.png")));
}

void TestReleaseMetrics::recordedMeasurementsWithoutPrometheus()
{
    const auto s = releaseSetup();
    QVERIFY(s);
    auto [release, previous] = gatewayRelease();
    release.summary.key.environment = QStringLiteral("qa");
    QSignalSpy settled(&s->controller, &ReleaseMetricsController::settled);
    s->controller.setRelease(release, &previous);
    QCOMPARE(settled.count(), 1); // decided at once: nothing to ask
    QVERIFY(s->controller.showsRecordedOnly());
    QVERIFY(s->controller.metrics()->lastQueries().isEmpty());
    QVERIFY2(s->view.notice().startsWith(
                 QStringLiteral("Environment qa is not in the fleet this window watches")),
             qPrintable(s->view.notice()));
    QCOMPARE(s->view.charts().size(), 1);

    // No measurements either: said, and nothing charted.
    release.measurements.clear();
    s->controller.setRelease(release, &previous);
    QVERIFY(s->view.notice().endsWith(
        QStringLiteral("The analysis recorded no numeric measurements for this release.")));
    QCOMPARE(s->view.placeholder(), QStringLiteral("Nothing to chart for this release."));
}

QTEST_MAIN(TestReleaseMetrics)
#include "tst_releasemetrics.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// MetricsController against a served Prometheus (metricsfixture.h): what it queries and
// draws. Charts from analysis and config, split-by-role queries with each role's hash,
// variable errors and empty answers shown. Which round's answers are used, and the live
// timer, are in tst_metricsrounds.
//
// With RD_SCREENSHOT_DIR set, the metrics view of two demo rollouts is also written there as
// chart-<environment>-<rollout>.png (1280 × 450).
#include "metricsfixture.h"

#include "democharts.h"
#include "demowindow.h"
#include "detailpane.h"
#include "metricchart.h"
#include "metricquerier.h"

#include <QChart>
#include <QChartView>
#include <QTabWidget>

class TestMetricsController : public QObject
{
    Q_OBJECT

    MetricsFixture m_fixture;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
    }

    void splitByRoleCanaryAndStable()
    {
        const auto s = m_fixture.setup(DemoCharts::charts());
        QVERIFY(s);
        const RolloutDetail gateway = m_fixture.detail(
            QStringLiteral("prod"), QStringLiteral("payments"), QStringLiteral("payments-gateway"));
        QVERIFY(gateway.isValid());
        const QString canaryHash = gateway.rollout.status.currentPodHash;
        const QString stableHash = gateway.rollout.status.stableRS;
        QVERIFY(!canaryHash.isEmpty() && !stableHash.isEmpty() && canaryHash != stableHash);
        s->controller.setDetail(gateway);
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);

        // The background analysis' two metrics first, then the configured charts.
        QStringList ids;
        for (const ChartSpec &chart : s->controller.charts())
            ids.append(chart.id);
        QCOMPARE(ids,
                 (QStringList {QStringLiteral("analysis/error-rate"),
                               QStringLiteral("analysis/latency-p99"), QStringLiteral("config/0"),
                               QStringLiteral("config/1"), QStringLiteral("config/2"),
                               QStringLiteral("config/3"), QStringLiteral("config/4"),
                               QStringLiteral("config/5")}));

        // One query per role with that role's hash, planned for the chart's width.
        QList<MetricQuery> errorQueries;
        for (const MetricQuery &query : s->controller.lastQueries()) {
            if (query.key.contains(QLatin1String("/config/0#")))
                errorQueries.append(query);
        }
        QCOMPARE(errorQueries.size(), 2);
        const auto selector = [](const QString &hash) {
            return QStringLiteral("namespace=\"payments\",rollout=\"payments-gateway\","
                                  "rollouts_pod_template_hash=\"%1\"")
                .arg(hash);
        };
        // Stable first, so the canary's line is drawn on top.
        QCOMPARE(errorQueries.at(0).query,
                 QStringLiteral("sum(rate(rd_http_request_errors_total{%1}[1m])) / "
                                "sum(rate(rd_http_requests_total{%1}[1m]))")
                     .arg(selector(stableHash)));
        QCOMPARE(errorQueries.at(1).query,
                 QStringLiteral("sum(rate(rd_http_request_errors_total{%1}[1m])) / "
                                "sum(rate(rd_http_requests_total{%1}[1m]))")
                     .arg(selector(canaryHash)));
        QCOMPARE(errorQueries.at(0).key,
                 QStringLiteral("prod/payments/payments-gateway/config/0#0"));
        QCOMPARE(errorQueries.at(0).environment, QStringLiteral("prod"));
        MetricChart *errors = s->view.chart(QStringLiteral("config/0"));
        QVERIFY(errors);
        const QueryStep::Range plan
            = QueryStep::plan(errors->rangeStart(), errors->rangeEnd(),
                              s->view.plotWidth(QStringLiteral("config/0")));
        QCOMPARE(errorQueries.at(0).startMs, plan.startMs);
        QCOMPARE(errorQueries.at(0).endMs, plan.endMs);
        QCOMPARE(errorQueries.at(0).stepMs, plan.stepMs);
        // The default range: this revision's lifetime, from a margin before its ReplicaSet
        // was created.
        qint64 canaryCreated = 0;
        for (const ReplicaSet &replicaSet : gateway.replicaSets) {
            if (replicaSet.podTemplateHash() == canaryHash)
                canaryCreated = replicaSet.metadata.creationTimestamp.toMSecsSinceEpoch();
        }
        QVERIFY(canaryCreated > 0);
        QVERIFY(errors->rangeStart() < canaryCreated);
        QVERIFY(errors->rangeStart()
                >= canaryCreated - 15000 - (errors->rangeEnd() - canaryCreated) / 20);

        // Both roles drawn on the chart, from the served answers.
        QCOMPARE(errors->seriesCount(), 2);
        QCOMPARE(errors->series().at(0).name, QStringLiteral("stable"));
        QCOMPARE(errors->series().at(0).role, ChartSeries::Role::Stable);
        QCOMPARE(errors->series().at(1).name, QStringLiteral("canary"));
        QCOMPARE(errors->series().at(1).role, ChartSeries::Role::Canary);
        for (const ChartSeries &series : errors->series()) {
            QVERIFY2(series.samples.size() > 3, qPrintable(series.name));
            QCOMPARE(series.stepMs, plan.stepMs);
            // The demo's default error ratio, 0.2 %, with its small wobble.
            const double last = series.samples.last().value;
            QVERIFY2(last > 0.0005 && last < 0.01, qPrintable(QString::number(last)));
        }
        QCOMPARE(errors->message(), QString());
        QVERIFY(s->controller.stats().failed == 0);

        // The analysis chart: the controller's own query, split by the hash it names.
        const ChartSpec latency = s->controller.charts().at(1);
        QVERIFY(latency.splitByRole);
        QCOMPARE(latency.unit, ChartUnit::Seconds);
        QCOMPARE(latency.thresholds.size(), 1);
        QCOMPARE(latency.thresholds.first().value, 0.5);
        QVERIFY(!latency.measurements.isEmpty());
        QCOMPARE(s->view.chart(latency.id)->seriesCount(), 2);
        QVERIFY(s->view.status().startsWith(QStringLiteral("Updated ")));
    }

    void errorsAndEmptyAnswers()
    {
        ChartSpec broken;
        broken.id = QStringLiteral("config/0");
        broken.title = QStringLiteral("Broken");
        broken.query = QStringLiteral("up{x=\"{{nope}}\"}");
        const auto s = m_fixture.setup({broken});
        QVERIFY(s);
        s->controller.setDetail(m_fixture.detail(QStringLiteral("prod"), QStringLiteral("payments"),
                                                 QStringLiteral("payments-gateway")));
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
        QCOMPARE(s->view.chart(broken.id)->message(),
                 QStringLiteral("unknown variable {{nope}} (known: canary_hash, environment, "
                                "namespace, revision, rollout, stable_hash)"));

        // No configured charts: the built-in ones. rd-sim serves kube-state-metrics' restarts
        // (with the pod label the built-ins select by), not the other exporters' names.
        s->controller.setConfiguredCharts({});
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
        QCOMPARE(s->view.charts().size(), 8); // with the two analysis charts
        for (MetricChart *chart : s->view.charts()) {
            if (chart->spec().origin == ChartSpec::Origin::Analysis)
                continue;
            if (chart->spec().id == QLatin1String("builtin/restarts")) {
                QCOMPARE(chart->seriesCount(), 2);
                QCOMPARE(chart->message(), QString());
            } else {
                QCOMPARE(chart->message(), QStringLiteral("No data in this range"));
            }
        }

        s->controller.setDetail(RolloutDetail());
        QCOMPARE(s->view.charts().size(), 0);
        QCOMPARE(s->view.placeholder(), QStringLiteral("Select a rollout to see its metrics"));
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("RD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return; // only when asked for
        for (const auto &[environment, ns, name] :
             {std::tuple {"staging", "shop", "checkout"},
              std::tuple {"prod", "payments", "payments-gateway"}}) {
            const auto s = m_fixture.setup(DemoCharts::charts());
            QVERIFY(s);
            s->controller.setRange(RolloutMetricsView::Range::RevisionLifetime, true);
            s->controller.setDetail(m_fixture.detail(QLatin1String(environment), QLatin1String(ns),
                                                     QLatin1String(name)));
            QTRY_VERIFY_WITH_TIMEOUT(!s->controller.isWaiting(), answerTimeoutMs);
            QTest::qWait(50);
            const QString path = QStringLiteral("%1/chart-%2-%3.png")
                                     .arg(dir, QLatin1String(environment), QLatin1String(name));
            QVERIFY(s->view.grab().save(path));
            // And the first chart with the pointer over it, as hover shows it.
            MetricChart *first = s->view.charts().first();
            QWidget *viewport = first->chartView()->viewport();
            const QRectF plot = first->chart()->plotArea();
            // (Qt drops a move to where the pointer already is: go somewhere else first.)
            QTest::mouseMove(viewport, QPoint(1, 1));
            QTest::mouseMove(viewport,
                             first->chartView()->mapFromScene(
                                 QPointF(plot.left() + plot.width() * 0.8, plot.center().y())));
            QTRY_VERIFY(!first->currentHoverText().isEmpty());
            QVERIFY(first->grab().save(
                QStringLiteral("%1/chart-hover-%2.png").arg(dir, QLatin1String(environment))));
        }
    }

    void windowScreenshot()
    {
        const QString dir = qEnvironmentVariable("RD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return; // only when asked for
        // The window as `release-dashboard --demo --select staging/shop/checkout` opens it,
        // on the Metrics tab.
        DemoFleet demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        const std::unique_ptr<MainWindow> window = openDemoWindow(demo);
        window->setCharts(DemoCharts::charts());
        window->resize(1280, 800);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->selectWorkload(QStringLiteral("staging"), QStringLiteral("shop"),
                               QStringLiteral("checkout"));
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tabs->count() - 1), QStringLiteral("Metrics"));
        tabs->setCurrentIndex(tabs->count() - 1);
        auto *view = window->findChild<RolloutMetricsView *>();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(!view->charts().isEmpty(), answerTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(view->status().startsWith(QStringLiteral("Updated")),
                                 answerTimeoutMs);
        QVERIFY(window->grab().save(dir + QStringLiteral("/chart-window.png")));
        window->stopFetching();
    }
};

QTEST_MAIN(TestMetricsController)
#include "tst_metricscontroller.moc"

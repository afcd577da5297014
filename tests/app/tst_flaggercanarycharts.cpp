// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts tab of a Flagger canary's detail on the demo fleet (a real window, offscreen):
// staging's search/search-suggest (istio, request-success-rate min 99 and request-duration
// max 500 ms) gets a chart per metric, each asked of rd-sim's Prometheus for the primary
// (stable) and the target (canary) with Flagger's istio queries, and its thresholds.
#include "demowindow.h"

#include "flaggercanarydetailview.h"
#include "flaggerchartscontroller.h"
#include "metricscontroller.h"
#include "rolloutmetricsview.h"

#include <QTabWidget>

namespace {

constexpr int kWaitMs = 60000;

} // namespace

class TestFlaggerCanaryCharts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void chartsCanaryAgainstPrimary();

private:
    QTemporaryDir *m_dir = nullptr;
    DemoFleet *m_demo = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void TestFlaggerCanaryCharts::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(isolateGuiTest(*m_dir));
    m_demo = new DemoFleet(DemoFleet::Options {false});
    QString error;
    QVERIFY2(m_demo->start(&error), qPrintable(error));
    m_window = openDemoWindow(*m_demo);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestFlaggerCanaryCharts::cleanup()
{
    m_window.reset();
    delete m_demo;
    m_demo = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

void TestFlaggerCanaryCharts::chartsCanaryAgainstPrimary()
{
    const QString environment = QStringLiteral("staging");
    const QString ns = QStringLiteral("search");
    const QString name = QStringLiteral("search-suggest");
    QVERIFY(QTest::qWaitFor(
        [&] { return demoRow(m_window.get(), environment, ns, name).isValid(); }, kWaitMs));
    fleetTable(m_window)->selectRow(demoRow(m_window.get(), environment, ns, name).row());
    FlaggerCanaryDetailView *view = detailPane(m_window)->canaryView();
    QVERIFY(QTest::qWaitFor([&] { return view->detail().canary.metadata.name == name; }, kWaitMs));

    auto *controller
        = m_window->findChild<FlaggerChartsController *>(QStringLiteral("flaggerChartsController"));
    QVERIFY(controller);
    RolloutMetricsView *charts = controller->chartsView();
    const int tab = view->tabs()->indexOf(controller->chartsPage());
    QVERIFY(tab >= 0);
    QCOMPARE(view->tabs()->tabText(tab), QStringLiteral("Charts (2)"));
    view->tabs()->setCurrentIndex(tab);
    QVERIFY(QTest::qWaitFor([&] { return charts->isVisible(); }, kWaitMs));

    MetricsController *metrics = controller->metrics();
    const QList<ChartSpec> specs = metrics->charts();
    QCOMPARE(specs.size(), 2);
    QCOMPARE(specs.at(0).id, QStringLiteral("flagger/request-success-rate"));
    QCOMPARE(specs.at(0).thresholds.size(), 1);
    QCOMPARE(specs.at(0).thresholds.first().value, 99.0);
    QCOMPARE(specs.at(1).id, QStringLiteral("flagger/request-duration"));
    QCOMPARE(specs.at(1).thresholds.first().value, 500.0);

    // Both roles of both charts are asked and answered by rd-sim's Prometheus without error.
    const auto answered = [&] {
        for (const ChartSpec &spec : metrics->charts()) {
            const QList<MetricsPlan::Part> parts = metrics->parts(spec.id);
            if (parts.size() != 2)
                return false;
            for (const MetricsPlan::Part &part : parts) {
                if (!part.answered)
                    return false;
            }
        }
        return true;
    };
    QVERIFY(QTest::qWaitFor(answered, kWaitMs));
    for (const ChartSpec &spec : metrics->charts()) {
        const QList<MetricsPlan::Part> parts = metrics->parts(spec.id);
        QCOMPARE(parts.at(0).role, ChartSeries::Role::Stable);
        QCOMPARE(parts.at(0).hash, QStringLiteral("search-suggest-primary"));
        QCOMPARE(parts.at(1).role, ChartSeries::Role::Canary);
        QCOMPARE(parts.at(1).hash, QStringLiteral("search-suggest"));
        for (const MetricsPlan::Part &part : parts)
            QVERIFY2(part.error.isEmpty(), qPrintable(part.error));
    }
    QStringList queries;
    for (const MetricQuery &query : metrics->lastQueries())
        queries.append(query.query);
    QVERIFY2(queries.size() == 4, qPrintable(queries.join(u'\n')));
    QVERIFY(
        queries.at(0).contains(QStringLiteral("destination_workload_namespace=\"search\","
                                              "destination_workload=~\"search-suggest-primary\"")));
    QVERIFY(queries.at(1).contains(QStringLiteral("destination_workload=~\"search-suggest\"")));
    QVERIFY(queries.at(2).startsWith(QStringLiteral("histogram_quantile(0.99, ")));
}

QTEST_MAIN(TestFlaggerCanaryCharts)
#include "tst_flaggercanarycharts.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts tab of a Flagger canary's detail on the demo fleet (a real window, offscreen):
// staging's search/search-suggest (istio, request-success-rate min 99 and request-duration
// max 500 ms) gets a chart per metric, each asked of rd-sim's Prometheus for the primary
// (stable) and the target (canary) with Flagger's istio queries, and its thresholds; once the
// analysis runs both Deployments, rd-sim's Istio series draw both lines, the primary's named
// "primary". A MetricTemplate that is missing or cannot be read when the canary is shown is
// read again later.
#include "flaggerdemofixture.h"

#include "clusterconnection.h"
#include "flaggercanarydetailview.h"
#include "flaggerchartscontroller.h"
#include "kubeclient.h"
#include "kubeconfigloader.h"
#include "metricchart.h"
#include "metricscontroller.h"
#include "rolloutmetricsview.h"

#include <QDateTime>
#include <QTabWidget>

#include <algorithm>
#include <memory>

namespace {

constexpr int kWaitMs = 60000;

// An inline query rd-sim's Prometheus has series for, by Deployment, beside the built-ins.
const char *inlineQueryPatch
    = "{\"spec\":{\"analysis\":{\"metrics\":["
      "{\"name\":\"request-success-rate\",\"thresholdRange\":{\"min\":99},\"interval\":\"1m\"},"
      "{\"name\":\"request-duration\",\"thresholdRange\":{\"max\":500},\"interval\":\"1m\"},"
      "{\"name\":\"request-rate\",\"interval\":\"30s\",\"thresholdRange\":{\"min\":0},"
      "\"query\":\"sum(rate(rd_http_requests_total{namespace=\\\"{{ namespace }}\\\","
      "deployment=\\\"{{ target }}\\\"}[{{ interval }}]))\"},"
      "{\"name\":\"template-requests\",\"interval\":\"1m\",\"thresholdRange\":{\"min\":0},"
      "\"templateRef\":{\"name\":\"requests\"}}]}}}";

// A MetricTemplate in the canary's namespace: read by the Charts tab when the canary names it.
const char *requestsTemplate
    = "{\"apiVersion\":\"flagger.app/v1beta1\",\"kind\":\"MetricTemplate\","
      "\"metadata\":{\"name\":\"requests\",\"namespace\":\"search\"},"
      "\"spec\":{\"provider\":{\"type\":\"prometheus\",\"address\":"
      "\"http://prometheus.monitoring:9090\"},\"query\":\"sum(rate(rd_http_requests_total{"
      "namespace=\\\"{{ namespace }}\\\",deployment=\\\"{{ target }}\\\"}[{{ interval }}]))\"}}";

// The built-ins and a metric whose MetricTemplate does not exist yet.
const char *lateTemplatePatch
    = "{\"spec\":{\"analysis\":{\"metrics\":["
      "{\"name\":\"request-success-rate\",\"thresholdRange\":{\"min\":99},\"interval\":\"1m\"},"
      "{\"name\":\"request-duration\",\"thresholdRange\":{\"max\":500},\"interval\":\"1m\"},"
      "{\"name\":\"late-requests\",\"interval\":\"1m\",\"thresholdRange\":{\"min\":0},"
      "\"templateRef\":{\"name\":\"late-requests\"}}]}}}";

QByteArray lateTemplate()
{
    return QByteArray(requestsTemplate)
        .replace("\"name\":\"requests\"", "\"name\":\"late-requests\"");
}

// The staging cluster as the admin user of the demo's kubeconfig.
bool stagingClient(DemoFleet &demo, std::unique_ptr<KubeClient> *client, QString *error)
{
    Kubeconfig kubeconfig;
    KubeconfigSource source;
    source.explicitPath = demo.kubeconfigPath();
    ClusterConnection connection;
    if (!KubeconfigLoader::load(source, &kubeconfig, error)
        || !ClusterConnection::resolve(kubeconfig, QStringLiteral("staging"), &connection, error))
        return false;
    *client = std::make_unique<KubeClient>(connection);
    return true;
}

} // namespace

class TestFlaggerCanaryCharts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void chartsCanaryAgainstPrimary();
    void inlineQueryDrawsCanaryAndPrimary();
    void missingTemplateIsReadAgain();
    void unreadableTemplateIsReadAgain();

private:
    struct ShownCharts
    {
        FlaggerCanaryDetailView *view = nullptr;
        FlaggerChartsController *controller = nullptr;
        int tab = -1;
    };
    // Selects staging's search/search-suggest and shows its Charts tab.
    void showCharts(ShownCharts *shown);

    FlaggerDemoFixture m_f;
};

void TestFlaggerCanaryCharts::init()
{
    m_f.init();
}

void TestFlaggerCanaryCharts::cleanup()
{
    m_f.cleanup();
}

void TestFlaggerCanaryCharts::chartsCanaryAgainstPrimary()
{
    ShownCharts shown;
    showCharts(&shown);
    if (QTest::currentTestFailed())
        return;
    FlaggerCanaryDetailView *view = shown.view;
    FlaggerChartsController *controller = shown.controller;
    RolloutMetricsView *charts = controller->chartsView();
    QCOMPARE(view->tabs()->tabText(shown.tab), QStringLiteral("Charts (2)"));
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

    // Once the analysis runs the target beside the primary, rd-sim's Istio series answer
    // Flagger's queries for both.
    qint64 advancedMs = 0;
    const auto waiting
        = [&] { return view->detail().canary.status.phase == QLatin1String("WaitingPromotion"); };
    QVERIFY2(playUntil(*m_f.demo, waiting, &advancedMs),
             qPrintable(view->detail().canary.status.phase));
    metrics->setClock([&advancedMs] { return QDateTime::currentMSecsSinceEpoch() + advancedMs; });
    const auto drawnOne = [&](const QString &id) {
        const MetricChart *chart = charts->chart(id);
        if (!chart || chart->seriesCount() != 2)
            return false;
        const QList<ChartSeries> series = chart->series();
        return std::none_of(series.cbegin(), series.cend(),
                            [](const ChartSeries &s) { return s.samples.isEmpty(); });
    };
    bool drawn = false;
    // A round is let finish before the next is asked (a new round cancels a waiting one).
    for (int attempt = 0; attempt < 40 && !drawn; ++attempt) {
        metrics->refresh();
        QVERIFY(QTest::qWaitFor([&] { return !metrics->isWaiting(); }, kWaitMs));
        drawn = drawnOne(QStringLiteral("flagger/request-success-rate"))
            && drawnOne(QStringLiteral("flagger/request-duration"));
        if (!drawn)
            QTest::qWait(250);
    }
    QVERIFY(drawn);
    // Healthy: 0.2 % errors and a p99 of 120 ms, which Istio's buckets put between 100 and
    // 250 ms; each chart has its threshold line, and Flagger's words in the legend.
    const struct
    {
        const char *id;
        double low;
        double high;
    } expected[]
        = {{"flagger/request-success-rate", 99, 100}, {"flagger/request-duration", 100, 250}};
    for (const auto &each : expected) {
        const MetricChart *chart = charts->chart(QString::fromLatin1(each.id));
        QCOMPARE(chart->thresholdLineCount(), 1);
        QCOMPARE(chart->series().at(0).name, QStringLiteral("primary"));
        QCOMPARE(chart->series().at(0).role, ChartSeries::Role::Stable);
        QCOMPARE(chart->series().at(1).name, QStringLiteral("canary"));
        QVERIFY(chart->legendNames().contains(QStringLiteral("primary")));
        QVERIFY(!chart->legendNames().contains(QStringLiteral("stable")));
        for (const ChartSeries &series : chart->series()) {
            const double value = series.samples.last().value;
            QVERIFY2(value > each.low && value <= each.high,
                     qPrintable(QStringLiteral("%1 %2: %3").arg(each.id, series.name).arg(value)));
        }
    }
}

void TestFlaggerCanaryCharts::inlineQueryDrawsCanaryAndPrimary()
{
    std::unique_ptr<KubeClient> client;
    QString error;
    QVERIFY2(stagingClient(*m_f.demo, &client, &error), qPrintable(error));
    const KubeResponse created = client->post(
        QStringLiteral("/apis/flagger.app/v1beta1/namespaces/search/metrictemplates"),
        QByteArray(requestsTemplate));
    QVERIFY2(created.isOk(), created.body.constData());
    QVERIFY(client
                ->patch(QStringLiteral(
                            "/apis/flagger.app/v1beta1/namespaces/search/canaries/search-suggest"),
                        PatchType::Merge, QByteArray(inlineQueryPatch))
                .isOk());

    // Flagger's analysis runs the target beside the primary until the promotion gate.
    ShownCharts shown;
    showCharts(&shown);
    if (QTest::currentTestFailed())
        return;
    FlaggerCanaryDetailView *view = shown.view;
    FlaggerChartsController *controller = shown.controller;
    const int tab = shown.tab;
    qint64 advancedMs = 0;
    const auto waiting
        = [&] { return view->detail().canary.status.phase == QLatin1String("WaitingPromotion"); };
    QVERIFY2(playUntil(*m_f.demo, waiting, &advancedMs),
             qPrintable(view->detail().canary.status.phase));
    // The charts' window ends at the simulator's (virtual) now.
    controller->metrics()->setClock(
        [&advancedMs] { return QDateTime::currentMSecsSinceEpoch() + advancedMs; });
    QTRY_COMPARE_WITH_TIMEOUT(view->tabs()->tabText(tab), QStringLiteral("Charts (4)"), kWaitMs);
    RolloutMetricsView *charts = controller->chartsView();
    MetricChart *chart = nullptr;
    const auto drawnOne = [&](const QString &id) {
        chart = charts->chart(id);
        if (!chart || chart->seriesCount() != 2)
            return false;
        for (const ChartSeries &series : chart->series()) {
            if (series.samples.isEmpty())
                return false;
        }
        return true;
    };
    // The template's chart (read from the cluster), then the inline query's.
    const auto drawn = [&] {
        return drawnOne(QStringLiteral("flagger/template-requests"))
            && drawnOne(QStringLiteral("flagger/request-rate"));
    };
    bool both = false;
    // A round is let finish before the next is asked (a new round cancels a waiting one).
    for (int attempt = 0; attempt < 40 && !both; ++attempt) {
        controller->metrics()->refresh();
        QVERIFY(QTest::qWaitFor([&] { return !controller->metrics()->isWaiting(); }, kWaitMs));
        both = drawn();
        if (!both)
            QTest::qWait(250);
    }
    QVERIFY2(both, qPrintable(chart ? chart->message() : QStringLiteral("no chart")));
    QCOMPARE(chart->series().at(0).role, ChartSeries::Role::Stable);
    QCOMPARE(chart->series().at(1).role, ChartSeries::Role::Canary);
    QCOMPARE(chart->spec().thresholds.size(), 1);
}

void TestFlaggerCanaryCharts::showCharts(ShownCharts *shown)
{
    const QString name = QStringLiteral("search-suggest");
    const QString environment = QStringLiteral("staging");
    const QString ns = QStringLiteral("search");
    QVERIFY(QTest::qWaitFor(
        [&] { return demoRow(m_f.window.get(), environment, ns, name).isValid(); }, kWaitMs));
    fleetTable(m_f.window)->selectRow(demoRow(m_f.window.get(), environment, ns, name).row());
    shown->view = detailPane(m_f.window)->canaryView();
    QVERIFY(QTest::qWaitFor([&] { return shown->view->detail().canary.metadata.name == name; },
                            kWaitMs));
    shown->controller = m_f.window->findChild<FlaggerChartsController *>(
        QStringLiteral("flaggerChartsController"));
    QVERIFY(shown->controller);
    shown->tab = shown->view->tabs()->indexOf(shown->controller->chartsPage());
    QVERIFY(shown->tab >= 0);
    shown->view->tabs()->setCurrentIndex(shown->tab);
}

void TestFlaggerCanaryCharts::missingTemplateIsReadAgain()
{
    // Bounded: 5 s after the first failure, doubling, never more than 5 minutes apart.
    QCOMPARE(FlaggerChartsController::nextTemplateRetryMs(0), qint64(5000));
    QCOMPARE(FlaggerChartsController::nextTemplateRetryMs(5000), qint64(10000));
    QCOMPARE(FlaggerChartsController::nextTemplateRetryMs(240000), qint64(300000));
    QCOMPARE(FlaggerChartsController::nextTemplateRetryMs(300000), qint64(300000));

    std::unique_ptr<KubeClient> client;
    QString error;
    QVERIFY2(stagingClient(*m_f.demo, &client, &error), qPrintable(error));
    QVERIFY(client
                ->patch(QStringLiteral(
                            "/apis/flagger.app/v1beta1/namespaces/search/canaries/search-suggest"),
                        PatchType::Merge, QByteArray(lateTemplatePatch))
                .isOk());
    ShownCharts shown;
    showCharts(&shown);
    if (QTest::currentTestFailed())
        return;
    FlaggerCanaryDetailView *view = shown.view;
    FlaggerChartsController *controller = shown.controller;
    const int tab = shown.tab;
    // Read once and not found: two charts, and the third metric's reason.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return controller->chartsView()->notice().contains(
                         QStringLiteral("search/late-requests was not found"));
                 },
                 kWaitMs),
             qPrintable(controller->chartsView()->notice()));
    QCOMPARE(view->tabs()->tabText(tab), QStringLiteral("Charts (2)"));

    // Created afterwards, it is read at a later refresh of the detail, with nothing reloaded.
    const KubeResponse created = client->post(
        QStringLiteral("/apis/flagger.app/v1beta1/namespaces/search/metrictemplates"),
        lateTemplate());
    QVERIFY2(created.isOk(), created.body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(view->tabs()->tabText(tab), QStringLiteral("Charts (3)"), kWaitMs);
    QVERIFY(controller->metrics()->parts(QStringLiteral("flagger/late-requests")).size() == 2);
    QVERIFY(!controller->chartsView()->notice().contains(QStringLiteral("late-requests")));
}

void TestFlaggerCanaryCharts::unreadableTemplateIsReadAgain()
{
    std::unique_ptr<KubeClient> client;
    QString error;
    QVERIFY2(stagingClient(*m_f.demo, &client, &error), qPrintable(error));
    QVERIFY(
        client
            ->post(QStringLiteral("/apis/flagger.app/v1beta1/namespaces/search/metrictemplates"),
                   QByteArray(requestsTemplate))
            .isOk());
    QVERIFY(client
                ->patch(QStringLiteral(
                            "/apis/flagger.app/v1beta1/namespaces/search/canaries/search-suggest"),
                        PatchType::Merge, QByteArray(inlineQueryPatch))
                .isOk());
    ShownCharts shown;
    showCharts(&shown);
    if (QTest::currentTestFailed())
        return;
    FlaggerCanaryDetailView *view = shown.view;
    FlaggerChartsController *controller = shown.controller;
    const int tab = shown.tab;
    QTRY_COMPARE_WITH_TIMEOUT(view->tabs()->tabText(tab), QStringLiteral("Charts (4)"), kWaitMs);

    // The cluster is unreachable when the templates are read (here: the fleet set again).
    const QString environment = QStringLiteral("staging");
    QVERIFY2(m_f.demo->setClusterOnline(environment, false, &error), qPrintable(error));
    CommandLineOptions options;
    options.demo = true;
    FleetSetup setup;
    QVERIFY2(FleetSetup::load(options, m_f.demo->kubeconfigPath(), &setup, &error),
             qPrintable(error));
    controller->setFleet(setup.kubeconfig, setup.environments.environments());
    const auto failed = [&] {
        return controller->chartsView()->notice().contains(
            QStringLiteral("MetricTemplate search/requests: "));
    };
    QVERIFY2(QTest::qWaitFor(failed, kWaitMs), qPrintable(controller->chartsView()->notice()));
    QCOMPARE(view->tabs()->tabText(tab), QStringLiteral("Charts (3)"));
    // Its chart's reason says it could not be read, not that it does not exist.
    QVERIFY2(controller->chartsView()->notice().contains(
                 QStringLiteral("template-requests: the MetricTemplate search/requests could not "
                                "be read.")),
             qPrintable(controller->chartsView()->notice()));
    QVERIFY(!controller->chartsView()->notice().contains(QStringLiteral("was not found")));

    // Reachable again: a later refresh reads it, and its chart and nothing else is back.
    QVERIFY2(m_f.demo->setClusterOnline(environment, true, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(view->tabs()->tabText(tab), QStringLiteral("Charts (4)"), kWaitMs);
    QVERIFY2(!failed(), qPrintable(controller->chartsView()->notice()));
    QVERIFY(controller->metrics()->parts(QStringLiteral("flagger/template-requests")).size() == 2);
}

QTEST_MAIN(TestFlaggerCanaryCharts)
#include "tst_flaggercanarycharts.moc"

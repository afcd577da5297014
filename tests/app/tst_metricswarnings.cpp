// SPDX-License-Identifier: GPL-3.0-or-later
// A query answered with a warning (a Thanos partial response): the chart shows the server's
// text as it is, beside the data.

#include "../net/prometheusstub.h"
#include "chartconfig.h"
#include "metricchart.h"
#include "metricscontroller.h"
#include "rolloutmetricsview.h"

#include <QTest>

class TestMetricsWarnings : public QObject
{
    Q_OBJECT

private slots:
    void warningIsShownAsSent()
    {
        PrometheusStub stub;
        QVERIFY(stub.start());
        QList<ChartSpec> charts;
        QString error;
        QVERIFY2(ChartConfig::fromYaml("charts:\n  - title: Requests\n"
                                       "    query: sum(rate(http_requests_total[1m]))\n",
                                       QStringLiteral("charts.yaml"), &charts, &error),
                 qPrintable(error));
        EnvironmentSpec prod;
        prod.name = prod.context = QStringLiteral("prod");
        prod.prometheus.mode = PrometheusEndpoint::Mode::Direct;
        prod.prometheus.isImplicit = false;
        prod.prometheus.url = stub.url();
        prod.prometheus.pathPrefix = QStringLiteral("/partial");

        RolloutMetricsView view;
        view.resize(1000, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MetricsController controller(nullptr, &view);
        controller.setConfiguredCharts(charts);
        controller.setFleet(Kubeconfig(), {prod});
        controller.setActive(true);
        RolloutDetail detail;
        detail.environment = QStringLiteral("prod");
        detail.rollout.metadata.uid = QStringLiteral("u1");
        detail.rollout.metadata.name = QStringLiteral("checkout");
        detail.rollout.metadata.namespaceName = QStringLiteral("shop");
        controller.setDetail(detail);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isWaiting(), 20000);
        MetricChart *chart = view.chart(QStringLiteral("config/0"));
        QVERIFY(chart);
        QCOMPARE(chart->seriesCount(), 1);
        QCOMPARE(chart->message(),
                 QStringLiteral("Prometheus warning: partial response: store eu-1 unavailable"));
        controller.shutdown();
    }
};

QTEST_MAIN(TestMetricsWarnings)
#include "tst_metricswarnings.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The chart path end to end with the real Prometheus 2.42: it scrapes rd-sim's /metrics
// during a canary (paused at 25 %), and the metrics view charts canary against stable from
// it through a configured split-by-role chart, as a user's config would.

// The client's headers first: the simulator's own WatchEvent would make the decoder's
// ambiguous.
#include "../net/simscrape.h"
#include "chartconfig.h"
#include "jsondecoder.h"
#include "kubeconfigloader.h"
#include "metricchart.h"
#include "metricscontroller.h"
#include "replicasetstatus.h"
#include "rolloutmetricsview.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestChartsFromPrometheus : public QObject
{
    Q_OBJECT

    SimScrape m_scrape;

    RolloutDetail detail()
    {
        rdsim::ObjectStore &store
            = m_scrape.simulator().cluster(QStringLiteral("staging"))->store();
        const auto list = [&](const char *group, const char *plural) {
            QJsonArray items;
            for (const QJsonObject &object : store.list(
                     *rdsim::ResourceCatalog::find(QLatin1String(group), QLatin1String(plural))))
                items.append(object);
            return QJsonDocument(QJsonObject {{QStringLiteral("items"), items}}).toJson();
        };
        JsonDecoder decoder;
        RolloutDetail result;
        result.environment = QStringLiteral("staging");
        const QList<Rollout> rollouts
            = decoder.decodeList<Rollout>(list("argoproj.io", "rollouts")).items;
        result.rollout = rollouts.value(0);
        result.replicaSets
            = ownedReplicaSets(decoder.decodeList<ReplicaSet>(list("apps", "replicasets")).items,
                               result.rollout.metadata.uid);
        return result;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_scrape.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_scrape.stop(); }

    void canaryAgainstStable()
    {
        QList<ChartSpec> charts;
        QString error;
        QVERIFY2(ChartConfig::fromYaml(
                     "charts:\n"
                     "  - title: Requests\n"
                     "    unit: requests/s\n"
                     "    splitByRole: true\n"
                     "    query: sum(irate(rd_http_requests_total{namespace=\"{{namespace}}\","
                     "rollout=\"{{rollout}}\",rollouts_pod_template_hash=\"{{hash}}\"}[5s]))\n",
                     QStringLiteral("charts.yaml"), &charts, &error),
                 qPrintable(error));

        Kubeconfig kubeconfig;
        KubeconfigSource source;
        source.explicitPath = m_scrape.simulator().kubeconfigPath();
        QVERIFY2(KubeconfigLoader::load(source, &kubeconfig, &error), qPrintable(error));
        EnvironmentSpec staging;
        staging.name = staging.context = QStringLiteral("staging");
        staging.prometheus = m_scrape.prometheus().directEndpoint();

        RolloutMetricsView view;
        view.resize(1280, 450);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MetricsController controller(nullptr, &view);
        controller.setConfiguredCharts(charts);
        controller.setFleet(kubeconfig, {staging});
        controller.setActive(true);

        const RolloutDetail gateway = detail();
        QCOMPARE(gateway.rollout.metadata.name, QStringLiteral("payments-api"));
        QCOMPARE(gateway.replicaSets.size(), 2);
        // The scrapes need a few seconds before two samples make an irate; ask again until
        // both roles have points.
        MetricChart *chart = nullptr;
        const auto bothRoles = [&] {
            controller.setDetail(gateway);
            if (!QTest::qWaitFor([&] { return !controller.isWaiting(); }, 20000))
                return false;
            chart = view.chart(QStringLiteral("config/0"));
            if (!chart || chart->seriesCount() != 2)
                return false;
            for (const ChartSeries &series : chart->series()) {
                if (series.samples.isEmpty())
                    return false;
            }
            return true;
        };
        bool drawn = false;
        for (int attempt = 0; attempt < 40 && !drawn; ++attempt) {
            drawn = bothRoles();
            if (!drawn)
                QTest::qWait(500);
        }
        QVERIFY2(drawn, qPrintable(chart ? chart->message() : QStringLiteral("no chart")));
        QCOMPARE(chart->series().at(0).name, QStringLiteral("stable"));
        QCOMPARE(chart->series().at(1).name, QStringLiteral("canary"));
        // 40 requests/s per pod: 3 stable pods and 1 canary pod at 25 %.
        const double stable = chart->series().at(0).samples.constLast().value;
        const double canary = chart->series().at(1).samples.constLast().value;
        QVERIFY2(stable > 90 && stable < 150, qPrintable(QString::number(stable)));
        QVERIFY2(canary > 30 && canary < 50, qPrintable(QString::number(canary)));
        controller.shutdown();
    }
};

QTEST_MAIN(TestChartsFromPrometheus)
#include "tst_chartsfromprometheus.moc"

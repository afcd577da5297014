// SPDX-License-Identifier: GPL-3.0-or-later
// The metrics area of a rollout whose analysis uses providers the dashboard cannot chart
// (only Prometheus is re-run) says so in its notice instead of showing nothing; a rollout
// whose metrics are all charted has no such notice.

#include "../domain/testdata.h"
#include "jsondecoder.h"
#include "metricscontroller.h"
#include "rolloutmetricsview.h"

#include <QTest>

class TestMetricsUncharted : public QObject
{
    Q_OBJECT

private:
    static RolloutDetail detailWith(const QList<AnalysisRun> &runs)
    {
        RolloutDetail detail;
        detail.environment = QStringLiteral("prod");
        detail.rollout.metadata.uid = QStringLiteral("uid-checkout");
        detail.rollout.metadata.name = QStringLiteral("checkout");
        detail.rollout.metadata.namespaceName = QStringLiteral("shop");
        detail.rollout.status.currentPodHash = QStringLiteral("7f9c6d5b8");
        detail.analysisRuns = runs;
        return detail;
    }

private slots:
    void noticeSaysWhyMetricsAreNotCharted()
    {
        const QList<AnalysisRun> runs
            = decodeList<AnalysisRun>(
                  domainTestData(QStringLiteral("traffic/analysisrun-providers.json")))
                  .items;
        QCOMPARE(runs.size(), 1);
        RolloutMetricsView view;
        MetricsController controller(nullptr, &view);
        controller.setDetail(detailWith(runs));
        const QStringList lines = view.notice().split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("Datadog metrics are not charted: the dashboard "
                                               "reads Prometheus only; the analysis lists their "
                                               "measurements.")),
                 qPrintable(view.notice()));
        QVERIFY(lines.contains(QStringLiteral("Web metrics are not charted: the dashboard reads "
                                              "Prometheus only; the analysis lists their "
                                              "measurements.")));

        // The same rollout with a Prometheus metric only: charted, nothing to explain.
        AnalysisRun prometheus = runs.constFirst();
        AnalysisMetric metric;
        metric.name = QStringLiteral("error-rate");
        metric.provider.kind = QStringLiteral("prometheus");
        metric.provider.query = QStringLiteral("sum(rate(http_requests_total{code=~\"5..\"}[1m]))");
        prometheus.metrics = {metric};
        controller.setDetail(detailWith({prometheus}));
        QCOMPARE(view.notice(), QString());
        controller.shutdown();
    }
};

QTEST_MAIN(TestMetricsUncharted)
#include "tst_metricsuncharted.moc"

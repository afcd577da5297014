// SPDX-License-Identifier: GPL-3.0-or-later
// A split-by-role chart's {{role}} is the label value a query matches ("stable", "canary",
// "active", "preview"), whatever language the legend speaks: under zh_CN the legend says the
// role in Chinese, the query must still select role="stable".
#include "metricsplan.h"
#include "translationloader.h"

#include <QtTest>

class MetricsPlanRolesTest : public QObject
{
    Q_OBJECT

private:
    static RolloutDetail rollout(bool blueGreen)
    {
        RolloutDetail detail;
        detail.environment = QStringLiteral("prod");
        detail.rollout.metadata.namespaceName = QStringLiteral("shop");
        detail.rollout.metadata.name = QStringLiteral("checkout");
        if (blueGreen)
            detail.rollout.spec.blueGreen.emplace();
        detail.rollout.status.stableRS = QStringLiteral("6b8d9c7f4");
        detail.rollout.status.currentPodHash = QStringLiteral("7f9c6d5b8");
        return detail;
    }

    static ChartSpec roleChart()
    {
        ChartSpec chart;
        chart.id = QStringLiteral("errors");
        chart.splitByRole = true;
        chart.query = QStringLiteral("sum(rate(rd_http_requests_total{role=\"{{role}}\","
                                     "rollouts_pod_template_hash=\"{{hash}}\"}[1m]))");
        return chart;
    }

    static QStringList queries(const RolloutDetail &detail, QStringList *legend)
    {
        const ChartSpec chart = roleChart();
        QStringList out;
        for (const MetricsPlan::Part &part : MetricsPlan::partsOf(chart, detail)) {
            QString query;
            QString error;
            if (!MetricsPlan::queryOf(chart, part, ChartVariables(), &query, &error))
                out.append(QStringLiteral("error: ") + error);
            else
                out.append(query);
            legend->append(part.name);
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("zh_CN"))
                     .name(),
                 QStringLiteral("zh_CN"));
    }

    void canaryQueriesMatchUntranslatedRoles()
    {
        QStringList legend;
        const QStringList got = queries(rollout(false), &legend);
        QCOMPARE(got,
                 QStringList({QStringLiteral("sum(rate(rd_http_requests_total{role=\"stable\","
                                             "rollouts_pod_template_hash=\"6b8d9c7f4\"}[1m]))"),
                              QStringLiteral("sum(rate(rd_http_requests_total{role=\"canary\","
                                             "rollouts_pod_template_hash=\"7f9c6d5b8\"}[1m]))")}));
        // The legend is translated: without that this test would prove nothing.
        QCOMPARE(legend.size(), 2);
        QVERIFY2(legend.constFirst() != QLatin1String("stable"), qPrintable(legend.join(u',')));
        QVERIFY2(legend.constLast() != QLatin1String("canary"), qPrintable(legend.join(u',')));
    }

    void blueGreenQueriesMatchActiveAndPreview()
    {
        QStringList legend;
        const QStringList got = queries(rollout(true), &legend);
        QCOMPARE(got.size(), 2);
        QVERIFY2(got.constFirst().contains(QLatin1String("role=\"active\"")),
                 qPrintable(got.constFirst()));
        QVERIFY2(got.constLast().contains(QLatin1String("role=\"preview\"")),
                 qPrintable(got.constLast()));
    }
};

QTEST_GUILESS_MAIN(MetricsPlanRolesTest)
#include "tst_metricsplanroles.moc"

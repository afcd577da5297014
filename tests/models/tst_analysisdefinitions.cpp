// SPDX-License-Identifier: GPL-3.0-or-later
// What AnalysisRunsModel says below each metric: its definition (provider, query or URL,
// conditions, limits with Argo Rollouts' defaults, schedule) and, for every measurement, the
// rule that judged it. Runs from tests/data: a metric failed by its failureLimit, a
// successful one, an inconclusive Job, web providers (one erring), a metric without
// conditions, metrics not started yet, and arguments filled into a query.
#include "analysisrunsmodel.h"

#include "jsondecoder.h"

#include "../support/modelrows.h"
#include "../widgets/detailfixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

using M = AnalysisRunsModel;
const QList<int> columns = {M::Name, M::Phase, M::Summary, M::Values};

// The runs of tests/data/detail/<name>, shown at the fixture's time.
struct Shown
{
    explicit Shown(const QString &fixtureName) :
        fixture(DetailFixture::load(fixtureName)),
        tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        model.setRuns(fixture.detail.analysisRuns, fixture.now);
    }
    QModelIndex metric(const QString &run, const QString &name) const
    {
        return model.indexOfMetric(model.indexOfRun(run), name);
    }

    DetailFixture fixture;
    AnalysisRunsModel model;
    QAbstractItemModelTester tester;
};

// tests/data/domain/analysisruns.json: runs in every phase of one three-metric template.
QList<AnalysisRun> domainRuns()
{
    QFile file(QStringLiteral(RD_TEST_DATA_DIR "/domain/analysisruns.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    JsonDecoder decoder;
    return decoder.decodeList<AnalysisRun>(file.readAll()).items;
}

QString definition(const QModelIndex &metric, M::Definition part)
{
    const auto *model = static_cast<const M *>(metric.model());
    return text(model->indexOfDefinition(metric, part), M::Name);
}

} // namespace

class TestAnalysisDefinitions : public QObject
{
    Q_OBJECT

private slots:
    void failedBeyondFailureLimit()
    {
        Shown shown(QStringLiteral("aborted-canary.json"));
        QVERIFY2(shown.fixture.error.isEmpty(), qPrintable(shown.fixture.error));
        const QModelIndex metric = shown.metric(QStringLiteral("payments-7d6c5b4a3-3-1"),
                                                QStringLiteral("success-rate"));
        QVERIFY(metric.isValid());
        QCOMPARE(
            printTree(shown.model, columns, metric),
            QStringLiteral(
                "Provider: Prometheus at http://prometheus.monitoring:9090\n"
                "Query: sum(rate(http_requests_total{code=~\"5..\"}[2m])) / "
                "sum(rate(http_requests_total[2m]))\n"
                "Conditions: Successful when result[0] >= 0.95 \u00b7 otherwise Failed\n"
                "Limits: failureLimit 2 \u00b7 inconclusiveLimit 0 (default) \u00b7 "
                "consecutiveErrorLimit 4 (default)\n"
                "Schedule: Every 1m until the run is terminated\n"
                "Measurement 5 | Failed | Did not meet successCondition: result[0] >= 0.95 | 0.64\n"
                "Measurement 4 | Failed | Did not meet successCondition: result[0] >= 0.95 | 0.68\n"
                "Measurement 3 | Failed | Did not meet successCondition: result[0] >= 0.95 | 0.71\n"
                "Measurement 2 | Successful | Met successCondition: result[0] >= 0.95 | 0.96\n"
                "Measurement 1 | Successful | Met successCondition: result[0] >= 0.95 | 0.97\n"));
        // Read at a glance, explained on hover: what "failureLimit 2" means, and the value.
        const QModelIndex limits = shown.model.indexOfDefinition(metric, M::Definition::Limits);
        QVERIFY(limits.data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Failed when failed measurements exceed 2.\n")));
        QCOMPARE(limits.data(M::LabelRole), QVariant(QStringLiteral("Limits")));
        QVERIFY(limits.data(DetailRoles::FirstColumnSpannedRole).toBool());
        QCOMPARE(shown.model.index(5, M::Summary, metric).data(Qt::ToolTipRole),
                 QVariant(QStringLiteral("Failed: the result 0.64 did not meet the "
                                         "successCondition result[0] >= 0.95, and no "
                                         "failureCondition is set.")));
    }

    void successful()
    {
        Shown shown(QStringLiteral("paused-canary.json"));
        const QModelIndex metric
            = shown.metric(QStringLiteral("search-7f9c6d5b8-7-2"), QStringLiteral("error-rate"));
        QCOMPARE(definition(metric, M::Definition::Conditions),
                 QStringLiteral("Conditions: Successful when result[0] <= 0.01 \u00b7 otherwise "
                                "Failed"));
        // No interval and no count: the controller measures once.
        QCOMPARE(definition(metric, M::Definition::Schedule),
                 QStringLiteral("Schedule: 1 measurement"));
        QCOMPARE(rowTexts(shown.model.index(5, 0, metric)).mid(0, 4),
                 QStringList({QStringLiteral("Measurement 1"), QStringLiteral("Successful"),
                              QStringLiteral("Met successCondition: result[0] <= 0.01"),
                              QStringLiteral("0.003")}));
        QCOMPARE(shown.model.index(5, M::Summary, metric).data(Qt::ToolTipRole),
                 QVariant(QStringLiteral("Successful: the result 0.003 met the successCondition "
                                         "result[0] <= 0.01.")));
    }

    void inconclusiveJob()
    {
        Shown shown(QStringLiteral("inconclusive-canary.json"));
        const QModelIndex metric
            = shown.metric(QStringLiteral("checkout-6d9f7c8b5-5-1"), QStringLiteral("load-test"));
        // A Job has no query: provider, conditions, limits and schedule only.
        QCOMPARE(printTree(shown.model, columns, metric),
                 QStringLiteral("Provider: Job\n"
                                "Conditions: Failed when result != 0 \u00b7 otherwise Successful\n"
                                "Limits: failureLimit 0 (default) \u00b7 inconclusiveLimit 1 "
                                "\u00b7 consecutiveErrorLimit 4 (default)\n"
                                "Schedule: 1 measurement\n"
                                "Measurement 3 | Inconclusive | Neither condition decided | 1\n"
                                "Measurement 2 | Successful | Did not meet failureCondition: "
                                "result != 0 | 0\n"
                                "Measurement 1 | Inconclusive | Neither condition decided | 1\n"));
        QVERIFY(!shown.model.indexOfDefinition(metric, M::Definition::Request).isValid());
        QCOMPARE(shown.model.index(4, M::Summary, metric).data(DetailRoles::ToneRole), QVariant());
        QCOMPARE(shown.model.index(4, M::Phase, metric).data(DetailRoles::ToneRole),
                 QVariant(int(DetailRoles::Tone::Warning)));
    }

    void webProvider()
    {
        Shown shown(QStringLiteral("bluegreen.json"));
        const QModelIndex metric
            = shown.metric(QStringLiteral("catalog-8e7d6c5b4-4-pre"), QStringLiteral("smoke"));
        QCOMPARE(printTree(shown.model, columns, metric),
                 QStringLiteral("Provider: Web\n"
                                "URL: http://catalog-preview/healthz\n"
                                "Conditions: Successful when result == 'ok' \u00b7 otherwise "
                                "Failed\n"
                                "Limits: failureLimit 0 (default) \u00b7 inconclusiveLimit 0 "
                                "(default) \u00b7 consecutiveErrorLimit 4 (default)\n"
                                "Schedule: 1 measurement\n"
                                "Measurement 1 | Successful | Met successCondition: result == "
                                "'ok' | ok\n"));
        const QModelIndex url = shown.model.indexOfDefinition(metric, M::Definition::Request);
        QCOMPARE(url.data(M::LabelRole), QVariant(QStringLiteral("URL")));
        QCOMPARE(url.data(M::CopyRole), QVariant(QStringLiteral("http://catalog-preview/healthz")));
    }

    void webErrorIsJudgedByItsMessage()
    {
        const QList<AnalysisRun> runs = domainRuns();
        QCOMPARE(runs.size(), 6);
        AnalysisRunsModel model;
        model.setRuns({runs.at(4)}, QDateTime::currentDateTimeUtc());
        const QModelIndex smoke = model.indexOfMetric(
            model.indexOfRun(QStringLiteral("payments-error")), QStringLiteral("smoke"));
        // The message row, five definition rows, the measurement.
        QCOMPARE(model.rowCount(smoke), 7);
        const QString error = QStringLiteral(
            "Get \"http://payments-canary/healthz\": dial tcp: lookup payments-canary: no such "
            "host");
        QCOMPARE(rowTexts(model.index(6, 0, smoke)).mid(0, 4),
                 QStringList({QStringLiteral("Measurement 5"), QStringLiteral("Error"), error,
                              QStringLiteral("\u2013")}));
        QCOMPARE(model.index(6, M::Summary, smoke).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Error: %1\nErrors count towards consecutiveErrorLimit, not "
                                "failureLimit.")
                     .arg(error));
        // The run has no "errors" argument: the limit stays as the template wrote it.
        QCOMPARE(definition(smoke, M::Definition::Limits),
                 QStringLiteral("Limits: failureLimit 0 (default) \u00b7 inconclusiveLimit 0 "
                                "(default) \u00b7 consecutiveErrorLimit {{args.errors}}"));
        QCOMPARE(definition(smoke, M::Definition::Request),
                 QStringLiteral("URL: http://payments-canary/healthz"));
    }

    void withoutConditions()
    {
        DetailFixture fixture = DetailFixture::load(QStringLiteral("bluegreen.json"));
        fixture.detail.analysisRuns[0].metrics[0].successCondition.clear();
        AnalysisRunsModel model;
        model.setRuns(fixture.detail.analysisRuns, fixture.now);
        const QModelIndex metric = model.indexOfMetric(model.index(0, 0), QStringLiteral("smoke"));
        QCOMPARE(definition(metric, M::Definition::Conditions),
                 QStringLiteral("Conditions: None: every measurement without an error is "
                                "Successful"));
        QCOMPARE(text(model.index(5, 0, metric), M::Summary),
                 QStringLiteral("No conditions: any result succeeds"));
        QCOMPARE(model.indexOfDefinition(metric, M::Definition::Conditions).data(Qt::ToolTipRole),
                 QVariant(QStringLiteral("successCondition: not set\nfailureCondition: not set")));
    }

    void notStartedMetricsShowTheirDefinition()
    {
        const QList<AnalysisRun> runs = domainRuns();
        QCOMPARE(runs.size(), 6);
        AnalysisRunsModel model;
        model.setRuns({runs.at(0)}, QDateTime::currentDateTimeUtc());
        QCOMPARE(printTree(model, {M::Name, M::Phase, M::Summary}, model.index(0, 0))
                     .split(u'\n')
                     .filter(QRegularExpression(QStringLiteral("^\\S"))),
                 QStringList({QStringLiteral("success-rate | Pending | No measurements yet"),
                              QStringLiteral("smoke | Pending | No measurements yet"),
                              QStringLiteral("load-test | Pending | No measurements yet")}));
        const QModelIndex loadTest
            = model.indexOfMetric(model.index(0, 0), QStringLiteral("load-test"));
        QCOMPARE(definition(loadTest, M::Definition::Limits),
                 QStringLiteral("Limits: failureLimit 0 (default) \u00b7 inconclusiveLimit 1 "
                                "\u00b7 consecutiveErrorLimit 4 (default) \u00b7 "
                                "consecutiveSuccessLimit 3"));
        const QModelIndex successRate
            = model.indexOfMetric(model.index(0, 0), QStringLiteral("success-rate"));
        QCOMPARE(definition(successRate, M::Definition::Schedule),
                 QStringLiteral("Schedule: 5 measurements, every 1m"));
    }

    void queryWithArgumentsAndLineBreaks()
    {
        QList<AnalysisRun> runs = domainRuns();
        QCOMPARE(runs.size(), 6);
        AnalysisRun run = runs.at(1);
        MetricProvider &provider = run.metrics[0].provider;
        provider.query.replace(QStringLiteral(" / "), QStringLiteral("\n  /\n"));
        provider.query.append(QLatin1Char('\n')); // a YAML block ends in a line break
        AnalysisRunsModel model;
        model.setRuns({run}, QDateTime::currentDateTimeUtc());
        const QModelIndex metric
            = model.indexOfMetric(model.index(0, 0), QStringLiteral("success-rate"));
        const QModelIndex query = model.indexOfDefinition(metric, M::Definition::Request);
        const QString service = QStringLiteral("payments-canary.shop-prod.svc.cluster.local");
        // Shown on one line with the run's argument filled in, as the controller sends it.
        const QString shownQuery = query.data(M::ValueRole).toString();
        QVERIFY(!shownQuery.contains(u'\n'));
        QVERIFY(shownQuery.contains(QStringLiteral("[5m])) / sum(irate(")));
        QCOMPARE(shownQuery.count(service), 2);
        QCOMPARE(text(query, 0), QStringLiteral("Query: ") + shownQuery);
        // Copied with its line breaks (and without the block's last one), ready to paste.
        const QString copied = query.data(M::CopyRole).toString();
        QCOMPARE(copied.count(u'\n'), 2);
        QVERIFY(!copied.contains(QStringLiteral("{{args.")));
        QCOMPARE(copied.count(service), 2);
        // The tooltip is the whole query, then the run's template.
        const QString tip = query.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.startsWith(copied
                               + QStringLiteral("\n\nIn the AnalysisRun, before its "
                                                "arguments:\n")));
        QVERIFY(tip.contains(QStringLiteral("{{args.service-name}}")));
        QCOMPARE(model.headerData(M::Summary, Qt::Horizontal),
                 QVariant(QStringLiteral("Counts / judged by")));
    }
};

QTEST_MAIN(TestAnalysisDefinitions)
#include "tst_analysisdefinitions.moc"

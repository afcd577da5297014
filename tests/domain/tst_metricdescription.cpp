// SPDX-License-Identifier: GPL-3.0-or-later
// MetricDescription against Argo Rollouts' rules: limits with their defaults (nil
// failureLimit 0, -1 disables it; nil inconclusiveLimit 0; nil consecutiveErrorLimit 4),
// Metric.EffectiveCount for the schedule, and which condition judged a measurement
// (evaluate.go: only a successCondition makes its negation a failure, only a failureCondition
// its negation a success, a met failureCondition wins, neither met with both set is
// Inconclusive, no condition at all is Successful).
#include "metricdescription.h"

#include <QTest>

namespace {

AnalysisMetric metric(const QString &success, const QString &failure)
{
    AnalysisMetric m;
    m.name = QStringLiteral("error-rate");
    m.successCondition = success;
    m.failureCondition = failure;
    m.provider.kind = QStringLiteral("prometheus");
    return m;
}

Measurement measurement(const QString &phase, const QString &value = QStringLiteral("[0.2]"))
{
    Measurement m;
    m.phase = phase;
    m.value = value;
    return m;
}

} // namespace

class TestMetricDescription : public QObject
{
    Q_OBJECT

private slots:
    void limits()
    {
        using D = MetricDescription;
        AnalysisMetric m;
        QCOMPARE(D::limits(m),
                 QStringLiteral("failureLimit 0 (default) \u00b7 inconclusiveLimit 0 (default) "
                                "\u00b7 consecutiveErrorLimit 4 (default)"));
        m.failureLimit = IntOrString::fromInt(-1);
        m.inconclusiveLimit = IntOrString::fromInt(2);
        m.consecutiveErrorLimit = IntOrString::fromInt(0);
        m.consecutiveSuccessLimit = IntOrString::fromInt(0); // 0: disabled, not listed
        QCOMPARE(D::limits(m),
                 QStringLiteral("failureLimit -1 (disabled) \u00b7 inconclusiveLimit 2 \u00b7 "
                                "consecutiveErrorLimit 0"));
        QCOMPARE(D::limitsExplained(m).split(u'\n').mid(0, 3),
                 QStringList({QStringLiteral("Failed measurements never fail the metric "
                                             "(failureLimit -1)."),
                              QStringLiteral("Inconclusive when inconclusive measurements "
                                             "exceed 2."),
                              QStringLiteral("Error when consecutive errors exceed 0.")}));
        m.consecutiveSuccessLimit = IntOrString::fromInt(3);
        QVERIFY(D::limits(m).endsWith(QStringLiteral(" \u00b7 consecutiveSuccessLimit 3")));
    }

    void schedule()
    {
        using D = MetricDescription;
        AnalysisMetric m;
        QCOMPARE(D::schedule(m), QStringLiteral("1 measurement"));
        m.interval = QStringLiteral("30s");
        QCOMPARE(D::schedule(m), QStringLiteral("Every 30s until the run is terminated"));
        m.count = IntOrString::fromInt(5);
        m.initialDelay = QStringLiteral("1m");
        QCOMPARE(D::schedule(m), QStringLiteral("5 measurements, every 30s, initial delay 1m"));
        m.count = IntOrString::fromString(QStringLiteral("{{args.count}}"));
        QCOMPARE(D::schedule(m), QStringLiteral("count {{args.count}}, initial delay 1m"));
        m.count = IntOrString::fromInt(0); // 0 is unset: EffectiveCount
        m.interval.clear();
        m.initialDelay.clear();
        QCOMPARE(D::schedule(m), QStringLiteral("1 measurement"));
    }

    void conditionsAndProviders()
    {
        using D = MetricDescription;
        QCOMPARE(D::conditions(
                     metric(QStringLiteral("result[0] < 0.1"), QStringLiteral("result[0] >  0.5"))),
                 QStringLiteral("Failed when result[0] > 0.5 \u00b7 Successful when result[0] < "
                                "0.1 \u00b7 otherwise Inconclusive"));
        AnalysisMetric job = metric(QString(), QString());
        job.provider.kind = QStringLiteral("job");
        QCOMPARE(D::conditions(job), QStringLiteral("None: the Job's outcome decides"));
        QCOMPARE(D::judgement(measurement(QStringLiteral("Failed")), &job),
                 QStringLiteral("No conditions: the Job failed"));
        MetricProvider provider;
        provider.kind = QStringLiteral("newRelic");
        QCOMPARE(D::provider(provider), QStringLiteral("New Relic"));
        provider.kind = QStringLiteral("prometheus");
        provider.address = QStringLiteral("http://prometheus:9090");
        provider.query = QStringLiteral("sum(\n  rate(x[1m])\n)\n");
        QCOMPARE(D::provider(provider), QStringLiteral("Prometheus at http://prometheus:9090"));
        QCOMPARE(D::request(provider), QStringLiteral("sum( rate(x[1m]) )"));
        QCOMPARE(D::requestLabel(provider), QStringLiteral("Query"));
    }

    void judgement_data()
    {
        QTest::addColumn<QString>("success");
        QTest::addColumn<QString>("failure");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("judged");
        const QString s = QStringLiteral("result[0] < 0.1");
        const QString f = QStringLiteral("result[0] > 0.5");
        QTest::newRow("met success") << s << QString() << "Successful"
                                     << "Met successCondition: result[0] < 0.1";
        QTest::newRow("missed success") << s << QString() << "Failed"
                                        << "Did not meet successCondition: result[0] < 0.1";
        QTest::newRow("missed failure") << QString() << f << "Successful"
                                        << "Did not meet failureCondition: result[0] > 0.5";
        QTest::newRow("met failure") << QString() << f << "Failed"
                                     << "Met failureCondition: result[0] > 0.5";
        QTest::newRow("both, failure wins") << s << f << "Failed"
                                            << "Met failureCondition: result[0] > 0.5";
        QTest::newRow("both, success") << s << f << "Successful"
                                       << "Met successCondition: result[0] < 0.1";
        QTest::newRow("both, neither") << s << f << "Inconclusive"
                                       << "Neither condition decided";
        QTest::newRow("none") << QString() << QString() << "Successful"
                              << "No conditions: any result succeeds";
        QTest::newRow("running") << s << f << "Running"
                                 << "Measuring\u2026";
    }

    void judgement()
    {
        QFETCH(QString, success);
        QFETCH(QString, failure);
        QFETCH(QString, phase);
        QFETCH(QString, judged);
        const AnalysisMetric m = metric(success, failure);
        QCOMPARE(MetricDescription::judgement(measurement(phase), &m), judged);
    }

    void explained()
    {
        using D = MetricDescription;
        const AnalysisMetric both
            = metric(QStringLiteral("result[0] < 0.1"), QStringLiteral("result[0] > 0.5"));
        QCOMPARE(D::judgementExplained(measurement(QStringLiteral("Inconclusive")), &both),
                 QStringLiteral("Inconclusive: the result 0.2 met neither the successCondition "
                                "result[0] < 0.1 nor the failureCondition result[0] > 0.5."));
        QCOMPARE(D::judgementExplained(
                     measurement(QStringLiteral("Failed"), QStringLiteral("[0.7]")), &both),
                 QStringLiteral("Failed: the result 0.7 met the failureCondition result[0] > 0.5 "
                                "(it wins over any successCondition)."));
        Measurement error = measurement(QStringLiteral("Error"), QString());
        error.message = QStringLiteral("timeout");
        QCOMPARE(D::judgement(error, &both), QStringLiteral("timeout"));
        // Without the run's definition only what the measurement says is known.
        QCOMPARE(D::judgement(measurement(QStringLiteral("Successful")), nullptr), QString());
        QCOMPARE(D::judgement(error, nullptr), QStringLiteral("timeout"));
    }
};

QTEST_MAIN(TestMetricDescription)
#include "tst_metricdescription.moc"

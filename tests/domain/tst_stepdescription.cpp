// SPDX-License-Identifier: GPL-3.0-or-later
// Readable step texts for every canary step kind, blue-green promotion lines, durations and
// countdowns, and the AnalysisRun summaries (counts, latest values, failure messages).
#include "stepdescription.h"

#include <QTest>

namespace {

RolloutStep weightStep(qint32 weight)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetWeight;
    step.setWeight = weight;
    return step;
}

RolloutStep pauseStep(const IntOrString &duration)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::Pause;
    step.hasPause = true;
    step.pauseDuration = duration;
    return step;
}

RolloutAnalysis analysis(const QStringList &templates)
{
    RolloutAnalysis result;
    for (const QString &name : templates)
        result.templates.append(AnalysisTemplateRef {name, false});
    return result;
}

Measurement measurement(const QString &phase, const QString &value, const QString &message = {})
{
    Measurement m;
    m.phase = phase;
    m.value = value;
    m.message = message;
    return m;
}

MetricResult metric(const QString &name, const QString &phase, const QList<Measurement> &ms)
{
    MetricResult result;
    result.name = name;
    result.phase = phase;
    result.measurements = ms;
    for (const Measurement &m : ms) {
        if (m.phase == QLatin1String("Successful"))
            ++result.successful;
        else if (m.phase == QLatin1String("Failed"))
            ++result.failed;
        else if (m.phase == QLatin1String("Inconclusive"))
            ++result.inconclusive;
        else if (m.phase == QLatin1String("Error"))
            ++result.error;
    }
    result.count = result.successful + result.failed + result.inconclusive;
    return result;
}

} // namespace

class TestStepDescription : public QObject
{
    Q_OBJECT

private slots:
    void steps_data()
    {
        QTest::addColumn<RolloutStep>("step");
        QTest::addColumn<QString>("text");

        QTest::newRow("setWeight") << weightStep(20) << QStringLiteral("Set weight 20 %");
        QTest::newRow("pause string") << pauseStep(IntOrString::fromString(QStringLiteral("5m")))
                                      << QStringLiteral("Pause 5m");
        QTest::newRow("pause seconds")
            << pauseStep(IntOrString::fromInt(90)) << QStringLiteral("Pause 1m30s");
        QTest::newRow("pause seconds string")
            << pauseStep(IntOrString::fromString(QStringLiteral("3600")))
            << QStringLiteral("Pause 1h");
        QTest::newRow("pause compound")
            << pauseStep(IntOrString::fromString(QStringLiteral("1h30m")))
            << QStringLiteral("Pause 1h30m");
        QTest::newRow("pause fraction")
            << pauseStep(IntOrString::fromString(QStringLiteral("1.5h")))
            << QStringLiteral("Pause 1h30m");
        QTest::newRow("pause zero")
            << pauseStep(IntOrString::fromInt(0)) << QStringLiteral("Pause 0s");
        QTest::newRow("pause indefinite")
            << pauseStep(IntOrString()) << QStringLiteral("Pause until promoted");
        QTest::newRow("pause invalid") << pauseStep(IntOrString::fromString(QStringLiteral("soon")))
                                       << QStringLiteral("Pause (invalid duration: soon)");

        RolloutStep analysisStep;
        analysisStep.kind = RolloutStep::Kind::Analysis;
        analysisStep.analysis = analysis({QStringLiteral("error-rate"), QStringLiteral("latency")});
        QTest::newRow("analysis") << analysisStep
                                  << QStringLiteral("Analysis: error-rate, latency");
        analysisStep.analysis = RolloutAnalysis();
        QTest::newRow("analysis without templates")
            << analysisStep << QStringLiteral("Analysis: (none)");

        RolloutStep experiment;
        experiment.kind = RolloutStep::Kind::Experiment;
        experiment.experiment = ExperimentStep();
        experiment.experiment->templates
            = {ExperimentTemplate {QStringLiteral("baseline"), QStringLiteral("stable"), 1, {}},
               ExperimentTemplate {QStringLiteral("canary"), QStringLiteral("canary"), 1, {}}};
        experiment.experiment->duration = QStringLiteral("10m");
        QTest::newRow("experiment") << experiment << QStringLiteral("Experiment: 2 templates, 10m");
        experiment.experiment->templates.removeLast();
        experiment.experiment->duration.clear();
        QTest::newRow("experiment one template, no duration")
            << experiment << QStringLiteral("Experiment: 1 template");
        experiment.experiment->duration = QStringLiteral("someday");
        QTest::newRow("experiment odd duration")
            << experiment << QStringLiteral("Experiment: 1 template, someday");

        RolloutStep scale;
        scale.kind = RolloutStep::Kind::SetCanaryScale;
        scale.setCanaryScale = SetCanaryScale {40, {}, false};
        QTest::newRow("scale weight") << scale << QStringLiteral("Set canary scale: 40 %");
        scale.setCanaryScale = SetCanaryScale {{}, 3, false};
        QTest::newRow("scale replicas") << scale << QStringLiteral("Set canary scale: 3 replicas");
        scale.setCanaryScale = SetCanaryScale {{}, 1, false};
        QTest::newRow("scale one replica")
            << scale << QStringLiteral("Set canary scale: 1 replica");
        scale.setCanaryScale = SetCanaryScale {{}, {}, true};
        QTest::newRow("scale match")
            << scale << QStringLiteral("Set canary scale: match traffic weight");

        RolloutStep header;
        header.kind = RolloutStep::Kind::SetHeaderRoute;
        header.hasHeaderRoute = true;
        header.routeName = QStringLiteral("beta-testers");
        QTest::newRow("header route") << header << QStringLiteral("Header route: beta-testers");
        RolloutStep mirror;
        mirror.kind = RolloutStep::Kind::SetMirrorRoute;
        mirror.hasMirrorRoute = true;
        mirror.routeName = QStringLiteral("shadow");
        QTest::newRow("mirror route") << mirror << QStringLiteral("Mirror route: shadow");
        mirror.mirrorPercentage = 50;
        QTest::newRow("mirror route with percentage")
            << mirror << QStringLiteral("Mirror route: shadow (50 %)");
        RolloutStep plugin;
        plugin.kind = RolloutStep::Kind::Plugin;
        plugin.hasPlugin = true;
        plugin.routeName = QStringLiteral("argoproj-labs/gatewayAPI");
        QTest::newRow("plugin") << plugin << QStringLiteral("Plugin: argoproj-labs/gatewayAPI");
        QTest::newRow("empty") << RolloutStep() << QStringLiteral("Invalid step");
        // Two members set: the one canaryStepString names wins.
        RolloutStep both = weightStep(30);
        both.hasPause = true;
        QTest::newRow("weight before pause") << both << QStringLiteral("Set weight 30 %");
    }

    void steps()
    {
        QFETCH(RolloutStep, step);
        QFETCH(QString, text);
        QCOMPARE(StepDescription::step(step), text);
    }

    void durations()
    {
        QCOMPARE(StepDescription::duration(0), QStringLiteral("0s"));
        QCOMPARE(StepDescription::duration(45), QStringLiteral("45s"));
        QCOMPARE(StepDescription::duration(300), QStringLiteral("5m"));
        QCOMPARE(StepDescription::duration(7205), QStringLiteral("2h5s"));
        QCOMPARE(StepDescription::duration(86400), QStringLiteral("24h"));

        QCOMPARE(StepDescription::countdown(192000), QStringLiteral("3m 12s"));
        QCOMPARE(StepDescription::countdown(187000), QStringLiteral("3m 07s"));
        // Rounded up: one millisecond left is still a second to wait.
        QCOMPARE(StepDescription::countdown(186001), QStringLiteral("3m 07s"));
        QCOMPARE(StepDescription::countdown(12000), QStringLiteral("12s"));
        QCOMPARE(StepDescription::countdown(3900000), QStringLiteral("1h 05m 00s"));
        QCOMPARE(StepDescription::countdown(0), QStringLiteral("0s"));
        QCOMPARE(StepDescription::countdown(-5000), QStringLiteral("0s"));
    }

    void blueGreen()
    {
        BlueGreenStrategy blueGreen;
        QCOMPARE(StepDescription::autoPromotion(blueGreen),
                 QStringLiteral("Auto-promotion as soon as the preview is ready"));
        blueGreen.autoPromotionSeconds = 30;
        QCOMPARE(StepDescription::autoPromotion(blueGreen),
                 QStringLiteral("Auto-promotion after 30s"));
        blueGreen.autoPromotionEnabled = false;
        QCOMPARE(StepDescription::autoPromotion(blueGreen),
                 QStringLiteral("Auto-promotion disabled: promote by hand"));
        QCOMPARE(StepDescription::prePromotionAnalysis(analysis({QStringLiteral("smoke")})),
                 QStringLiteral("Pre-promotion analysis: smoke"));
        QCOMPARE(StepDescription::postPromotionAnalysis(
                     analysis({QStringLiteral("error-rate"), QStringLiteral("latency")})),
                 QStringLiteral("Post-promotion analysis: error-rate, latency"));

        CanaryStrategy canary;
        canary.hasBackgroundAnalysis = true;
        canary.backgroundAnalysis = analysis({QStringLiteral("error-rate")});
        QCOMPARE(StepDescription::backgroundAnalysis(canary),
                 QStringLiteral("Background analysis: error-rate"));
        canary.backgroundAnalysisStartingStep = 2;
        QCOMPARE(StepDescription::backgroundAnalysis(canary),
                 QStringLiteral("Background analysis: error-rate, from step 3"));
    }

    void measurementValues()
    {
        QCOMPARE(StepDescription::measurementValue(measurement({}, QStringLiteral("[0.71]"))),
                 QStringLiteral("0.71"));
        QCOMPARE(StepDescription::measurementValue(measurement({}, QStringLiteral("0.99"))),
                 QStringLiteral("0.99"));
        QCOMPARE(StepDescription::measurementValue(measurement({}, QStringLiteral("[0.5, 0.7]"))),
                 QStringLiteral("[0.5, 0.7]"));
        QCOMPARE(StepDescription::measurementValue(measurement({}, QStringLiteral("[]"))),
                 QString());
        QCOMPARE(StepDescription::measurementValue(
                     measurement({}, QStringLiteral("[0.0019844782560148526]"))),
                 QStringLiteral("0.001984"));
        QCOMPARE(StepDescription::measurementValue(
                     measurement({}, QStringLiteral("[181.3540850182, NaN, up]"))),
                 QStringLiteral("[181.4, NaN, up]"));
        QCOMPARE(StepDescription::measurementValue(measurement({}, QStringLiteral("1e-07"))),
                 QStringLiteral("1e-07"));
        QCOMPARE(StepDescription::measurementValue(measurement(QStringLiteral("Error"), {})),
                 QStringLiteral("\u2013"));
    }

    void metricSummaries()
    {
        const MetricResult failed
            = metric(QStringLiteral("success-rate"), QStringLiteral("Failed"),
                     {measurement(QStringLiteral("Successful"), QStringLiteral("[0.97]")),
                      measurement(QStringLiteral("Failed"), QStringLiteral("[0.71]")),
                      measurement(QStringLiteral("Failed"), QStringLiteral("[0.68]")),
                      measurement(QStringLiteral("Failed"), QStringLiteral("[0.64]"))});
        QCOMPARE(StepDescription::metricCounts(failed), QStringLiteral("1 successful, 3 failed"));
        QCOMPARE(StepDescription::latestValues(failed), QStringLiteral("0.71, 0.68, 0.64"));
        QCOMPARE(StepDescription::latestValues(failed, 2), QStringLiteral("0.68, 0.64"));
        QCOMPARE(StepDescription::latestValues(failed, 10),
                 QStringLiteral("0.97, 0.71, 0.68, 0.64"));

        MetricResult running
            = metric(QStringLiteral("error-rate"), QStringLiteral("Running"),
                     {measurement(QStringLiteral("Successful"), QStringLiteral("[0.004]")),
                      measurement(QStringLiteral("Error"), {}, QStringLiteral("timeout")),
                      measurement(QStringLiteral("Inconclusive"), QStringLiteral("[0.02]")),
                      measurement(QStringLiteral("Running"), {})});
        QCOMPARE(StepDescription::metricCounts(running),
                 QStringLiteral("1 successful, 1 inconclusive, 1 error"));
        // The measurement still running has no value yet.
        QCOMPARE(StepDescription::latestValues(running), QStringLiteral("0.004, \u2013, 0.02"));
        running.error = 2;
        QCOMPARE(StepDescription::metricCounts(running),
                 QStringLiteral("1 successful, 1 inconclusive, 2 errors"));
        QCOMPARE(StepDescription::metricCounts(MetricResult()),
                 QStringLiteral("No measurements yet"));
        QCOMPARE(StepDescription::latestValues(MetricResult()), QString());
    }

    void failureMessages()
    {
        AnalysisRun run;
        run.message = QStringLiteral(
            "Metric \"success-rate\" assessed Failed due to failed (3) > failureLimit (2)");
        MetricResult result
            = metric(QStringLiteral("success-rate"), QStringLiteral("Failed"),
                     {measurement(QStringLiteral("Failed"), QStringLiteral("[0.6]"))});
        // Nothing more specific: the run says why.
        QCOMPARE(StepDescription::metricFailureMessage(result, run), run.message);
        // A measurement's message is more specific.
        result.measurements.append(
            measurement(QStringLiteral("Error"), {}, QStringLiteral("dial tcp: i/o timeout")));
        result.measurements.append(measurement(QStringLiteral("Failed"), QStringLiteral("[0.5]")));
        QCOMPARE(StepDescription::metricFailureMessage(result, run),
                 QStringLiteral("dial tcp: i/o timeout"));
        // The metric's own message wins.
        result.message = QStringLiteral("failed (3) > failureLimit (2)");
        QCOMPARE(StepDescription::metricFailureMessage(result, run),
                 QStringLiteral("failed (3) > failureLimit (2)"));
        result.phase = QStringLiteral("Error");
        QCOMPARE(StepDescription::metricFailureMessage(result, run),
                 QStringLiteral("failed (3) > failureLimit (2)"));
        result.phase = QStringLiteral("Inconclusive");
        QCOMPARE(StepDescription::metricFailureMessage(result, run),
                 QStringLiteral("failed (3) > failureLimit (2)"));
        // Nothing to explain for a metric that is fine or still measuring.
        for (const char *phase : {"Successful", "Running", "Pending"}) {
            result.phase = QString::fromLatin1(phase);
            QCOMPARE(StepDescription::metricFailureMessage(result, run), QString());
        }
        QVERIFY(StepDescription::isFailedPhase(QStringLiteral("Failed")));
        QVERIFY(StepDescription::isFailedPhase(QStringLiteral("Error")));
        QVERIFY(!StepDescription::isFailedPhase(QStringLiteral("Inconclusive")));
    }

    void runSummaries()
    {
        AnalysisRun run;
        QCOMPARE(StepDescription::runSummary(run), QStringLiteral("No metrics yet"));
        run.metricResults = {metric(QStringLiteral("a"), QStringLiteral("Successful"), {})};
        QCOMPARE(StepDescription::runSummary(run), QStringLiteral("1 metric: 1 successful"));
        MetricResult dry = metric(QStringLiteral("b"), QStringLiteral("Failed"), {});
        dry.dryRun = true;
        run.metricResults.append(dry);
        run.metricResults.append(metric(QStringLiteral("c"), QStringLiteral("Running"), {}));
        run.metricResults.append(metric(QStringLiteral("d"), QString(), {}));
        run.metricResults.append(metric(QStringLiteral("e"), QStringLiteral("Inconclusive"), {}));
        run.metricResults.append(metric(QStringLiteral("f"), QStringLiteral("Error"), {}));
        QCOMPARE(StepDescription::runSummary(run),
                 QStringLiteral("6 metrics: 1 successful, 1 running, 1 pending, 1 inconclusive, "
                                "1 failed, 1 error, 1 dry run"));
    }
};

QTEST_GUILESS_MAIN(TestStepDescription)
#include "tst_stepdescription.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "rolloutspec.h"

#include <QCoreApplication>
#include <QString>

// Readable, translated texts for what a rollout will do and what its analysis decided, for
// people who do not read the YAML (canaryStepString keeps the plugin's terse labels for the
// tooltip). A class only to give lupdate one translation context.

class StepDescription
{
    Q_DECLARE_TR_FUNCTIONS(StepDescription)

public:
    // A whole-second duration as Go prints short ones: "45s", "5m", "1h30m", "2h0m5s" becomes
    // "2h5s"; 0 is "0s".
    static QString duration(qint64 seconds);
    // A live countdown, rounded up to whole seconds: "3m 12s", "3m 07s", "1h 05m 00s", "12s";
    // 0 and below are "0s".
    static QString countdown(qint64 msecs);

    // One canary step: "Set weight 20 %", "Pause 5m", "Pause until promoted",
    // "Analysis: error-rate, latency", "Experiment: 2 templates, 10m",
    // "Set canary scale: 40 %" / "… 3 replicas" / "… match traffic weight",
    // "Header route: name", "Mirror route: name (50 %)", "Plugin: name", "Invalid step".
    static QString step(const RolloutStep &step);
    // The template names of an analysis: "error-rate, latency" ("(none)" without templates).
    static QString analysisTemplates(const RolloutAnalysis &analysis);
    // "Pre-promotion analysis: smoke" / "Post-promotion analysis: error-rate".
    static QString prePromotionAnalysis(const RolloutAnalysis &analysis);
    static QString postPromotionAnalysis(const RolloutAnalysis &analysis);
    // "Background analysis: error-rate" or "Background analysis: error-rate, from step 3"
    // (startingStep is 0-based in the spec, shown 1-based like the step list).
    static QString backgroundAnalysis(const CanaryStrategy &canary);
    // "Auto-promotion after 30s", "Auto-promotion as soon as the preview is ready" or
    // "Auto-promotion disabled: promote by hand".
    static QString autoPromotion(const BlueGreenStrategy &blueGreen);

    // A measurement's value for people: a one-element vector "[0.71]" is shown as "0.71",
    // anything else unchanged; no value gives "–" (an Error measurement has none).
    static QString measurementValue(const Measurement &measurement);
    // The values of the last `count` finished measurements, oldest first: "0.71, 0.68, 0.64".
    static QString latestValues(const MetricResult &metric, int count = 3);
    // The metric's counters, zeros left out: "3 successful, 2 failed, 1 inconclusive, 1 error";
    // "No measurements yet" when all are zero.
    static QString metricCounts(const MetricResult &metric);
    // Why a metric did not succeed: its message, else the latest measurement's message, else
    // the run's message. Empty for a metric that is Pending, Running or Successful.
    static QString metricFailureMessage(const MetricResult &metric, const AnalysisRun &run);
    // A run in one line: "2 metrics: 1 successful, 1 failed" (counts from the metric results,
    // dry-run metrics included and marked: "…, 1 dry run"); "No metrics yet" before any result.
    static QString runSummary(const AnalysisRun &run);
    // True for the phases shown as failures (red): Failed and Error.
    static bool isFailedPhase(const QString &phase);

private:
    static QString replicas(qint32 n);
    static QString templates(qsizetype n);
    static QString metrics(qsizetype n);
    static QString percent(qint32 percent);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"

#include <QCoreApplication>
#include <QString>

// Readable, translated texts for an AnalysisRun metric's definition (what it asks which
// provider, the conditions, the limits with Argo Rollouts' defaults made explicit, how often)
// and for the rule that judged each measurement, as the controller applies them
// (utils/evaluate/evaluate.go, analysis/analysis.go): the on-call engineer reads why a
// measurement failed without the YAML. Expressions stay as written: people search for them.
// A class only to give lupdate one translation context.
class MetricDescription
{
    Q_DECLARE_TR_FUNCTIONS(MetricDescription)

public:
    // Argo Rollouts' defaults for unset limits (utils/defaults/defaults.go).
    static constexpr qint32 defaultFailureLimit = 0;
    static constexpr qint32 defaultInconclusiveLimit = 0;
    static constexpr qint32 defaultConsecutiveErrorLimit = 4;

    // The provider as its documentation names it ("Prometheus", "Web", "Job", "Datadog",
    // "New Relic", ...); an unknown kind (a plugin's) unchanged, "Unknown" for none.
    static QString providerName(const QString &kind);
    // The provider, where it is asked and its settings as the API names them: "Prometheus
    // at http://prometheus.monitoring:9090", "Web · method POST · headers Authorization ·
    // jsonPath {$.ok}", "Job · image busybox:1.36 · backoffLimit 0", "Datadog · apiVersion
    // v2 · interval 5m", "Kayenta at http://kayenta:8090 · application checkout · scopes
    // default · pass 95 · marginal 75", "Plugin argoproj-labs/sample · config keys a, b".
    // A Web header's value is never part of it (the decoder does not keep one).
    static QString provider(const MetricProvider &provider);
    // What the provider is asked, on one line (whitespace runs, a YAML block's line breaks,
    // made one space): the query, the URL (Web), the command (Job), the named queries or
    // metric data queries joined by " · " (Datadog v2, CloudWatch), the canary config
    // (Kayenta); empty when the provider has none (a plugin).
    static QString request(const MetricProvider &provider);
    // request() as the controller sends it, line breaks kept (one line per named query).
    static QString requestAsSent(const MetricProvider &provider);
    // The label of request(): "Query", "URL", "Command", "Queries", "Metric data queries" or
    // "Canary config".
    static QString requestLabel(const MetricProvider &provider);
    // How a measurement is judged, in the order the controller applies the conditions:
    // "Successful when A · Failed when B · otherwise Inconclusive", "Successful when A ·
    // otherwise Failed", "Failed when B · otherwise Successful", or, without conditions,
    // "None: every measurement without an error is Successful" (a Job: its outcome decides).
    static QString conditions(const AnalysisMetric &metric);
    // "failureLimit 2 · inconclusiveLimit 0 (default) · consecutiveErrorLimit 4 (default)",
    // "failureLimit -1 (disabled)", plus "· consecutiveSuccessLimit 3" when set.
    static QString limits(const AnalysisMetric &metric);
    // What limits() means with these numbers ("Failed when more than 2 measurements fail…").
    static QString limitsExplained(const AnalysisMetric &metric);
    // "5 measurements, every 1m", "1 measurement", "Every 30s until the run ends", with
    // ", initial delay 30s" when one is set (Metric.EffectiveCount).
    static QString schedule(const AnalysisMetric &metric);

    // The rule that gave a measurement its phase, in a few words: "Met successCondition:
    // result[0] >= 0.95", "Did not meet successCondition: …" (Failed with only a
    // successCondition), "Met failureCondition: …", "Neither condition decided"
    // (Inconclusive), the message (Error), "Measuring…" (Running); metric may be null when
    // the run does not hold its definition.
    static QString judgement(const Measurement &measurement, const AnalysisMetric *metric);
    // judgement() as a sentence with the value: "Failed: 0.64 did not meet the
    // successCondition result[0] >= 0.95, and no failureCondition is set."
    static QString judgementExplained(const Measurement &measurement, const AnalysisMetric *metric);

    // An expression, query or URL on one line: runs of whitespace become one space.
    static QString oneLine(const QString &text);
};

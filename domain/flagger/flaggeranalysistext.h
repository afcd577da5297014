// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggercanary.h"
#include "flaggerstrategy.h"

#include <QCoreApplication>
#include <QString>

// Readable, translated texts of a Flagger canary's analysis for the detail view, with
// Flagger's defaults made explicit (canary.go: interval 60s and at least 10s, threshold 1,
// metric interval 1m, max weight 100) and the metric checks as the scheduler applies them
// (scheduler_metrics.go). Queries stay as written: people search for them. A class only to
// give lupdate one translation context.
class FlaggerAnalysisText
{
    Q_DECLARE_TR_FUNCTIONS(FlaggerAnalysisText)

public:
    // "Canary", "Canary with traffic mirroring", "Blue/green", "Blue/green with traffic
    // mirroring", "A/B testing".
    static QString strategy(const FlaggerCanary &canary);
    // "Every 1m", "Every 1m (default)", "Every 10s (5s is below Flagger's minimum)",
    // "Every 1m ("soon" is not a duration)".
    static QString interval(const FlaggerAnalysis &analysis);
    // "Rolls back after 5 failed checks", "Rolls back at the first failed check (default)".
    static QString threshold(const FlaggerAnalysis &analysis);
    // "Progress deadline 10m (default)", "Progress deadline 1m".
    static QString progressDeadline(const FlaggerCanarySpec &spec);
    // What traffic the canary gets: "10% → 20% → 30% → 40% → 50%, then promote",
    // "1% → 2% → … → 80%, then promote in 20% steps" (more than four steps), "Mirrored traffic,
    // then 20% → 40% → 60%, then promote", "10 iterations, then all traffic switched",
    // "10 iterations on requests matching 2 conditions, then promote", "No weight step set:
    // the canary does not advance".
    static QString weights(const FlaggerCanary &canary);
    // "request-success-rate ≥ 99% over 1m (built-in)", "request-duration ≤ 500 ms over 30s
    // (built-in)", "latency ≤ 0.5 over 1m from template latency.istio-system",
    // "error-rate between 0 and 1 over 1m (query)"; the template's namespace defaults to the
    // canary's.
    static QString metric(const FlaggerMetric &metric, const QString &canaryNamespace);
    // "confirm-promotion gate: http://flagger-loadtester.test/gate/check",
    // "pre-rollout hook: http://flagger-loadtester.test/", "rollout hook (every iteration): …".
    static QString webhook(const FlaggerWebhook &webhook);
    // A webhook URL as shown anywhere: without user info, and with its query and fragment as
    // "?…" (event and notification hooks often carry their token there).
    static QString shownUrl(const QString &url);
    // "on-call Slack (error) through on-call.flagger"; severity info by default.
    static QString alert(const FlaggerAlert &alert, const QString &canaryNamespace);

private:
    static QString bound(const FlaggerMetric &metric);
    static QString schedule(const QList<qint32> &weights);
};

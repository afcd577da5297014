// SPDX-License-Identifier: GPL-3.0-or-later
// The readable texts of a Flagger canary's analysis (FlaggerAnalysisText), with Flagger's
// defaults made explicit, over the realistic canaries of tests/data/domain/.
#include "flaggeranalysistext.h"
#include "jsondecoder.h"
#include "testdata.h"

#include <QTest>

namespace {

FlaggerCanary fixture(const char *file)
{
    const Decoded<FlaggerCanary> decoded
        = decodeObject<FlaggerCanary>(domainTestData(QString::fromLatin1(file)));
    if (!decoded.isOk() || decoded.report.hasIssues())
        qWarning("%s: %s", file, qPrintable(decoded.report.issuesText()));
    return decoded.value;
}

FlaggerAnalysis withInterval(const char *interval)
{
    FlaggerAnalysis analysis;
    analysis.interval = QString::fromLatin1(interval);
    return analysis;
}

} // namespace

class TestFlaggerCanaryText : public QObject
{
    Q_OBJECT

private slots:
    void strategy()
    {
        QCOMPARE(FlaggerAnalysisText::strategy(fixture("flagger-canary-stepweight.json")),
                 QStringLiteral("Canary"));
        QCOMPARE(FlaggerAnalysisText::strategy(fixture("flagger-canary-alias.json")),
                 QStringLiteral("Canary with traffic mirroring"));
        FlaggerCanary blueGreen = fixture("flagger-canary-bluegreen.json");
        QCOMPARE(FlaggerAnalysisText::strategy(blueGreen), QStringLiteral("Blue/green"));
        blueGreen.spec.analysis->mirror = true;
        QCOMPARE(FlaggerAnalysisText::strategy(blueGreen),
                 QStringLiteral("Blue/green with traffic mirroring"));
        QCOMPARE(FlaggerAnalysisText::strategy(fixture("flagger-canary-abtesting.json")),
                 QStringLiteral("A/B testing"));
    }

    void intervalAndThreshold()
    {
        QCOMPARE(FlaggerAnalysisText::interval(withInterval("1m")), QStringLiteral("Every 1m"));
        QCOMPARE(FlaggerAnalysisText::interval(withInterval("90s")), QStringLiteral("Every 1m30s"));
        QCOMPARE(FlaggerAnalysisText::interval(withInterval("")),
                 QStringLiteral("Every 1m (default)"));
        QCOMPARE(FlaggerAnalysisText::interval(withInterval("5s")),
                 QStringLiteral("Every 10s (5s is below Flagger's minimum)"));
        QCOMPARE(FlaggerAnalysisText::interval(withInterval("soon")),
                 QStringLiteral("Every 1m (\"soon\" is not a duration)"));

        FlaggerAnalysis analysis;
        analysis.threshold = 5;
        QCOMPARE(FlaggerAnalysisText::threshold(analysis),
                 QStringLiteral("Rolls back after 5 failed checks"));
        analysis.threshold = 1;
        QCOMPARE(FlaggerAnalysisText::threshold(analysis),
                 QStringLiteral("Rolls back at the first failed check"));
        analysis.threshold = 0;
        QCOMPARE(FlaggerAnalysisText::threshold(analysis),
                 QStringLiteral("Rolls back at the first failed check (default)"));

        QCOMPARE(
            FlaggerAnalysisText::progressDeadline(fixture("flagger-canary-stepweight.json").spec),
            QStringLiteral("Progress deadline 1m"));
        QCOMPARE(
            FlaggerAnalysisText::progressDeadline(fixture("flagger-canary-stepweights.json").spec),
            QStringLiteral("Progress deadline 10m (default)"));
    }

    void weights()
    {
        QCOMPARE(FlaggerAnalysisText::weights(fixture("flagger-canary-stepweight.json")),
                 QStringLiteral("10% → 20% → … → 50%, then promote"));
        QCOMPARE(FlaggerAnalysisText::weights(fixture("flagger-canary-stepweights.json")),
                 QStringLiteral("1% → 2% → 10% → 80%, then promote in 20% steps"));
        QCOMPARE(FlaggerAnalysisText::weights(fixture("flagger-canary-alias.json")),
                 QStringLiteral("Mirrored traffic, then 20% → 40% → 60%, then promote"));
        FlaggerCanary blueGreen = fixture("flagger-canary-bluegreen.json");
        QCOMPARE(FlaggerAnalysisText::weights(blueGreen),
                 QStringLiteral("10 iterations, then all traffic switched"));
        blueGreen.spec.analysis->mirror = true;
        QCOMPARE(FlaggerAnalysisText::weights(blueGreen),
                 QStringLiteral("10 iterations with mirrored traffic, then all traffic switched"));
        QCOMPARE(FlaggerAnalysisText::weights(fixture("flagger-canary-abtesting.json")),
                 QStringLiteral("10 iterations on requests matching 2 conditions, then promote"));
        FlaggerCanary stuck = fixture("flagger-canary-stepweight.json");
        stuck.spec.analysis->stepWeight = 0;
        QCOMPARE(FlaggerAnalysisText::weights(stuck),
                 QStringLiteral("No weight step set: the canary does not advance"));
        QCOMPARE(FlaggerAnalysisText::weights(FlaggerCanary()),
                 QStringLiteral("No analysis: promoted without checks"));
    }

    void metrics()
    {
        const FlaggerCanary canary = fixture("flagger-canary-stepweight.json");
        const QList<FlaggerMetric> &metrics = canary.spec.analysis->metrics;
        const QString ns = canary.metadata.namespaceName;
        QCOMPARE(FlaggerAnalysisText::metric(metrics.at(0), ns),
                 QStringLiteral("request-success-rate ≥ 99% over 1m (built-in)"));
        QCOMPARE(FlaggerAnalysisText::metric(metrics.at(1), ns),
                 QStringLiteral("request-duration ≤ 500 ms over 30s (built-in)"));
        QCOMPARE(FlaggerAnalysisText::metric(metrics.at(2), ns),
                 QStringLiteral("latency ≤ 0.5 over 1m from template latency.istio-system"));
        QCOMPARE(FlaggerAnalysisText::metric(
                     fixture("flagger-canary-bluegreen.json").spec.analysis->metrics.at(0), ns),
                 QStringLiteral("error-rate ≤ 1 over 1m (query)"));
        // The deprecated threshold: a minimum for the success rate.
        QCOMPARE(FlaggerAnalysisText::metric(
                     fixture("flagger-canary-stepweights.json").spec.analysis->metrics.at(0), ns),
                 QStringLiteral("request-success-rate ≥ 99% over 1m (built-in)"));

        FlaggerMetric ranged;
        ranged.name = QStringLiteral("cpu");
        ranged.thresholdMin = 0.25;
        ranged.thresholdMax = 0.8;
        ranged.templateRef.name = QStringLiteral("cpu-usage");
        QCOMPARE(FlaggerAnalysisText::metric(ranged, ns),
                 QStringLiteral("cpu between 0.25 and 0.8 over 1m from template cpu-usage.test"));
        FlaggerMetric bare;
        bare.name = QStringLiteral("mystery");
        QCOMPARE(FlaggerAnalysisText::metric(bare, ns),
                 QStringLiteral("mystery (no threshold) over 1m (neither built-in, query nor "
                                "template: Flagger fails it)"));
        bare.threshold = 3;
        QCOMPARE(FlaggerAnalysisText::metric(bare, ns),
                 QStringLiteral("mystery ≤ 3 over 1m (neither built-in, query nor template: "
                                "Flagger fails it)"));
    }

    void webhooksAndAlerts()
    {
        const FlaggerCanary canary = fixture("flagger-canary-stepweight.json");
        const QList<FlaggerWebhook> &hooks = canary.spec.analysis->webhooks;
        QCOMPARE(FlaggerAnalysisText::webhook(hooks.at(0)),
                 QStringLiteral("confirm-rollout gate: http://flagger-loadtester.test/gate/check"));
        QCOMPARE(FlaggerAnalysisText::webhook(hooks.at(1)),
                 QStringLiteral("pre-rollout hook: http://flagger-loadtester.test/"));
        QCOMPARE(FlaggerAnalysisText::webhook(hooks.at(2)),
                 QStringLiteral("rollout hook (every iteration): http://flagger-loadtester.test/"));
        QCOMPARE(
            FlaggerAnalysisText::webhook(hooks.at(3)),
            QStringLiteral("confirm-promotion gate: http://flagger-loadtester.test/gate/check"));
        QCOMPARE(FlaggerAnalysisText::webhook(hooks.at(4)),
                 QStringLiteral("rollback gate: http://flagger-loadtester.test/rollback/check"));
        // An event hook's token in its user info or query is never shown.
        FlaggerWebhook slack;
        slack.type = QStringLiteral("event");
        slack.url
            = QStringLiteral("https://bot:s3cr3t-pass@hooks.example.com/services/x?token=abc");
        const QString shown = FlaggerAnalysisText::webhook(slack);
        QCOMPARE(shown,
                 QStringLiteral("event hook: https://[redacted]@hooks.example.com/services/"
                                "x?\u2026"));
        QVERIFY(!shown.contains(QStringLiteral("s3cr3t"))
                && !shown.contains(QStringLiteral("abc")));

        const QList<FlaggerAlert> &alerts = canary.spec.analysis->alerts;
        QCOMPARE(FlaggerAnalysisText::alert(alerts.at(0), canary.metadata.namespaceName),
                 QStringLiteral("on-call Slack (error) through on-call.flagger"));
        QCOMPARE(FlaggerAnalysisText::alert(alerts.at(1), canary.metadata.namespaceName),
                 QStringLiteral("dev team (info) through dev-msteams.test"));
    }
};

QTEST_GUILESS_MAIN(TestFlaggerCanaryText)
#include "tst_flaggercanarytext.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Judging config gates from range-query answers (pass, fail on each kind of bound, too
// little data, errors, several series, NaN points), the verdict of several gates, the
// queries a gate sends for each role, and the AnalysisRuns as gates.
#include "analysisgates.h"
#include "chartvariables.h"
#include "gatejudge.h"
#include "gatereportformat.h"
#include "rolloutdetail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

namespace {

constexpr qint64 atMs = 1700000000000;

// One series with a point every step over the gate's window, each `value`.
PromQueryResult flat(const GateSpec &spec, double value, int points = -1)
{
    PromQueryResult result;
    result.resultType = PromResultType::Matrix;
    PromSeries series;
    const int count = points < 0 ? spec.pointsInWindow() : points;
    for (int i = 0; i < count; ++i)
        series.samples.append({atMs - spec.windowMs + i * spec.stepMs, value});
    result.series.append(series);
    return result;
}

GateSpec gate()
{
    GateSpec spec;
    spec.name = QStringLiteral("error ratio");
    spec.query = QStringLiteral("x{h=\"{{hash}}\"}");
    spec.windowMs = 60000;
    spec.stepMs = 15000; // 5 points, 2 needed by default
    return spec;
}

GateResult judge(const GateSpec &spec, const PromQueryResult &canary,
                 const PromQueryResult *stable = nullptr)
{
    return GateJudge::judge(spec, GateQueries {QStringLiteral("c"), QStringLiteral("s")}, canary,
                            stable, atMs);
}

} // namespace

class TestGateJudge : public QObject
{
    Q_OBJECT

private slots:
    void absoluteBounds()
    {
        GateSpec spec = gate();
        spec.max = 0.02;
        GateResult result = judge(spec, flat(spec, 0.01));
        QCOMPARE(result.outcome, GateOutcome::Pass);
        QCOMPARE(result.value, std::optional<double>(0.01));
        QCOMPARE(result.samples, 5);
        QCOMPARE(result.bound, QStringLiteral("max 0.02"));
        QCOMPARE(result.message,
                 QStringLiteral("canary 0.01 is within max 0.02 (mean of 5 "
                                "points over 1m)"));
        result = judge(spec, flat(spec, 0.05));
        QCOMPARE(result.outcome, GateOutcome::Fail);
        QCOMPARE(result.message, QStringLiteral("canary 0.05 is above the maximum 0.02"));
        spec.max.reset();
        spec.min = 0.97;
        result = judge(spec, flat(spec, 0.94));
        QCOMPARE(result.outcome, GateOutcome::Fail);
        QCOMPARE(result.message, QStringLiteral("canary 0.94 is below the minimum 0.97"));
        QCOMPARE(result.worstValue, std::optional<double>(0.94));
    }

    void meanAndWorstIgnoreNaN()
    {
        GateSpec spec = gate();
        spec.max = 0.5;
        PromQueryResult canary = flat(spec, 0.1);
        canary.series[0].samples[1].value = 0.4;
        canary.series[0].samples[2].value = std::nan("");
        // A point before the window does not count.
        canary.series[0].samples.prepend({atMs - spec.windowMs - 1000, 100.0});
        const GateResult result = judge(spec, canary);
        QCOMPARE(result.samples, 4);
        QCOMPARE(*result.value, (0.1 + 0.4 + 0.1 + 0.1) / 4);
        QCOMPARE(result.worstValue, std::optional<double>(0.4));
        QCOMPARE(result.outcome, GateOutcome::Pass);
    }

    void relativeBounds()
    {
        GateSpec spec = gate();
        spec.maxIncrease = 0.10;
        PromQueryResult stable = flat(spec, 0.02);
        GateResult result = judge(spec, flat(spec, 0.021), &stable);
        QCOMPARE(result.outcome, GateOutcome::Pass);
        QCOMPARE(result.stableValue, std::optional<double>(0.02));
        QCOMPARE(result.stableQuery, QStringLiteral("s"));
        result = judge(spec, flat(spec, 0.03), &stable);
        QCOMPARE(result.outcome, GateOutcome::Fail);
        QCOMPARE(result.message,
                 QStringLiteral("canary 0.03 is 50 % above stable 0.02 (at most 10 % allowed)"));
        spec.maxIncrease.reset();
        spec.maxDecrease = 0.02;
        stable = flat(spec, 0.995);
        result = judge(spec, flat(spec, 0.94), &stable);
        QCOMPARE(result.outcome, GateOutcome::Fail);
        QCOMPARE(result.message,
                 QStringLiteral("canary 0.94 is 5.528 % below stable 0.995 (at most 2 % allowed)"));
        QCOMPARE(result.bound, QStringLiteral("stable − 2 %"));
        // A stable of zero: any increase breaks a relative bound.
        spec.maxDecrease.reset();
        spec.maxIncrease = 0.5;
        stable = flat(spec, 0);
        result = judge(spec, flat(spec, 0.001), &stable);
        QCOMPARE(result.outcome, GateOutcome::Fail);
        QCOMPARE(result.message,
                 QStringLiteral("canary 0.001 is above stable 0 (at most 50 % more allowed)"));
    }

    void neverPassOnMissingData()
    {
        GateSpec spec = gate();
        spec.max = 1;
        GateResult result = judge(spec, flat(spec, 0.5, 1));
        QCOMPARE(result.outcome, GateOutcome::Inconclusive);
        QCOMPARE(result.message,
                 QStringLiteral("too little data: 1 of the 2 points the canary "
                                "needs in the last 1m had a value"));
        PromQueryResult empty;
        empty.resultType = PromResultType::Matrix;
        QCOMPARE(judge(spec, empty).outcome, GateOutcome::Inconclusive);
        QVERIFY(!judge(spec, empty).value);
        // The stable's data counts too for a relative gate.
        spec.maxIncrease = 0.1;
        result = judge(spec, flat(spec, 0.5), &empty);
        QCOMPARE(result.outcome, GateOutcome::Inconclusive);
        QVERIFY(result.message.contains(QStringLiteral("the stable needs")));
        // No canary at all.
        result = GateJudge::unjudged(spec, GateOutcome::Inconclusive, QStringLiteral("none"), atMs);
        QCOMPARE(result.outcome, GateOutcome::Inconclusive);
    }

    void errorsKeepTheMessage()
    {
        GateSpec spec = gate();
        spec.max = 1;
        PromQueryResult failed;
        failed.error = PromError::transport(PromError::Kind::Config, QStringLiteral("parse error"));
        GateResult result = judge(spec, failed);
        QCOMPARE(result.outcome, GateOutcome::Error);
        QCOMPARE(result.message, QStringLiteral("the canary query failed: parse error"));
        PromQueryResult two = flat(spec, 0.1);
        two.series.append(two.series.first());
        result = judge(spec, two);
        QCOMPARE(result.outcome, GateOutcome::Error);
        QVERIFY(result.message.contains(QStringLiteral("returned 2 series")));
    }

    void verdictIsTheWorst()
    {
        GateReport report;
        QCOMPARE(report.verdict(), GateOutcome::Inconclusive); // no gate: never Pass
        GateResult pass;
        pass.outcome = GateOutcome::Pass;
        report.gates = {pass};
        QCOMPARE(report.verdict(), GateOutcome::Pass);
        GateResult other = pass;
        for (GateOutcome outcome :
             {GateOutcome::Inconclusive, GateOutcome::Error, GateOutcome::Fail}) {
            other.outcome = outcome;
            report.gates.append(other);
            QCOMPARE(report.verdict(), outcome);
        }
        QCOMPARE(report.count(GateOutcome::Pass), 1);
    }

    void queriesFillEachRole()
    {
        GateSpec spec = gate();
        spec.query = QStringLiteral("sum(x{pod=~\"{{pod_regex}}\",{{extra}}})");
        spec.variables = {{QStringLiteral("extra"), QStringLiteral("ns=\"{{namespace}}\"")}};
        spec.maxIncrease = 0.1;
        RolloutDetail detail;
        detail.environment = QStringLiteral("prod");
        detail.rollout.metadata.namespaceName = QStringLiteral("shop");
        detail.rollout.metadata.name = QStringLiteral("checkout");
        GateQueries queries;
        QString error;
        QVERIFY2(GateJudge::queries(spec, ChartVariables::forRollout(detail), QStringLiteral("c1"),
                                    QStringLiteral("s1"), &queries, &error),
                 qPrintable(error));
        QCOMPARE(queries.canary, QStringLiteral("sum(x{pod=~\"checkout-c1-.*\",ns=\"shop\"})"));
        QCOMPARE(queries.stable, QStringLiteral("sum(x{pod=~\"checkout-s1-.*\",ns=\"shop\"})"));
    }

    void jsonCarriesEveryField()
    {
        GateSpec spec = gate();
        spec.max = 0.02;
        GateReport report;
        report.environment = QStringLiteral("prod");
        report.gates = {judge(spec, flat(spec, 0.05))};
        const QJsonObject root = QJsonDocument::fromJson(GateReportFormat::json(report)).object();
        QCOMPARE(root.value(QStringLiteral("kind")).toString(), QStringLiteral("GateReport"));
        QCOMPARE(root.value(QStringLiteral("verdict")).toString(), QStringLiteral("Fail"));
        const QJsonObject first = root.value(QStringLiteral("gates")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("value")).toDouble(), 0.05);
        QVERIFY(first.value(QStringLiteral("stableValue")).isNull());
        QCOMPARE(first.value(QStringLiteral("window")).toString(), QStringLiteral("1m"));
        QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("config"));
    }
};

QTEST_GUILESS_MAIN(TestGateJudge)
#include "tst_gatejudge.moc"

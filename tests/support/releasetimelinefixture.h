// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <optional>
#include <tuple>

// Hand-built release timelines for the report and timeline tests: a rich canary release
// (revision 7, with a transition out of order and one without a time, as a recorder might
// store them) and the release before it (revision 6), so every computed number is known.
namespace ReleaseTimelineFixture {

inline QDateTime at(int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 12, 5), QTime(hour, minute, second), Qt::UTC);
}

inline ReleaseTransition transition(QDateTime time, const char *phase, qint32 step, qint32 desired,
                                    qint32 actual, bool paused)
{
    ReleaseTransition t;
    t.time = std::move(time);
    t.phase = QString::fromLatin1(phase);
    t.step = step;
    t.desiredWeight = desired;
    t.actualWeight = actual;
    t.paused = paused;
    return t;
}

inline ReleaseMeasurement measurement(const char *metric, const char *value, const char *phase,
                                      QDateTime finished)
{
    ReleaseMeasurement m;
    m.analysisRun = QStringLiteral("checkout-7-3");
    m.runKind = QStringLiteral("Step");
    m.metric = QString::fromLatin1(metric);
    m.value = QString::fromLatin1(value);
    m.phase = QString::fromLatin1(phase);
    m.successCondition = QStringLiteral("result[0] >= 0.95");
    m.failureCondition = QStringLiteral("result[0] < 0.9");
    m.startedAt = finished.addSecs(-5);
    m.finishedAt = std::move(finished);
    return m;
}

inline ReleaseEvent event(const char *type, const char *reason, const char *message, QDateTime time)
{
    ReleaseEvent e;
    e.uid = QString::fromLatin1(reason) + time.toString(Qt::ISODate);
    e.type = QString::fromLatin1(type);
    e.reason = QString::fromLatin1(reason);
    e.message = QString::fromLatin1(message);
    e.objectKind = QStringLiteral("Rollout");
    e.objectName = QStringLiteral("checkout");
    e.count = 1;
    e.firstSeen = time;
    e.lastSeen = std::move(time);
    return e;
}

inline ReleaseSummary summary(qint64 revision, QDateTime start, QDateTime end)
{
    ReleaseSummary s;
    s.key = {QStringLiteral("prod"), QStringLiteral("uid-checkout"), revision};
    s.namespaceName = QStringLiteral("shop");
    s.workload = QStringLiteral("checkout");
    s.strategy = QStringLiteral("Canary");
    s.images = {QStringLiteral("registry.example/shop/checkout:1.%1.0").arg(revision)};
    s.stepCount = 5;
    s.startedAt = std::move(start);
    s.endedAt = std::move(end);
    s.outcome = ReleaseOutcome::Promoted;
    return s;
}

// Steps: 0 = 60 s, 1 = 300 s, 2 = 240 s, 3 = 300 s, 4 = 180 s, 5 = 120 s (to the end).
inline ReleaseTimeline rich()
{
    ReleaseTimeline t;
    t.summary = summary(7, at(14, 0), at(14, 20));
    t.stepTexts = {QStringLiteral("setWeight: 20"), QStringLiteral("pause: {}"),
                   QStringLiteral("setWeight: 50"), QStringLiteral("analysis: success-rate"),
                   QStringLiteral("setWeight: 100")};
    t.transitions = {
        transition(at(14, 0), "Progressing", 0, 20, 0, false),
        transition(at(14, 0, 30), "Progressing", 0, 20, 20, false),
        transition(at(14, 6), "Progressing", 2, 50, 50, false), // out of order
        transition(at(14, 1), "Paused", 1, 20, 20, true),
        transition(QDateTime(), "Paused", 1, 20, 20, true), // no time: left out
        transition(at(14, 10), "Paused", 3, 50, 50, true),
        transition(at(14, 15), "Progressing", 4, 100, 80, false),
        transition(at(14, 18), "Healthy", 5, 100, 100, false),
    };
    t.transitions[3].message = QStringLiteral("CanaryPauseStep");
    ReleaseAction resume;
    resume.time = at(14, 6);
    resume.action = QStringLiteral("resume");
    resume.source = ReleaseAction::Source::Audit;
    resume.user = QStringLiteral("alice@example.com");
    resume.result = QStringLiteral("succeeded");
    ReleaseAction promote;
    promote.time = at(14, 15);
    promote.action = QStringLiteral("promote");
    t.actions = {resume, promote};
    ReleaseAnalysisRun run;
    run.name = QStringLiteral("checkout-7-3");
    run.runKind = QStringLiteral("Step");
    run.phase = QStringLiteral("Successful");
    run.message = QStringLiteral("all metrics passed");
    run.startedAt = at(14, 10);
    run.completedAt = at(14, 14, 30);
    t.analysisRuns = {run};
    t.measurements = {measurement("success-rate", "[0.99]", "Successful", at(14, 11)),
                      measurement("success-rate", "[0.97]", "Successful", at(14, 12)),
                      measurement("latency-p99", "412.5", "Inconclusive", at(14, 13)),
                      measurement("error-budget", "[0.5]", "Failed", at(14, 14))};
    t.events = {event("Normal", "RolloutStepCompleted", "Rollout step 1/5 completed", at(14, 1)),
                event("Warning", "AnalysisRunInconclusive", "metric latency-p99 | inconclusive",
                      at(14, 13, 5))};
    return t;
}

inline ReleaseGateEvaluation gateEvaluation(const char *gate, QDateTime time, GateOutcome outcome,
                                            std::optional<double> value)
{
    ReleaseGateEvaluation e;
    e.evaluatedAt = std::move(time);
    e.gate = QString::fromLatin1(gate);
    e.outcome = outcome;
    e.value = value;
    e.bound = QStringLiteral("max 0.02");
    e.samples = 10;
    e.windowMs = 300'000;
    return e;
}

// rich() with the live evaluations of two gates as the recorder keeps them. error-rate
// (config): passes, fails from 14:04:30, passes again from 14:06, then is not evaluated from
// 14:07 until 14:16. The analysis gate: inconclusive at 14:10, then passes.
inline ReleaseTimeline withGates()
{
    ReleaseTimeline t = rich();
    const char *errorRate = "error-rate";
    t.gates = {
        gateEvaluation(errorRate, at(14, 2), GateOutcome::Pass, 0.01),
        gateEvaluation(errorRate, at(14, 3), GateOutcome::Pass, 0.012),
        gateEvaluation(errorRate, at(14, 4, 30), GateOutcome::Fail, 0.05),
        gateEvaluation(errorRate, at(14, 5, 30), GateOutcome::Fail, 0.04),
        gateEvaluation(errorRate, at(14, 6), GateOutcome::Pass, 0.015),
        gateEvaluation(errorRate, at(14, 16), GateOutcome::Pass, 0.011),
    };
    t.gates[2].message = QStringLiteral("mean 0.05 is above max 0.02");
    const char *analysis = "checkout-7-3 / success-rate";
    for (auto [time, outcome, value] :
         {std::tuple {at(14, 10), GateOutcome::Inconclusive, std::optional<double>()},
          std::tuple {at(14, 11), GateOutcome::Pass, std::optional<double>(0.99)},
          std::tuple {at(14, 12), GateOutcome::Pass, std::optional<double>(0.97)}}) {
        ReleaseGateEvaluation e = gateEvaluation(analysis, time, outcome, value);
        e.source = GateResult::Source::Analysis;
        e.bound = QStringLiteral("result[0] >= 0.95");
        t.gates.append(e);
    }
    return t;
}

// Revision 6: 30 minutes, steps 0 = 120 s, 1 = 600 s, 2 = 1080 s; success-rate 0.9 and 0.92.
inline ReleaseTimeline previous()
{
    ReleaseTimeline t;
    t.summary = summary(6, at(13, 0), at(13, 30));
    t.transitions = {transition(at(13, 0), "Progressing", 0, 20, 20, false),
                     transition(at(13, 2), "Paused", 1, 20, 20, true),
                     transition(at(13, 12), "Healthy", 2, 100, 100, false)};
    t.measurements = {measurement("success-rate", "[0.9]", "Failed", at(13, 5)),
                      measurement("success-rate", "0.92", "Successful", at(13, 6))};
    return t;
}

} // namespace ReleaseTimelineFixture

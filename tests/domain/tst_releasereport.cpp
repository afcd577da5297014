// SPDX-License-Identifier: GPL-3.0-or-later
// The release report's Markdown and its helpers, from hand-built timelines whose every
// number is known: outcome, revision, a measurement with its conditions, an action with
// its user, events, the time spent at each step, pipe escaping and the comparison.
#include "../support/releasetimelinefixture.h"
#include "releasecompare.h"
#include "releasegates.h"
#include "releasereport.h"

#include <QtTest>

using namespace ReleaseTimelineFixture;

class TestReleaseReport : public QObject
{
    Q_OBJECT

private slots:
    void stepDurationsFollowTheTransitions()
    {
        const QMap<qint32, qint64> spent = ReleaseCompare::stepDurations(rich());
        const QMap<qint32, qint64> expected {{0, 60000},  {1, 300000}, {2, 240000},
                                             {3, 300000}, {4, 180000}, {5, 120000}};
        QCOMPARE(spent, expected);
    }

    void stepDurationsInProgressNeedAnEnd()
    {
        ReleaseTimeline t = rich();
        t.summary.endedAt = QDateTime();
        QVERIFY(!ReleaseCompare::stepDurations(t).contains(5));
        QCOMPARE(ReleaseCompare::stepDurations(t, at(14, 19)).value(5), 60000);
        QVERIFY(ReleaseCompare::stepDurations(ReleaseTimeline()).isEmpty());
    }

    void measurementNumbers()
    {
        QCOMPARE(ReleaseCompare::measurementNumbers(QStringLiteral("0.99")), QList<double> {0.99});
        QCOMPARE(ReleaseCompare::measurementNumbers(QStringLiteral("[0.99]")),
                 QList<double> {0.99});
        QCOMPARE(ReleaseCompare::measurementNumbers(QStringLiteral(" [1, 2.5] ")),
                 (QList<double> {1, 2.5}));
        QVERIFY(ReleaseCompare::measurementNumbers(QString()).isEmpty());
        QVERIFY(ReleaseCompare::measurementNumbers(QStringLiteral("[]")).isEmpty());
        QVERIFY(ReleaseCompare::measurementNumbers(QStringLiteral("NaN")).isEmpty());
        QVERIFY(ReleaseCompare::measurementNumbers(QStringLiteral("{\"a\":1}")).isEmpty());
    }

    void metricSummaries()
    {
        const auto summaries = ReleaseCompare::metricSummaries(rich().measurements);
        QCOMPARE(summaries.size(), 3);
        const auto &rate = summaries.at(2); // sorted by name
        QCOMPARE(rate.metric, QStringLiteral("success-rate"));
        QCOMPARE(rate.measurements, 2);
        QCOMPARE(rate.mean, 0.98);
        QCOMPARE(rate.last, 0.97);
        QCOMPARE(rate.minimum, 0.97);
        QCOMPARE(rate.maximum, 0.99);
        QCOMPARE(summaries.at(0).failed, 1); // error-budget
    }

    void texts()
    {
        QCOMPARE(ReleaseCompare::timeText(at(14, 3, 7)), QStringLiteral("2026-12-05 14:03:07 UTC"));
        QCOMPARE(ReleaseCompare::timeText(QDateTime()), QStringLiteral("—"));
        QCOMPARE(ReleaseCompare::durationText(3723000), QStringLiteral("1 h 02 min 03 s"));
        QCOMPARE(ReleaseCompare::durationText(245000), QStringLiteral("4 min 05 s"));
        QCOMPARE(ReleaseCompare::differenceText(-600000), QStringLiteral("−10 min 00 s"));
        QCOMPARE(ReleaseCompare::numberText(0.98), QStringLiteral("0.98"));
        QCOMPARE(ReleaseCompare::numberText(412.5), QStringLiteral("412.5"));
    }

    void markdownHasTheKeyFacts()
    {
        const QString md = releaseReportMarkdown(rich(), nullptr);
        QVERIFY2(md.startsWith(QStringLiteral("# Release report: checkout revision 7 in prod\n")),
                 qPrintable(md.left(200)));
        QVERIFY(md.contains(QStringLiteral("| Outcome | promoted |")));
        QVERIFY(md.contains(QStringLiteral("| Revision | 7 |")));
        QVERIFY(md.contains(QStringLiteral("| Duration | 20 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| Started | 2026-12-05 14:00:00 UTC |")));
        QVERIFY(md.contains(QStringLiteral("| Images | registry.example/shop/checkout:1.7.0 |")));
        // A measurement with its value, phase and both conditions on one row.
        QVERIFY(md.contains(QStringLiteral(
            "| 2026-12-05 14:11:00 UTC | checkout-7-3 | success-rate | [0.99] | Successful | "
            "result[0] >= 0.95 | result[0] < 0.9 |  |")));
        QVERIFY(md.contains(QStringLiteral("| checkout-7-3 | Step | Successful | "
                                           "2026-12-05 14:10:00 UTC | 2026-12-05 14:14:30 UTC | "
                                           "all metrics passed |")));
        QVERIFY(md.contains(QStringLiteral(
            "| 2026-12-05 14:06:00 UTC | resume | alice@example.com | succeeded |  |")));
        QVERIFY(
            md.contains(QStringLiteral("| 2026-12-05 14:15:00 UTC | promote | observed | — |")));
        QVERIFY(md.contains(QStringLiteral(
            "| 2026-12-05 14:01:00 UTC | Normal | RolloutStepCompleted | Rollout/checkout | "
            "Rollout step 1/5 completed | 1 |")));
        QVERIFY(!md.contains(QStringLiteral("Comparison")));
    }

    void markdownSteps()
    {
        const QString md = releaseReportMarkdown(rich(), nullptr);
        QVERIFY(md.contains(QStringLiteral("| 0 | setWeight: 20 | 1 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| 1 | pause: {} | 5 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| 2 | setWeight: 50 | 4 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| 3 | analysis: success-rate | 5 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| 4 | setWeight: 100 | 3 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| 5 | (after the last step) | 2 min 00 s |")));
        // The transition table in time order, the out-of-order one in its place.
        const qsizetype paused
            = md.indexOf(QStringLiteral("| 2026-12-05 14:01:00 UTC | Paused | 1 |"));
        const qsizetype resumed = md.indexOf(
            QStringLiteral("| 2026-12-05 14:06:00 UTC | Progressing | 2 | 50 % | 50 % |"));
        QVERIFY(paused > 0 && resumed > paused);
    }

    void pipesAreEscaped()
    {
        const QString md = releaseReportMarkdown(rich(), nullptr);
        QVERIFY(md.contains(QStringLiteral("metric latency-p99 \\| inconclusive")));
        QVERIFY(!md.contains(QStringLiteral("latency-p99 | inconclusive")));
        QCOMPARE(releaseReportMarkdownCell(QStringLiteral("a|b\nc")), QStringLiteral("a\\|b c"));
    }

    void comparison()
    {
        const ReleaseTimeline before = previous();
        const QString md = releaseReportMarkdown(rich(), &before);
        QVERIFY(md.contains(QStringLiteral("## Comparison with the previous release")));
        QVERIFY(
            md.contains(QStringLiteral("| Duration | 20 min 00 s | 30 min 00 s | −10 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| step 0 | 1 min 00 s | 2 min 00 s | −1 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| step 1 | 5 min 00 s | 10 min 00 s | −5 min 00 s |")));
        QVERIFY(
            md.contains(QStringLiteral("| step 2 | 4 min 00 s | 18 min 00 s | −14 min 00 s |")));
        QVERIFY(md.contains(QStringLiteral("| step 3 | 5 min 00 s | not reached | — |")));
        QVERIFY(
            md.contains(QStringLiteral("| success-rate | 0.98 | 0.97 | 0.91 | 0.92 | 2 / 2 |")));
        QVERIFY(md.contains(QStringLiteral("| latency-p99 | 412.5 | 412.5 | — | — | 1 / 0 |")));
    }

    void auditedActionsHideTheirObservedEcho()
    {
        const auto action = [](const char *name, ReleaseAction::Source source, int second,
                               const char *result = "") {
            ReleaseAction a;
            a.action = QString::fromLatin1(name);
            a.source = source;
            a.time = ReleaseTimelineFixture::at(14, 0, second);
            a.result = QString::fromLatin1(result);
            if (source == ReleaseAction::Source::Audit)
                a.user = QStringLiteral("alice");
            return a;
        };
        const auto audit = ReleaseAction::Source::Audit;
        const auto observed = ReleaseAction::Source::Observed;
        const QList<ReleaseAction> kept
            = actionsSeenOnce({action("pause", audit, 0, "succeeded"), action("pause", observed, 2),
                               action("resume", observed, 30), action("abort", audit, 40, "denied"),
                               action("abort", observed, 41)});
        QStringList names;
        for (const ReleaseAction &a : kept)
            names.append(
                a.action
                + (a.source == audit ? QStringLiteral("/audit") : QStringLiteral("/observed")));
        // The pause's echo goes; the resume was somebody else's; a denied abort is no
        // explanation for an abort the watch saw.
        QCOMPARE(names,
                 (QStringList {QStringLiteral("pause/audit"), QStringLiteral("resume/observed"),
                               QStringLiteral("abort/audit"), QStringLiteral("abort/observed")}));
    }

    void qualityGatesSection()
    {
        const QString md = releaseReportMarkdown(withGates(), nullptr);
        // After the steps, before the safety nets; one row per gate in order of its first
        // evaluation: the worst outcome, the first failure, the last value and bound.
        const QString expected = QStringLiteral(
            "## Quality gates\n\n"
            "The live evaluations of each gate on this release's canary: every change of a "
            "gate's outcome was recorded, and otherwise one evaluation a minute.\n\n"
            "| Gate | Source | Worst outcome | First failed | Last value | Bound |\n"
            "|---|---|---|---|---|---|\n"
            "| error-rate | config | Fail | 2026-12-05 14:04:30 UTC | 0.011 | max 0.02 |\n"
            "| checkout-7-3 / success-rate | analysis | Inconclusive | never | 0.97 | "
            "result[0] >= 0.95 |\n\n"
            "## Safety nets\n\n");
        QVERIFY2(md.contains(expected), qPrintable(md));
        QVERIFY(md.indexOf(QStringLiteral("## Steps")) < md.indexOf(expected));

        // A relative gate's last value names the stable's; no value and no bound say so.
        ReleaseTimeline t = withGates();
        t.gates.last().stableValue = 0.995;
        t.gates.append(gateEvaluation("latency", at(14, 17), GateOutcome::Error, std::nullopt));
        t.gates.last().bound.clear();
        const QString other = releaseReportMarkdown(t, nullptr);
        QVERIFY(other.contains(QStringLiteral("| 0.97 (stable 0.995) | result[0] >= 0.95 |")));
        QVERIFY(
            other.contains(QStringLiteral("| latency | config | Error | never | no value | — |")));

        QVERIFY(releaseReportMarkdown(rich(), nullptr)
                    .contains(QStringLiteral(
                        "## Quality gates\n\nNo quality gate evaluations were recorded.\n\n")));
    }

    void gateSpans()
    {
        const ReleaseTimeline t = withGates();
        const auto spans = [&t](const char *gate) {
            QStringList out;
            for (const ReleaseGates::Span &s :
                 ReleaseGates::spans(t.gates, QString::fromLatin1(gate), t.summary.endedAt))
                out.append(QStringLiteral("%1 %2-%3")
                               .arg(GateOutcomes::id(s.outcome),
                                    s.from.toString(QStringLiteral("HH:mm:ss")),
                                    s.to.toString(QStringLiteral("HH:mm:ss"))));
            return out;
        };
        // Joined while the outcome stays, held a minute before a gap of ten.
        QCOMPARE(spans("error-rate"),
                 QStringList({"Pass 14:02:00-14:04:30", "Fail 14:04:30-14:06:00",
                              "Pass 14:06:00-14:07:00", "Pass 14:16:00-14:17:00"}));
        QCOMPARE(spans("checkout-7-3 / success-rate"),
                 QStringList({"Inconclusive 14:10:00-14:11:00", "Pass 14:11:00-14:13:00"}));
        // Never past the release's end.
        QCOMPARE(
            ReleaseGates::spans(t.gates, QStringLiteral("error-rate"), at(14, 16, 30)).last().to,
            at(14, 16, 30));
        QVERIFY(ReleaseGates::spans(t.gates, QStringLiteral("nothing")).isEmpty());
    }

    void emptyAndPartialTimelines()
    {
        ReleaseTimeline t;
        t.summary.partiallyObserved = true;
        t.summary.workloadDeletedAt = at(15, 0);
        const QString md = releaseReportMarkdown(t, &t);
        QVERIFY(md.contains(QStringLiteral("No analysis runs were recorded.")));
        QVERIFY(md.contains(QStringLiteral("No measurements were recorded.")));
        QVERIFY(md.contains(QStringLiteral("No actions were recorded.")));
        QVERIFY(md.contains(QStringLiteral("No events were recorded.")));
        QVERIFY(md.contains(QStringLiteral("No transitions were recorded.")));
        QVERIFY(md.contains(QStringLiteral("Partially observed")));
        QVERIFY(
            md.contains(QStringLiteral("The workload was deleted at 2026-12-05 15:00:00 UTC.")));
        QVERIFY(md.contains(QStringLiteral("| Outcome | in progress |")));
    }
};

QTEST_GUILESS_MAIN(TestReleaseReport)
#include "tst_releasereport.moc"

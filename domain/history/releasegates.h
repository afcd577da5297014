// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// What the review makes of a release's recorded gate evaluations (ReleaseTimeline::gates),
// shared by the report's "Quality gates" section and the timeline's gate rows so both read
// them alike. The record holds every change of a gate's outcome and, while it stays the same,
// one evaluation a minute (HistoryRecorder::recordGateReport).
class ReleaseGates
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseGates)

public:
    // A gap between two stored evaluations of one gate longer than this means it was not
    // evaluated in between (the dashboard was closed, the rollout had no canary): the timeline
    // leaves it empty rather than carry the outcome across.
    static constexpr qint64 maxGapMs = 5 * 60 * 1000;

    struct Summary
    {
        QString gate;
        GateResult::Source source = GateResult::Source::Config;
        GateOutcome worst = GateOutcome::Pass;
        QDateTime firstFailedAt; // the first Fail; null when it never failed
        ReleaseGateEvaluation last; // the latest evaluation recorded
        int evaluations = 0;
    };
    // One per gate, in order of its first evaluation; evaluations without a time are left out.
    static QList<Summary> summaries(const QList<ReleaseGateEvaluation> &gates);

    // A stretch of time in which one gate had one outcome.
    struct Span
    {
        QString gate;
        GateOutcome outcome = GateOutcome::Inconclusive;
        QDateTime from;
        QDateTime to;
        ReleaseGateEvaluation first; // the evaluation it began with
    };
    // One gate's evaluations as spans, in time order: each evaluation holds until the gate's
    // next one (then joined with it when the outcome is the same), or, after the last one or
    // before a gap longer than maxGapMs, for a minute; never past `end` when it is valid
    // (the release's end), and never less than nothing.
    static QList<Span> spans(const QList<ReleaseGateEvaluation> &gates, const QString &gate,
                             const QDateTime &end = QDateTime());

    // "0.94", "0.94 (stable 0.9)", or "no value".
    static QString valueText(const ReleaseGateEvaluation &evaluation);
    // "config", "analysis", translated.
    static QString sourceText(GateResult::Source source);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasegates.h"

#include "releasecompare.h"

#include <algorithm>

namespace {

// A gate's evaluations with a time, in time order (stable: the order read is kept on ties).
QList<ReleaseGateEvaluation> ordered(const QList<ReleaseGateEvaluation> &gates,
                                     const QString *onlyGate)
{
    QList<ReleaseGateEvaluation> list;
    for (const ReleaseGateEvaluation &e : gates) {
        if (e.evaluatedAt.isValid() && (!onlyGate || e.gate == *onlyGate))
            list.append(e);
    }
    std::stable_sort(list.begin(), list.end(),
                     [](const ReleaseGateEvaluation &a, const ReleaseGateEvaluation &b) {
                         return a.evaluatedAt < b.evaluatedAt;
                     });
    return list;
}

// How long a stored evaluation stands for when nothing follows it closely: a steady gate is
// stored at least once a minute.
constexpr qint64 holdMs = 60 * 1000;

} // namespace

QList<ReleaseGates::Summary> ReleaseGates::summaries(const QList<ReleaseGateEvaluation> &gates)
{
    QList<Summary> result;
    for (const ReleaseGateEvaluation &e : ordered(gates, nullptr)) {
        auto it = std::find_if(result.begin(), result.end(),
                               [&e](const Summary &s) { return s.gate == e.gate; });
        if (it == result.end()) {
            Summary s;
            s.gate = e.gate;
            s.source = e.source;
            s.worst = e.outcome;
            result.append(s);
            it = result.end() - 1;
        }
        it->worst = GateOutcomes::worst(it->worst, e.outcome);
        if (e.outcome == GateOutcome::Fail && !it->firstFailedAt.isValid())
            it->firstFailedAt = e.evaluatedAt;
        it->last = e;
        ++it->evaluations;
    }
    return result;
}

QList<ReleaseGates::Span> ReleaseGates::spans(const QList<ReleaseGateEvaluation> &gates,
                                              const QString &gate, const QDateTime &end)
{
    const QList<ReleaseGateEvaluation> list = ordered(gates, &gate);
    QList<Span> result;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const ReleaseGateEvaluation &e = list.at(i);
        QDateTime to = e.evaluatedAt.addMSecs(holdMs);
        if (i + 1 < list.size() && e.evaluatedAt.msecsTo(list.at(i + 1).evaluatedAt) <= maxGapMs)
            to = list.at(i + 1).evaluatedAt;
        if (end.isValid())
            to = std::min(to, end);
        to = std::max(to, e.evaluatedAt);
        if (!result.isEmpty() && result.last().outcome == e.outcome
            && result.last().to == e.evaluatedAt) {
            result.last().to = std::max(result.last().to, to);
            continue;
        }
        result.append(Span {e.gate, e.outcome, e.evaluatedAt, to, e});
    }
    return result;
}

QString ReleaseGates::valueText(const ReleaseGateEvaluation &evaluation)
{
    if (!evaluation.value)
        return tr("no value");
    QString text = ReleaseCompare::numberText(*evaluation.value);
    if (evaluation.stableValue)
        text = tr("%1 (stable %2)").arg(text, ReleaseCompare::numberText(*evaluation.stableValue));
    return text;
}

QString ReleaseGates::sourceText(GateResult::Source source)
{
    return source == GateResult::Source::Analysis ? tr("analysis") : tr("config");
}

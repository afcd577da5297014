// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTracker's quality gates: a live GateReport placed on the release of its canary, and
// which of its evaluations are kept (releasetracker.h, applyGateReport).
#include "releasetracker.h"

#include "secretredaction.h"

namespace {

ReleaseGateEvaluation evaluationOf(const GateResult &gate, qint64 reportAtMs)
{
    ReleaseGateEvaluation e;
    e.evaluatedAt = QDateTime::fromMSecsSinceEpoch(
        gate.evaluatedAtMs > 0 ? gate.evaluatedAtMs : reportAtMs, Qt::UTC);
    e.gate = gate.name;
    e.source = gate.source;
    e.outcome = gate.outcome;
    e.value = gate.value;
    e.worstValue = gate.worstValue;
    e.stableValue = gate.stableValue;
    // An analysis gate's bound is the AnalysisTemplate's conditions: the cluster's text. A
    // config gate's is ours, made from the config file's numbers.
    e.bound = gate.source == GateResult::Source::Analysis
        ? SecretRedaction::redactForeign(gate.bound)
        : gate.bound;
    e.samples = gate.samples;
    e.windowMs = gate.windowMs;
    // It may carry Prometheus' error or the controller's measurement message; it is kept on
    // disk and exported.
    e.message = SecretRedaction::redactForeign(gate.message);
    return e;
}

} // namespace

HistoryWrite ReleaseTracker::applyGateReport(const GateReport &report)
{
    HistoryWrite write;
    forgetFinishedGates();
    const std::optional<ReleaseKey> release = releaseOfCanary(report);
    if (!release)
        return write;
    QHash<QString, KeptGate> &kept = m_keptGates[*release];
    for (const GateResult &gate : report.gates) {
        const ReleaseGateEvaluation e = evaluationOf(gate, report.evaluatedAtMs);
        const qint64 atMs = e.evaluatedAt.toMSecsSinceEpoch();
        const auto last = kept.constFind(gate.name);
        // An older evaluation of the same outcome arriving late says nothing new either.
        const bool keep = last == kept.constEnd() || last->outcome != gate.outcome
            || atMs >= last->atMs + gateRecordIntervalMs;
        if (!keep)
            continue;
        kept.insert(gate.name, KeptGate {gate.outcome, atMs});
        write.gateEvaluations.append({*release, e});
    }
    return write;
}

std::optional<ReleaseKey> ReleaseTracker::releaseOfCanary(const GateReport &report) const
{
    if (report.environment != m_environment)
        return std::nullopt;
    return releaseOfCanaryHash(report.namespaceName, report.rollout, report.canaryHash,
                               report.evaluatedAtMs);
}

std::optional<ReleaseKey> ReleaseTracker::releaseOfCanaryHash(const QString &namespaceName,
                                                              const QString &rollout,
                                                              const QString &hash,
                                                              qint64 atMs) const
{
    if (hash.isEmpty() || atMs <= 0)
        return std::nullopt;
    const QString uid = rolloutUidOf(WorkloadDeltaBatch::key(namespaceName, rollout));
    if (uid.isEmpty())
        return std::nullopt;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    // Newest first: an undo's release has the pod template hash of an earlier one, and only
    // one of them was in progress at that moment.
    const QList<ReleaseKey> releases = m_releasesByWorkload.value(uid);
    for (auto it = releases.crbegin(); it != releases.crend(); ++it) {
        const ReleaseSummary &s = summaryOf(*it);
        if (s.podTemplateHash != hash)
            continue;
        // A finished release counts up to its end; one found finished without a known end
        // (a catch-up) was not in progress then.
        const bool begun = !s.startedAt.isValid() || s.startedAt <= at;
        const bool inProgress
            = s.outcome == ReleaseOutcome::InProgress || (s.endedAt.isValid() && at <= s.endedAt);
        if (begun && inProgress)
            return *it;
    }
    return std::nullopt;
}

void ReleaseTracker::forgetFinishedGates()
{
    // What was kept of a finished (or forgotten) release is no longer needed, and the map
    // stays as small as the releases in progress: a late report for a finished release is
    // then kept whole, a few rows more at worst.
    for (auto it = m_keptGates.begin(); it != m_keptGates.end();) {
        const auto release = m_releases.constFind(it.key());
        if (release == m_releases.constEnd() || release->outcome != ReleaseOutcome::InProgress)
            it = m_keptGates.erase(it);
        else
            ++it;
    }
}

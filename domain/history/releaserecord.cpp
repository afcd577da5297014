// SPDX-License-Identifier: GPL-3.0-or-later
#include "releaserecord.h"
#include "historywrite.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace {

constexpr std::array<std::pair<ReleaseOutcome, const char *>, 5> outcomeNames {{
    {ReleaseOutcome::InProgress, "in-progress"},
    {ReleaseOutcome::Promoted, "promoted"},
    {ReleaseOutcome::Aborted, "aborted"},
    {ReleaseOutcome::Superseded, "superseded"},
    {ReleaseOutcome::Deleted, "deleted"},
}};

} // namespace

QString releaseOutcomeName(ReleaseOutcome outcome)
{
    for (const auto &[value, name] : outcomeNames) {
        if (value == outcome)
            return QString::fromLatin1(name);
    }
    return QString();
}

bool releaseOutcomeFromName(const QString &name, ReleaseOutcome *out)
{
    for (const auto &[value, text] : outcomeNames) {
        if (name == QLatin1String(text)) {
            *out = value;
            return true;
        }
    }
    return false;
}

qint64 ReleaseSummary::durationMSecs() const
{
    if (!startedAt.isValid() || !endedAt.isValid())
        return -1;
    return startedAt.msecsTo(endedAt);
}

QString ReleaseSummary::displayName() const
{
    return key.environment + QLatin1Char('/') + namespaceName + QLatin1Char('/') + workload
        + QStringLiteral(" #") + QString::number(key.revision);
}

bool ReleaseSummary::operator==(const ReleaseSummary &o) const
{
    return id == o.id && key == o.key && namespaceName == o.namespaceName && workload == o.workload
        && kind == o.kind && strategy == o.strategy && podTemplateHash == o.podTemplateHash
        && images == o.images && stepCount == o.stepCount && startedAt == o.startedAt
        && endedAt == o.endedAt && outcome == o.outcome && partiallyObserved == o.partiallyObserved
        && firstObservedAt == o.firstObservedAt && workloadDeletedAt == o.workloadDeletedAt;
}

bool ReleaseTransition::operator==(const ReleaseTransition &o) const
{
    return time == o.time && phase == o.phase && step == o.step && desiredWeight == o.desiredWeight
        && actualWeight == o.actualWeight && paused == o.paused && message == o.message;
}

bool ReleaseAction::operator==(const ReleaseAction &o) const
{
    return time == o.time && action == o.action && source == o.source && user == o.user
        && result == o.result && message == o.message && auditId == o.auditId;
}

bool ReleaseMeasurement::operator==(const ReleaseMeasurement &o) const
{
    return analysisRun == o.analysisRun && runKind == o.runKind && metric == o.metric
        && phase == o.phase && value == o.value && message == o.message
        && successCondition == o.successCondition && failureCondition == o.failureCondition
        && startedAt == o.startedAt && finishedAt == o.finishedAt;
}

bool ReleaseAnalysisRun::operator==(const ReleaseAnalysisRun &o) const
{
    return name == o.name && runKind == o.runKind && phase == o.phase && message == o.message
        && startedAt == o.startedAt && completedAt == o.completedAt;
}

bool ReleaseEvent::operator==(const ReleaseEvent &o) const
{
    return uid == o.uid && type == o.type && reason == o.reason && message == o.message
        && objectKind == o.objectKind && objectName == o.objectName && count == o.count
        && firstSeen == o.firstSeen && lastSeen == o.lastSeen;
}

bool ReleaseGateEvaluation::operator==(const ReleaseGateEvaluation &o) const
{
    return evaluatedAt == o.evaluatedAt && gate == o.gate && source == o.source
        && outcome == o.outcome && value == o.value && worstValue == o.worstValue
        && stableValue == o.stableValue && bound == o.bound && samples == o.samples
        && windowMs == o.windowMs && message == o.message;
}

QString gateSourceName(GateResult::Source source)
{
    return source == GateResult::Source::Analysis ? QStringLiteral("analysis")
                                                  : QStringLiteral("config");
}

bool gateSourceFromName(const QString &name, GateResult::Source *out)
{
    for (const GateResult::Source source :
         {GateResult::Source::Config, GateResult::Source::Analysis}) {
        if (gateSourceName(source) == name) {
            *out = source;
            return true;
        }
    }
    return false;
}

QList<ReleaseAction> actionsSeenOnce(const QList<ReleaseAction> &actions)
{
    constexpr qint64 echoMSecs = 60'000;
    QList<ReleaseAction> kept;
    for (const ReleaseAction &a : actions) {
        const bool echo = a.source == ReleaseAction::Source::Observed
            && std::any_of(actions.cbegin(), actions.cend(), [&a](const ReleaseAction &b) {
                              return b.source == ReleaseAction::Source::Audit
                                  && b.action == a.action && b.result == QLatin1String("succeeded")
                                  && a.time.isValid() && b.time.isValid()
                                  && std::abs(b.time.msecsTo(a.time)) <= echoMSecs;
                          });
        if (!echo)
            kept.append(a);
    }
    return kept;
}

void HistoryWrite::append(const HistoryWrite &other)
{
    releases += other.releases;
    stepTexts += other.stepTexts;
    transitions += other.transitions;
    actions += other.actions;
    analysisRuns += other.analysisRuns;
    measurements += other.measurements;
    events += other.events;
    gateEvaluations += other.gateEvaluations;
    safetyNets += other.safetyNets;
    deletedWorkloads += other.deletedWorkloads;
}

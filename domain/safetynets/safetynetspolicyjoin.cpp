// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetsAssembler's policy joins: PolicyReport results, Gatekeeper violations and
// admission denials about the rollout.
#include "safetynetsjoin_p.h"

#include <QSet>

#include <algorithm>

namespace SafetyNetsJoin {

bool JoinTargets::names(const ObjectRef &ref) const
{
    if (!ref.namespace_.isEmpty() && ref.namespace_ != namespace_)
        return false;
    if (ref.kind == QLatin1String("Rollout"))
        return !rollout.isEmpty() && ref.name == rollout;
    return std::any_of(sides.cbegin(), sides.cend(), [&](const SafetyNetSide &side) {
        if (ref.kind == QLatin1String("ReplicaSet"))
            return !side.replicaSet.isEmpty() && ref.name == side.replicaSet;
        return ref.kind == QLatin1String("Pod") && sideOwnsPod(side, ref.name);
    });
}

namespace {

bool isFailing(const PolicyResult &r)
{
    return r.result == QLatin1String("fail") || r.result == QLatin1String("error");
}

QString ruleKey(const PolicyResult &r)
{
    return r.policy + QLatin1Char('\n') + r.rule;
}

// Results that name one of the targets in resources[], or whose report's scope does when
// they name nothing themselves (Kyverno writes one report per resource, scoped to it).
QList<PolicyResult> resultsAbout(const QList<PolicyReport> &reports, const JoinTargets &targets)
{
    QList<PolicyResult> out;
    for (const PolicyReport &report : reports) {
        for (const PolicyResult &result : report.results) {
            const QList<ObjectRef> named
                = result.resources.isEmpty() ? QList<ObjectRef> {report.scope} : result.resources;
            if (std::any_of(named.cbegin(), named.cend(),
                            [&](const ObjectRef &ref) { return targets.names(ref); }))
                out.append(result);
        }
    }
    return out;
}

QList<PolicyResult> failingNewestFirst(const QList<PolicyResult> &results)
{
    QList<PolicyResult> out;
    std::copy_if(results.cbegin(), results.cend(), std::back_inserter(out), isFailing);
    std::stable_sort(out.begin(), out.end(), [](const PolicyResult &a, const PolicyResult &b) {
        return a.timestampMs > b.timestampMs;
    });
    return out;
}

void count(PolicyCounts *counts, const PolicyResult &r)
{
    if (r.result == QLatin1String("pass"))
        ++counts->pass;
    else if (r.result == QLatin1String("fail"))
        ++counts->fail;
    else if (r.result == QLatin1String("warn"))
        ++counts->warn;
    else if (r.result == QLatin1String("error"))
        ++counts->error;
    else if (r.result == QLatin1String("skip"))
        ++counts->skip;
}

// Failing for the canary's ReplicaSet or pods and not for the stable's: what this release
// breaks. Results about the Rollout object itself belong to neither side.
QList<PolicyResult> newFailures(const QList<PolicyReport> &reports, const SafetyNets &nets)
{
    if (nets.canary.replicaSet.isEmpty())
        return {};
    const auto canary = failingNewestFirst(
        resultsAbout(reports, JoinTargets {nets.namespace_, QString(), {nets.canary}}));
    QSet<QString> seen;
    for (const PolicyResult &r :
         failingNewestFirst(resultsAbout(reports, {nets.namespace_, QString(), {nets.stable}})))
        seen.insert(ruleKey(r));
    QList<PolicyResult> out;
    for (const PolicyResult &r : canary) {
        if (!seen.contains(ruleKey(r))) {
            seen.insert(ruleKey(r));
            out.append(r);
        }
    }
    return out;
}

QList<GatekeeperViolation> gatekeeper(const RolloutDetail &detail, const SafetyNetInventory &own,
                                      const QString &namespaceName)
{
    JoinTargets targets {namespaceName, detail.rollout.metadata.name, {}};
    for (const ReplicaSet &rs : detail.replicaSets)
        targets.sides.append(sideOf(detail, rs));
    QList<GatekeeperViolation> out;
    for (const GatekeeperConstraint &constraint : own.gatekeeperConstraints) {
        for (GatekeeperViolation v : constraint.violations) {
            const bool theNamespace
                = v.object.kind == QLatin1String("Namespace") && v.object.name == namespaceName;
            if (!theNamespace && !targets.names(v.object))
                continue;
            if (v.constraintKind.isEmpty())
                v.constraintKind = constraint.kind;
            if (v.constraintName.isEmpty())
                v.constraintName = constraint.name;
            if (v.enforcementAction.isEmpty())
                v.enforcementAction = constraint.enforcementAction;
            out.append(v);
        }
    }
    return out;
}

// Enforced policies leave no report (anchors 7.2): their denials are only in the
// controllers' Warning events, e.g. FailedCreate of a ReplicaSet.
QStringList admissionDenials(const QList<Event> &events)
{
    QStringList out;
    for (const Event &e : events) {
        if (e.type != QLatin1String("Warning"))
            continue;
        const bool webhook
            = e.message.contains(QLatin1String("admission webhook"), Qt::CaseInsensitive)
            && e.message.contains(QLatin1String("denied"), Qt::CaseInsensitive);
        const bool podSecurity = e.message.contains(QLatin1String("violates PodSecurity"));
        if ((webhook || podSecurity) && !out.contains(e.message))
            out.append(e.message);
    }
    return out;
}

} // namespace

SafetyNets::Policy policy(const RolloutDetail &detail, const SafetyNetInventory &own,
                          const SafetyNets &nets, const SafetyNetSide &current)
{
    SafetyNets::Policy out;
    const auto results
        = resultsAbout(own.policyReports, JoinTargets {nets.namespace_, nets.rollout, {current}});
    for (const PolicyResult &r : results)
        count(&out.counts, r);
    out.failing = failingNewestFirst(results);
    out.newFailures = newFailures(own.policyReports, nets);
    out.gatekeeper = gatekeeper(detail, own, nets.namespace_);
    out.admissionDenials = admissionDenials(detail.events);
    return out;
}

} // namespace SafetyNetsJoin

// SPDX-License-Identifier: GPL-3.0-or-later
// Policy results. PolicyReport / ClusterPolicyReport (kubernetes-sigs/wg-policy-prototypes
// 25056e1f, policy-report/pkg/api/wgpolicyk8s.io/v1alpha2 and v1beta1/policyreport_types.go)
// and openreports.io/v1alpha1 Report / ClusterReport (openreports/reports-api 6e36367d,
// apis/openreports.io/v1alpha1/report_types.go) share one shape: scope (an ObjectReference),
// summary{pass, fail, warn, error, skip}, results[]{source, policy, rule, category, severity,
// timestamp, result, resources[] (ObjectReferences), message}. v1beta1 and openreports.io add
// a report-level source that a result without its own inherits. A result's timestamp is a
// metav1.Timestamp, {seconds, nanos}, not an RFC 3339 string.
// Gatekeeper (open-policy-agent/gatekeeper dd8507eb, pkg/audit/manager.go): every constraint
// kind of constraints.gatekeeper.sh/v1beta1 carries spec.enforcementAction (deny when absent;
// dryrun, warn, scoped) and the audit's status.totalViolations and status.violations[]
// {group, version, kind, name, namespace, message, enforcementAction, enforcementActions[]
// (for scoped)}, capped by --constraint-violations-limit.
#include "safetynetdecoder_p.h"

using namespace SafetyNetRead;

namespace {

void readPolicySummary(Context &ctx, Element value, const Path &path, PolicyCounts &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "pass"))
            readInt32(ctx, v, p, out.pass);
        else if (is(key, "fail"))
            readInt32(ctx, v, p, out.fail);
        else if (is(key, "warn"))
            readInt32(ctx, v, p, out.warn);
        else if (is(key, "error"))
            readInt32(ctx, v, p, out.error);
        else if (is(key, "skip"))
            readInt32(ctx, v, p, out.skip);
    });
}

void readPolicyResult(Context &ctx, Element value, const Path &path, PolicyResult &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "source")) {
            readWord(ctx, v, p, out.source);
        } else if (is(key, "policy")) {
            readWord(ctx, v, p, out.policy);
        } else if (is(key, "rule")) {
            readWord(ctx, v, p, out.rule);
        } else if (is(key, "category")) {
            readWord(ctx, v, p, out.category);
        } else if (is(key, "severity")) {
            readWord(ctx, v, p, out.severity);
        } else if (is(key, "result")) {
            readWord(ctx, v, p, out.result);
        } else if (is(key, "message")) {
            readText(ctx, v, p, out.message);
        } else if (is(key, "timestamp")) {
            readTimestampMs(ctx, v, p, out.timestampMs);
        } else if (is(key, "resources")) {
            forEachBounded(ctx, v, p, SafetyNetLimits::maxResourcesPerResult,
                           [&](Element resource, const Path &rp) {
                               readObjectRef(ctx, resource, rp, out.resources.emplaceBack());
                           });
        }
    });
}

void readPolicyReport(Context &ctx, Element item, const Path &path, PolicyReport &out)
{
    QString source;
    forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata")) {
            ItemMeta meta;
            readItemMeta(ctx, v, p, meta);
            out.name = meta.name;
            out.namespace_ = meta.namespace_;
        } else if (is(key, "scope")) {
            readObjectRef(ctx, v, p, out.scope);
        } else if (is(key, "summary")) {
            readPolicySummary(ctx, v, p, out.summary);
        } else if (is(key, "source")) {
            readWord(ctx, v, p, source);
        } else if (is(key, "results")) {
            out.truncated
                = forEachBounded(ctx, v, p, SafetyNetLimits::maxPolicyResultsPerReport,
                                 [&](Element result, const Path &rp) {
                                     readPolicyResult(ctx, result, rp, out.results.emplaceBack());
                                 });
        }
    });
    for (PolicyResult &result : out.results) {
        if (result.source.isEmpty())
            result.source = source;
    }
}

void readViolation(Context &ctx, Element value, const Path &path, GatekeeperViolation &out)
{
    QStringList actions;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "kind"))
            readWord(ctx, v, p, out.object.kind);
        else if (is(key, "name"))
            readText(ctx, v, p, out.object.name);
        else if (is(key, "namespace"))
            readWord(ctx, v, p, out.object.namespace_);
        else if (is(key, "message"))
            readText(ctx, v, p, out.message);
        else if (is(key, "enforcementAction"))
            readWord(ctx, v, p, out.enforcementAction);
        else if (is(key, "enforcementActions"))
            appendValues(ctx, v, p, actions, 8);
    });
    // A scoped constraint acts differently per enforcement point; the actions it lists are
    // what happened, "scoped" alone says nothing.
    if (out.enforcementAction == QLatin1String("scoped") && !actions.isEmpty())
        out.enforcementAction = actions.join(QLatin1Char(','));
}

void readConstraintStatus(Context &ctx, Element value, const Path &path, GatekeeperConstraint &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "totalViolations")) {
            readInt64(ctx, v, p, out.totalViolations);
        } else if (is(key, "violations")) {
            out.truncated = forEachBounded(ctx, v, p, SafetyNetLimits::maxViolationsPerConstraint,
                                           [&](Element violation, const Path &vp) {
                                               readViolation(ctx, violation, vp,
                                                             out.violations.emplaceBack());
                                           });
        }
    });
}

} // namespace

ObjectList<PolicyReport> SafetyNetDecoder::policyReports(const QByteArray &body)
{
    return decodeList<PolicyReport>(
        body, [](Context &ctx, Element item, const Path &path, QList<PolicyReport> &out) {
            readPolicyReport(ctx, item, path, out.emplaceBack());
        });
}

ObjectList<GatekeeperConstraint> SafetyNetDecoder::gatekeeperConstraints(const QByteArray &body)
{
    QString listKind;
    ObjectList<GatekeeperConstraint> list = decodeList<GatekeeperConstraint>(
        body,
        [](Context &ctx, Element item, const Path &path, QList<GatekeeperConstraint> &out) {
            GatekeeperConstraint &constraint = out.emplaceBack();
            constraint.kind = kindOf(item);
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata")) {
                    ItemMeta meta;
                    readItemMeta(ctx, v, p, meta);
                    constraint.name = meta.name;
                } else if (is(key, "spec")) {
                    forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                        if (is(k, "enforcementAction"))
                            readWord(ctx, sv, sp, constraint.enforcementAction);
                    });
                } else if (is(key, "status")) {
                    readConstraintStatus(ctx, v, p, constraint);
                }
            });
        },
        &listKind);
    for (GatekeeperConstraint &constraint : list.items) {
        constraint.kind = itemKind(constraint.kind, listKind);
        if (constraint.enforcementAction.isEmpty())
            constraint.enforcementAction = QStringLiteral("deny"); // Gatekeeper's default
        for (GatekeeperViolation &violation : constraint.violations) {
            violation.constraintKind = constraint.kind;
            violation.constraintName = constraint.name;
            if (violation.enforcementAction.isEmpty())
                violation.enforcementAction = constraint.enforcementAction;
        }
    }
    return list;
}

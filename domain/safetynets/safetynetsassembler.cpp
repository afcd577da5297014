// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetsassembler.h"

#include "safetynetsjoin_p.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace SafetyNetsJoin {

SafetyNetSide sideOf(const RolloutDetail &detail, const ReplicaSet &replicaSet)
{
    SafetyNetSide side;
    side.replicaSet = replicaSet.metadata.name;
    side.replicaSetUid = replicaSet.metadata.uid;
    side.podTemplateHash = replicaSet.podTemplateHash();
    side.images = replicaSet.podTemplate.images();
    for (const Pod &pod : detail.podsByReplicaSetUid.value(replicaSet.metadata.uid))
        side.pods.append(pod.metadata.name);
    if (replicaSet.metadata.creationTimestamp.isValid())
        side.createdMs = replicaSet.metadata.creationTimestamp.toMSecsSinceEpoch();
    return side;
}

const ReplicaSet *replicaSetNamed(const RolloutDetail &detail, const QString &name)
{
    for (const ReplicaSet &rs : detail.replicaSets) {
        if (!name.isEmpty() && rs.metadata.name == name)
            return &rs;
    }
    return nullptr;
}

bool sideOwnsPod(const SafetyNetSide &side, const QString &pod)
{
    if (side.replicaSet.isEmpty())
        return false;
    return side.pods.contains(pod) || pod.startsWith(side.replicaSet + QLatin1Char('-'));
}

} // namespace SafetyNetsJoin

using namespace SafetyNetsJoin;

namespace {

SafetyNetSide sideWithHash(const RolloutDetail &detail, const QString &hash)
{
    if (hash.isEmpty())
        return {};
    for (const ReplicaSet &rs : detail.replicaSets) {
        if (rs.podTemplateHash() == hash)
            return sideOf(detail, rs);
    }
    return {};
}

// The newest report of each container of the ReplicaSet (a rescan may leave an older one
// behind until Trivy's garbage collection runs).
QList<VulnerabilityReport> reportsOf(const SafetyNetInventory &own, const QString &replicaSet)
{
    QMap<QString, VulnerabilityReport> byContainer;
    for (const VulnerabilityReport &report : own.vulnerabilityReports) {
        if (replicaSet.isEmpty() || report.owner.kind != QLatin1String("ReplicaSet")
            || report.owner.name != replicaSet)
            continue;
        const auto found = byContainer.constFind(report.container);
        if (found == byContainer.cend() || found->updatedMs < report.updatedMs)
            byContainer.insert(report.container, report);
    }
    return byContainer.values();
}

bool everyContainerScanned(const ReplicaSet *rs, const QList<VulnerabilityReport> &reports)
{
    if (!rs || rs->podTemplate.containers.isEmpty())
        return !reports.isEmpty();
    return std::all_of(rs->podTemplate.containers.cbegin(), rs->podTemplate.containers.cend(),
                       [&](const ContainerSpec &c) {
                           return std::any_of(
                               reports.cbegin(), reports.cend(),
                               [&](const VulnerabilityReport &r) { return r.container == c.name; });
                       });
}

SeverityCounts summed(const QList<VulnerabilityReport> &reports)
{
    SeverityCounts sum;
    for (const VulnerabilityReport &r : reports) {
        sum.critical += r.summary.critical;
        sum.high += r.summary.high;
        sum.medium += r.summary.medium;
        sum.low += r.summary.low;
        sum.unknown += r.summary.unknown;
    }
    return sum;
}

QString vulnerabilityKey(const Vulnerability &v)
{
    return v.id + QLatin1Char('\n') + v.package;
}

// Each (ID, package) once, over all the side's containers.
QHash<QString, Vulnerability> vulnerabilitiesOf(const QList<VulnerabilityReport> &reports)
{
    QHash<QString, Vulnerability> byKey;
    for (const VulnerabilityReport &r : reports) {
        for (const Vulnerability &v : r.vulnerabilities)
            byKey.insert(vulnerabilityKey(v), v);
    }
    return byKey;
}

int severityRank(const QString &severity)
{
    static const QStringList order {QStringLiteral("CRITICAL"), QStringLiteral("HIGH"),
                                    QStringLiteral("MEDIUM"), QStringLiteral("LOW")};
    const int rank = order.indexOf(severity.toUpper());
    return rank < 0 ? int(order.size()) : rank;
}

// In `from`, not in `other`: the worst first, then by score, then by ID for a stable order.
QList<Vulnerability> difference(const QHash<QString, Vulnerability> &from,
                                const QHash<QString, Vulnerability> &other)
{
    QList<Vulnerability> out;
    for (auto it = from.cbegin(); it != from.cend(); ++it) {
        if (!other.contains(it.key()))
            out.append(it.value());
    }
    std::sort(out.begin(), out.end(), [](const Vulnerability &a, const Vulnerability &b) {
        const int ra = severityRank(a.severity), rb = severityRank(b.severity);
        if (ra != rb)
            return ra < rb;
        if (a.score != b.score)
            return a.score > b.score;
        return vulnerabilityKey(a) < vulnerabilityKey(b);
    });
    return out;
}

QList<ConfigAuditCheck> configFailures(const SafetyNetInventory &own, const QString &kind,
                                       const QString &name)
{
    QList<ConfigAuditCheck> out;
    for (const ConfigAuditReport &report : own.configAuditReports) {
        if (name.isEmpty() || report.owner.kind != kind || report.owner.name != name)
            continue;
        for (const ConfigAuditCheck &check : report.checks) {
            if (!check.success)
                out.append(check);
        }
    }
    return out;
}

SafetyNets::Vulnerabilities vulnerabilities(const RolloutDetail &detail,
                                            const SafetyNetInventory &own, const SafetyNets &nets,
                                            const SafetyNetSide &current)
{
    SafetyNets::Vulnerabilities out;
    const auto canaryReports = reportsOf(own, nets.canary.replicaSet);
    const auto stableReports = reportsOf(own, nets.stable.replicaSet);
    out.canary = summed(canaryReports);
    out.stable = summed(stableReports);
    out.canaryScanned = !nets.canary.replicaSet.isEmpty()
        && everyContainerScanned(replicaSetNamed(detail, nets.canary.replicaSet), canaryReports);
    out.stableScanned = !nets.stable.replicaSet.isEmpty()
        && everyContainerScanned(replicaSetNamed(detail, nets.stable.replicaSet), stableReports);
    // Only two complete scans say what the canary changes: with one side missing, every CVE
    // of the other would look added (or fixed).
    if (out.canaryScanned && out.stableScanned) {
        const auto canary = vulnerabilitiesOf(canaryReports);
        const auto stable = vulnerabilitiesOf(stableReports);
        out.added = difference(canary, stable);
        out.removed = difference(stable, canary);
    }
    out.configFailures = configFailures(own, QStringLiteral("ReplicaSet"), current.replicaSet);
    if (out.configFailures.isEmpty())
        out.configFailures
            = configFailures(own, QStringLiteral("Rollout"), detail.rollout.metadata.name);
    return out;
}

int falcoRank(const QString &priority)
{
    static const QStringList order {QStringLiteral("emergency"),     QStringLiteral("alert"),
                                    QStringLiteral("critical"),      QStringLiteral("error"),
                                    QStringLiteral("warning"),       QStringLiteral("notice"),
                                    QStringLiteral("informational"), QStringLiteral("debug")};
    const int rank = order.indexOf(priority.toLower());
    return rank < 0 ? int(order.size()) : rank;
}

QList<QPair<QString, double>> byPriority(const QList<FalcoCount> &counts, const SafetyNetSide &side)
{
    QHash<QString, double> sums;
    for (const FalcoCount &c : counts) {
        if (c.count > 0 && sideOwnsPod(side, c.pod))
            sums[c.priority] += c.count;
    }
    QList<QPair<QString, double>> out;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        const int ra = falcoRank(a.first), rb = falcoRank(b.first);
        return ra != rb ? ra < rb : a.first < b.first;
    });
    return out;
}

// Per rule (and its priority), summed over the canary's pods; `pod` names the pod when only
// one raised it.
QList<FalcoCount> alertsByRule(const QList<FalcoCount> &counts, const SafetyNetSide &side)
{
    QList<FalcoCount> out;
    for (const FalcoCount &c : counts) {
        if (c.count <= 0 || !sideOwnsPod(side, c.pod))
            continue;
        auto same = std::find_if(out.begin(), out.end(), [&](const FalcoCount &o) {
            return o.rule == c.rule && o.priority == c.priority;
        });
        if (same == out.end()) {
            out.append(c);
            continue;
        }
        same->count += c.count;
        if (same->pod != c.pod)
            same->pod.clear();
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const FalcoCount &a, const FalcoCount &b) { return a.count > b.count; });
    return out;
}

} // namespace

SafetyNetSide SafetyNetsAssembler::canarySide(const RolloutDetail &detail)
{
    const RolloutStatus &status = detail.rollout.status;
    if (status.currentPodHash == status.stableRS)
        return {};
    return sideWithHash(detail, status.currentPodHash);
}

SafetyNetSide SafetyNetsAssembler::stableSide(const RolloutDetail &detail)
{
    return sideWithHash(detail, detail.rollout.status.stableRS);
}

SafetyNets SafetyNetsAssembler::assemble(const RolloutDetail &detail, const SafetyNetInventory &own,
                                         const SafetyNetInventory *earlier,
                                         qint64 earlierVersionSinceMs,
                                         const SafetyNetsConfig &config)
{
    SafetyNets nets;
    nets.environment = detail.environment;
    nets.namespace_ = detail.rollout.metadata.namespaceName;
    nets.rollout = detail.rollout.metadata.name;
    nets.canary = canarySide(detail);
    nets.stable = stableSide(detail);
    std::copy(std::cbegin(own.sources), std::cend(own.sources), std::begin(nets.sources));
    for (SafetyNetSource s :
         {SafetyNetSource::LoadTests, SafetyNetSource::LitmusChaos, SafetyNetSource::ChaosMesh})
        nets.sources[int(s)] = earlier ? earlier->source(s) : SafetyNetSourceState {};

    // A fully promoted rollout has no canary: its current version is the stable one.
    const SafetyNetSide &current = nets.canary.replicaSet.isEmpty() ? nets.stable : nets.canary;
    nets.vulnerabilities = vulnerabilities(detail, own, nets, current);
    nets.policy = SafetyNetsJoin::policy(detail, own, nets, current);
    nets.falco.canary = byPriority(own.falco, nets.canary);
    nets.falco.stable = byPriority(own.falco, nets.stable);
    nets.falco.canaryAlerts = alertsByRule(own.falco, nets.canary);
    nets.ci = SafetyNetsJoin::ci(detail, own, config, nets, current);
    nets.staging = SafetyNetsJoin::staging(nets.rollout, earlier, earlierVersionSinceMs);
    nets.featureFlags = own.featureFlags;
    return nets;
}

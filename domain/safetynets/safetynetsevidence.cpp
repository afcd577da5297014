// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetsAssembler's evidence joins: the CI run that built the canary's image and the
// earlier environment's load tests and chaos experiments.
#include "chartvariables.h"
#include "safetynetsjoin_p.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

bool SafetyNets::Staging::anyFailed() const
{
    return std::any_of(loadTests.cbegin(), loadTests.cend(),
                       [](const LoadTestRun &r) { return r.failed(); })
        || std::any_of(chaos.cbegin(), chaos.cend(),
                       [](const ChaosExperiment &e) { return e.failed(); });
}

bool SafetyNets::Staging::allPassed() const
{
    return (!loadTests.isEmpty() || !chaos.isEmpty())
        && std::all_of(loadTests.cbegin(), loadTests.cend(),
                       [](const LoadTestRun &r) { return r.finished() && !r.failed(); })
        && std::all_of(chaos.cbegin(), chaos.cend(),
                       [](const ChaosExperiment &e) { return e.passed(); });
}

namespace SafetyNetsJoin {

namespace {

// What identifies the side's images in a CI run's values: each reference with a tag (never a
// bare repository, which every version shares) and each sha256 digest, from the image itself
// or, for a tag-only image, from Trivy's report of its container.
QStringList imageKeys(const SafetyNetInventory &own, const SafetyNetSide &side)
{
    QStringList keys;
    for (const QString &image : side.images) {
        const qsizetype at = image.indexOf(QLatin1Char('@'));
        const QString tagged = at < 0 ? image : image.left(at);
        if (tagged.lastIndexOf(QLatin1Char(':')) > tagged.lastIndexOf(QLatin1Char('/')))
            keys.append(tagged);
        if (at >= 0)
            keys.append(image.mid(at + 1));
    }
    for (const VulnerabilityReport &report : own.vulnerabilityReports) {
        if (!side.replicaSet.isEmpty() && report.owner.kind == QLatin1String("ReplicaSet")
            && report.owner.name == side.replicaSet && !report.digest.isEmpty())
            keys.append(report.digest);
    }
    keys.removeDuplicates();
    return keys;
}

// The key a value names: equal to a tagged reference, or containing a digest (a value may
// be "repo@sha256:..." or the bare digest).
QString matchingKey(const QStringList &keys, const QStringList &values)
{
    for (const QString &key : keys) {
        const bool digest = key.startsWith(QLatin1String("sha256:"));
        for (const QString &value : values) {
            if (digest ? value.contains(key) : value == key)
                return key;
        }
    }
    return {};
}

// "name=value" of every configured label, expanded; empty when a label is not set on the run
// (or its template does not expand).
QString matchingLabels(const RolloutDetail &detail, const SafetyNetsConfig &config,
                       const CiRun &run)
{
    if (config.ciLabels.isEmpty())
        return {};
    const ChartVariables variables = ChartVariables::forRollout(detail);
    QStringList matched;
    for (const auto &[name, pattern] : config.ciLabels) {
        QString expected, error;
        if (!variables.substitute(pattern, &expected, &error) || run.labels.value(name) != expected
            || !run.labels.contains(name))
            return {};
        matched.append(name + QLatin1Char('=') + expected);
    }
    return matched.join(QLatin1Char(','));
}

QString runUrl(const SafetyNetsConfig &config, const CiRun &run)
{
    const auto encoded
        = [](const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };
    const bool argo = run.kind == CiRun::Kind::ArgoWorkflow;
    QString base = argo ? config.argoWorkflowsUrl : config.tektonDashboardUrl;
    if (base.isEmpty())
        return {};
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (argo)
        return base + QLatin1String("/workflows/") + encoded(run.namespace_) + QLatin1Char('/')
            + encoded(run.name);
    return base + QLatin1String("/#/namespaces/") + encoded(run.namespace_)
        + QLatin1String("/pipelineruns/") + encoded(run.name);
}

bool newer(const CiRun &a, const CiRun &b)
{
    return a.startedMs != b.startedMs ? a.startedMs > b.startedMs : a.name > b.name;
}

bool labelledFor(const QHash<QString, QString> &labels, const QString &rollout)
{
    return labels.value(QStringLiteral("app")) == rollout
        || labels.value(QStringLiteral("app.kubernetes.io/name")) == rollout;
}

// What a chaos experiment hit: Chaos Mesh's label selectors ("app=cart", several joined by
// commas), Litmus' targets ("deployment/cart", "rollout/cart"), or else the experiment's own
// labels naming the workload, as a ChaosResult made for one application carries them.
bool targetsRollout(const ChaosExperiment &e, const QString &rollout)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList terms = e.target.split(separators, Qt::SkipEmptyParts);
    const bool targeted = std::any_of(terms.cbegin(), terms.cend(), [&](const QString &term) {
        return term == QLatin1String("app=") + rollout
            || term == QLatin1String("app.kubernetes.io/name=") + rollout
            || term.endsWith(QLatin1Char('/') + rollout);
    });
    return targeted || labelledFor(e.labels, rollout);
}

bool loadTestOf(const LoadTestRun &run, const QString &rollout)
{
    return labelledFor(run.labels, rollout) || run.name == rollout
        || run.name.startsWith(rollout + QLatin1Char('-'));
}

} // namespace

SafetyNets::Ci ci(const RolloutDetail &detail, const SafetyNetInventory &own,
                  const SafetyNetsConfig &config, const SafetyNets &nets,
                  const SafetyNetSide &current)
{
    SafetyNets::Ci out;
    // The images the canary changes first: a sidecar both sides run was built by another
    // pipeline, which would otherwise pass for the release's.
    const QStringList all = imageKeys(own, current);
    QStringList changed = all;
    if (current.replicaSet != nets.stable.replicaSet) {
        for (const QString &key : imageKeys(own, nets.stable))
            changed.removeAll(key);
    }
    // Labels only when no run names an image: an image match is the stronger evidence.
    for (int pass = 0; pass < 3 && !out.found; ++pass) {
        for (const CiRun &run : own.ciRuns) {
            const QString matched = pass == 2 ? matchingLabels(detail, config, run)
                                              : matchingKey(pass == 0 ? changed : all, run.values);
            if (matched.isEmpty() || (out.found && !newer(run, out.run)))
                continue;
            out.found = true;
            out.run = run;
            out.matchedBy = matched;
        }
    }
    if (out.found)
        out.url = runUrl(config, out.run);
    return out;
}

SafetyNets::Staging staging(const QString &rollout, const SafetyNetInventory *earlier,
                            qint64 sinceMs)
{
    SafetyNets::Staging out;
    if (!earlier)
        return out;
    out.environment = earlier->environment;
    for (const LoadTestRun &run : earlier->loadTests) {
        if (run.createdMs >= sinceMs && loadTestOf(run, rollout))
            out.loadTests.append(run);
    }
    for (const ChaosExperiment &e : earlier->chaosExperiments) {
        if (e.createdMs >= sinceMs && targetsRollout(e, rollout))
            out.chaos.append(e);
    }
    const auto newestFirst = [](const auto &a, const auto &b) { return a.createdMs > b.createdMs; };
    std::stable_sort(out.loadTests.begin(), out.loadTests.end(), newestFirst);
    std::stable_sort(out.chaos.begin(), out.chaos.end(), newestFirst);
    return out;
}

} // namespace SafetyNetsJoin

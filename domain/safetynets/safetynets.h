// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "safetynetreports.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Safety nets beside a release (issue 15): what the cluster's other tools say about the
// rollout's canary compared with its stable version. Built in two steps:
//   1. SafetyNetInventory: everything listed in one environment and namespace, per source,
//      with whether the source could be read (fetchers/safetynetsfetcher).
//   2. SafetyNets: that inventory joined to one rollout's canary and stable ReplicaSets
//      (SafetyNetsAssembler), with the earlier environment's inventory for staging evidence.

// Each source is optional: a kind the cluster does not serve or the user may not read is a
// quiet note in that section, never an environment error.
enum class SafetyNetSource {
    Vulnerabilities, // VulnerabilityReport
    ConfigAudit, // ConfigAuditReport
    Policy, // PolicyReport / ClusterPolicyReport
    Gatekeeper, // constraints.gatekeeper.sh
    Falco, // falco_events in Prometheus
    ArgoWorkflows, // Workflow
    Tekton, // PipelineRun
    LoadTests, // k6 TestRun
    LitmusChaos, // ChaosResult
    ChaosMesh, // chaos-mesh.org experiments
    FeatureFlags, // OpenFeature FeatureFlag
};
constexpr int safetyNetSourceCount = int(SafetyNetSource::FeatureFlags) + 1;

struct SafetyNetSourceState
{
    enum class State {
        NotAsked, // not fetched (yet), or not configured (Falco without Prometheus)
        Loaded,
        NotServed, // 404 on discovery or on the list: the tool is not installed
        Forbidden, // 403
        Failed, // anything else: unreachable, 5xx, a body that does not decode
    };
    State state = State::NotAsked;
    QString detail; // translated reason for Forbidden/Failed, empty otherwise
    qint64 fetchedMs = 0;
    bool truncated = false; // more objects than SafetyNetLimits::maxObjectsPerKind
};

// Everything one environment's namespace holds for the safety nets.
struct SafetyNetInventory
{
    QString environment;
    QString namespace_;
    SafetyNetSourceState sources[safetyNetSourceCount];
    QList<VulnerabilityReport> vulnerabilityReports;
    QList<ConfigAuditReport> configAuditReports;
    QList<PolicyReport> policyReports; // namespaced and cluster-scoped
    QList<GatekeeperConstraint> gatekeeperConstraints; // every constraint with a violation
    QList<FalcoCount> falco; // the namespace's pods, over the asked window
    QList<CiRun> ciRuns; // Workflows and PipelineRuns in the CI namespaces
    QList<LoadTestRun> loadTests;
    QList<ChaosExperiment> chaosExperiments;
    QList<FeatureFlag> featureFlags;

    SafetyNetSourceState &source(SafetyNetSource s) { return sources[int(s)]; }
    const SafetyNetSourceState &source(SafetyNetSource s) const { return sources[int(s)]; }
};

// One side of a rollout (its canary or its stable ReplicaSet) as the joins need it.
struct SafetyNetSide
{
    QString replicaSet; // name; empty when the rollout has no such side (fully promoted)
    QString replicaSetUid;
    QString podTemplateHash;
    QStringList images; // the pod template's container images
    QStringList pods; // names of its pods
    qint64 createdMs = 0;
};

// The rollout's safety nets, canary compared with stable.
struct SafetyNets
{
    QString environment;
    QString namespace_;
    QString rollout;
    SafetyNetSide canary;
    SafetyNetSide stable;
    SafetyNetSourceState sources[safetyNetSourceCount];

    struct Vulnerabilities
    {
        bool canaryScanned = false; // a report exists for every canary container
        bool stableScanned = false;
        SeverityCounts canary; // summed over the side's containers
        SeverityCounts stable;
        QList<Vulnerability> added; // in the canary, not in stable (by ID and package)
        QList<Vulnerability> removed; // in stable, fixed by the canary
        QList<ConfigAuditCheck>
            configFailures; // the canary's (or else the rollout's) failed checks
    } vulnerabilities;

    struct Policy
    {
        PolicyCounts counts; // results about the rollout and its canary ReplicaSet/pods
        QList<PolicyResult> failing; // fail and error results, newest first
        QList<PolicyResult> newFailures; // failing for the canary, passing (or absent) for stable
        QList<GatekeeperViolation> gatekeeper; // naming the rollout, its objects or namespace
        QStringList admissionDenials; // Event messages: admission webhook/policy denials
    } policy;

    struct Falco
    {
        // By priority (Falco's word) over the release's window.
        QList<QPair<QString, double>> canary;
        QList<QPair<QString, double>> stable;
        QList<FalcoCount> canaryAlerts; // per rule, most first
    } falco;

    // The CI run that built the canary's image (matched by image reference or digest in its
    // parameters/results, else by the configured labels); `found` false when none matched.
    struct Ci
    {
        bool found = false;
        CiRun run;
        QString matchedBy; // the image or label that matched
        QString url; // the CI UI's page, when configured
    } ci;

    // Evidence from the earlier environment (the config's order) for the canary's version.
    struct Staging
    {
        QString environment; // empty: no earlier environment
        QList<LoadTestRun> loadTests;
        QList<ChaosExperiment> chaos;
        bool anyFailed() const;
        bool allPassed() const; // something ran and nothing failed
    } staging;

    QList<FeatureFlag> featureFlags; // in the rollout's namespace
};

Q_DECLARE_METATYPE(SafetyNetInventory)
Q_DECLARE_METATYPE(SafetyNets)

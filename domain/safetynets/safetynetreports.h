// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// The reports other tools write into a cluster, as decoded from their own API types (issue 15;
// facts in ../shared/reference/anchors.md section 7 and the projects' Go types). Values only;
// the strings keep each tool's own words (Critical, fail, Succeeded...), which the window
// translates when it shows them. Times are Unix milliseconds, 0 when absent. Every list is
// bounded by its decoder (SafetyNetLimits), and a report cut short says so (`truncated`).

struct SafetyNetLimits
{
    static constexpr int maxVulnerabilitiesPerReport = 5000;
    static constexpr int maxPolicyResultsPerReport = 2000;
    static constexpr int maxViolationsPerConstraint = 500;
    static constexpr int maxStepsPerRun = 500;
    static constexpr int maxFlagsPerResource = 500;
    static constexpr int maxObjectsPerKind = 20000; // per list, across pages
    static constexpr int maxStringLength = 4096; // longer strings are cut, with "…"
    static constexpr int maxValuesPerRun = 500; // CiRun::values
    static constexpr int maxResourcesPerResult = 100; // PolicyResult::resources
    static constexpr int maxVariantsPerFlag = 100;
};

// The kind, namespace and name of an object a report is about.
struct ObjectRef
{
    QString kind;
    QString namespace_;
    QString name;
    QString uid;
};

// Trivy's severity words (CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN), counted.
struct SeverityCounts
{
    int critical = 0;
    int high = 0;
    int medium = 0;
    int low = 0;
    int unknown = 0;
    int total() const { return critical + high + medium + low + unknown; }
};

// aquasecurity.github.io/v1alpha1 VulnerabilityReport: report.vulnerabilities[].
struct Vulnerability
{
    QString id; // vulnerabilityID, e.g. CVE-2024-3094
    QString package; // resource
    QString installedVersion;
    QString fixedVersion; // empty: no fix yet
    QString severity; // CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN (upper case, as Trivy writes)
    QString title;
    QString link; // primaryLink
    double score = -1; // CVSS score, -1 when absent
};

// One report per container of the object Trivy scanned (for a rollout: a ReplicaSet), found
// through its labels trivy-operator.resource.{kind,name,namespace} and
// trivy-operator.container.name.
struct VulnerabilityReport
{
    QString name;
    QString namespace_;
    ObjectRef owner; // from the trivy-operator.resource.* labels
    QString container;
    QString repository; // report.artifact
    QString tag;
    QString digest;
    QString scanner; // "Trivy 0.50.1"
    qint64 updatedMs = 0; // report.updateTimestamp
    SeverityCounts summary; // report.summary
    QList<Vulnerability> vulnerabilities;
    bool truncated = false;
};

// aquasecurity.github.io/v1alpha1 ConfigAuditReport: the failed checks of one object.
struct ConfigAuditCheck
{
    QString id; // checkID, e.g. KSV014
    QString title;
    QString severity;
    QString description;
    QStringList messages;
    bool success = false;
};

struct ConfigAuditReport
{
    QString name;
    QString namespace_;
    ObjectRef owner;
    SeverityCounts summary;
    QList<ConfigAuditCheck> checks; // failed ones only
    bool truncated = false;
};

// wgpolicyk8s.io/v1alpha2 (also v1beta1/v1beta2, reports.x-k8s.io and openreports.io:
// the same shape) PolicyReport / ClusterPolicyReport.
struct PolicyCounts
{
    int pass = 0;
    int fail = 0;
    int warn = 0;
    int error = 0;
    int skip = 0;
};

struct PolicyResult
{
    QString source; // kyverno, ...
    QString policy;
    QString rule;
    QString category;
    QString severity; // critical, high, medium, low, info
    QString result; // pass, fail, warn, error, skip
    QString message;
    qint64 timestampMs = 0;
    QList<ObjectRef> resources; // empty: the report's scope
};

struct PolicyReport
{
    QString name;
    QString namespace_; // empty for a ClusterPolicyReport
    ObjectRef scope; // empty kind when the report has none
    PolicyCounts summary;
    QList<PolicyResult> results;
    bool truncated = false;
};

// constraints.gatekeeper.sh/v1beta1, any constraint kind: status.violations[].
struct GatekeeperViolation
{
    QString constraintKind; // K8sRequiredLabels
    QString constraintName;
    QString enforcementAction; // deny, dryrun, warn
    ObjectRef object; // kind, namespace, name of the violating object
    QString message;
};

struct GatekeeperConstraint
{
    QString kind;
    QString name;
    QString enforcementAction; // spec.enforcementAction, "deny" when absent
    qint64 totalViolations = 0; // status.totalViolations
    QList<GatekeeperViolation> violations;
    bool truncated = false;
};

// A CI run: an Argo Workflows Workflow (argoproj.io/v1alpha1) or a Tekton PipelineRun
// (tekton.dev/v1).
struct CiStep
{
    QString name; // node displayName / pipelineTask name
    QString phase; // Succeeded, Failed, Error, Running, Skipped, Omitted... (the tool's word)
    QString message;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
};

struct CiRun
{
    enum class Kind { ArgoWorkflow, TektonPipelineRun };
    Kind kind = Kind::ArgoWorkflow;
    QString name;
    QString namespace_;
    QString phase; // Workflow status.phase; for Tekton the Succeeded condition's reason
    // Tekton: the Succeeded condition's status (True, False, Unknown); empty for Argo.
    QString conditionStatus {};
    QString message;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    QHash<QString, QString> labels;
    // Every parameter and result value (arguments.parameters, outputs, spec.params,
    // status.results): where an image reference or digest is found.
    QStringList values;
    QList<CiStep> steps; // in start order
    bool truncated = false;
    bool succeeded() const;
    bool failed() const;
};

// Staging evidence: a k6 operator TestRun (k6.io/v1alpha1), a LitmusChaos ChaosResult
// (litmuschaos.io/v1alpha1) or a Chaos Mesh experiment (chaos-mesh.org/v1alpha1).
struct LoadTestRun
{
    QString name;
    QString namespace_;
    QString stage; // status.stage: initialization, created, started, stopped, finished, error
    qint64 createdMs = 0;
    QHash<QString, QString> labels;
    bool finished() const;
    bool failed() const; // stage "error"
};

struct ChaosExperiment
{
    enum class Kind { LitmusChaosResult, ChaosMesh };
    Kind kind = Kind::LitmusChaosResult;
    QString resourceKind; // ChaosResult, PodChaos, NetworkChaos...
    QString name;
    QString namespace_;
    QString experiment; // Litmus spec.experiment; Chaos Mesh: the kind's action
    QString phase; // Litmus status.experimentStatus.phase; Chaos Mesh: injected/recovered
    QString verdict; // Litmus: Pass, Fail, Awaited, Stopped; Chaos Mesh: empty
    int probeSuccessPercentage = -1; // Litmus, -1 when absent
    QString target; // the app label or selector it hit, "app=checkout"
    qint64 createdMs = 0;
    // Litmus status.experimentStatus.errorOutput.reason; Chaos Mesh: a failed record event's.
    QString message {};
    QHash<QString, QString> labels {};
    bool passed() const;
    bool failed() const;
};

// OpenFeature operator FeatureFlag (core.openfeature.dev/v1beta1): one flag of
// spec.flagSpec.flags.
struct FeatureFlag
{
    QString resource; // the FeatureFlag object's name
    QString namespace_;
    QString key;
    QString state; // ENABLED, DISABLED
    QString defaultVariant;
    QStringList variants; // "on=true", "off=false" (name=compact JSON value)
    QString targeting; // compact JSON, empty when none
};

// A Falco exporter count from Prometheus: falco_events over the release's window.
struct FalcoCount
{
    QString pod;
    QString rule;
    QString priority; // Emergency, Alert, Critical, Error, Warning, Notice, Informational, Debug
    double count = 0;
};

Q_DECLARE_METATYPE(VulnerabilityReport)
Q_DECLARE_METATYPE(PolicyReport)
Q_DECLARE_METATYPE(CiRun)

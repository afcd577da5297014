// SPDX-License-Identifier: GPL-3.0-or-later
// The kinds of the tools beside a release (issue 15): scanners, policy engines, CI, load and
// chaos testing, feature flags. Names, scopes, short names and printer columns follow each
// project's own CRD manifests, so `kubectl get` prints what it prints against a real cluster.
#include "resourcecatalog_p.h"

namespace rdsim::catalog {

namespace {

ResourceType tool(const char *family, const char *group, const char *version, const char *plural,
                  const char *singular, const char *kind, bool namespaced, QStringList shortNames,
                  QList<TableColumn> columns)
{
    ResourceType t = make(group, version, plural, singular, kind, namespaced, std::move(shortNames),
                          std::move(columns));
    t.family = QString::fromLatin1(family);
    t.isCustomResource = true;
    return t;
}

// Trivy Operator's report columns; ConfigAuditReport has no Unknown column.
QList<TableColumn> trivyColumns(bool withArtifact)
{
    QList<TableColumn> columns {nameColumn()};
    if (withArtifact)
        columns << column("Repository", "string", "report.artifact.repository")
                << column("Tag", "string", "report.artifact.tag");
    columns << column("Scanner", "string", "report.scanner.name") << ageColumn()
            << column("Critical", "integer", "report.summary.criticalCount", 1)
            << column("High", "integer", "report.summary.highCount", 1)
            << column("Medium", "integer", "report.summary.mediumCount", 1)
            << column("Low", "integer", "report.summary.lowCount", 1);
    if (withArtifact)
        columns << column("Unknown", "integer", "report.summary.unknownCount", 1);
    return columns;
}

// wgpolicyk8s.io's columns: the scope only with -o wide.
QList<TableColumn> policyReportColumns()
{
    return {nameColumn(),
            column("Kind", "string", "scope.kind", 1),
            column("Name", "string", "scope.name", 1),
            column("Pass", "integer", "summary.pass"),
            column("Fail", "integer", "summary.fail"),
            column("Warn", "integer", "summary.warn"),
            column("Error", "integer", "summary.error"),
            column("Skip", "integer", "summary.skip"),
            ageColumn()};
}

// A Gatekeeper constraint kind, as the CRD its ConstraintTemplate generates: cluster-scoped,
// plural and singular the lower-case kind, in the categories `kubectl get constraints` uses.
ResourceType constraint(const char *plural, const char *kind)
{
    ResourceType t = tool(
        "gatekeeper", "constraints.gatekeeper.sh", "v1beta1", plural, plural, kind, false, {},
        {nameColumn(), column("Enforcement-Action", "string", "spec.enforcementAction"),
         column("Total-Violations", "integer", "status.totalViolations")});
    t.categories = {QStringLiteral("constraint"), QStringLiteral("constraints")};
    t.hasStatusSubresource = true;
    return t;
}

// Tekton's runs: the Succeeded condition and the run's times.
QList<TableColumn> tektonColumns()
{
    return {nameColumn(), column("Succeeded", "string", "@condition:Succeeded:status"),
            column("Reason", "string", "@condition:Succeeded:reason"),
            column("StartTime", "date", "status.startTime"),
            column("CompletionTime", "date", "status.completionTime")};
}

ResourceType tekton(const char *plural, const char *singular, const char *kind,
                    QStringList shortNames)
{
    ResourceType t = tool("tekton", "tekton.dev", "v1", plural, singular, kind, true,
                          std::move(shortNames), tektonColumns());
    t.categories = {QStringLiteral("tekton"), QStringLiteral("tekton-pipelines")};
    t.hasStatusSubresource = true;
    return t;
}

} // namespace

void appendSafetyNetKinds(QList<ResourceType> *all)
{
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    *all << tool("trivy", "aquasecurity.github.io", "v1alpha1", "vulnerabilityreports",
                 "vulnerabilityreport", "VulnerabilityReport", true, {s("vuln"), s("vulns")},
                 trivyColumns(true));
    *all << tool("trivy", "aquasecurity.github.io", "v1alpha1", "configauditreports",
                 "configauditreport", "ConfigAuditReport", true,
                 {s("configaudit"), s("configaudits")}, trivyColumns(false));

    *all << tool("policyReports", "wgpolicyk8s.io", "v1alpha2", "policyreports", "policyreport",
                 "PolicyReport", true, {s("polr")}, policyReportColumns());
    *all << tool("policyReports", "wgpolicyk8s.io", "v1alpha2", "clusterpolicyreports",
                 "clusterpolicyreport", "ClusterPolicyReport", false, {s("cpolr")},
                 policyReportColumns());

    *all << constraint("k8srequiredlabels", "K8sRequiredLabels");
    *all << constraint("k8sallowedrepos", "K8sAllowedRepos");
    *all << constraint("k8scontainerlimits", "K8sContainerLimits");

    ResourceType workflows = tool("argoWorkflows", "argoproj.io", "v1alpha1", "workflows",
                                  "workflow", "Workflow", true, {s("wf")},
                                  {nameColumn(), column("Status", "string", "status.phase"),
                                   column("Age", "date", "status.startedAt"),
                                   column("Message", "string", "status.message")});
    workflows.hasStatusSubresource = true;
    *all << workflows;

    *all << tekton("pipelineruns", "pipelinerun", "PipelineRun", {s("pr"), s("prs")});
    *all << tekton("taskruns", "taskrun", "TaskRun", {s("tr"), s("trs")});

    ResourceType testRuns
        = tool("k6", "k6.io", "v1alpha1", "testruns", "testrun", "TestRun", true, {},
               {nameColumn(), column("Stage", "string", "status.stage"), ageColumn(),
                column("TestRunID", "string", "status.testRunId")});
    testRuns.hasStatusSubresource = true;
    *all << testRuns;

    ResourceType chaosResults
        = tool("litmus", "litmuschaos.io", "v1alpha1", "chaosresults", "chaosresult", "ChaosResult",
               true, {}, {nameColumn(), ageColumn()});
    chaosResults.hasStatusSubresource = true;
    *all << chaosResults;

    *all << tool("chaosMesh", "chaos-mesh.org", "v1alpha1", "podchaos", "podchaos", "PodChaos",
                 true, {}, {nameColumn(), ageColumn()});
    *all << tool("chaosMesh", "chaos-mesh.org", "v1alpha1", "networkchaos", "networkchaos",
                 "NetworkChaos", true, {},
                 {nameColumn(), column("Action", "string", "spec.action"),
                  column("Duration", "string", "spec.duration")});

    ResourceType flags
        = tool("openFeature", "core.openfeature.dev", "v1beta1", "featureflags", "featureflag",
               "FeatureFlag", true, {s("ff")}, {nameColumn(), ageColumn()});
    flags.hasStatusSubresource = true;
    *all << flags;
    // Flagger (issue 16) is another optional tool, so its kinds come right after these.
    appendFlaggerKinds(all);
}

} // namespace rdsim::catalog

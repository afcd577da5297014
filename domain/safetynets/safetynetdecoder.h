// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decoded.h"
#include "safetynetreports.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// One Tekton TaskRun (tekton.dev/v1): tekton.dev/v1 PipelineRuns keep only
// status.childReferences, so a task's outcome is read from its TaskRun, which names its run
// and task in the labels tekton.dev/pipelineRun and tekton.dev/pipelineTask.
struct TektonTaskRun
{
    QString namespace_ {};
    QString pipelineRun {};
    QString pipelineTask {};
    CiStep step {}; // name: the pipelineTask (the TaskRun's name when unlabelled)
    QStringList values {}; // status.results: a build task's IMAGE_DIGEST lands here
};

// Decodes the safety-net kinds' list bodies (issue 15). Each function takes one page of a
// Kubernetes list ({"kind": "...List", "metadata": {"continue", "resourceVersion"},
// "items": [...]}) and returns its items; report.error is set, translated, when nothing
// could be read (not JSON, not an object, items not an array, a Status body), and a field of
// the wrong type is a DecodeIssue that leaves the field at its default. Lists and strings
// are cut at SafetyNetLimits, and a cut list says so (`truncated`). The caller bounds the
// body's size. Nothing throws.
class SafetyNetDecoder
{
    Q_DECLARE_TR_FUNCTIONS(SafetyNetDecoder)
public:
    static ObjectList<VulnerabilityReport> vulnerabilityReports(const QByteArray &body);
    static ObjectList<ConfigAuditReport> configAuditReports(const QByteArray &body);
    // PolicyReport and ClusterPolicyReport of wgpolicyk8s.io v1alpha2/v1beta1 and
    // openreports.io v1alpha1 (the same shape).
    static ObjectList<PolicyReport> policyReports(const QByteArray &body);
    // The list of any one constraint kind (constraints.gatekeeper.sh/v1beta1).
    static ObjectList<GatekeeperConstraint> gatekeeperConstraints(const QByteArray &body);
    static ObjectList<CiRun> argoWorkflows(const QByteArray &body);
    static ObjectList<CiRun> tektonPipelineRuns(const QByteArray &body);
    static ObjectList<TektonTaskRun> tektonTaskRuns(const QByteArray &body);
    // Fills each PipelineRun's steps from the TaskRuns that name it (same namespace), in
    // start order.
    static void attachTaskRuns(QList<CiRun> *pipelineRuns, const QList<TektonTaskRun> &taskRuns);
    static ObjectList<LoadTestRun> k6TestRuns(const QByteArray &body);
    static ObjectList<ChaosExperiment> litmusChaosResults(const QByteArray &body);
    // Any chaos-mesh.org/v1alpha1 experiment kind (PodChaos, NetworkChaos, StressChaos...).
    static ObjectList<ChaosExperiment> chaosMeshExperiments(const QByteArray &body);
    // One item per flag of each FeatureFlag's spec.flagSpec.flags.
    static ObjectList<FeatureFlag> featureFlags(const QByteArray &body);
    // The plural resource names of an APIResourceList (discovery of
    // constraints.gatekeeper.sh/v1beta1: one resource per constraint kind), subresources
    // ("x/status") left out; error set, translated, when the body is not one.
    static QStringList resourcePlurals(const QByteArray &apiResourceListBody, QString *error);
};

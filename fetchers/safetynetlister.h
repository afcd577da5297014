// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "environmentspec.h"
#include "kubeconfig.h"
#include "safetynets.h"

#include <QCoreApplication>
#include <QString>

class KubeClient;

// Reads once what one environment's namespace holds for the safety nets (issue 15), through
// its kubeconfig context and its Prometheus: Trivy's VulnerabilityReports and
// ConfigAuditReports, PolicyReports (wgpolicyk8s.io and openreports.io, namespaced and
// cluster-scoped), Gatekeeper constraints with violations (every kind that discovery of
// constraints.gatekeeper.sh/v1beta1 lists), Argo Workflows and Tekton PipelineRuns (with
// their TaskRuns) in the CI namespaces, k6 TestRuns, LitmusChaos ChaosResults, Chaos Mesh
// experiments, OpenFeature FeatureFlags, and Falco's alerts over [fromMs, toMs].
//
// Each source ends in its own state: a kind not served, forbidden or failing never stops
// another source. Blocking, with a client of its own: run it on a worker thread and cancel
// it from anywhere through the CancelToken.
class SafetyNetLister
{
    Q_DECLARE_TR_FUNCTIONS(SafetyNetLister)

public:
    SafetyNetLister(const Kubeconfig &kubeconfig, const EnvironmentSpec &environment);

    // Retry-After waits on 429/5xx (KubeClient::setRetryPolicy); the command line waits less.
    void setRetryPolicy(int maxRetries, int maxWaitSeconds);

    // toMs <= fromMs: no window, Falco stays NotAsked. The CI kinds are listed in the
    // environment's `safetyNets: ciNamespaces`, or in namespaceName without them.
    SafetyNetInventory list(const QString &namespaceName, qint64 fromMs, qint64 toMs,
                            const CancelToken &cancel = CancelToken()) const;

private:
    struct Run;
    void listReports(const Run &run) const;
    void listGatekeeper(const Run &run) const;
    void listCi(const Run &run) const;
    void listStaging(const Run &run) const;

    Kubeconfig m_kubeconfig;
    EnvironmentSpec m_environment;
    int m_maxRetries = 10;
    int m_maxRetryWaitSeconds = 32;
};

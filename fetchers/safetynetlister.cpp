// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetlister.h"

#include "clusterconnection.h"
#include "kubeclient.h"
#include "safetynetdecoder.h"
#include "safetynetfalco.h"
#include "safetynetlists.h"

namespace {

using Source = SafetyNetSource;

// One served kind: its group, version and plural.
struct Kind
{
    QString group;
    QString version;
    QString plural;

    QString path(const QString &ns = QString()) const
    {
        return KubePath::resource(group, version, plural, ns);
    }
    // "vulnerabilityreports.aquasecurity.github.io", as kubectl names a resource.
    QString resource() const { return plural + QLatin1Char('.') + group; }
};

const QString trivy = QStringLiteral("aquasecurity.github.io");
const QString wgPolicy = QStringLiteral("wgpolicyk8s.io");
const QString openReports = QStringLiteral("openreports.io");
const QString gatekeeper = QStringLiteral("constraints.gatekeeper.sh");
const QString chaosMesh = QStringLiteral("chaos-mesh.org");

// chaos-mesh.org/v1alpha1's experiment kinds (the group also serves schedules, workflows and
// the per-pod PodIOChaos/PodNetworkChaos/PodHttpChaos it derives from them).
const QStringList chaosMeshExperiments = {
    QStringLiteral("podchaos"),    QStringLiteral("networkchaos"),
    QStringLiteral("stresschaos"), QStringLiteral("iochaos"),
    QStringLiteral("timechaos"),   QStringLiteral("kernelchaos"),
    QStringLiteral("dnschaos"),    QStringLiteral("httpchaos"),
    QStringLiteral("jvmchaos"),    QStringLiteral("blockchaos"),
    QStringLiteral("awschaos"),    QStringLiteral("gcpchaos"),
    QStringLiteral("azurechaos"),  QStringLiteral("physicalmachinechaos"),
};

template<typename T>
SafetyNetSourceState listKind(KubeClient *client, const Kind &kind, const QString &ns,
                              ObjectList<T> (*decode)(const QByteArray &),
                              const CancelToken &cancel, QList<T> *out)
{
    return SafetyNetLists::list(client, kind.path(ns), kind.resource(), decode, cancel, out);
}

bool hasViolations(const GatekeeperConstraint &constraint)
{
    return constraint.totalViolations > 0 || !constraint.violations.isEmpty();
}

} // namespace

struct SafetyNetLister::Run
{
    KubeClient *client = nullptr;
    QString namespaceName;
    QStringList ciNamespaces;
    CancelToken cancel;
    SafetyNetInventory *inventory = nullptr;
};

SafetyNetLister::SafetyNetLister(const Kubeconfig &kubeconfig, const EnvironmentSpec &environment) :
    m_kubeconfig(kubeconfig), m_environment(environment)
{ }

void SafetyNetLister::setRetryPolicy(int maxRetries, int maxWaitSeconds)
{
    m_maxRetries = maxRetries;
    m_maxRetryWaitSeconds = maxWaitSeconds;
}

SafetyNetInventory SafetyNetLister::list(const QString &namespaceName, qint64 fromMs, qint64 toMs,
                                         const CancelToken &cancel) const
{
    SafetyNetInventory inventory;
    inventory.environment = m_environment.name;
    inventory.namespace_ = namespaceName;
    // Prometheus may be reached directly, without the cluster: Falco is asked either way.
    inventory.source(Source::Falco)
        = SafetyNetFalco::count(m_kubeconfig, m_environment, namespaceName, fromMs, toMs, cancel,
                                m_maxRetries, m_maxRetryWaitSeconds, &inventory.falco);

    ClusterConnection connection;
    QString error;
    if (!ClusterConnection::resolve(m_kubeconfig, m_environment.context, &connection, &error)) {
        for (int s = 0; s < safetyNetSourceCount; ++s) {
            if (Source(s) != Source::Falco)
                inventory.sources[s] = SafetyNetLists::failed(m_environment.name, error);
        }
        return inventory;
    }
    KubeClient client(connection);
    client.setRetryPolicy(m_maxRetries, m_maxRetryWaitSeconds);
    Run run;
    run.client = &client;
    run.namespaceName = namespaceName;
    run.ciNamespaces = m_environment.safetyNets.ciNamespaces.isEmpty()
        ? QStringList {namespaceName}
        : m_environment.safetyNets.ciNamespaces;
    run.cancel = cancel;
    run.inventory = &inventory;
    listReports(run);
    listGatekeeper(run);
    listCi(run);
    listStaging(run);
    inventory.source(Source::FeatureFlags)
        = listKind(&client,
                   Kind {QStringLiteral("core.openfeature.dev"), QStringLiteral("v1beta1"),
                         QStringLiteral("featureflags")},
                   namespaceName, &SafetyNetDecoder::featureFlags, cancel, &inventory.featureFlags);
    return inventory;
}

void SafetyNetLister::listReports(const Run &run) const
{
    SafetyNetInventory *inventory = run.inventory;
    const QString v1alpha1 = QStringLiteral("v1alpha1");
    inventory->source(Source::Vulnerabilities)
        = listKind(run.client, Kind {trivy, v1alpha1, QStringLiteral("vulnerabilityreports")},
                   run.namespaceName, &SafetyNetDecoder::vulnerabilityReports, run.cancel,
                   &inventory->vulnerabilityReports);
    inventory->source(Source::ConfigAudit) = listKind(
        run.client, Kind {trivy, v1alpha1, QStringLiteral("configauditreports")}, run.namespaceName,
        &SafetyNetDecoder::configAuditReports, run.cancel, &inventory->configAuditReports);

    // Kyverno writes wgpolicyk8s.io/v1alpha2 by default and openreports.io/v1alpha1 when
    // asked to; both in the namespace and cluster-wide (anchors.md 7.2).
    const QList<QPair<Kind, bool>> policyKinds = {
        {Kind {wgPolicy, QStringLiteral("v1alpha2"), QStringLiteral("policyreports")}, true},
        {Kind {wgPolicy, QStringLiteral("v1alpha2"), QStringLiteral("clusterpolicyreports")},
         false},
        {Kind {openReports, v1alpha1, QStringLiteral("reports")}, true},
        {Kind {openReports, v1alpha1, QStringLiteral("clusterreports")}, false},
    };
    SafetyNetSourceState policy;
    for (const auto &[kind, namespaced] : policyKinds) {
        SafetyNetLists::merge(&policy,
                              listKind(run.client, kind, namespaced ? run.namespaceName : QString(),
                                       &SafetyNetDecoder::policyReports, run.cancel,
                                       &inventory->policyReports));
    }
    inventory->source(Source::Policy) = policy;
}

void SafetyNetLister::listGatekeeper(const Run &run) const
{
    // One resource per constraint template: the kinds are only known from discovery.
    const QString v1beta1 = QStringLiteral("v1beta1");
    QStringList plurals;
    SafetyNetSourceState state
        = SafetyNetLists::discover(run.client, gatekeeper, v1beta1, run.cancel, &plurals);
    if (state.state == SafetyNetSourceState::State::Loaded && !plurals.isEmpty()) {
        state = SafetyNetSourceState();
        for (const QString &plural : std::as_const(plurals)) {
            QList<GatekeeperConstraint> constraints;
            SafetyNetLists::merge(&state,
                                  listKind(run.client, Kind {gatekeeper, v1beta1, plural},
                                           QString(), &SafetyNetDecoder::gatekeeperConstraints,
                                           run.cancel, &constraints));
            for (const GatekeeperConstraint &constraint : std::as_const(constraints)) {
                if (hasViolations(constraint))
                    run.inventory->gatekeeperConstraints.append(constraint);
            }
        }
    }
    run.inventory->source(Source::Gatekeeper) = state;
}

void SafetyNetLister::listCi(const Run &run) const
{
    SafetyNetInventory *inventory = run.inventory;
    const Kind workflows {QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                          QStringLiteral("workflows")};
    const Kind pipelineRuns {QStringLiteral("tekton.dev"), QStringLiteral("v1"),
                             QStringLiteral("pipelineruns")};
    const Kind taskRuns {QStringLiteral("tekton.dev"), QStringLiteral("v1"),
                         QStringLiteral("taskruns")};
    SafetyNetSourceState argo;
    SafetyNetSourceState tekton;
    QList<CiRun> pipelines;
    QList<TektonTaskRun> tasks;
    for (const QString &ns : run.ciNamespaces) {
        SafetyNetLists::merge(&argo,
                              listKind(run.client, workflows, ns, &SafetyNetDecoder::argoWorkflows,
                                       run.cancel, &inventory->ciRuns));
        const SafetyNetSourceState listed
            = listKind(run.client, pipelineRuns, ns, &SafetyNetDecoder::tektonPipelineRuns,
                       run.cancel, &pipelines);
        SafetyNetLists::merge(&tekton, listed);
        // A run's steps are its TaskRuns; without them the runs still tell their outcome.
        if (listed.state == SafetyNetSourceState::State::Loaded)
            listKind(run.client, taskRuns, ns, &SafetyNetDecoder::tektonTaskRuns, run.cancel,
                     &tasks);
    }
    SafetyNetDecoder::attachTaskRuns(&pipelines, tasks);
    inventory->ciRuns += pipelines;
    inventory->source(Source::ArgoWorkflows) = argo;
    inventory->source(Source::Tekton) = tekton;
}

void SafetyNetLister::listStaging(const Run &run) const
{
    SafetyNetInventory *inventory = run.inventory;
    const QString v1alpha1 = QStringLiteral("v1alpha1");
    inventory->source(Source::LoadTests) = listKind(
        run.client, Kind {QStringLiteral("k6.io"), v1alpha1, QStringLiteral("testruns")},
        run.namespaceName, &SafetyNetDecoder::k6TestRuns, run.cancel, &inventory->loadTests);
    inventory->source(Source::LitmusChaos) = listKind(
        run.client,
        Kind {QStringLiteral("litmuschaos.io"), v1alpha1, QStringLiteral("chaosresults")},
        run.namespaceName, &SafetyNetDecoder::litmusChaosResults, run.cancel,
        &inventory->chaosExperiments);

    QStringList plurals;
    SafetyNetSourceState state
        = SafetyNetLists::discover(run.client, chaosMesh, v1alpha1, run.cancel, &plurals);
    if (state.state == SafetyNetSourceState::State::Loaded) {
        SafetyNetSourceState experiments;
        for (const QString &plural : chaosMeshExperiments) {
            if (!plurals.contains(plural))
                continue;
            SafetyNetLists::merge(&experiments,
                                  listKind(run.client, Kind {chaosMesh, v1alpha1, plural},
                                           run.namespaceName,
                                           &SafetyNetDecoder::chaosMeshExperiments, run.cancel,
                                           &inventory->chaosExperiments));
        }
        // The group without any experiment kind: nothing to read, but nothing wrong either.
        if (experiments.state != SafetyNetSourceState::State::NotAsked)
            state = experiments;
    }
    inventory->source(Source::ChaosMesh) = state;
}

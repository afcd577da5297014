// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetscontroller.h"

#include "fleetmodel.h"
#include "rolloutdetailview.h"
#include "safetynetsassembler.h"
#include "safetynetsfetcher.h"
#include "safetynetstext.h"

#include <QDateTime>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace {

using State = SafetyNetSourceState::State;

// Moves the items of `from` that belong to a source (pred) into `into`, replacing those there.
template<typename T, typename Pred>
void takeOver(QList<T> &into, const QList<T> &from, Pred belongs)
{
    into.erase(std::remove_if(into.begin(), into.end(), belongs), into.end());
    for (const T &item : from) {
        if (belongs(item))
            into.append(item);
    }
}

void keepSource(SafetyNetInventory &next, const SafetyNetInventory &previous, SafetyNetSource s)
{
    using S = SafetyNetSource;
    const auto all = [](const auto &) { return true; };
    const auto ciOf
        = [](CiRun::Kind kind) { return [kind](const CiRun &run) { return run.kind == kind; }; };
    const auto chaosOf = [](ChaosExperiment::Kind kind) {
        return [kind](const ChaosExperiment &e) { return e.kind == kind; };
    };
    switch (s) {
    case S::Vulnerabilities:
        return takeOver(next.vulnerabilityReports, previous.vulnerabilityReports, all);
    case S::ConfigAudit:
        return takeOver(next.configAuditReports, previous.configAuditReports, all);
    case S::Policy:
        return takeOver(next.policyReports, previous.policyReports, all);
    case S::Gatekeeper:
        return takeOver(next.gatekeeperConstraints, previous.gatekeeperConstraints, all);
    case S::Falco:
        return takeOver(next.falco, previous.falco, all);
    case S::ArgoWorkflows:
        return takeOver(next.ciRuns, previous.ciRuns, ciOf(CiRun::Kind::ArgoWorkflow));
    case S::Tekton:
        return takeOver(next.ciRuns, previous.ciRuns, ciOf(CiRun::Kind::TektonPipelineRun));
    case S::LoadTests:
        return takeOver(next.loadTests, previous.loadTests, all);
    case S::LitmusChaos:
        return takeOver(next.chaosExperiments, previous.chaosExperiments,
                        chaosOf(ChaosExperiment::Kind::LitmusChaosResult));
    case S::ChaosMesh:
        return takeOver(next.chaosExperiments, previous.chaosExperiments,
                        chaosOf(ChaosExperiment::Kind::ChaosMesh));
    case S::FeatureFlags:
        return takeOver(next.featureFlags, previous.featureFlags, all);
    }
}

// The release's window starts when its newest ReplicaSet did (the canary's; fully promoted,
// the stable's).
qint64 releaseStartMs(const RolloutDetail &detail)
{
    const SafetyNetSide canary = SafetyNetsAssembler::canarySide(detail);
    return canary.createdMs > 0 ? canary.createdMs
                                : SafetyNetsAssembler::stableSide(detail).createdMs;
}

} // namespace

SafetyNetsController::SafetyNetsController(FleetModel *model, RolloutDetailView *view,
                                           QObject *parent) :
    QObject(parent), m_model(model), m_view(view), m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("safetyNetsRefreshTimer"));
    m_timer->setInterval(refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SafetyNetsController::refresh);
    connect(m_model, &FleetModel::rolloutDetailsChanged, this,
            &SafetyNetsController::detailsChanged);
}

SafetyNetsController::~SafetyNetsController() = default;

void SafetyNetsController::setFleet(const Kubeconfig &kubeconfig,
                                    const QList<EnvironmentSpec> &environments)
{
    m_environments = environments;
    if (!m_fetcher) {
        m_fetcher = std::make_unique<SafetyNetsFetcher>();
        connect(m_fetcher.get(), &SafetyNetsFetcher::inventoryFetched, this,
                &SafetyNetsController::inventoryFetched);
    }
    // The fetcher drops what the previous fleet still had under way.
    m_fetcher->setFleet(kubeconfig, environments);
    const QString environment = m_environment;
    const QString uid = m_uid;
    select(QString(), QString());
    select(environment, uid);
}

void SafetyNetsController::select(const QString &environment, const QString &rolloutUid)
{
    if (environment == m_environment && rolloutUid == m_uid)
        return;
    m_environment = environment;
    m_uid = rolloutUid;
    m_own.reset();
    m_earlierInventory.reset();
    m_shown.reset();
    m_askedCanaryHash.clear();
    m_detail = rolloutUid.isEmpty() ? RolloutDetail()
                                    : m_model->store().rolloutDetail(environment, rolloutUid);
    m_namespace = m_detail.rollout.metadata.namespaceName;
    m_earlier = earlierEnvironment(m_environments, environment);
    if (!m_detail.isValid()) {
        m_timer->stop();
        return;
    }
    m_view->clearSafetyNets(QString());
    refresh();
    m_timer->start();
}

void SafetyNetsController::shutdown()
{
    m_timer->stop();
    if (m_fetcher)
        m_fetcher->setFleet(Kubeconfig(), {});
}

void SafetyNetsController::refresh()
{
    if (!m_fetcher || !m_detail.isValid())
        return;
    m_askedCanaryHash = m_detail.rollout.status.currentPodHash;
    const qint64 from = releaseStartMs(m_detail);
    const qint64 to = now();
    m_fetcher->fetch(m_environment, m_namespace, from, to);
    if (!m_earlier.isEmpty())
        m_fetcher->fetch(m_earlier, m_namespace, from, to);
}

void SafetyNetsController::detailsChanged(const QString &environment,
                                          const QStringList &rolloutUids)
{
    if (environment != m_environment || !rolloutUids.contains(m_uid))
        return;
    m_detail = m_model->store().rolloutDetail(m_environment, m_uid);
    if (!m_detail.isValid()) {
        m_timer->stop();
        return;
    }
    // A new canary is another release: its images, pods and window are asked for at once.
    if (m_detail.rollout.status.currentPodHash != m_askedCanaryHash)
        refresh();
    assemble();
}

void SafetyNetsController::inventoryFetched(const SafetyNetInventory &inventory)
{
    if (m_uid.isEmpty() || inventory.namespace_ != m_namespace)
        return; // about a rollout no longer shown
    if (inventory.environment == m_environment)
        m_own = m_own ? keepLastRead(*m_own, inventory) : inventory;
    else if (!m_earlier.isEmpty() && inventory.environment == m_earlier)
        m_earlierInventory
            = m_earlierInventory ? keepLastRead(*m_earlierInventory, inventory) : inventory;
    else
        return;
    assemble();
}

void SafetyNetsController::assemble()
{
    if (!m_own || !m_detail.isValid())
        return; // still "being read"
    const auto spec
        = std::find_if(m_environments.cbegin(), m_environments.cend(),
                       [this](const EnvironmentSpec &s) { return s.name == m_environment; });
    const SafetyNetsConfig config
        = spec == m_environments.cend() ? SafetyNetsConfig() : spec->safetyNets;
    const qint64 since = m_earlier.isEmpty()
        ? 0
        : earlierVersionSinceMs(m_model->store(), m_earlier, m_namespace,
                                m_detail.rollout.metadata.name,
                                SafetyNetsAssembler::canarySide(m_detail).images);
    SafetyNets nets = SafetyNetsAssembler::assemble(
        m_detail, *m_own, m_earlierInventory ? &*m_earlierInventory : nullptr, since, config);
    m_shown = nets;
    m_view->setSafetyNets(nets);
}

qint64 SafetyNetsController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString SafetyNetsController::earlierEnvironment(const QList<EnvironmentSpec> &environments,
                                                 const QString &environment)
{
    for (qsizetype i = 1; i < environments.size(); ++i) {
        if (environments.at(i).name == environment)
            return environments.at(i - 1).name;
    }
    return QString();
}

qint64 SafetyNetsController::earlierVersionSinceMs(const FleetStore &store, const QString &earlier,
                                                   const QString &namespaceName,
                                                   const QString &name, const QStringList &images)
{
    const EnvironmentStore *environment = store.environment(earlier);
    if (!environment || images.isEmpty())
        return 0;
    const EnvironmentStore::RowPtr row = environment->row(
        FleetRow::makeKey(earlier, FleetRow::Kind::Rollout, namespaceName, name));
    if (!row || !row->rollout)
        return 0;
    const QSet<QString> wanted(images.cbegin(), images.cend());
    qint64 since = 0;
    for (const ReplicaSet &rs : environment->replicaSetsOf(row->rollout->metadata.uid)) {
        const QStringList own = rs.podTemplate.images();
        if (QSet<QString>(own.cbegin(), own.cend()) != wanted
            || !rs.metadata.creationTimestamp.isValid())
            continue;
        // The oldest ReplicaSet with these images: when that version first ran there.
        const qint64 created = rs.metadata.creationTimestamp.toMSecsSinceEpoch();
        since = since == 0 ? created : std::min(since, created);
    }
    return since;
}

SafetyNetInventory SafetyNetsController::keepLastRead(const SafetyNetInventory &previous,
                                                      const SafetyNetInventory &next)
{
    SafetyNetInventory kept = next;
    if (previous.environment != next.environment || previous.namespace_ != next.namespace_)
        return kept;
    for (int i = 0; i < safetyNetSourceCount; ++i) {
        const auto source = SafetyNetSource(i);
        const SafetyNetSourceState &before = previous.sources[i];
        const SafetyNetSourceState &now = next.sources[i];
        if (now.state != State::Failed || before.state != State::Loaded)
            continue;
        keepSource(kept, previous, source);
        SafetyNetSourceState &state = kept.sources[i];
        state = before;
        state.detail = now.detail.isEmpty() ? SafetyNetsText::sourceNote(source, now) : now.detail;
    }
    return kept;
}

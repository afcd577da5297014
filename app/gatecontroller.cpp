// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatecontroller.h"

#include "actionrunner.h"
#include "auditlog.h"
#include "fleetmodel.h"
#include "gatemonitor.h"

#include <QTimer>

namespace {

QString keyOf(const QString &environment, const QString &uid)
{
    return environment + QLatin1Char('/') + uid;
}

} // namespace

GateController::GateController(FleetModel *model, QObject *parent) :
    QObject(parent), m_model(model), m_timer(new QTimer(this))
{
    m_timer->setInterval(int(m_settings.intervalMs));
    connect(m_timer, &QTimer::timeout, this, &GateController::evaluateAll);
    connect(m_model, &FleetModel::rolloutDetailsChanged, this, &GateController::detailsChanged);
}

GateController::~GateController()
{
    shutdown();
}

qint64 GateController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void GateController::setSettings(const GateSettings &settings)
{
    m_settings = settings;
    m_timer->setInterval(int(settings.intervalMs));
    if (m_monitor)
        evaluateAll();
}

void GateController::setFleet(const Kubeconfig &kubeconfig,
                              const QList<EnvironmentSpec> &environments, const QString &auditPath)
{
    shutdown();
    m_environments = environments;
    m_monitor = std::make_unique<GateMonitor>(kubeconfig, environments);
    connect(m_monitor.get(), &GateMonitor::reportReady, this, &GateController::received);
    m_audit = std::make_unique<AuditLog>(auditPath);
    m_runner = std::make_unique<ActionRunner>(kubeconfig, m_audit.get());
    m_runner->setEnvironments(environments);
    connect(m_runner.get(), &ActionRunner::finished, this, &GateController::pauseFinished);
    m_timer->start();
}

void GateController::shutdown()
{
    m_timer->stop();
    if (m_monitor)
        m_monitor->stop();
    if (m_runner)
        m_runner->waitForDone();
    m_monitor.reset();
    m_runner.reset();
    m_audit.reset();
    m_pauses.clear();
    const QStringList keys = m_judged.keys();
    m_judged.clear();
    m_asked.clear();
    for (const QString &key : keys) {
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        emit reportChanged(key.left(slash), key.mid(slash + 1));
    }
}

const GateReport *GateController::report(const QString &environment, const QString &uid) const
{
    const auto found = m_judged.constFind(keyOf(environment, uid));
    return found == m_judged.constEnd() ? nullptr : &found->report;
}

const Rollout *GateController::rolloutOf(const QString &environment, const QString &uid) const
{
    const EnvironmentStore *store = m_model->store().environment(environment);
    const EnvironmentStore::RowPtr row = store ? store->rolloutRow(uid) : nullptr;
    return row ? row->rollout.get() : nullptr;
}

// From the row, not the detail: most rollouts have no canary, and assembling a detail (pods,
// runs, events) for each of thousands every interval would cost the GUI thread.
QString GateController::canaryToJudge(const QString &environment, const QString &uid) const
{
    const Rollout *rollout = rolloutOf(environment, uid);
    if (!rollout || rollout->status.abort)
        return QString();
    const GateTarget target = GateTarget::of(*rollout);
    return target.hasCanary() ? target.canaryHash : QString();
}

QString GateController::missingReason(const QString &environment, const QString &uid) const
{
    const Rollout *rollout = rolloutOf(environment, uid);
    if (rollout && !GateTarget::of(*rollout).hasCanary())
        return tr("No canary: gates are judged while a new revision is rolled out.");
    if (rollout && rollout->status.abort)
        return tr("Aborted: gates are judged while the canary runs.");
    return tr("Not judged yet: gates are judged every %1 while a canary runs.")
        .arg(QStringLiteral("%1 s").arg(m_settings.intervalMs / 1000));
}

void GateController::evaluateAll()
{
    if (!m_monitor)
        return;
    for (const QString &environment : m_model->store().environmentNames()) {
        const EnvironmentStore *store = m_model->store().environment(environment);
        if (!store || store->isStale())
            continue;
        for (const QString &uid : store->rolloutUids())
            evaluate(environment, uid);
    }
}

void GateController::evaluate(const QString &environment, const QString &uid)
{
    const QString key = keyOf(environment, uid);
    if (canaryToJudge(environment, uid).isEmpty()) {
        drop(key);
        return;
    }
    const RolloutDetail detail = m_model->store().rolloutDetail(environment, uid);
    const GateTarget target = GateTarget::of(detail.rollout);
    const QList<GateSpec> gates = m_settings.applicable(
        environment, detail.rollout.metadata.namespaceName, detail.rollout.metadata.name);
    m_asked.insert(key, target.canaryHash);
    m_monitor->evaluate(key, gates, detail, target, now());
}

void GateController::detailsChanged(const QString &environment, const QStringList &uids)
{
    if (!m_monitor)
        return;
    const EnvironmentStore *store = m_model->store().environment(environment);
    if (!store || store->isStale())
        return;
    for (const QString &uid : uids) {
        const QString key = keyOf(environment, uid);
        const QString canary = canaryToJudge(environment, uid);
        // A new canary (or one that ended) is judged at once, not at the next tick.
        if (canary.isEmpty())
            drop(key);
        else if (m_asked.value(key) != canary)
            evaluate(environment, uid);
    }
}

void GateController::drop(const QString &key)
{
    m_asked.remove(key);
    if (m_judged.remove(key) == 0)
        return;
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    emit reportChanged(key.left(slash), key.mid(slash + 1));
}

void GateController::received(const QString &key, const GateReport &report)
{
    // An answer for a canary that is no longer asked about (promoted, aborted) is dropped.
    if (!m_asked.contains(key) || m_asked.value(key) != report.canaryHash)
        return;
    Judged &judged = m_judged[key];
    if (judged.canaryHash != report.canaryHash)
        judged = Judged {GateReport(), report.canaryHash, {}, false};
    judged.report = report;
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    const QString environment = key.left(slash);
    const QString uid = key.mid(slash + 1);
    announceFailures(environment, uid, judged);
    emit reportReady(report);
    emit reportChanged(environment, uid);
}

void GateController::announceFailures(const QString &environment, const QString &uid,
                                      Judged &judged)
{
    const EnvironmentSpec *spec = nullptr;
    for (const EnvironmentSpec &candidate : std::as_const(m_environments)) {
        if (candidate.name == environment)
            spec = &candidate;
    }
    for (const GateResult &gate : std::as_const(judged.report.gates)) {
        // A failed analysis is the Argo Rollouts controller's to act on (it aborts), and its
        // notification is the analysis's own: only the config's gates are announced here.
        if (gate.source != GateResult::Source::Config || gate.outcome != GateOutcome::Fail
            || judged.failedGates.contains(gate.name))
            continue;
        judged.failedGates.insert(gate.name);
        const bool pausing = spec && spec->pauseOnGateFail && !judged.paused;
        if (pausing) {
            judged.paused = true;
            pause(environment, uid, judged.report, gate);
        }
        emit gateFailed(environment, uid, judged.report, gate, pausing);
    }
}

void GateController::pause(const QString &environment, const QString &uid, const GateReport &report,
                           const GateResult &gate)
{
    RolloutActionRequest request;
    request.environment = environment;
    request.namespaceName = report.namespaceName;
    request.name = report.rollout;
    request.action = RolloutAction::Pause;
    request.client = QStringLiteral("gate");
    request.reason = tr("gate '%1' failed: %2").arg(gate.name, gate.message);
    m_pauses.insert(m_runner->submit(request), PauseJob {uid, gate.name});
}

void GateController::pauseFinished(const RolloutActionResult &result)
{
    const PauseJob job = m_pauses.take(result.ticket);
    emit autoPauseFinished(result, job.uid, job.gate);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggercanarydetailcontroller.h"

#include "actionrunner.h"
#include "flaggercanaryactionbar.h"
#include "flaggercanarydetailview.h"

namespace {

QString canaryPermissionKey(const QString &environment, const QString &namespaceName)
{
    return environment + QLatin1Char('\n') + namespaceName;
}

} // namespace

FlaggerCanaryDetailController::FlaggerCanaryDetailController(FleetModel *model,
                                                             FlaggerCanaryDetailView *view,
                                                             QObject *parent) :
    WorkloadDetailController(model, &FleetModel::canaryDetailsChanged, parent), m_view(view)
{
    setObjectName(QStringLiteral("flaggerCanaryDetailController"));
    connect(m_view->actionBar(), &FlaggerCanaryActionBar::actionRequested, this,
            &FlaggerCanaryDetailController::request);
}

void FlaggerCanaryDetailController::setRunner(ActionRunner *runner,
                                              const QList<EnvironmentSpec> &environments)
{
    m_runner = runner;
    m_environments.clear();
    for (const EnvironmentSpec &spec : environments)
        m_environments.insert(spec.name, spec);
    m_pending = Pending();
    m_permissions.clear();
    m_permissionChecks.clear();
    if (!runner)
        return;
    connect(runner, &ActionRunner::canaryFinished, this, &FlaggerCanaryDetailController::finished,
            Qt::UniqueConnection);
    connect(runner, &ActionRunner::permissionsChecked, this,
            &FlaggerCanaryDetailController::permissionsChecked, Qt::UniqueConnection);
}

bool FlaggerCanaryDetailController::pendingIsShown() const
{
    return !m_pending.uid.isEmpty() && m_pending.environment == environment()
        && m_pending.uid == uid();
}

void FlaggerCanaryDetailController::showDetail()
{
    // A deleted canary's detail is invalid: the main window's selection handling says it is
    // no longer in the cluster; the view is not given an empty detail in between.
    const FlaggerCanaryDetail detail = store().canaryDetail(environment(), uid());
    if (!detail.isValid())
        return;
    FlaggerCanaryActionBar *bar = m_view->actionBar();
    // The message belongs to the canary it is about.
    const QString key = environment() + QLatin1Char('/') + uid();
    if (key != m_messageFor) {
        m_messageFor = key;
        bar->setMessage(QString(), false);
    }
    if (pendingIsShown() && m_pending.awaitingEffect
        && FlaggerActions::confirmed(m_pending.expectation, detail.canary)) {
        bar->setMessage(wordsOf(m_pending.expectation.action).confirmed, false);
        m_pending = Pending();
    }
    m_view->setDetail(detail, now());
    checkPermissions(detail);
    updateActions(detail);
}

QString FlaggerCanaryDetailController::permissionRefusal(const FlaggerCanaryDetail &detail,
                                                         const FlaggerActionPlan &plan) const
{
    // Exactly what FlaggerActionExecutor asks before it sends the plan.
    const ResourcePermission permission = FlaggerActions::permission(plan);
    const QString ns = FlaggerActions::namespaceOf(plan, detail.canary);
    const QMap<QString, bool> allowed
        = m_permissions.value(canaryPermissionKey(detail.environment, ns));
    if (allowed.value(permission.displayName(), true))
        return QString();
    return tr("You may not %1 in namespace %2.").arg(permission.displayName(), ns);
}

void FlaggerCanaryDetailController::checkPermissions(const FlaggerCanaryDetail &detail)
{
    const EnvironmentSpec spec = m_environments.value(detail.environment);
    if (!m_runner || spec.readOnly || detail.isStale())
        return; // nothing is offered, or the review could not be answered
    for (const FlaggerAction action : FlaggerCanaryActionBar::offered()) {
        const FlaggerActionPlan plan = FlaggerActions::plan(action, detail.canary);
        if (!plan.enabled)
            continue;
        const QString ns = FlaggerActions::namespaceOf(plan, detail.canary);
        const QString key = canaryPermissionKey(detail.environment, ns);
        if (m_permissions.contains(key) || m_permissionChecks.isRunning(key))
            continue;
        if (const quint64 ticket
            = m_runner->checkPermissions(detail.environment, ns, FlaggerActions::permissions()))
            m_permissionChecks.start(key, ticket);
    }
}

void FlaggerCanaryDetailController::permissionsChecked(quint64 ticket, const QString &environment,
                                                       const QString &namespaceName,
                                                       const QMap<QString, bool> &allowed)
{
    // The runner answers the rollout detail's checks too: those tickets are not ours.
    if (!m_permissionChecks.finish(ticket).latest)
        return;
    m_permissions.insert(canaryPermissionKey(environment, namespaceName), allowed);
    if (!uid().isEmpty() && environment == this->environment())
        showDetail();
}

void FlaggerCanaryDetailController::updateActions(const FlaggerCanaryDetail &detail)
{
    const EnvironmentSpec spec = m_environments.value(detail.environment);
    const bool busy = pendingIsShown() && m_pending.ticket != 0;
    FlaggerCanaryActionBar *bar = m_view->actionBar();
    bar->setEnvironmentProtected(spec.isProtected);
    for (const FlaggerAction action : FlaggerCanaryActionBar::offered()) {
        const FlaggerActionPlan plan = FlaggerActions::plan(action, detail.canary);
        QString why;
        if (!m_runner)
            why = tr("Actions are not available yet");
        else if (spec.readOnly)
            why = tr("%1 is read-only: no actions are sent").arg(detail.environment);
        else if (detail.isStale())
            why = tr("%1 is not connected: actions are disabled").arg(detail.environment);
        else if (busy)
            why = tr("An action on this canary is on its way");
        else if (!plan.enabled)
            why = plan.reason;
        else
            why = permissionRefusal(detail, plan);
        bar->setActionState(action, why.isEmpty(), why.isEmpty() ? wordsOf(action).effect : why);
    }
}

void FlaggerCanaryDetailController::request(FlaggerAction action, const FlaggerCanaryTarget &target)
{
    // The canary the person confirmed, not whatever is selected by now: the executor refuses
    // it if its uid changed since.
    if (!m_runner || target.isNull())
        return;
    FlaggerActionRequest request;
    request.environment = target.environment;
    request.namespaceName = target.namespaceName;
    request.name = target.name;
    request.uid = target.uid;
    request.action = action;
    m_pending = Pending();
    m_pending.environment = target.environment;
    m_pending.uid = target.uid;
    m_pending.ticket = m_runner->submit(request);
    if (pendingIsShown()) {
        m_view->actionBar()->setMessage(wordsOf(action).progress, false);
        updateActions(m_view->detail());
    }
}

void FlaggerCanaryDetailController::finished(const FlaggerActionResult &result)
{
    // Only the latest action's answer: an older one no longer says what the canary does.
    if (m_pending.ticket == 0 || result.ticket != m_pending.ticket)
        return;
    const bool shown = pendingIsShown();
    m_pending.ticket = 0;
    if (result.result == AuditRecord::Result::Denied) {
        // The answers cached for this environment were wrong (RBAC changed): ask again.
        for (auto it = m_permissions.begin(); it != m_permissions.end();)
            it = it.key().startsWith(result.request.environment + QLatin1Char('\n'))
                ? m_permissions.erase(it)
                : std::next(it);
    }
    m_pending.awaitingEffect = result.awaitsEffect();
    m_pending.expectation = result.expectation;
    if (!m_pending.awaitingEffect)
        m_pending = Pending(); // failed, or nothing the watched canary will show
    if (shown) {
        m_view->actionBar()->setMessage(result.message, !result.succeeded());
        showDetail();
    }
}

FlaggerCanaryDetailController::ActionWords
FlaggerCanaryDetailController::wordsOf(FlaggerAction action)
{
    switch (action) {
    case FlaggerAction::Pause:
        return {tr("Set spec.suspend: Flagger stops reconciling the canary where it is"),
                tr("Suspending\u2026"), tr("Suspended.")};
    case FlaggerAction::Resume:
        return {tr("Clear spec.suspend: Flagger goes on with the canary"), tr("Resuming\u2026"),
                tr("Resumed.")};
    case FlaggerAction::Promote:
        return {tr("Open the load tester's confirm-promotion gate: Flagger promotes the canary "
                   "at its next check"),
                tr("Opening the promotion gate\u2026"),
                tr("Promotion started: Flagger copies the canary's version to the primary.")};
    case FlaggerAction::Halt:
        return {tr("Close the load tester's gate (after a rollback, its rollback gate): Flagger "
                   "waits at it again"),
                tr("Closing the gate\u2026"), tr("Gate closed.")};
    case FlaggerAction::Rollback:
        break;
    }
    return {tr("Open the load tester's rollback gate: Flagger rolls the canary back at its next "
               "check"),
            tr("Opening the rollback gate\u2026"),
            tr("Rolled back. The rollback gate stays open and would roll back the next release "
               "too: close it (Close gate) before the next one.")};
}

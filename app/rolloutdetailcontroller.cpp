// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutdetailcontroller.h"

#include "actionrunner.h"
#include "auditlog.h"
#include "fleetmodel.h"
#include "gitopsguard.h"
#include "pendingactiontracker.h"
#include "rolloutactionrules.h"
#include "rolloutdetailview.h"
#include <QMessageBox>

namespace {

QString permissionKey(const QString &environment, const QString &namespaceName)
{
    return environment + QLatin1Char('\n') + namespaceName;
}

} // namespace

RolloutDetailController::RolloutDetailController(FleetModel *model, RolloutDetailView *view,
                                                 QObject *parent) :
    QObject(parent), m_model(model), m_view(view), m_tracker(new PendingActionTracker(this))
{
    connect(m_model, &FleetModel::rolloutDetailsChanged, this,
            &RolloutDetailController::detailsChanged);
    connect(m_view, &RolloutDetailView::actionRequested, this, &RolloutDetailController::request);
    // The GitOps notes follow the managing application's auto-sync and self-heal.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                if (from.column() <= FleetModel::ArgoCdColumn
                    && to.column() >= FleetModel::ArgoCdColumn)
                    updateActionStates();
            });
    connect(m_tracker, &PendingActionTracker::confirmed, this,
            [this](const RolloutRef &rollout, RolloutAction action) {
                if (action == RolloutAction::Abort) {
                    followAbort(rollout,
                                m_model->store().rolloutDetail(rollout.environment, rollout.uid));
                    return;
                }
                setMessage(rollout, confirmedText(action), false);
            });
    connect(m_view, &RolloutDetailView::copyCommandRequested, this,
            &RolloutDetailController::copyKubectlCommand);
    connect(m_tracker, &PendingActionTracker::timedOut, this,
            [this](const RolloutRef &rollout, RolloutAction action) {
                setMessage(rollout,
                           tr("The API server accepted %1, but the rollout has not shown its "
                              "effect within %2 s. Is the Argo Rollouts controller running?")
                               .arg(rolloutActionId(action))
                               .arg(m_tracker->timeoutMs() / 1000),
                           true);
            });
}

RolloutDetailController::~RolloutDetailController()
{
    shutdown();
}

void RolloutDetailController::shutdown()
{
    if (m_runner)
        m_runner->waitForDone();
}

void RolloutDetailController::setFleet(const Kubeconfig &kubeconfig,
                                       const QList<EnvironmentSpec> &environments,
                                       const QString &auditPath)
{
    shutdown();
    m_runner.reset();
    m_audit = std::make_unique<AuditLog>(auditPath);
    m_runner = std::make_unique<ActionRunner>(kubeconfig, m_audit.get());
    m_runner->setEnvironments(environments);
    connect(m_runner.get(), &ActionRunner::finished, this, &RolloutDetailController::finished);
    connect(m_runner.get(), &ActionRunner::progress, this,
            [this](quint64 ticket, const QString &text) {
                const RolloutRef rollout = m_actions.keyOf(ticket);
                const auto action = m_sending.constFind(rollout);
                if (action != m_sending.cend() && m_actions.isCurrent(ticket))
                    setMessage(rollout,
                               rolloutActionProgressText(*action) + QLatin1Char(' ') + text, false);
            });
    connect(m_runner.get(), &ActionRunner::permissionsChecked, this,
            &RolloutDetailController::permissionsChecked);
    m_environments.clear();
    for (const EnvironmentSpec &spec : environments)
        m_environments.insert(spec.name, spec);
    m_permissions.clear();
    m_sending.clear();
    m_actions.clear();
    m_permissionChecks.clear();
    m_messages.clear();
    m_followedAborts.clear();
    m_selected = RolloutRef();
    refresh();
}

void RolloutDetailController::select(const QString &environment, const QString &rolloutUid)
{
    // The window calls this on every change of the table; the detail follows
    // rolloutDetailsChanged instead.
    const RolloutRef selected {environment, rolloutUid};
    if (selected == m_selected)
        return;
    m_selected = selected;
    refresh();
    if (!m_detail.isValid())
        return;
    const Message message = m_messages.value(m_selected);
    m_view->setActionMessage(message.text, message.isError);
    const QString ns = m_detail.rollout.metadata.namespaceName;
    const QString key = permissionKey(environment, ns);
    if (!m_permissions.contains(key) && !m_permissionChecks.isRunning(key))
        checkPermissions(environment, ns);
}

void RolloutDetailController::detailsChanged(const QString &environment,
                                             const QStringList &rolloutUids)
{
    for (const QString &uid : rolloutUids) {
        const RolloutRef rollout {environment, uid};
        if (!m_tracker->isPending(rollout))
            continue;
        const RolloutDetail detail = m_model->store().rolloutDetail(environment, uid);
        if (detail.isValid())
            m_tracker->rolloutChanged(rollout, detail.rollout);
        else
            m_tracker->rolloutRemoved(rollout);
    }
    for (const QString &uid : rolloutUids) {
        const RolloutRef rollout {environment, uid};
        if (m_followedAborts.contains(rollout))
            followAbort(rollout, m_model->store().rolloutDetail(environment, uid));
    }
    if (environment == m_selected.environment && rolloutUids.contains(m_selected.uid))
        refresh();
}

void RolloutDetailController::refresh()
{
    m_detail = m_selected.isNull()
        ? RolloutDetail()
        : m_model->store().rolloutDetail(m_selected.environment, m_selected.uid);
    if (!m_detail.isValid()) {
        m_view->clear();
        return;
    }
    m_view->setEnvironmentProtected(m_environments.value(m_selected.environment).isProtected);
    m_view->setDetail(m_detail);
    updateActionStates();
}

void RolloutDetailController::updateActionStates()
{
    if (!m_detail.isValid())
        return;
    const QString environment = m_selected.environment;
    std::optional<RolloutAction> busy = m_tracker->pendingAction(m_selected);
    if (m_sending.contains(m_selected))
        busy = m_sending.value(m_selected);
    RolloutActionStates states = actionStates(
        m_detail, m_environments.value(environment).readOnly,
        m_permissions.value(permissionKey(environment, m_detail.rollout.metadata.namespaceName)),
        busy);
    const ArgoApplication managing = m_model->managingApplication(
        m_model->indexOf(environment, FleetRow::Kind::Rollout,
                         m_detail.rollout.metadata.namespaceName, m_detail.rollout.metadata.name));
    for (auto it = states.begin(); it != states.end(); ++it)
        it->gitOpsNote = GitOpsGuard::text(it.key(), managing);
    m_view->setActionStates(states);
}

void RolloutDetailController::request(RolloutAction action, qint64 revision)
{
    if (!m_runner || !m_detail.isValid())
        return;
    RolloutActionRequest request;
    request.environment = m_selected.environment;
    request.namespaceName = m_detail.rollout.metadata.namespaceName;
    request.name = m_detail.rollout.metadata.name;
    request.action = action;
    request.revision = revision;
    const RolloutRef rollout = m_selected;
    m_followedAborts.remove(rollout);
    m_sending.insert(rollout, action);
    setMessage(rollout, rolloutActionProgressText(action), false);
    m_actions.start(rollout, m_runner->submit(request));
    updateActionStates();
}

void RolloutDetailController::finished(const RolloutActionResult &result)
{
    const RolloutActionRequest &request = result.request;
    const TicketedJobs<RolloutRef>::Answer answer = m_actions.finish(result.ticket);
    const RolloutRef &rollout = answer.key;
    // An older action's answer, with a newer one on its way: only a failure is worth a word.
    const bool latest = answer.latest;
    if (latest)
        m_sending.remove(rollout);
    if (!latest) {
        if (!result.succeeded() && !result.awaitsEffect())
            showFailure(result.message);
    } else if (result.awaitsEffect() && !rollout.isNull()) {
        setMessage(rollout, rolloutActionProgressText(request.action), false);
        const RolloutDetail detail
            = m_model->store().rolloutDetail(rollout.environment, rollout.uid);
        m_tracker->add(rollout, result.expectation, detail.isValid() ? &detail.rollout : nullptr);
    } else if (result.succeeded()) {
        setMessage(rollout, result.message, false);
    } else {
        setMessage(rollout, result.message, true);
        showFailure(result.message);
    }
    if (result.result == AuditRecord::Result::Denied) {
        // The cached answer was wrong (RBAC changed): ask again.
        m_permissions.remove(permissionKey(request.environment, request.namespaceName));
        checkPermissions(request.environment, request.namespaceName);
    }
    updateActionStates();
}

void RolloutDetailController::checkPermissions(const QString &environment,
                                               const QString &namespaceName)
{
    if (!m_runner)
        return;
    if (const quint64 ticket = m_runner->checkPermissions(environment, namespaceName))
        m_permissionChecks.start(permissionKey(environment, namespaceName), ticket);
}

void RolloutDetailController::permissionsChecked(quint64 ticket, const QString &environment,
                                                 const QString &namespaceName,
                                                 const QMap<QString, bool> &allowed)
{
    if (!m_permissionChecks.finish(ticket).latest)
        return; // a newer check of this namespace is on its way
    m_permissions.insert(permissionKey(environment, namespaceName), allowed);
    if (environment == m_selected.environment)
        updateActionStates();
}

void RolloutDetailController::setMessage(const RolloutRef &rollout, const QString &text,
                                         bool isError)
{
    if (rollout.isNull())
        return;
    m_messages.insert(rollout, Message {text, isError});
    if (rollout == m_selected) {
        m_view->setActionMessage(text, isError);
        updateActionStates();
    }
}

void RolloutDetailController::showFailure(const QString &text)
{
    // Window-modal and not blocking: the watch keeps updating the view behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Action failed"), text, QMessageBox::Ok,
                                m_view->window());
    box->setObjectName(QStringLiteral("actionFailedDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void RolloutDetailController::followAbort(const RolloutRef &rollout, const RolloutDetail &detail)
{
    if (!detail.isValid() || !detail.rollout.status.abort) {
        // Gone, or retried since: the abort's story is over.
        m_followedAborts.remove(rollout);
        return;
    }
    m_followedAborts.insert(rollout);
    setMessage(rollout, abortProgressText(detail, QDateTime::currentDateTimeUtc()), false);
}

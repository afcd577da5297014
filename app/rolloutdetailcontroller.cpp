// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutdetailcontroller.h"

#include "actionrunner.h"
#include "auditlog.h"
#include "detailstyle.h"
#include "fleetmodel.h"
#include "kubectlcommand.h"
#include "pendingactiontracker.h"
#include "rolloutactionrules.h"
#include "rolloutdetailview.h"
#include <QClipboard>
#include <QGuiApplication>
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
    connect(m_tracker, &PendingActionTracker::confirmed, this,
            [this](const QString &key, RolloutAction action) {
                if (action == RolloutAction::Abort) {
                    const int slash = int(key.lastIndexOf(QLatin1Char('/')));
                    followAbort(key, m_model->rolloutDetail(key.left(slash), key.mid(slash + 1)));
                    return;
                }
                setMessage(key, confirmedText(action), false);
            });
    connect(m_view, &RolloutDetailView::copyCommandRequested, this,
            &RolloutDetailController::copyKubectlCommand);
    connect(m_tracker, &PendingActionTracker::timedOut, this,
            [this](const QString &key, RolloutAction action) {
                setMessage(key,
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
                const QString key = m_ticketKeys.value(ticket);
                const auto action = m_sending.constFind(key);
                if (action != m_sending.cend())
                    setMessage(key, rolloutActionProgressText(*action) + QLatin1Char(' ') + text,
                               false);
            });
    connect(m_runner.get(), &ActionRunner::permissionsChecked, this,
            &RolloutDetailController::permissionsChecked);
    m_environments.clear();
    for (const EnvironmentSpec &spec : environments)
        m_environments.insert(spec.name, spec);
    m_permissions.clear();
    m_sending.clear();
    m_ticketKeys.clear();
    m_messages.clear();
    m_followedAborts.clear();
    m_environment.clear();
    m_uid.clear();
    refresh();
}

QString RolloutDetailController::selectedKey() const
{
    return m_uid.isEmpty() ? QString() : PendingActionTracker::key(m_environment, m_uid);
}

void RolloutDetailController::select(const QString &environment, const QString &rolloutUid)
{
    // The window calls this on every change of the table; the detail follows
    // rolloutDetailsChanged instead.
    if (environment == m_environment && rolloutUid == m_uid)
        return;
    m_environment = environment;
    m_uid = rolloutUid;
    refresh();
    if (!m_detail.isValid())
        return;
    const Message message = m_messages.value(selectedKey());
    m_view->setActionMessage(message.text, message.isError);
    const QString ns = m_detail.rollout.metadata.namespaceName;
    if (m_runner && !m_permissions.contains(permissionKey(environment, ns)))
        m_runner->checkPermissions(environment, ns);
}

void RolloutDetailController::detailsChanged(const QString &environment,
                                             const QStringList &rolloutUids)
{
    for (const QString &uid : rolloutUids) {
        const QString key = PendingActionTracker::key(environment, uid);
        if (!m_tracker->isPending(key))
            continue;
        const RolloutDetail detail = m_model->rolloutDetail(environment, uid);
        if (detail.isValid())
            m_tracker->rolloutChanged(key, detail.rollout);
        else
            m_tracker->rolloutRemoved(key);
    }
    for (const QString &uid : rolloutUids) {
        const QString key = PendingActionTracker::key(environment, uid);
        if (m_followedAborts.contains(key))
            followAbort(key, m_model->rolloutDetail(environment, uid));
    }
    if (environment == m_environment && rolloutUids.contains(m_uid))
        refresh();
}

void RolloutDetailController::refresh()
{
    m_detail = m_uid.isEmpty() ? RolloutDetail() : m_model->rolloutDetail(m_environment, m_uid);
    if (!m_detail.isValid()) {
        m_view->clear();
        return;
    }
    m_view->setEnvironmentProtected(m_environments.value(m_environment).isProtected);
    m_view->setDetail(m_detail);
    updateActionStates();
}

void RolloutDetailController::updateActionStates()
{
    if (!m_detail.isValid())
        return;
    const Rollout &rollout = m_detail.rollout;
    const QString ns = rollout.metadata.namespaceName;
    const bool readOnly = m_environments.value(m_environment).readOnly;
    const QMap<QString, bool> allowed = m_permissions.value(permissionKey(m_environment, ns));
    const QString key = selectedKey();
    std::optional<RolloutAction> busy = m_tracker->pendingAction(key);
    if (m_sending.contains(key))
        busy = m_sending.value(key);
    const int revisions = ownedRevisionCount(m_detail.replicaSets, m_detail.rollout.metadata.uid);

    RolloutActionStates states;
    for (RolloutAction action : allRolloutActions()) {
        RolloutActionState state = rolloutActionAvailability(action, rollout, revisions);
        state.visible = !readOnly;
        if (m_detail.isStale()) {
            // Nothing sent to a cluster the window cannot see: the person would act on a
            // state that may be gone, and could not see the effect.
            state.enabled = false;
            state.reason = tr("%1 is not connected (stale since %2): nothing can be sent from "
                              "here. Use \"Copy kubectl command\" to run it from a terminal.")
                               .arg(m_environment, DetailStyle::clockTime(m_detail.staleSince));
            states.insert(action, state);
            continue;
        }
        if (state.enabled) {
            for (const ResourcePermission &permission : requiredPermissions(action, rollout)) {
                if (allowed.value(permission.displayName(), true))
                    continue;
                state.enabled = false;
                state.reason
                    = tr("You may not %1 in namespace %2.").arg(permission.displayName(), ns);
                break;
            }
        }
        if (busy && *busy == action) {
            state.pending = true;
            state.enabled = false;
            state.reason = rolloutActionProgressText(action);
        }
        states.insert(action, state);
    }
    m_view->setActionStates(states);
}

void RolloutDetailController::request(RolloutAction action, qint64 revision)
{
    if (!m_runner || !m_detail.isValid())
        return;
    RolloutActionRequest request;
    request.environment = m_environment;
    request.namespaceName = m_detail.rollout.metadata.namespaceName;
    request.name = m_detail.rollout.metadata.name;
    request.action = action;
    request.revision = revision;
    const QString key = selectedKey();
    m_followedAborts.remove(key);
    m_sending.insert(key, action);
    setMessage(key, rolloutActionProgressText(action), false);
    m_ticketKeys.insert(m_runner->submit(request), key);
    updateActionStates();
}

void RolloutDetailController::finished(const RolloutActionResult &result)
{
    const RolloutActionRequest &request = result.request;
    const QString key = m_ticketKeys.take(result.ticket);
    m_sending.remove(key);
    if (result.awaitsEffect() && !key.isEmpty()) {
        setMessage(key, rolloutActionProgressText(request.action), false);
        const QString uid = key.mid(request.environment.size() + 1);
        const RolloutDetail detail = m_model->rolloutDetail(request.environment, uid);
        m_tracker->add(key, result.expectation, detail.isValid() ? &detail.rollout : nullptr);
    } else if (result.succeeded()) {
        setMessage(key, result.message, false);
    } else {
        setMessage(key, result.message, true);
        showFailure(result.message);
    }
    if (result.result == AuditRecord::Result::Denied && m_runner) {
        // The cached answer was wrong (RBAC changed): ask again.
        m_permissions.remove(permissionKey(request.environment, request.namespaceName));
        m_runner->checkPermissions(request.environment, request.namespaceName);
    }
    updateActionStates();
}

void RolloutDetailController::permissionsChecked(const QString &environment,
                                                 const QString &namespaceName,
                                                 const QMap<QString, bool> &allowed)
{
    m_permissions.insert(permissionKey(environment, namespaceName), allowed);
    if (environment == m_environment)
        updateActionStates();
}

void RolloutDetailController::setMessage(const QString &rolloutKey, const QString &text,
                                         bool isError)
{
    if (rolloutKey.isEmpty())
        return;
    m_messages.insert(rolloutKey, Message {text, isError});
    if (rolloutKey == selectedKey()) {
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

void RolloutDetailController::followAbort(const QString &key, const RolloutDetail &detail)
{
    if (!detail.isValid() || !detail.rollout.status.abort) {
        // Gone, or retried since: the abort's story is over.
        m_followedAborts.remove(key);
        return;
    }
    m_followedAborts.insert(key);
    setMessage(key, abortProgressText(detail, QDateTime::currentDateTimeUtc()), false);
}

QString RolloutDetailController::abortProgressText(const RolloutDetail &detail,
                                                   const QDateTime &now)
{
    const RolloutSituation situation = detail.situation(now);
    const QString rest = RolloutSituationText::split(situation.text).second;
    if (situation.kind == RolloutSituation::Kind::Aborting)
        return tr("Abort accepted") + QStringLiteral(" \u2014 ") + rest;
    return tr("Aborted: %1.").arg(rest);
}

QString RolloutDetailController::kubectlCommand(RolloutAction action) const
{
    if (!m_detail.isValid())
        return QString();
    return KubectlCommand::forAction(action, m_environments.value(m_environment).context,
                                     m_detail.rollout.metadata.namespaceName,
                                     m_detail.rollout.metadata.name);
}

void RolloutDetailController::copyKubectlCommand(RolloutAction action)
{
    const QString command = kubectlCommand(action);
    if (command.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(command);
    m_view->setActionMessage(tr("Copied to the clipboard: %1").arg(command), false);
}

QString RolloutDetailController::confirmedText(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return tr("Paused.");
    case RolloutAction::Resume:
        return tr("Resumed.");
    case RolloutAction::Promote:
        return tr("Promoted to the next step.");
    case RolloutAction::PromoteFull:
        return tr("Promoting fully: the new version takes all traffic.");
    case RolloutAction::Abort:
        return tr("Aborted: traffic is back on the stable version.");
    case RolloutAction::Retry:
        return tr("Retrying the update.");
    case RolloutAction::Restart:
        return tr("Restarted.");
    case RolloutAction::Undo:
        return tr("Rolled back: the chosen revision is rolling out.");
    }
    return QString();
}

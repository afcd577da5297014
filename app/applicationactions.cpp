// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationactions.h"

#include "appactiondialogs.h"
#include "appcommandline.h"
#include "applicationsmodel.h"
#include "applicationsview.h"
#include "argotext.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>

ApplicationActions::ApplicationActions(ApplicationsModel *model, QObject *parent) :
    QObject(parent), m_model(model)
{
    const QList<std::pair<Kind, QString>> kinds {{Kind::Sync, tr("Sync…")},
                                                 {Kind::Rollback, tr("Rollback…")},
                                                 {Kind::Terminate, tr("Terminate operation")}};
    for (const auto &[kind, text] : kinds) {
        auto *action = new QAction(text, this);
        action->setObjectName(QStringLiteral("app") + AppCommandLine::word(kind).at(0).toUpper()
                              + AppCommandLine::word(kind).mid(1) + QStringLiteral("Action"));
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, kind = kind] { trigger(kind); });
        m_actions.insert(kind, action);
    }
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateStates();
        followOperation();
    });
}

ApplicationActions::~ApplicationActions() = default;

void ApplicationActions::setFleet(const Kubeconfig &kubeconfig,
                                  const QList<EnvironmentSpec> &environments,
                                  const QString &auditPath)
{
    m_runner = std::make_unique<AppActionRunner>(kubeconfig, environments, auditPath);
    connect(m_runner.get(), &AppActionRunner::finished, this, &ApplicationActions::finished);
    connect(m_runner.get(), &AppActionRunner::accessChecked, this,
            &ApplicationActions::updateStates);
    m_sending.clear();
    updateStates();
}

void ApplicationActions::attach(ApplicationsView *view)
{
    m_view = view;
    view->setActions(m_actions.values());
    connect(view, &ApplicationsView::currentApplicationChanged, this,
            &ApplicationActions::updateStates);
    updateStates();
}

ApplicationActions::State ApplicationActions::state(Kind kind, const ArgoApplication &app,
                                                    bool readOnly, const AppAccess &access,
                                                    bool busy)
{
    if (app.name.isEmpty())
        return {false, tr("Select an application.")};
    if (readOnly)
        return {false,
                tr("Environment %1 is read-only: the window sends nothing to its "
                   "Argo CD.")
                    .arg(app.environment)};
    if (access.state == AppAccess::State::Denied)
        return {false, access.message};
    if (busy)
        return {false, tr("Waiting for Argo CD's answer to the last request.")};
    const QString &phase = app.operation.phase;
    const bool running = phase == QLatin1String("Running");
    switch (kind) {
    case Kind::Terminate:
        if (!running)
            return {false,
                    phase == QLatin1String("Terminating")
                        ? tr("Argo CD is already terminating the operation.")
                        : tr("No operation is running.")};
        return {true, tr("Stop the running operation of %1.").arg(app.name)};
    case Kind::Rollback:
        if (app.autoSync)
            return {false,
                    tr("auto-sync is on: Argo CD would undo a rollback; turn off "
                       "auto-sync or revert in Git")};
        break;
    case Kind::Sync:
        break;
    }
    if (app.operation.isRunning())
        return {false, tr("An operation is running: wait for it, or terminate it.")};
    return {true,
            kind == Kind::Sync
                ? tr("Sync %1 with Git: choose the revision, prune and dry run.").arg(app.name)
                : tr("Roll %1 back to an earlier deployment of its history.").arg(app.name)};
}

void ApplicationActions::updateStates()
{
    const ArgoApplication app = m_view ? m_view->currentApplication() : ArgoApplication();
    const EnvironmentSpec *spec = m_runner ? m_runner->environment(app.environment) : nullptr;
    const bool readOnly = spec && spec->readOnly;
    AppAccess access;
    if (m_runner && !app.name.isEmpty() && !readOnly)
        access = m_runner->access(app);
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        State now = state(it.key(), app, readOnly || !spec, access, m_sending.contains(app.key()));
        if (now.enabled && access.state == AppAccess::State::Failed)
            now.reason += QLatin1Char('\n')
                + tr("Argo CD's can-i could not be asked (%1): Argo CD decides when asked.")
                      .arg(access.message);
        it.value()->setEnabled(now.enabled);
        it.value()->setToolTip(now.reason);
    }
}

bool ApplicationActions::ask(Kind kind, const ArgoApplication &app, AppActionOptions *options)
{
    AppActionRequest preview;
    preview.name = app.name;
    preview.appNamespace = app.appNamespace;
    if (kind == Kind::Terminate) {
        // Stopping something asks only where a change reaches production.
        const EnvironmentSpec *spec = m_runner->environment(app.environment);
        if (!spec || !spec->isProtected)
            return true;
        QMessageBox box(QMessageBox::Warning, tr("Terminate operation of %1").arg(app.name),
                        tr("Terminate the running operation of application %1 of Argo CD %2 "
                           "in protected environment %3?")
                            .arg(app.name, app.instance, app.environment),
                        QMessageBox::NoButton, m_view->window());
        box.setObjectName(QStringLiteral("confirmTerminateDialog"));
        preview.action.kind = kind;
        box.setInformativeText(
            tr("What will be sent: %1")
                .arg(QString::fromUtf8(AppActionExecutor::describe(preview, app.project))));
        QPushButton *go = box.addButton(tr("Terminate"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        return box.clickedButton() == go;
    }
    const auto preview_ = [app, kind](const AppActionChoice &choice) {
        AppActionRequest request;
        request.name = app.name;
        request.appNamespace = app.appNamespace;
        request.action = {kind, choice.revision, choice.historyId, choice.prune, choice.dryRun};
        return QString::fromUtf8(AppActionExecutor::describe(request, app.project));
    };
    const ApplicationsModel *model = m_model;
    AppActionDialog dialog(
        kind == Kind::Sync ? AppActionDialog::Kind::Sync : AppActionDialog::Kind::Rollback, app,
        [model, app](const QString &revision) { return model->revisionMetadata(app, revision); },
        preview_, m_view->window());
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const AppActionChoice choice = dialog.choice();
    *options = {kind, choice.revision, choice.historyId, choice.prune, choice.dryRun};
    return kind == Kind::Sync || choice.historyId > 0;
}

void ApplicationActions::trigger(Kind kind)
{
    if (!m_view || !m_runner)
        return;
    // Captured now: whatever the table selects while the dialog is open, the request goes
    // to the application the person saw and confirmed.
    const ArgoApplication app = m_view->currentApplication();
    if (app.name.isEmpty() || m_sending.contains(app.key()))
        return;
    AppActionOptions options;
    options.kind = kind;
    if (!ask(kind, app, &options))
        return;
    options.yes = true; // the person confirmed, where the environment asks for it
    AppActionRequest request;
    request.environment = app.environment;
    request.instance = app.instance;
    request.name = app.name;
    request.appNamespace = app.appNamespace;
    request.action = options;
    m_view->setActionMessage(tr("Sending the %1 of %2 (%3) to Argo CD…")
                                 .arg(actionNoun(kind), app.name, app.environment),
                             false);
    m_sending.insert(app.key(), m_runner->submit(request));
    updateStates();
}

// The action as a translated noun for the sentences above; the command line's words (sync,
// rollback, terminate) are not for a translated window.
QString ApplicationActions::actionNoun(AppActionOptions::Kind kind)
{
    switch (kind) {
    case Kind::Terminate:
        return tr("termination", "of an Argo CD operation");
    case Kind::Rollback:
        return tr("rollback", "of an Argo CD application");
    case Kind::Sync:
        break;
    }
    return tr("sync", "of an Argo CD application");
}

QString ApplicationActions::acceptedText(const AppActionRequest &request) const
{
    const AppActionOptions &action = request.action;
    switch (action.kind) {
    case Kind::Terminate:
        return tr("Argo CD accepted terminating the operation of %1 (%2).")
            .arg(request.name, request.environment);
    case Kind::Rollback:
        return action.dryRun
            ? tr("Argo CD accepted the dry run of the rollback of %1 (%2) to history entry %3: "
                 "nothing changes.")
                  .arg(request.name, request.environment)
                  .arg(action.historyId)
            : tr("Argo CD accepted the rollback of %1 (%2) to history entry %3.")
                  .arg(request.name, request.environment)
                  .arg(action.historyId);
    case Kind::Sync:
        break;
    }
    return action.dryRun
        ? tr("Argo CD accepted the dry run of the sync of %1 (%2): nothing changes.")
              .arg(request.name, request.environment)
        : tr("Argo CD accepted the sync of %1 (%2).").arg(request.name, request.environment);
}

void ApplicationActions::finished(quint64 ticket, const AppActionRequest &request,
                                  const AppActionResult &result)
{
    ArgoApplication target;
    target.environment = request.environment;
    target.instance = request.instance;
    target.appNamespace = request.appNamespace;
    target.name = request.name;
    const QString key = target.key();
    if (m_sending.value(key) == ticket)
        m_sending.remove(key);
    updateStates();
    if (!m_view)
        return;
    if (result.result == AuditRecord::Result::Succeeded) {
        // Only the 2xx is claimed; the operation's phase follows from the stream.
        m_acceptedKey = key;
        m_acceptedText = acceptedText(request);
        const int row = m_model->rowOf(key);
        m_acceptedBefore = row >= 0 ? m_model->application(row).operation : ArgoOperation();
        m_view->setActionMessage(m_acceptedText, false);
        return;
    }
    if (result.result == AuditRecord::Result::NothingToDo) {
        m_view->setActionMessage(result.message, false);
        return;
    }
    QString text = result.message;
    if (result.error.kind == NetError::Kind::Unauthorized)
        text = tr("Argo CD %1 of %2 refused the token (HTTP 401): check the argocd: token in "
                  "the config file. Nothing was done.\n%3")
                   .arg(request.instance, request.environment, result.error.message);
    else if (result.error.httpStatus > 0)
        text += QLatin1Char(' ') + tr("(HTTP %1)").arg(result.error.httpStatus);
    m_view->setActionMessage(text, true);
    // Window-modal and not blocking, as the rollout actions': the streams keep the table
    // moving behind it; a modal at all only because the person started this.
    auto *box = new QMessageBox(QMessageBox::Warning,
                                tr("Argo CD did not accept the %1 of %2")
                                    .arg(actionNoun(request.action.kind), request.name),
                                text, QMessageBox::Ok, m_view->window());
    box->setObjectName(QStringLiteral("appActionFailedDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ApplicationActions::followOperation()
{
    if (!m_view || m_acceptedKey.isEmpty())
        return;
    const int row = m_model->rowOf(m_acceptedKey);
    if (row < 0)
        return;
    const ArgoOperation &now = m_model->application(row).operation;
    // Until the controller takes the request up, the stream still shows the operation
    // before it: nothing new to say.
    if (!now.isValid() || now == m_acceptedBefore)
        return;
    m_view->setActionMessage(
        tr("%1 Now: %2.").arg(m_acceptedText, ArgoText::operation(m_model->application(row))),
        now.phase == QLatin1String("Failed") || now.phase == QLatin1String("Error"));
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "appactionexecutor.h"

#include "appcommandline.h"
#include "applicationprinter.h"
#include "argocdclient.h"
#include "auditlog.h"

#include <QUrl>
#include <QUuid>

namespace {

QString applicationPath(const QString &name, const QString &suffix)
{
    return QStringLiteral("/api/v1/applications/")
        + QString::fromLatin1(QUrl::toPercentEncoding(name)) + suffix;
}

// "phase: message" of the operation the server answered with; the caller knows whether it is
// the one just asked for.
QString operationState(const ArgoOperation &operation)
{
    return operation.message.isEmpty()
        ? operation.phase
        : QStringLiteral("%1: %2").arg(operation.phase, operation.message);
}

} // namespace

struct AppActionExecutor::Run
{
    AppActionExecutor *self;
    const AppActionRequest &request;
    AppActionResult result;
    AuditRecord record;

    AppActionOptions::Kind kind() const { return request.action.kind; }
    QString verb() const { return AppCommandLine::word(kind()); }

    void identify()
    {
        const ArgoResult<ArgoUserInfo> info = self->m_client->userInfo();
        // An Argo CD token names its account; without one the record says so rather than
        // naming the kubeconfig user, who is not who Argo CD acts for.
        record.user = info.isOk() && info.value.loggedIn ? info.value.username : QString();
        record.userSource
            = record.user.isEmpty() ? QStringLiteral("none") : QStringLiteral("Argo CD userinfo");
    }

    AppActionResult finish(AuditRecord::Result outcome, const QString &message)
    {
        result.result = outcome;
        result.message = message;
        record.setOutcome(outcome, result.error.httpStatus, message);
        QString auditError;
        if (!self->m_audit->append(record, &auditError))
            result.message += QLatin1Char('\n') + auditError;
        return result;
    }

    // 403: denied; a FailedPrecondition (auto-sync, an operation in progress): the server
    // refused for the application's state; anything else failed.
    AppActionResult failWith(const NetError &error)
    {
        result.error = error;
        if (error.kind == NetError::Kind::Forbidden
            || error.reason == QLatin1String("PermissionDenied"))
            return finish(AuditRecord::Result::Denied,
                          tr("Argo CD refused: you may not %1 %2. %3")
                              .arg(verb(), request.name, error.message));
        if (error.reason == QLatin1String("FailedPrecondition"))
            return finish(
                AuditRecord::Result::Refused,
                tr("Argo CD refused %1 of %2: %3").arg(verb(), request.name, error.message));
        return finish(AuditRecord::Result::Failed,
                      tr("%1 of %2 failed: %3").arg(verb(), request.name, error.message));
    }

    // What the application's state forbids or makes pointless; nullopt: go on.
    std::optional<AppActionResult> checkState(const ArgoApplication &app)
    {
        const ArgoOperation &operation = app.operation;
        switch (kind()) {
        case AppActionOptions::Kind::Terminate:
            if (!operation.isRunning())
                return finish(
                    AuditRecord::Result::NothingToDo,
                    tr("No operation is running on %1: nothing to terminate.").arg(request.name));
            return std::nullopt;
        case AppActionOptions::Kind::Rollback:
            // Argo CD refuses it too, but only once asked; say why and what to do instead.
            if (app.autoSync)
                return finish(AuditRecord::Result::Refused,
                              tr("%1: auto-sync is on: Argo CD would undo a rollback; turn off "
                                 "auto-sync first or revert in Git.")
                                  .arg(request.name));
            if (app.hasHistory && !historyHas(app, request.action.historyId))
                return finish(AuditRecord::Result::Refused, noSuchHistoryEntry(app));
            break;
        case AppActionOptions::Kind::Sync:
            break;
        }
        if (operation.isRunning())
            return finish(AuditRecord::Result::Refused,
                          tr("Another operation is running on %1 (%2): wait for it, or stop it "
                             "with app terminate %1.")
                              .arg(request.name, ApplicationPrinter::operationText(operation)));
        return std::nullopt;
    }

    static bool historyHas(const ArgoApplication &app, qint64 id)
    {
        for (const ArgoHistoryEntry &entry : app.history) {
            if (entry.id == id)
                return true;
        }
        return false;
    }

    QString noSuchHistoryEntry(const ArgoApplication &app) const
    {
        QStringList ids;
        for (const ArgoHistoryEntry &entry : app.history)
            ids.append(QStringLiteral("%1 (%2)").arg(entry.id).arg(
                ApplicationPrinter::shortRevision(entry.revision)));
        return tr("%1 has no history entry %2 (entries: %3).")
            .arg(request.name)
            .arg(request.action.historyId)
            .arg(ids.isEmpty() ? tr("none") : ids.join(QStringLiteral(", ")));
    }

    std::optional<AppActionResult> permitted(const ArgoApplication &app)
    {
        const QString object = app.project + QLatin1Char('/') + app.name;
        const ArgoResult<bool> allowed
            = self->m_client->canI(QStringLiteral("applications"), QStringLiteral("sync"), object);
        if (!allowed.isOk())
            return failWith(allowed.error);
        if (!allowed.value)
            return finish(AuditRecord::Result::Denied,
                          tr("You may not sync applications %1 in Argo CD %2, so %3 cannot be "
                             "sent (checked with Argo CD's can-i).")
                              .arg(object, request.instance, actionId(kind())));
        return std::nullopt;
    }

    AppActionResult send(const ArgoApplication &before);
};

QByteArray AppActionExecutor::describe(const AppActionRequest &request, const QString &project)
{
    const AppActionOptions &action = request.action;
    switch (action.kind) {
    case AppActionOptions::Kind::Terminate:
        return "DELETE " + applicationPath(request.name, QStringLiteral("/operation")).toUtf8();
    case AppActionOptions::Kind::Sync:
        return "POST " + applicationPath(request.name, QStringLiteral("/sync")).toUtf8()
            + " application/json "
            + ArgoCdClient::syncBody(request.name, request.appNamespace, project,
                                     {action.revision, action.prune, action.dryRun});
    case AppActionOptions::Kind::Rollback:
        break;
    }
    return "POST " + applicationPath(request.name, QStringLiteral("/rollback")).toUtf8()
        + " application/json "
        + ArgoCdClient::rollbackBody(request.name, request.appNamespace, project, action.historyId,
                                     action.dryRun, action.prune);
}

AppActionResult AppActionExecutor::Run::send(const ArgoApplication &before)
{
    ArgoCdClient &client = *self->m_client;
    const AppActionOptions &action = request.action;
    const QString project = before.project;
    ArgoResult<ArgoApplication> answer;
    if (kind() == AppActionOptions::Kind::Terminate)
        answer.error = client.terminateOperation(request.name, request.appNamespace, project);
    else if (kind() == AppActionOptions::Kind::Sync)
        answer = client.sync(request.name, request.appNamespace, project,
                             {action.revision, action.prune, action.dryRun});
    else
        answer = client.rollback(request.name, request.appNamespace, project, action.historyId,
                                 action.dryRun, action.prune);
    const QByteArray described = describe(request, project);
    record.requests.append(described);
    record.responses.append(answer.isOk() ? 200 : answer.error.httpStatus);
    if (!answer.isOk())
        return failWith(answer.error);
    const QString dry = action.dryRun ? tr(" (dry run)") : QString();
    if (kind() == AppActionOptions::Kind::Terminate)
        return finish(AuditRecord::Result::Succeeded,
                      tr("Argo CD %1 is terminating the operation on %2.")
                          .arg(request.instance, request.name));
    // Argo CD answers with the Application as it stored the request: its status may still
    // show the previous operation until the controller starts the new one.
    const ArgoOperation &operation = answer.value.operation;
    const QString state = operation.isValid() && !(operation == before.operation)
        ? operationState(operation)
        : tr("waiting for the controller to start it");
    return finish(AuditRecord::Result::Succeeded,
                  tr("Argo CD %1 accepted %2%3 of %4: %5")
                      .arg(request.instance, verb(), dry, request.name, state));
}

AppActionExecutor::AppActionExecutor(ArgoCdClient *client, AuditLog *audit) :
    m_client(client), m_audit(audit)
{ }

QString AppActionExecutor::actionId(AppActionOptions::Kind kind)
{
    return QStringLiteral("app-") + AppCommandLine::word(kind);
}

AppActionResult AppActionExecutor::run(const AppActionRequest &request)
{
    Run run {this, request, AppActionResult(), AuditRecord()};
    AuditRecord &record = run.record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.time = QDateTime::currentDateTimeUtc();
    record.environment = request.environment;
    record.context = request.context;
    record.namespaceName = request.appNamespace;
    record.rollout = request.name; // the target, an application here (action app-*)
    record.action = actionId(request.action.kind);
    record.revision
        = request.action.kind == AppActionOptions::Kind::Rollback ? request.action.historyId : 0;
    record.client = request.client;
    if (!request.readOnly)
        run.identify();

    QString auditError;
    if (!m_audit->append(record, &auditError)) {
        run.result.message
            = tr("Nothing was sent: the attempt could not be recorded. %1").arg(auditError);
        return run.result;
    }
    if (request.readOnly)
        return run.finish(AuditRecord::Result::Refused,
                          tr("Read-only: %1 was not sent to %2.")
                              .arg(actionId(request.action.kind), request.name));
    const ArgoResult<ArgoApplication> fresh
        = m_client->application(request.name, request.appNamespace);
    if (!fresh.isOk())
        return run.failWith(fresh.error);
    if (std::optional<AppActionResult> refused = run.checkState(fresh.value))
        return *refused;
    if (std::optional<AppActionResult> denied = run.permitted(fresh.value))
        return *denied;
    return run.send(fresh.value);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggeractionexecutor.h"

#include "accesscache.h"
#include "actionsession.h"
#include "jsondecoder.h"
#include "kubeclient.h"

#include <QCoreApplication>

class FlaggerActionExecutorText
{
    Q_DECLARE_TR_FUNCTIONS(FlaggerActionExecutor)
};

namespace {

QString canaryPath(const QString &namespaceName, const QString &name)
{
    return KubePath::resource(QStringLiteral("flagger.app"), QStringLiteral("v1beta1"),
                              QStringLiteral("canaries"), namespaceName, name);
}

// An answer the API server wrote carries a Kubernetes Status; one the proxied load tester
// wrote is its own plain text.
bool fromLoadTester(const NetError &error)
{
    return error.reason.isEmpty() && error.httpStatus > 0;
}

} // namespace

struct FlaggerActionExecutor::Run
{
    FlaggerActionExecutor *self;
    const FlaggerActionRequest &request;
    ActionSession session;
    FlaggerActionResult result;

    QString target() const { return request.namespaceName + QLatin1Char('/') + request.name; }
    QString actionId() const { return FlaggerActions::id(request.action); }

    FlaggerActionResult finish(AuditRecord::Result outcome, const QString &message)
    {
        result.result = outcome;
        result.message = session.finish(outcome, result.error.httpStatus, message);
        result.requests = session.requests;
        result.responses = session.responses;
        return result;
    }

    // doing: "get canaries", "patch canaries" or "create services/proxy"; ns: where.
    FlaggerActionResult failWith(const NetError &error, const QString &doing, const QString &ns)
    {
        result.error = error;
        const bool gate = doing.startsWith(QLatin1String("create"));
        if (error.kind == NetError::Kind::Forbidden && self->m_access)
            self->m_access->forget(request.environment);
        if (gate && fromLoadTester(error))
            return finish(
                AuditRecord::Result::Failed,
                FlaggerActionExecutorText::tr("The load tester refused %1 for %2 (HTTP %3): %4")
                    .arg(actionId(), target())
                    .arg(error.httpStatus)
                    .arg(error.statusMessage.isEmpty() ? error.message : error.statusMessage));
        switch (error.kind) {
        case NetError::Kind::Unauthorized:
            return finish(AuditRecord::Result::Failed,
                          FlaggerActionExecutorText::tr(
                              "The API server did not accept your credentials (401): %1")
                              .arg(error.message));
        case NetError::Kind::Forbidden:
            return finish(AuditRecord::Result::Denied,
                          FlaggerActionExecutorText::tr(
                              "The server refused: you may not %1 in namespace %2. %3")
                              .arg(doing, ns, error.statusMessage)
                              .trimmed());
        case NetError::Kind::NotFound:
            if (gate)
                return finish(AuditRecord::Result::Failed,
                              FlaggerActionExecutorText::tr(
                                  "The load tester's service was not found in namespace %1 "
                                  "(404): %2")
                                  .arg(ns, error.message));
            return finish(AuditRecord::Result::Failed,
                          FlaggerActionExecutorText::tr("Canary %1 was not found in %2.")
                              .arg(target(), request.environment));
        case NetError::Kind::Conflict:
            return finish(
                AuditRecord::Result::Failed,
                FlaggerActionExecutorText::tr("%1 of %2 failed: the canary changed meanwhile (409 "
                                              "Conflict); look at it again and retry.")
                    .arg(actionId(), target()));
        default:
            break;
        }
        return finish(AuditRecord::Result::Failed,
                      FlaggerActionExecutorText::tr("%1 of %2 failed: %3")
                          .arg(actionId(), target(), error.message));
    }

    // False when the review says no (a review that fails lets the server decide).
    bool permitted(const FlaggerActionPlan &plan, const QString &ns)
    {
        const ResourcePermission permission = FlaggerActions::permission(plan);
        const std::optional<bool> allowed
            = checkPermission(session.client(), self->m_access, request.environment, ns, permission,
                              session.cancel());
        return !allowed || *allowed;
    }

    FlaggerActionResult send(const FlaggerActionPlan &plan, const QString &ns);
    FlaggerActionResult act();
};

FlaggerActionResult FlaggerActionExecutor::Run::send(const FlaggerActionPlan &plan,
                                                     const QString &ns)
{
    KubeClient &client = session.client();
    if (!plan.isGate()) {
        const QString path = canaryPath(request.namespaceName, request.name);
        const KubeResponse sent = session.send(
            ActionRetry::Request::Write,
            [&] { return client.patch(path, PatchType::Merge, plan.patch, {}, session.cancel()); },
            "PATCH " + path.toUtf8() + ' ' + KubeClient::contentType(PatchType::Merge) + ' '
                + plan.patch);
        if (!sent.isOk())
            return failWith(sent.error, QStringLiteral("patch canaries"), ns);
        return finish(AuditRecord::Result::Succeeded,
                      FlaggerActionExecutorText::tr("The API server accepted %1 for %2.")
                          .arg(actionId(), target()));
    }
    const QString path = plan.endpoint.proxyPath(plan.gatePath);
    const KubeResponse sent = session.send(
        ActionRetry::Request::Write,
        [&] { return client.post(path, plan.gateBody, {}, session.cancel()); },
        "POST " + path.toUtf8() + " application/json " + plan.gateBody);
    if (!sent.isOk())
        return failWith(sent.error, QStringLiteral("create services/proxy"), ns);
    // The gate's state lives in the load tester: only Flagger's next check shows it.
    return finish(AuditRecord::Result::Succeeded,
                  FlaggerActionExecutorText::tr("%1 for %2: %3")
                      .arg(actionId(), target(), FlaggerActions::sentText(result.expectation)));
}

FlaggerActionResult FlaggerActionExecutor::Run::act()
{
    const KubeResponse got = session.send(ActionRetry::Request::Read, [&] {
        return session.client().get(canaryPath(request.namespaceName, request.name), {},
                                    session.cancel());
    });
    if (!got.isOk())
        return failWith(got.error, QStringLiteral("get canaries"), request.namespaceName);
    const Decoded<FlaggerCanary> decoded = JsonDecoder().decodeObject<FlaggerCanary>(got.body);
    if (!decoded.isOk())
        return finish(AuditRecord::Result::Failed, decoded.report.error);
    const FlaggerCanary &canary = decoded.value;
    if (!request.uid.isEmpty() && canary.metadata.uid != request.uid)
        return finish(
            AuditRecord::Result::Refused,
            FlaggerActionExecutorText::tr(
                "%1 was not sent: canary %2 in %3 is no longer the one that was "
                "confirmed (it was deleted and created again: uid %4, confirmed %5).")
                .arg(actionId(), target(), request.environment, canary.metadata.uid, request.uid));
    const FlaggerActionPlan plan = FlaggerActions::plan(request.action, canary);
    if (!plan.enabled)
        return finish(AuditRecord::Result::Refused, plan.reason);
    const QString ns = FlaggerActions::namespaceOf(plan, canary);
    if (!permitted(plan, ns))
        return finish(AuditRecord::Result::Denied,
                      FlaggerActionExecutorText::tr(
                          "You may not %1 in namespace %2, so %3 cannot be sent (checked "
                          "with a SelfSubjectAccessReview).")
                          .arg(FlaggerActions::permission(plan).displayName(), ns, actionId()));
    result.expectation = FlaggerActions::expectation(request.action, canary);
    return send(plan, ns);
}

FlaggerActionExecutor::FlaggerActionExecutor(KubeClient *client, AuditLog *audit,
                                             AccessCache *access) :
    m_client(client), m_audit(audit), m_access(access)
{ }

FlaggerActionResult FlaggerActionExecutor::run(const FlaggerActionRequest &request,
                                               const CancelToken &cancel)
{
    Run run {this, request,
             ActionSession(m_client, m_audit, m_access, m_retryPolicy, cancel, m_progress),
             FlaggerActionResult()};
    run.result.request = request;
    run.result.expectation.action = request.action;
    // The target is a canary here (audit action canary-*, its name in `rollout`).
    run.session.describe(request, FlaggerActions::id(request.action));
    const bool open
        = run.session.open(request.readOnly, run.target(), &run.result.result, &run.result.message);
    run.result.user = run.session.record.user;
    if (!open)
        return run.result;
    return run.act();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutactionexecutor.h"

#include "accesscache.h"
#include "actionretry.h"
#include "actionsession.h"
#include "auditlog.h"
#include "jsondecoder.h"
#include "kubeclient.h"
#include "rolloutactionplan.h"
#include <QCoreApplication>

#include <functional>

class RolloutActionExecutorText
{
    Q_DECLARE_TR_FUNCTIONS(RolloutActionExecutorText)
};

namespace {

QString rolloutsPath(const QString &namespaceName, const QString &name,
                     const QString &subresource = QString())
{
    return KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                              QStringLiteral("rollouts"), namespaceName, name, subresource);
}

// What the audit file keeps of a request. An undo's body is a whole pod template, which may
// hold literal environment values: only its operation is kept.
QByteArray describeRequest(const QString &path, PatchType type, const QByteArray &body)
{
    const QByteArray shown = type == PatchType::Json
        ? QByteArrayLiteral(R"([{"op":"replace","path":"/spec/template","value":"…"}])")
        : body;
    return "PATCH " + path.toUtf8() + ' ' + KubeClient::contentType(type) + ' ' + shown;
}

// The generation a patched rollout answers with (0 when the answer is not one).
qint64 generationOf(const QByteArray &body)
{
    const Decoded<Rollout> decoded = JsonDecoder().decodeObject<Rollout>(body);
    return decoded.isOk() ? decoded.value.metadata.generation : 0;
}

} // namespace

struct RolloutActionExecutor::Run
{
    RolloutActionExecutor *self;
    const RolloutActionRequest &request;
    ActionSession session;
    RolloutActionResult result;

    KubeResponse send(ActionRetry::Request kind, const std::function<KubeResponse()> &once)
    {
        return session.send(kind, once);
    }

    KubeResponse patch(const QString &path, PatchType type, const QByteArray &body)
    {
        return session.send(
            ActionRetry::Request::Write,
            [&] { return self->m_client->patch(path, type, body, {}, session.cancel()); },
            describeRequest(path, type, body));
    }

    QString target() const { return request.namespaceName + QLatin1Char('/') + request.name; }

    // The outcome: into the result and the audit file.
    RolloutActionResult finish(AuditRecord::Result outcome, const QString &message)
    {
        result.result = outcome;
        result.message = session.finish(outcome, result.error.httpStatus, message);
        result.requests = session.requests;
        result.responses = session.responses;
        return result;
    }

    RolloutActionResult failWith(const NetError &error, const QString &doing)
    {
        result.error = error;
        if (error.kind == NetError::Kind::Forbidden && self->m_access)
            self->m_access->forget(request.environment);
        if (error.kind == NetError::Kind::NotFound && doing.isEmpty())
            return finish(AuditRecord::Result::Failed,
                          RolloutActionExecutorText::tr("Rollout %1 was not found in %2.")
                              .arg(target(), request.environment));
        if (error.kind == NetError::Kind::Forbidden)
            return finish(AuditRecord::Result::Denied,
                          RolloutActionExecutorText::tr(
                              "The server refused: you may not %1 in namespace %2. %3")
                              .arg(doing.isEmpty() ? QStringLiteral("get rollouts") : doing,
                                   request.namespaceName, error.statusMessage)
                              .trimmed());
        return finish(AuditRecord::Result::Failed,
                      RolloutActionExecutorText::tr("%1 of %2 failed: %3")
                          .arg(rolloutActionLabel(request.action), target(), error.message));
    }

    // Every permission the action needs; the first one refused ends the run.
    bool permitted(const Rollout &rollout, RolloutActionResult *refusal)
    {
        for (const ResourcePermission &permission : requiredPermissions(request.action, rollout)) {
            const std::optional<bool> allowed
                = checkPermission(*self->m_client, self->m_access, request.environment,
                                  request.namespaceName, permission, session.cancel());
            if (allowed && !*allowed) {
                *refusal = finish(
                    AuditRecord::Result::Denied,
                    RolloutActionExecutorText::tr("You may not %1 in namespace %2, so %3 cannot be "
                                                  "sent (checked with a SelfSubjectAccessReview).")
                        .arg(permission.displayName(), request.namespaceName,
                             rolloutActionId(request.action)));
                return false;
            }
        }
        return true;
    }

    // One attempt: fresh GET, checks, plan, patches. nullopt: a 409, try again.
    std::optional<RolloutActionResult> attempt()
    {
        KubeClient &client = *self->m_client;
        const KubeResponse got = send(ActionRetry::Request::Read, [&] {
            return client.get(rolloutsPath(request.namespaceName, request.name), {},
                              session.cancel());
        });
        if (!got.isOk())
            return failWith(got.error, QString());
        const Decoded<Rollout> decoded = JsonDecoder().decodeObject<Rollout>(got.body);
        if (!decoded.isOk())
            return finish(AuditRecord::Result::Failed, decoded.report.error);
        const Rollout &rollout = decoded.value;

        QList<ReplicaSet> replicaSets; // for undo: which revision is which
        QList<QByteArray> replicaSetPages; // and the templates it copies as sent
        if (request.action == RolloutAction::Undo) {
            const KubeListResult listed = client.list(
                KubePath::resource(QStringLiteral("apps"), QStringLiteral("v1"),
                                   QStringLiteral("replicasets"), request.namespaceName),
                KubeListOptions(), session.cancel());
            if (!listed.isOk())
                return failWith(listed.error, QStringLiteral("list replicasets"));
            JsonDecoder decoder;
            for (const QByteArray &page : listed.pages)
                replicaSets += decoder.decodeList<ReplicaSet>(page).items;
            replicaSetPages = listed.pages;
        }
        const RolloutActionState state = rolloutActionAvailability(
            request.action, rollout, int(undoRevisions(replicaSets, rollout.metadata.uid).size()));
        if (!state.enabled && request.action != RolloutAction::Undo)
            return finish(AuditRecord::Result::Refused, state.reason);
        RolloutActionResult refusal;
        if (!permitted(rollout, &refusal))
            return refusal;

        const QDateTime restartAt = request.restartAt.isValid()
            ? request.restartAt
            : QDateTime::currentDateTimeUtc().addMSecs(
                -QDateTime::currentDateTimeUtc().time().msec());
        const RolloutActionPlan plan = request.action == RolloutAction::Undo
            ? planUndo(rollout, replicaSets, request.revision,
                       RawPodTemplates::read(got.body, replicaSetPages))
            : planRolloutAction(request.action, rollout, restartAt);
        if (plan.isError())
            return finish(AuditRecord::Result::Refused, plan.error);

        result.expectation.action = request.action;
        result.expectation.restartAt = restartAt;
        result.expectation.stepIndexBefore = rollout.status.currentStepIndex;
        result.expectation.generation = rollout.metadata.generation;
        if (plan.patches.isEmpty())
            return finish(AuditRecord::Result::NothingToDo, plan.note);

        for (const RolloutPatch &patch : plan.patches) {
            const PatchType type = patch.jsonPatch ? PatchType::Json : PatchType::Merge;
            QString path
                = rolloutsPath(request.namespaceName, request.name,
                               patch.statusSubresource ? QStringLiteral("status") : QString());
            KubeResponse sent = this->patch(path, type, patch.body);
            bool fellBack = false;
            if (sent.error.kind == NetError::Kind::NotFound && !patch.fallbackBody.isEmpty()) {
                // A CRD without the status subresource: the plugin's fallback replaces the
                // status patch and the spec patch after it.
                path = rolloutsPath(request.namespaceName, request.name);
                sent = this->patch(path, type, patch.fallbackBody);
                fellBack = true;
            }
            if (sent.error.kind == NetError::Kind::Conflict)
                return std::nullopt;
            if (!sent.isOk()) {
                const QString doing = QStringLiteral("patch rollouts")
                    + (patch.statusSubresource && !fellBack ? QStringLiteral("/status")
                                                            : QString());
                return failWith(sent.error, doing);
            }
            result.expectation.generation
                = std::max(result.expectation.generation, generationOf(sent.body));
            if (fellBack)
                break;
        }
        return finish(AuditRecord::Result::Succeeded,
                      RolloutActionExecutorText::tr("The API server accepted %1 for %2.")
                          .arg(rolloutActionId(request.action), target()));
    }
};

RolloutActionExecutor::RolloutActionExecutor(KubeClient *client, AuditLog *audit,
                                             AccessCache *access) :
    m_client(client), m_audit(audit), m_access(access)
{ }

RolloutActionResult RolloutActionExecutor::run(const RolloutActionRequest &request,
                                               const CancelToken &cancel)
{
    Run run {this, request,
             ActionSession(m_client, m_audit, m_access, m_retryPolicy, cancel, m_progress),
             RolloutActionResult()};
    run.result.request = request;
    run.result.expectation.action = request.action;
    run.session.describe(request, rolloutActionId(request.action));
    run.session.record.revision = request.action == RolloutAction::Undo ? request.revision : 0;
    run.session.record.reason = request.reason;
    const bool open
        = run.session.open(request.readOnly, run.target(), &run.result.result, &run.result.message);
    run.result.user = run.session.record.user;
    if (!open)
        return run.result;
    for (int attempt = 1; attempt <= maxConflictAttempts; ++attempt) {
        if (std::optional<RolloutActionResult> done = run.attempt())
            return *done;
    }
    run.result.error.kind = NetError::Kind::Conflict;
    run.result.error.httpStatus = 409;
    return run.finish(
        AuditRecord::Result::Failed,
        RolloutActionExecutorText::tr("%1 of %2 gave up: the rollout changed during each of %3 "
                                      "attempts (409 Conflict).")
            .arg(rolloutActionLabel(request.action), run.target())
            .arg(maxConflictAttempts));
}

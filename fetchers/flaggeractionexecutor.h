// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actionretry.h"
#include "auditrecord.h"
#include "canceltoken.h"
#include "flaggeraction.h"
#include "neterror.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>

class AccessCache;
class AuditLog;
class KubeClient;

struct FlaggerActionRequest
{
    QString environment;
    QString context; // the kubeconfig context, for the audit record
    QString namespaceName; // the canary's
    QString name;
    // The uid of the canary the person confirmed (the window): a canary of that name with
    // another uid was deleted and created again since, and is refused. Empty: whatever canary
    // has that name (the command line names no more).
    QString uid;
    FlaggerAction action = FlaggerAction::Pause;
    bool readOnly = false; // --read-only or the environment's readOnly: send nothing
    QString client = QStringLiteral("gui"); // "gui" or "cli", for the audit record
};

struct FlaggerActionResult
{
    quint64 ticket = 0; // a runner's number for the request
    FlaggerActionRequest request;
    AuditRecord::Result result = AuditRecord::Result::Failed;
    NetError error; // set when the API server (or the load tester behind it) answered an error
    QString message; // translated, for the user
    QString user; // who the server says we are (or the kubeconfig user)
    FlaggerActionExpectation expectation; // recognise the effect in the watched canary
    QList<QByteArray> requests; // "PATCH path content-type body" / "POST path ...", per send
    QList<int> responses; // the HTTP status of each send in `requests`, 0 without an answer
    bool succeeded() const
    {
        return result == AuditRecord::Result::Succeeded
            || result == AuditRecord::Result::NothingToDo;
    }
    // Sent, and the watched canary will show it (FlaggerActions::confirmed). A gate POST whose
    // effect lives only in the load tester is succeeded() but not awaitsEffect().
    bool awaitsEffect() const
    {
        return result == AuditRecord::Result::Succeeded && expectation.observable;
    }
};

// Runs one action on one Flagger canary on the calling thread, with the discipline of
// RolloutActionExecutor: identity (SelfSubjectReview, cached), an audit record of the attempt
// (nothing is sent when it cannot be recorded), a fresh GET of the canary, that it is still the
// one confirmed (request.uid), the state check
// (FlaggerActions::plan), the permission check (SelfSubjectAccessReview: patch
// canaries.flagger.app, or create services/proxy in the load tester's namespace), the request
// (a merge patch of spec.suspend, or a POST to the load tester's gate through the service
// proxy), then the audit record of the outcome. Translated errors for 401, 403, 404, 409 and
// 5xx; a write is not repeated when the server may have applied it (ActionRetry).
class FlaggerActionExecutor
{
public:
    FlaggerActionExecutor(KubeClient *client, AuditLog *audit, AccessCache *access);

    FlaggerActionResult run(const FlaggerActionRequest &request,
                            const CancelToken &cancel = CancelToken());

    // Told before each wait for a retry, on the executor's thread.
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }
    void setRetryPolicy(const ActionRetryPolicy &policy) { m_retryPolicy = policy; }

private:
    struct Run;
    std::function<void(const QString &)> m_progress;
    ActionRetryPolicy m_retryPolicy;
    KubeClient *m_client;
    AuditLog *m_audit;
    AccessCache *m_access;
};

Q_DECLARE_METATYPE(FlaggerActionRequest)
Q_DECLARE_METATYPE(FlaggerActionResult)

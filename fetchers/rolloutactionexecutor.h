// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actionretry.h"
#include "auditrecord.h"
#include "canceltoken.h"
#include "clusterconnection.h"
#include "neterror.h"
#include "rolloutaction.h"
#include "rolloutactionrules.h"
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>

class AccessCache;
class AuditLog;
class KubeClient;

struct RolloutActionRequest
{
    QString environment;
    QString context; // the kubeconfig context, for the audit record
    QString namespaceName;
    QString name;
    RolloutAction action = RolloutAction::Pause;
    qint64 revision = 0; // undo: 0 = the previous revision
    QDateTime restartAt; // restart: invalid = now
    bool readOnly = false; // --read-only or the environment's readOnly: send nothing
    QString client = QStringLiteral("gui"); // "gui", "cli" or "gate", for the audit record
    QString reason; // the audit record's reason when the window acts on its own
};

struct RolloutActionResult
{
    quint64 ticket = 0; // ActionRunner's number for the request
    RolloutActionRequest request;
    AuditRecord::Result result = AuditRecord::Result::Failed;
    NetError error; // set when the API answered with an error
    QString message; // translated, for the user
    QString user; // who the server says we are (or the kubeconfig user)
    ActionExpectation expectation; // recognise the effect in the watch
    QList<QByteArray> requests; // "PATCH path content-type body", once per send
    QList<int> responses; // the HTTP status of each send in `requests`, 0 without an answer
    bool succeeded() const
    {
        return result == AuditRecord::Result::Succeeded
            || result == AuditRecord::Result::NothingToDo;
    }
    // Something was patched, so the watch will show a change to wait for.
    bool awaitsEffect() const { return result == AuditRecord::Result::Succeeded; }
};

// Runs one action the way `kubectl argo rollouts` does, on the calling thread: identity
// (SelfSubjectReview), an audit record of the attempt, a fresh GET, the state check, the
// permission checks (SelfSubjectAccessReview), the exact patches (status subresource first,
// the plugin's 404 fallback to the main resource, a fresh GET and new plan on 409 Conflict,
// at most five times), then the audit record of the outcome. Nothing is sent when the
// attempt cannot be recorded.
class RolloutActionExecutor
{
public:
    RolloutActionExecutor(KubeClient *client, AuditLog *audit, AccessCache *access);

    RolloutActionResult run(const RolloutActionRequest &request,
                            const CancelToken &cancel = CancelToken());

    // Told before each wait for a retry ("… Trying again in 2 s (attempt 2 of 3; gives up
    // at 23:41:05)."), on the executor's thread.
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }
    void setRetryPolicy(const ActionRetryPolicy &policy) { m_retryPolicy = policy; }

    static constexpr int maxConflictAttempts = 5;

private:
    struct Run;
    std::function<void(const QString &)> m_progress;
    ActionRetryPolicy m_retryPolicy;
    KubeClient *m_client;
    AuditLog *m_audit;
    AccessCache *m_access;
};

Q_DECLARE_METATYPE(RolloutActionRequest)
Q_DECLARE_METATYPE(RolloutActionResult)

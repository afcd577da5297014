// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actionretry.h"
#include "auditrecord.h"
#include "canceltoken.h"
#include "kubeclient.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class AccessCache;
class AuditLog;

// What every Kubernetes action executor does around its own requests (RolloutActionExecutor,
// FlaggerActionExecutor): who the user is, the audit record of the attempt before anything is
// sent and of the outcome after, and each request under the action's retry policy with every
// send of a write kept for the audit.
class ActionSession
{
public:
    using Progress = std::function<void(const QString &)>;

    ActionSession(KubeClient *client, AuditLog *audit, AccessCache *access,
                  const ActionRetryPolicy &policy, const CancelToken &cancel,
                  const Progress &progress);

    // The caller fills in where and what (environment, context, namespace, target, action,
    // client, ...); start() and finish() add the rest.
    AuditRecord record;
    // The writes sent, as the audit keeps them, and the HTTP status of each (0: no answer).
    QList<QByteArray> requests;
    QList<int> responses;

    KubeClient &client() { return *m_client; }
    const CancelToken &cancel() const { return m_cancel; }
    AccessCache *access() { return m_access; }

    // Stamps the record, asks who the user is (SelfSubjectReview, cached per environment in
    // the AccessCache; the kubeconfig user when read-only or when the API is missing) and
    // appends the attempt. False with a translated *message when it could not be recorded:
    // then nothing may be sent.
    bool start(bool readOnly, QString *message);
    // The record's where and what from an action request (environment, context, namespace,
    // name, client) and the action's audit id; the target is a rollout or a canary.
    template<typename Request> void describe(const Request &request, const QString &actionId)
    {
        record.environment = request.environment;
        record.context = request.context;
        record.namespaceName = request.namespaceName;
        record.rollout = request.name;
        record.action = actionId;
        record.client = request.client;
    }
    // start(), then the read-only refusal: true when the action may be sent. Otherwise
    // *outcome is Failed (the attempt could not be recorded, so nothing more is) or Refused
    // (read-only; the outcome is recorded), and *message says why. target: "namespace/name".
    bool open(bool readOnly, const QString &target, AuditRecord::Result *outcome, QString *message);
    // One request; a Write is recorded as `described` with its answer's status.
    KubeResponse send(ActionRetry::Request kind, const std::function<KubeResponse()> &once,
                      const QByteArray &described = QByteArray());
    // Appends the outcome; returns the message, with the audit file's error when that failed.
    QString finish(AuditRecord::Result outcome, int httpStatus, const QString &message);

private:
    void identify();

    KubeClient *m_client;
    AuditLog *m_audit;
    AccessCache *m_access;
    CancelToken m_cancel;
    Progress m_progress;
    ActionRetry m_retry;
};

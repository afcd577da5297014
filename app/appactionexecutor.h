// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"
#include "auditrecord.h"
#include "commandline.h"
#include "neterror.h"

#include <QCoreApplication>
#include <QString>

class ArgoCdClient;
class AuditLog;

struct AppActionRequest
{
    QString environment;
    QString context; // the environment's kubeconfig context, for the audit record
    QString instance; // the Argo CD server's name in the environment's argocd: list
    QString name;
    QString appNamespace; // metadata.namespace of the Application
    AppActionOptions action;
    bool readOnly = false; // --read-only or the environment's readOnly: send nothing
    QString client = QStringLiteral("cli");
};

struct AppActionResult
{
    AuditRecord::Result result = AuditRecord::Result::Failed;
    QString message; // translated, for the user
    NetError error; // set when Argo CD answered with an error
    bool succeeded() const
    {
        return result == AuditRecord::Result::Succeeded
            || result == AuditRecord::Result::NothingToDo;
    }
};

// Runs one Argo CD operation (sync, rollback, terminate) on one application, with the checks
// and audit of the rollout actions (RolloutActionExecutor): who we are (userinfo), an audit
// record of the attempt, read-only, a fresh GET, the state check (a rollback under auto-sync
// would be undone by Argo CD at once), can-i `applications sync <project>/<name>` (the
// action Argo CD checks for all three), the request, then the audit record of the outcome.
// Nothing is sent when the attempt cannot be recorded.
class AppActionExecutor
{
    Q_DECLARE_TR_FUNCTIONS(AppActionExecutor)

public:
    AppActionExecutor(ArgoCdClient *client, AuditLog *audit);
    AppActionResult run(const AppActionRequest &request);

    // The audit record's action: "app-sync", "app-rollback", "app-terminate".
    static QString actionId(AppActionOptions::Kind kind);
    // The request run() sends for `request` to an application of `project`, as the audit
    // record keeps it: "POST /api/v1/applications/cart-dev/sync application/json {...}".
    // The window's dialogs show it before anything is sent.
    static QByteArray describe(const AppActionRequest &request, const QString &project);

private:
    struct Run;
    ArgoCdClient *m_client;
    AuditLog *m_audit;
};

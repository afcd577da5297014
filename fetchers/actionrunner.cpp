// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionrunner.h"

#include "auditlog.h"
#include "kubeclient.h"
#include <QCoreApplication>

class ActionRunnerText
{
    Q_DECLARE_TR_FUNCTIONS(ActionRunnerText)
};

ActionRunner::ActionRunner(const Kubeconfig &kubeconfig, AuditLog *audit, QObject *parent) :
    QObject(parent), m_kubeconfig(kubeconfig), m_audit(audit)
{
    qRegisterMetaType<RolloutActionResult>();
    qRegisterMetaType<FlaggerActionResult>();
    qRegisterMetaType<QMap<QString, bool>>();
    // Actions are rare and short; two threads let a permission check run beside an action.
    m_pool.setMaxThreadCount(2);
}

ActionRunner::~ActionRunner()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

void ActionRunner::setEnvironments(const QList<EnvironmentSpec> &environments)
{
    m_environments.clear();
    for (const EnvironmentSpec &spec : environments)
        m_environments.insert(spec.name, spec);
}

bool ActionRunner::connectionFor(const QString &environment, ClusterConnection *connection,
                                 QString *error) const
{
    const auto it = m_environments.constFind(environment);
    if (it == m_environments.cend()) {
        *error = ActionRunnerText::tr("Unknown environment %1.").arg(environment);
        return false;
    }
    return ClusterConnection::resolve(m_kubeconfig, it->context, connection, error);
}

template<typename Executor, typename Request, typename Result>
quint64 ActionRunner::start(Request request, void (ActionRunner::*emitResult)(const Result &))
{
    const quint64 ticket = m_nextTicket++;
    const auto spec = m_environments.constFind(request.environment);
    if (spec != m_environments.cend()) {
        request.context = spec->context;
        request.readOnly = request.readOnly || spec->readOnly;
    }
    ClusterConnection connection;
    QString error;
    const bool resolved = connectionFor(request.environment, &connection, &error);
    const CancelToken cancel = m_cancel;
    m_pool.start([this, ticket, request, connection, resolved, error, cancel, emitResult] {
        Result result;
        if (resolved) {
            KubeClient client(connection);
            Executor executor(&client, m_audit, &m_access);
            executor.setProgress(
                [this, ticket](const QString &text) { emit progress(ticket, text); });
            result = executor.run(request, cancel);
        } else {
            result.request = request;
            result.message = error;
        }
        result.ticket = ticket;
        (this->*emitResult)(result);
    });
    return ticket;
}

quint64 ActionRunner::submit(RolloutActionRequest request)
{
    return start<RolloutActionExecutor>(std::move(request), &ActionRunner::finished);
}

quint64 ActionRunner::submit(FlaggerActionRequest request)
{
    return start<FlaggerActionExecutor>(std::move(request), &ActionRunner::canaryFinished);
}

quint64 ActionRunner::checkPermissions(const QString &environment, const QString &namespaceName)
{
    return checkPermissions(environment, namespaceName, actionBarPermissions());
}

quint64 ActionRunner::checkPermissions(const QString &environment, const QString &namespaceName,
                                       const QList<ResourcePermission> &permissions)
{
    ClusterConnection connection;
    QString error;
    if (!connectionFor(environment, &connection, &error))
        return 0;
    const quint64 ticket = m_nextTicket++;
    const CancelToken cancel = m_cancel;
    m_pool.start([this, ticket, environment, namespaceName, permissions, connection, cancel] {
        KubeClient client(connection);
        QMap<QString, bool> allowed;
        for (const ResourcePermission &permission : permissions) {
            const std::optional<bool> answer = checkPermission(client, &m_access, environment,
                                                               namespaceName, permission, cancel);
            if (answer)
                allowed.insert(permission.displayName(), *answer);
        }
        emit permissionsChecked(ticket, environment, namespaceName, allowed);
    });
    return ticket;
}

void ActionRunner::waitForDone()
{
    m_pool.waitForDone();
}

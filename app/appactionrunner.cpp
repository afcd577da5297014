// SPDX-License-Identifier: GPL-3.0-or-later
#include "appactionrunner.h"

#include "argoservers.h"
#include "auditlog.h"

#include <QPointer>

namespace {

// Short enough that a changed RBAC policy shows within a minute, long enough that walking
// through the table asks once per application.
constexpr qint64 accessLifetimeMs = 60 * 1000;

} // namespace

AppActionRunner::AppActionRunner(const Kubeconfig &kubeconfig,
                                 const QList<EnvironmentSpec> &environments,
                                 const QString &auditPath, QObject *parent) :
    QObject(parent),
    m_kubeconfig(kubeconfig),
    m_environments(environments),
    m_audit(std::make_unique<AuditLog>(auditPath))
{
    qRegisterMetaType<AppActionRequest>();
    qRegisterMetaType<AppActionResult>();
    // One operation beside one can-i check: actions are rare, checks are quick.
    m_pool.setMaxThreadCount(2);
}

AppActionRunner::~AppActionRunner()
{
    m_pool.waitForDone();
}

void AppActionRunner::waitForDone()
{
    m_pool.waitForDone();
}

const EnvironmentSpec *AppActionRunner::environment(const QString &name) const
{
    for (const EnvironmentSpec &spec : m_environments) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

bool AppActionRunner::start(const QString &environment, const QString &instance,
                            std::function<void(ArgoCdClient *, const QString &)> job)
{
    const EnvironmentSpec *spec = this->environment(environment);
    if (!spec)
        return false;
    for (const ArgoCdInstance &server : spec->argocd) {
        if (server.name != instance)
            continue;
        const ArgoServer target {*spec, server};
        const Kubeconfig kubeconfig = m_kubeconfig;
        m_pool.start([target, kubeconfig, job] {
            QString error;
            const std::unique_ptr<ArgoCdClient> client
                = ArgoServers(kubeconfig).client(target, &error);
            job(client.get(), error);
        });
        return true;
    }
    return false;
}

quint64 AppActionRunner::submit(AppActionRequest request)
{
    const quint64 ticket = m_nextTicket++;
    if (const EnvironmentSpec *spec = environment(request.environment)) {
        request.context = spec->context;
        request.readOnly = request.readOnly || spec->readOnly;
    }
    request.client = QStringLiteral("window");
    AuditLog *audit = m_audit.get();
    const bool started
        = start(request.environment, request.instance,
                [this, ticket, request, audit](ArgoCdClient *client, const QString &error) {
                    AppActionResult result;
                    if (client)
                        result = AppActionExecutor(client, audit).run(request);
                    else
                        result.message = error;
                    emit finished(ticket, request, result);
                });
    if (!started) {
        AppActionResult result;
        result.message = tr("%1 has no Argo CD server %2 any more.")
                             .arg(request.environment, request.instance);
        QMetaObject::invokeMethod(
            this, [this, ticket, request, result] { emit finished(ticket, request, result); },
            Qt::QueuedConnection);
    }
    return ticket;
}

AppAccess AppActionRunner::access(const ArgoApplication &app)
{
    const QString key = app.key();
    const auto cached = m_access.constFind(key);
    if (cached != m_access.cend()
        && cached->at.msecsTo(QDateTime::currentDateTimeUtc()) < accessLifetimeMs)
        return cached->access;
    if (m_asking.value(key))
        return AppAccess();
    const QString object = app.project + QLatin1Char('/') + app.name;
    const QPointer<AppActionRunner> self(this);
    const bool started = start(
        app.environment, app.instance,
        [self, key, object](ArgoCdClient *client, const QString &error) {
            AppAccess access;
            if (!client) {
                access.state = AppAccess::State::Failed;
                access.message = error;
            } else {
                const ArgoResult<bool> answer
                    = client->canI(QStringLiteral("applications"), QStringLiteral("sync"), object);
                access.state = !answer.isOk() ? AppAccess::State::Failed
                    : answer.value            ? AppAccess::State::Allowed
                                              : AppAccess::State::Denied;
                access.message = !answer.isOk() ? answer.error.message
                    : answer.value
                    ? QString()
                    : AppActionRunner::tr("Argo CD's can-i says you may not sync applications "
                                          "%1 (sync, rollback and terminate all need it).")
                          .arg(object);
            }
            // The pool outlives no runner (the destructor waits), but the hop to the GUI
            // thread may land after it is gone.
            QMetaObject::invokeMethod(qApp, [self, key, access] {
                if (self)
                    self->remember(key, access);
            });
        });
    if (started)
        m_asking.insert(key, true);
    return AppAccess();
}

void AppActionRunner::remember(const QString &key, const AppAccess &access)
{
    m_asking.remove(key);
    m_access.insert(key, {access, QDateTime::currentDateTimeUtc()});
    emit accessChecked(key);
}

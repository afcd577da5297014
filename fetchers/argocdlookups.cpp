// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocdlookups.h"

#include "argocdclient.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

struct ArgoCdLookups::Target
{
    ArgoCdInstance instance;
    ClusterConnection cluster;
};

ArgoCdLookups::ArgoCdLookups(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ArgoApplication>();
    qRegisterMetaType<ArgoRevisionMetadata>();
}

ArgoCdLookups::~ArgoCdLookups()
{
    ++*m_generation;
}

void ArgoCdLookups::setFleet(const Kubeconfig &kubeconfig,
                             const QList<EnvironmentSpec> &environments)
{
    ++*m_generation;
    m_kubeconfig = kubeconfig;
    m_environments = environments;
}

bool ArgoCdLookups::target(const ArgoApplication &app, Target *out) const
{
    for (const EnvironmentSpec &spec : m_environments) {
        if (spec.name != app.environment)
            continue;
        for (const ArgoCdInstance &instance : spec.argocd) {
            if (instance.name != app.instance)
                continue;
            out->instance = instance;
            QString error;
            // A direct server needs no cluster; a proxied one fails later with this error.
            ClusterConnection::resolve(m_kubeconfig, spec.context, &out->cluster, &error);
            return true;
        }
    }
    return false;
}

void ArgoCdLookups::fetchRevision(const ArgoApplication &app, const QString &revision)
{
    Target where;
    if (!target(app, &where))
        return;
    const QPointer<ArgoCdLookups> self(this);
    const std::shared_ptr<int> generation = m_generation;
    const int asked = *generation;
    QThreadPool::globalInstance()->start([self, generation, asked, where, app, revision] {
        ArgoCdClient client(where.instance, where.cluster);
        const ArgoResult<ArgoRevisionMetadata> result
            = client.revisionMetadata(app.name, app.appNamespace, revision);
        if (!result.isOk())
            return; // the cell keeps the bare revision; the stream's errors are shown elsewhere
        QMetaObject::invokeMethod(qApp, [self, generation, asked, app, revision, result] {
            if (self && *generation == asked)
                emit self->revisionFetched(app.environment, app.instance, revision, result.value);
        });
    });
}

void ArgoCdLookups::fetchApplication(const ArgoApplication &app)
{
    Target where;
    if (!target(app, &where))
        return;
    const QPointer<ArgoCdLookups> self(this);
    const std::shared_ptr<int> generation = m_generation;
    const int asked = *generation;
    QThreadPool::globalInstance()->start([self, generation, asked, where, app] {
        ArgoCdClient client(where.instance, where.cluster);
        ArgoResult<ArgoApplication> result = client.application(app.name, app.appNamespace);
        ArgoApplication whole = result.value;
        whole.environment = app.environment;
        whole.instance = app.instance;
        const QString error = result.error.message;
        QMetaObject::invokeMethod(qApp, [self, generation, asked, whole, app, error] {
            if (self && *generation == asked)
                emit self->applicationFetched(error.isEmpty() ? whole : app, error);
        });
    });
}

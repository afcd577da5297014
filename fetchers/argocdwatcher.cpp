// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocdwatcher.h"

#include "argocdclient.h"

#include <QDateTime>

ArgoCdWatcher::ArgoCdWatcher(const QString &environment, const ArgoCdInstance &instance,
                             const ClusterConnection &cluster, BatchSink onBatch,
                             StatusSink onStatus, const CancelToken &cancel,
                             const BackoffPolicy &backoff) :
    m_environment(environment),
    m_instance(instance),
    m_cluster(cluster),
    m_onBatch(std::move(onBatch)),
    m_onStatus(std::move(onStatus)),
    m_cancel(cancel),
    m_backoff(backoff)
{ }

void ArgoCdWatcher::run()
{
    publishStatus(ArgoCdStatus::State::Connecting);
    while (!m_cancel.isCancelled()) {
        const NetError error = connectOnce();
        if (m_cancel.isCancelled())
            return;
        const int delay = m_backoff.next();
        // A stream the server ended normally is not a failure to show: reconnect quietly.
        if (error)
            publishStatus(ArgoCdStatus::State::Error, error, delay);
        if (!m_cancel.sleepFor(error ? delay : qMin(delay, 1000)))
            return;
    }
}

ArgoApplication ArgoCdWatcher::tagged(ArgoApplication app) const
{
    app.environment = m_environment;
    app.instance = m_instance.name;
    return app;
}

NetError ArgoCdWatcher::connectOnce()
{
    ArgoCdClient client(m_instance, m_cluster);
    // Who the token is: the audit log and the status bar name the Argo CD user.
    const ArgoResult<ArgoUserInfo> user = client.userInfo(m_cancel);
    if (!user.isOk())
        return user.error;
    if (!user.value.loggedIn) {
        NetError error;
        error.kind = NetError::Kind::Unauthorized;
        error.httpStatus = 401;
        error.message = tr("Argo CD %1: the token is not logged in (expired or revoked?)")
                            .arg(m_instance.name);
        return error;
    }
    m_username = user.value.username;

    const ArgoResult<ArgoApplicationList> list = client.applications(ArgoAppQuery(), m_cancel);
    if (!list.isOk())
        return list.error;
    ArgoAppBatch reset;
    reset.environment = m_environment;
    reset.instance = m_instance.name;
    reset.reset = true;
    reset.upserts.reserve(list.value.items.size());
    for (const ArgoApplication &app : list.value.items)
        reset.upserts.append(tagged(app));
    m_onBatch(std::move(reset));
    publishStatus(ArgoCdStatus::State::Live);

    QString badEvent;
    const NetError streamError = client.watchApplications(
        ArgoAppQuery(), list.value.resourceVersion,
        [&](const ArgoWatchEvent &event) {
            if (!event.error.isEmpty()) {
                badEvent = event.error;
                return false; // relist rather than guess what was missed
            }
            ArgoAppBatch batch;
            batch.environment = m_environment;
            batch.instance = m_instance.name;
            if (event.type == ArgoWatchEvent::Type::Deleted)
                batch.removedKeys.append(tagged(event.application).key());
            else
                batch.upserts.append(tagged(event.application));
            m_onBatch(std::move(batch));
            return true;
        },
        m_cancel);
    if (!badEvent.isEmpty())
        return NetError::decode(tr("Argo CD %1: %2").arg(m_instance.name, badEvent));
    if (!streamError)
        m_backoff.reset(); // a long, healthy stream: the next failure starts from 0.8 s
    return streamError;
}

void ArgoCdWatcher::publishStatus(ArgoCdStatus::State state, const NetError &error, int retryInMs)
{
    ArgoCdStatus status;
    status.environment = m_environment;
    status.instance = m_instance.name;
    status.endpoint = m_instance.describe();
    status.state = state;
    status.message = error.message;
    status.httpStatus = error.httpStatus;
    status.username = m_username;
    if (retryInMs > 0)
        status.retryAtMs = QDateTime::currentMSecsSinceEpoch() + retryInMs;
    m_onStatus(status);
}

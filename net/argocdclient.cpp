// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocdclient.h"

#include "sseframer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

const QString apiApplications = QStringLiteral("/api/v1/applications");

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

void putScope(QJsonObject *body, const QString &appNamespace, const QString &project)
{
    if (!appNamespace.isEmpty())
        body->insert(QStringLiteral("appNamespace"), appNamespace);
    if (!project.isEmpty())
        body->insert(QStringLiteral("project"), project);
}

// ApplicationQuery's filters, shared by the list and the stream.
QueryItems filters(const ArgoAppQuery &query)
{
    QueryItems params;
    for (const QString &project : query.projects)
        params.append({QStringLiteral("projects"), project});
    if (!query.selector.isEmpty())
        params.append({QStringLiteral("selector"), query.selector});
    if (!query.appNamespace.isEmpty())
        params.append({QStringLiteral("appNamespace"), query.appNamespace});
    return params;
}

} // namespace

ArgoCdClient::ArgoCdClient(const ArgoCdInstance &instance) :
    m_instance(instance), m_connection(std::make_unique<ServiceConnection>(instance.endpoint))
{
    m_connection->setServiceLabel(QStringLiteral("Argo CD"));
}

ArgoCdClient::ArgoCdClient(const ArgoCdInstance &instance, const ClusterConnection &cluster) :
    m_instance(instance),
    m_connection(instance.endpoint.mode == ServiceEndpoint::Mode::ServiceProxy
                     ? std::make_unique<ServiceConnection>(instance.endpoint, cluster)
                     : std::make_unique<ServiceConnection>(instance.endpoint))
{
    m_connection->setServiceLabel(QStringLiteral("Argo CD"));
}

ArgoCdClient::~ArgoCdClient() = default;

QString ArgoCdClient::appPath(const QString &name, const QString &suffix)
{
    return apiApplications + QLatin1Char('/') + encoded(name) + suffix;
}

QueryItems ArgoCdClient::scope(const QString &appNamespace, const QString &project)
{
    QueryItems items;
    if (!appNamespace.isEmpty())
        items.append({QStringLiteral("appNamespace"), appNamespace});
    if (!project.isEmpty())
        items.append({QStringLiteral("project"), project});
    return items;
}

NetError ArgoCdClient::errorOf(const ServiceAnswer &answer) const
{
    NetError error = answer.transportError;
    if (!error && (answer.status < 200 || answer.status >= 300))
        error = NetError::fromHttp(answer.status, answer.body, answer.retryAfterSeconds);
    if (error && error.kind != NetError::Kind::Cancelled)
        error.message = tr("Argo CD %1: %2").arg(m_instance.name, error.message);
    return error;
}

NetError ArgoCdClient::decodeError(const QString &message) const
{
    return NetError::decode(tr("Argo CD %1: %2").arg(m_instance.name, message));
}

ArgoResult<ArgoApplicationList> ArgoCdClient::applications(const ArgoAppQuery &query,
                                                           const CancelToken &cancel)
{
    QueryItems params = filters(query);
    if (!query.fields.isEmpty())
        params.append({QStringLiteral("fields"), query.fields});
    ArgoResult<ArgoApplicationList> result;
    const ServiceAnswer answer = m_connection->send(apiApplications, params, false, cancel);
    if ((result.error = errorOf(answer)))
        return result;
    result.value = ArgoDecoder::list(answer.body);
    if (!result.value.error.isEmpty())
        result.error = decodeError(result.value.error);
    return result;
}

ArgoResult<ArgoApplication> ArgoCdClient::applicationAnswer(const ServiceAnswer &answer) const
{
    ArgoResult<ArgoApplication> result;
    if ((result.error = errorOf(answer)))
        return result;
    QString problem;
    if (!ArgoDecoder::application(answer.body, &result.value, &problem))
        result.error = decodeError(problem);
    return result;
}

ArgoResult<ArgoApplication> ArgoCdClient::application(const QString &name,
                                                      const QString &appNamespace,
                                                      const CancelToken &cancel)
{
    return applicationAnswer(m_connection->send(appPath(name), scope(appNamespace), false, cancel));
}

NetError ArgoCdClient::watchApplications(const ArgoAppQuery &query, const QString &resourceVersion,
                                         const std::function<bool(const ArgoWatchEvent &)> &onEvent,
                                         const CancelToken &cancel)
{
    QueryItems params = filters(query);
    if (!resourceVersion.isEmpty())
        params.append({QStringLiteral("resourceVersion"), resourceVersion});
    SseFramer framer;
    QString streamError;
    const HttpClient::DataCallback onBytes = [&](const char *data, qsizetype size) {
        const QList<QByteArray> events = framer.feed(data, size);
        if (framer.hasError()) {
            streamError = framer.error();
            return false;
        }
        for (const QByteArray &json : events) {
            const ArgoWatchEvent event = ArgoDecoder::event(json);
            if (!onEvent(event))
                return false;
        }
        return true;
    };
    // Argo CD sends nothing while no application changes: a quiet stream is normal, so only a
    // very long silence counts as a dead connection (the watcher then reconnects).
    const ServiceAnswer answer
        = m_connection->stream(QStringLiteral("/api/v1/stream/applications"), params,
                               QByteArrayLiteral("text/event-stream"), onBytes, cancel, 600);
    if (!streamError.isEmpty())
        return decodeError(streamError);
    return errorOf(answer);
}

ArgoResult<ArgoRevisionMetadata> ArgoCdClient::revisionMetadata(const QString &name,
                                                                const QString &appNamespace,
                                                                const QString &revision,
                                                                const CancelToken &cancel)
{
    ArgoResult<ArgoRevisionMetadata> result;
    const ServiceAnswer answer = m_connection->send(
        appPath(name,
                QStringLiteral("/revisions/") + encoded(revision) + QStringLiteral("/metadata")),
        scope(appNamespace), false, cancel);
    if ((result.error = errorOf(answer)))
        return result;
    QString problem;
    if (!ArgoDecoder::revisionMetadata(answer.body, &result.value, &problem))
        result.error = decodeError(problem);
    return result;
}

ArgoResult<ArgoUserInfo> ArgoCdClient::userInfo(const CancelToken &cancel)
{
    ArgoResult<ArgoUserInfo> result;
    const ServiceAnswer answer
        = m_connection->send(QStringLiteral("/api/v1/session/userinfo"), {}, false, cancel);
    if ((result.error = errorOf(answer)))
        return result;
    QString problem;
    if (!ArgoDecoder::userInfo(answer.body, &result.value, &problem))
        result.error = decodeError(problem);
    return result;
}

ArgoResult<bool> ArgoCdClient::canI(const QString &resource, const QString &action,
                                    const QString &subresource, const CancelToken &cancel)
{
    // The subresource ("project/app") keeps its '/': the route is {subresource=**}.
    const QString path = QStringLiteral("/api/v1/account/can-i/%1/%2/%3")
                             .arg(encoded(resource), encoded(action),
                                  QString::fromLatin1(QUrl::toPercentEncoding(subresource, "/")));
    ArgoResult<bool> result;
    const ServiceAnswer answer = m_connection->send(path, {}, false, cancel);
    if ((result.error = errorOf(answer)))
        return result;
    QString problem;
    if (!ArgoDecoder::canI(answer.body, &result.value, &problem))
        result.error = decodeError(problem);
    return result;
}

QByteArray ArgoCdClient::syncBody(const QString &name, const QString &appNamespace,
                                  const QString &project, const ArgoSyncOptions &options)
{
    QJsonObject body {{QStringLiteral("name"), name}};
    if (!options.revision.isEmpty())
        body.insert(QStringLiteral("revision"), options.revision);
    body.insert(QStringLiteral("prune"), options.prune);
    body.insert(QStringLiteral("dryRun"), options.dryRun);
    putScope(&body, appNamespace, project);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray ArgoCdClient::rollbackBody(const QString &name, const QString &appNamespace,
                                      const QString &project, qint64 historyId, bool dryRun,
                                      bool prune)
{
    QJsonObject body {{QStringLiteral("name"), name},
                      {QStringLiteral("id"), historyId},
                      {QStringLiteral("dryRun"), dryRun},
                      {QStringLiteral("prune"), prune}};
    putScope(&body, appNamespace, project);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ArgoResult<ArgoApplication> ArgoCdClient::sync(const QString &name, const QString &appNamespace,
                                               const QString &project,
                                               const ArgoSyncOptions &options,
                                               const CancelToken &cancel)
{
    return applicationAnswer(
        m_connection->sendJson(QByteArrayLiteral("POST"), appPath(name, QStringLiteral("/sync")),
                               {}, syncBody(name, appNamespace, project, options), cancel));
}

ArgoResult<ArgoApplication> ArgoCdClient::rollback(const QString &name, const QString &appNamespace,
                                                   const QString &project, qint64 historyId,
                                                   bool dryRun, bool prune,
                                                   const CancelToken &cancel)
{
    return applicationAnswer(m_connection->sendJson(
        QByteArrayLiteral("POST"), appPath(name, QStringLiteral("/rollback")), {},
        rollbackBody(name, appNamespace, project, historyId, dryRun, prune), cancel));
}

NetError ArgoCdClient::terminateOperation(const QString &name, const QString &appNamespace,
                                          const QString &project, const CancelToken &cancel)
{
    return errorOf(m_connection->sendJson(QByteArrayLiteral("DELETE"),
                                          appPath(name, QStringLiteral("/operation")),
                                          scope(appNamespace, project), QByteArray(), cancel));
}

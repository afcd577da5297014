// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcehandler.h"

#include "api/apistatus.h"
#include "api/deleteoptions.h"
#include "api/httpreply.h"
#include "api/requestbody.h"
#include "api/requestoptions.h"
#include "api/watchstream.h"
#include "core/objectstore.h"
#include "core/podtermination.h"
#include "core/virtualclock.h"

#include <QJsonArray>

#include <httplib.h>

namespace rdsim {

namespace {

const QString kResourceMetadata = QStringLiteral("metadata");

QString itemKey(const QJsonObject &object)
{
    return RequestBody::metadataField(object, "namespace") + u'/'
        + RequestBody::metadataField(object, "name");
}

} // namespace

ResourceHandler::ResourceHandler(const ApiServer::Context &context,
                                 const ServerSettings *settings) :
    m_context(context), m_settings(settings)
{ }

WriteScope ResourceHandler::scopeOf(const ResourcePath &target)
{
    if (target.subresource == QStringLiteral("status"))
        return WriteScope::Status;
    return target.type->hasStatusSubresource ? WriteScope::Spec : WriteScope::Whole;
}

QString ResourceHandler::verbOf(const QString &method, const ResourcePath &target, bool watch)
{
    if (method == QStringLiteral("GET"))
        return target.isCollection() ? (watch ? QStringLiteral("watch") : QStringLiteral("list"))
                                     : QStringLiteral("get");
    if (method == QStringLiteral("POST"))
        return QStringLiteral("create");
    if (method == QStringLiteral("PUT"))
        return QStringLiteral("update");
    if (method == QStringLiteral("PATCH"))
        return QStringLiteral("patch");
    if (method == QStringLiteral("DELETE"))
        return target.isCollection() ? QStringLiteral("deletecollection")
                                     : QStringLiteral("delete");
    return method.toLower();
}

void ResourceHandler::handle(ApiCall &call) const
{
    const ResourceType &type = *call.target.type;
    const QString method = QString::fromStdString(call.request.method);
    const bool watching = method == QStringLiteral("GET") && call.target.isCollection()
        && ListOptions::isTrue(queryParam(call.request, "watch"));
    if (type.isReview)
        return review(call);

    const QString verb = verbOf(method, call.target, watching);
    const ResourcePath &target = call.target;
    if (!m_context.access
        || !m_context.access->isAllowed(call.user, verb, type.group, type.plural,
                                        target.subresource, target.ns, target.name)) {
        return HttpReply::error(call.response,
                                ApiError::forbidden(call.user.name, verb, type, target.subresource,
                                                    target.ns, target.name));
    }
    if (!target.subresource.isEmpty()
        && (target.subresource != QStringLiteral("status") || !type.hasStatusSubresource))
        return HttpReply::error(call.response, ApiStatus::pathNotFound());

    if (method == QStringLiteral("GET")) {
        ApiError error;
        const auto format = OutputFormat::negotiate(
            QString::fromStdString(call.request.get_header_value("Accept")),
            queryParam(call.request, "includeObject"), &error);
        if (!format)
            return HttpReply::error(call.response, error);
        if (!target.isCollection())
            return get(call, *format);
        return watching ? watch(call, *format) : list(call, *format);
    }
    const bool collection = target.isCollection();
    if (method == QStringLiteral("POST") && collection && (target.ns.size() || !type.namespaced))
        return create(call);
    if (method == QStringLiteral("PUT") && !collection)
        return update(call);
    if (method == QStringLiteral("PATCH") && !collection)
        return patch(call);
    if (method == QStringLiteral("DELETE") && !collection)
        return remove(call);
    HttpReply::error(call.response, ApiStatus::methodNotAllowed());
}

QJsonObject ResourceHandler::render(const ResourceType &type, const QList<QJsonObject> &objects,
                                    const OutputFormat &format, const QJsonObject &listMetadata,
                                    bool single) const
{
    switch (format.shape) {
    case OutputFormat::Shape::Table:
        return TableView::table(type, objects, m_context.clock ? m_context.clock->nowMs() : 0,
                                format.include, true, listMetadata, format.apiVersion);
    case OutputFormat::Shape::PartialMetadata: {
        if (single) {
            QJsonObject partial = TableView::partialObjectMetadata(objects.value(0));
            partial.insert(QStringLiteral("apiVersion"), format.apiVersion);
            return partial;
        }
        QJsonArray items;
        for (const QJsonObject &object : objects) {
            QJsonObject partial = TableView::partialObjectMetadata(object);
            partial.insert(QStringLiteral("apiVersion"), format.apiVersion);
            items.append(partial);
        }
        return QJsonObject {{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadataList")},
                            {QStringLiteral("apiVersion"), format.apiVersion},
                            {kResourceMetadata, listMetadata},
                            {QStringLiteral("items"), items}};
    }
    case OutputFormat::Shape::Object:
        break;
    }
    if (single)
        return objects.value(0);
    QJsonArray items;
    for (const QJsonObject &object : objects)
        items.append(object);
    return QJsonObject {{QStringLiteral("kind"), type.listKind()},
                        {QStringLiteral("apiVersion"), type.groupVersion()},
                        {kResourceMetadata, listMetadata},
                        {QStringLiteral("items"), items}};
}

void ResourceHandler::get(ApiCall &call, const OutputFormat &format) const
{
    const ResourceType &type = *call.target.type;
    const auto object = m_context.store->get(type, call.target.ns, call.target.name);
    if (!object)
        return HttpReply::error(call.response, ApiError::notFound(type, call.target.name));
    const QJsonObject metadata {{QStringLiteral("resourceVersion"),
                                 RequestBody::metadataField(*object, "resourceVersion")}};
    HttpReply::json(call.response, 200, render(type, {*object}, format, metadata, true));
}

void ResourceHandler::list(ApiCall &call, const OutputFormat &format) const
{
    const ResourceType &type = *call.target.type;
    ApiError error;
    const auto options = ListOptions::parse(call.request, type, &error);
    if (!options)
        return HttpReply::error(call.response, error);
    std::optional<ContinueToken> token;
    if (!options->continueToken.isEmpty()) {
        token = ContinueToken::decode(options->continueToken);
        if (!token)
            return HttpReply::error(
                call.response,
                ApiError::badRequest(QStringLiteral("continue key is not valid: "
                                                    "incorrect encoded start "
                                                    "resourceVersion")));
        const bool expired = call.fault && call.fault->kind == FaultRule::Kind::Expire;
        if (expired || token->resourceVersion < m_context.store->compactedRv()) {
            return HttpReply::error(
                call.response,
                ApiError::expired(QStringLiteral(
                    "The provided continue parameter is too old to display a consistent list "
                    "result. You can start a new list without the continue parameter.")));
        }
    }

    qint64 listRv = 0;
    const QList<QJsonObject> all = m_context.store->list(type, call.target.ns, &listRv);
    QList<QJsonObject> matching;
    for (const QJsonObject &object : all) {
        if (token && !(token->lastKey < itemKey(object)))
            continue;
        if (options->labels.matchesObject(object) && options->fields.matches(object))
            matching.append(object);
    }
    if (token)
        listRv = token->resourceVersion;

    QJsonObject metadata {{QStringLiteral("resourceVersion"), QString::number(listRv)}};
    if (options->limit > 0 && matching.size() > options->limit) {
        const qsizetype remaining = matching.size() - options->limit;
        matching.resize(options->limit);
        metadata.insert(QStringLiteral("continue"),
                        ContinueToken {listRv, itemKey(matching.last())}.encode());
        // As in Kubernetes, the count is only exact (and only sent) without selectors.
        if (options->labels.isEmpty() && options->fields.isEmpty())
            metadata.insert(QStringLiteral("remainingItemCount"), remaining);
    }
    HttpReply::json(call.response, 200, render(type, matching, format, metadata, false));
}

void ResourceHandler::watch(ApiCall &call, const OutputFormat &format) const
{
    ApiError error;
    const auto options = ListOptions::parse(call.request, *call.target.type, &error);
    if (!options)
        return HttpReply::error(call.response, error);
    WatchStream::start(call, format, *options, m_context, m_settings);
}

void ResourceHandler::create(ApiCall &call) const
{
    const ResourceType &type = *call.target.type;
    ApiError error;
    auto object = RequestBody::object(call.request, &error);
    if (object)
        error = RequestBody::prepare(type, call.target, &*object);
    if (error.isError())
        return HttpReply::error(call.response, error);
    if (RequestBody::isDryRun(call.request))
        return HttpReply::json(call.response, 201, *object);
    const StoreResult result = m_context.store->create(type, *object);
    if (!result.ok())
        return HttpReply::error(call.response, result.error);
    HttpReply::json(call.response, 201, result.object);
}

void ResourceHandler::update(ApiCall &call) const
{
    const ResourceType &type = *call.target.type;
    ApiError error;
    auto object = RequestBody::object(call.request, &error);
    if (object)
        error = RequestBody::prepare(type, call.target, &*object);
    if (error.isError())
        return HttpReply::error(call.response, error);
    if (RequestBody::isDryRun(call.request))
        return HttpReply::json(call.response, 200, *object);
    const StoreResult result = m_context.store->update(type, *object, scopeOf(call.target));
    if (!result.ok())
        return HttpReply::error(call.response, result.error);
    HttpReply::json(call.response, 200, result.object);
}

void ResourceHandler::remove(ApiCall &call) const
{
    const ResourceType &type = *call.target.type;
    std::optional<QJsonObject> object;
    if (RequestBody::isDryRun(call.request)) {
        object = m_context.store->get(type, call.target.ns, call.target.name);
        if (!object)
            return HttpReply::error(call.response, ApiError::notFound(type, call.target.name));
    } else {
        if (type.group.isEmpty() && type.plural == QLatin1String("pods") && m_context.clock) {
            // A pod with a grace period stays, Terminating, and the reply is the pod.
            object = m_context.store->get(type, call.target.ns, call.target.name);
            const qint64 grace = object ? PodTermination::gracePeriodSeconds(
                                     *object, DeleteOptions::gracePeriodSeconds(call.request))
                                        : 0;
            if (grace > 0) {
                const StoreResult marked = PodTermination::remove(*m_context.store, *object,
                                                                  m_context.clock->nowMs(), grace);
                if (!marked.ok())
                    return HttpReply::error(call.response, marked.error);
                return HttpReply::json(call.response, 200, marked.object);
            }
        }
        const StoreResult result = m_context.store->remove(type, call.target.ns, call.target.name);
        if (!result.ok())
            return HttpReply::error(call.response, result.error);
        object = result.object;
    }
    QJsonObject details {{QStringLiteral("name"), call.target.name},
                         {QStringLiteral("kind"), type.plural},
                         {QStringLiteral("uid"), RequestBody::metadataField(*object, "uid")}};
    if (!type.group.isEmpty())
        details.insert(QStringLiteral("group"), type.group);
    HttpReply::json(call.response, 200,
                    QJsonObject {{QStringLiteral("kind"), QStringLiteral("Status")},
                                 {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                 {kResourceMetadata, QJsonObject()},
                                 {QStringLiteral("status"), QStringLiteral("Success")},
                                 {QStringLiteral("details"), details}});
}

void ResourceHandler::review(ApiCall &call) const
{
    const ResourceType &type = *call.target.type;
    if (call.request.method != "POST" || !call.target.isCollection())
        return HttpReply::error(call.response, ApiStatus::methodNotAllowed());
    ApiError error;
    const auto body = RequestBody::object(call.request, &error);
    if (!body)
        return HttpReply::error(call.response, error);
    if (!m_context.access)
        return HttpReply::error(call.response,
                                ApiError::internal(QStringLiteral("no access control")));
    if (type.plural == QStringLiteral("selfsubjectaccessreviews")) {
        const ApiError invalid = AccessControl::validateSelfSubjectAccessReview(*body);
        if (invalid.isError())
            return HttpReply::error(call.response, invalid);
        return HttpReply::json(call.response, 201,
                               m_context.access->selfSubjectAccessReview(call.user, *body));
    }
    if (type.plural == QStringLiteral("selfsubjectreviews"))
        return HttpReply::json(call.response, 201, m_context.access->selfSubjectReview(call.user));
    HttpReply::error(call.response, ApiStatus::pathNotFound());
}

} // namespace rdsim

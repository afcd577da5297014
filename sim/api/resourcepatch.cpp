// SPDX-License-Identifier: GPL-3.0-or-later
// ResourceHandler::patch: PATCH of an object or its /status, retried like the API server's
// GuaranteedUpdate when another writer gets in between.
#include "resourcehandler.h"

#include "api/apistatus.h"
#include "api/httpreply.h"
#include "api/objectpatcher.h"
#include "api/requestbody.h"
#include "core/objectstore.h"

#include <httplib.h>

namespace rdsim {

void ResourceHandler::patch(ApiCall &call) const
{
    const ResourceType &type = *call.target.type;
    const auto patchType = ObjectPatcher::typeFromContentType(
        QString::fromStdString(call.request.get_header_value("Content-Type")));
    const QByteArray body = QByteArray::fromStdString(call.request.body);
    if (patchType == ObjectPatcher::Type::Apply
        && call.request.get_param_value("fieldManager").empty())
        return HttpReply::error(call.response, ApiStatus::fieldManagerRequired());

    // Like the API server's GuaranteedUpdate: a concurrent write between read and write is
    // retried, unless the patch itself pinned a resourceVersion.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const auto current = m_context.store->get(type, call.target.ns, call.target.name);
        if (!current && patchType == ObjectPatcher::Type::Apply
            && call.target.subresource.isEmpty()) {
            // Server-side apply creates what does not exist yet.
            ApiError error;
            auto object = RequestBody::object(call.request, &error);
            if (object)
                error = RequestBody::prepare(type, call.target, &*object);
            if (error.isError())
                return HttpReply::error(call.response, error);
            const StoreResult created = m_context.store->create(type, *object);
            if (!created.ok())
                return HttpReply::error(call.response, created.error);
            return HttpReply::json(call.response, 201, created.object);
        }
        if (!current)
            return HttpReply::error(call.response, ApiError::notFound(type, call.target.name));
        const StoreResult patched = ObjectPatcher::apply(type, *current, patchType, body);
        if (!patched.ok())
            return HttpReply::error(call.response, patched.error);
        if (RequestBody::isDryRun(call.request))
            return HttpReply::json(call.response, 200, patched.object);
        const StoreResult result
            = m_context.store->update(type, patched.object, scopeOf(call.target));
        const bool pinned = RequestBody::metadataField(patched.object, "resourceVersion")
            != RequestBody::metadataField(*current, "resourceVersion");
        if (result.error.code == 409 && !pinned)
            continue;
        if (!result.ok())
            return HttpReply::error(call.response, result.error);
        return HttpReply::json(call.response, 200, result.object);
    }
    HttpReply::error(call.response,
                     ApiError::conflict(type, call.target.name,
                                        QStringLiteral("the object has been modified; please apply "
                                                       "your changes to the latest version and try "
                                                       "again")));
}

} // namespace rdsim

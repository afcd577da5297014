// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace rdsim {

struct ResourceType;

// Applies a PATCH body to the stored object according to its Content-Type, with the error
// codes the Kubernetes API server uses: 400 for an undecodable patch, 415 for strategic merge
// on a custom resource, 422 for a patch that does not apply or leaves an invalid object.
class ObjectPatcher
{
public:
    enum class Type { Merge, Json, Strategic, Apply, Unsupported };

    static Type typeFromContentType(const QString &contentType);

    // Strategic merge patches of built-in kinds are applied as merge patches: the simulator's
    // objects have no patch-merge-key metadata, and the difference only matters for lists.
    static StoreResult apply(const ResourceType &type, const QJsonObject &current, Type patchType,
                             const QByteArray &body);

    // The object must still be the same object: same kind, apiVersion, name and namespace.
    static ApiError checkIdentity(const ResourceType &type, const QJsonObject &before,
                                  const QJsonObject &after);
};

} // namespace rdsim

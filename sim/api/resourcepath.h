// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace rdsim {

struct ResourceType;

// A request path that names a resource of the catalog:
// /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUBRESOURCE]] or the same under /apis/GROUP/VERSION.
struct ResourcePath
{
    const ResourceType *type = nullptr;
    QString ns; // empty: cluster-scoped kind, or all namespaces
    QString name; // empty: the collection
    QString subresource; // "", "status", ...

    bool isCollection() const { return name.isEmpty(); }

    // nullopt when the path is not a resource path of a served kind (discovery documents,
    // unknown kinds, malformed paths).
    static std::optional<ResourcePath> parse(const QString &path);
};

} // namespace rdsim

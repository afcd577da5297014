// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcepath.h"

#include "core/resourcecatalog.h"

#include <QStringList>

namespace rdsim {

namespace {

const ResourceType *findServed(const QString &group, const QString &version, const QString &plural)
{
    const ResourceType *type = ResourceCatalog::find(group, plural);
    return type && type->version == version ? type : nullptr;
}

} // namespace

std::optional<ResourcePath> ResourcePath::parse(const QString &path)
{
    QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    QString group;
    QString version;
    if (segments.size() >= 3 && segments.at(0) == QStringLiteral("api")) {
        version = segments.at(1);
        segments = segments.mid(2);
    } else if (segments.size() >= 4 && segments.at(0) == QStringLiteral("apis")) {
        group = segments.at(1);
        version = segments.at(2);
        segments = segments.mid(3);
    } else {
        return std::nullopt;
    }

    ResourcePath result;
    // ".../namespaces/NS/PLURAL..." is a namespaced request unless PLURAL is not a namespaced
    // kind, in which case it is the Namespace object NS itself (e.g. namespaces/NS/status).
    if (segments.size() >= 3 && segments.at(0) == QStringLiteral("namespaces")) {
        const ResourceType *type = findServed(group, version, segments.at(2));
        if (type && type->namespaced) {
            if (segments.size() > 5 || segments.at(1).isEmpty())
                return std::nullopt;
            result.type = type;
            result.ns = segments.at(1);
            result.name = segments.value(3);
            result.subresource = segments.value(4);
            return result;
        }
    }
    if (segments.size() > 3)
        return std::nullopt;
    const ResourceType *type = findServed(group, version, segments.at(0));
    if (!type)
        return std::nullopt;
    // A namespaced kind is addressed without a namespace only as a collection (`-A`).
    if (type->namespaced && segments.size() > 1)
        return std::nullopt;
    result.type = type;
    result.name = segments.value(1);
    result.subresource = segments.value(2);
    return result;
}

} // namespace rdsim

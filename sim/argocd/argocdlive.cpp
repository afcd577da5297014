// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/argocdlive.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"

namespace rdsim {

namespace {

const QStringList kContainerLists {QStringLiteral("initContainers"), QStringLiteral("containers")};

} // namespace

const ResourceType *ArgoCdLive::typeOf(const QString &kind)
{
    for (const ResourceType &type : ResourceCatalog::all()) {
        if (type.kind == kind && !type.isReview)
            return &type;
    }
    return nullptr;
}

std::optional<QJsonObject> ArgoCdLive::get(const ObjectStore &store, const ArgoCdResourceRef &ref)
{
    const ResourceType *type = typeOf(ref.kind);
    if (!type)
        return std::nullopt;
    return store.get(*type, ref.ns, ref.name);
}

bool ArgoCdLive::isWorkload(const QString &kind)
{
    return kind == QLatin1String("Rollout") || kind == QLatin1String("Deployment");
}

QString ArgoCdLive::field(const QJsonObject &object, const char *section, const char *key)
{
    return object.value(QLatin1String(section)).toObject().value(QLatin1String(key)).toString();
}

QStringList ArgoCdLive::images(const QJsonObject &object)
{
    const QJsonObject podSpec = object.value(QStringLiteral("spec"))
                                    .toObject()
                                    .value(QStringLiteral("template"))
                                    .toObject()
                                    .value(QStringLiteral("spec"))
                                    .toObject();
    // A Pod carries its containers directly.
    const QJsonObject spec = object.value(QStringLiteral("kind")).toString() == QLatin1String("Pod")
        ? object.value(QStringLiteral("spec")).toObject()
        : podSpec;
    QStringList result;
    for (const QString &list : kContainerLists) {
        for (const QJsonValue &container : spec.value(list).toArray())
            result << container.toObject().value(QStringLiteral("image")).toString();
    }
    return result;
}

QString ArgoCdLive::repository(const QString &image)
{
    const qsizetype digest = image.indexOf(u'@');
    const QString name = digest >= 0 ? image.left(digest) : image;
    const qsizetype colon = name.lastIndexOf(u':');
    // A colon before the last slash belongs to a registry port, not a tag.
    return colon > name.lastIndexOf(u'/') ? name.left(colon) : name;
}

QJsonObject ArgoCdLive::withImages(const QJsonObject &object, const QStringList &images)
{
    QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    QJsonObject templ = spec.value(QStringLiteral("template")).toObject();
    QJsonObject podSpec = templ.value(QStringLiteral("spec")).toObject();
    for (const QString &list : kContainerLists) {
        if (!podSpec.contains(list))
            continue;
        QJsonArray containers = podSpec.value(list).toArray();
        for (qsizetype i = 0; i < containers.size(); ++i) {
            QJsonObject container = containers.at(i).toObject();
            const QString current = container.value(QStringLiteral("image")).toString();
            for (const QString &image : images) {
                if (repository(image) == repository(current))
                    container.insert(QStringLiteral("image"), image);
            }
            containers.replace(i, container);
        }
        podSpec.insert(list, containers);
    }
    templ.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), templ);
    QJsonObject result = object;
    result.insert(QStringLiteral("spec"), spec);
    return result;
}

QJsonObject ArgoCdLive::desiredState(const QJsonObject &live, const QStringList &images)
{
    QJsonObject desired = isWorkload(live.value(QStringLiteral("kind")).toString())
        ? withImages(live, images)
        : live;
    desired.remove(QStringLiteral("status"));
    QJsonObject metadata = desired.value(QStringLiteral("metadata")).toObject();
    for (const char *key : {"uid", "resourceVersion", "generation", "creationTimestamp",
                            "managedFields", "ownerReferences"})
        metadata.remove(QLatin1String(key));
    desired.insert(QStringLiteral("metadata"), metadata);
    return desired;
}

QString ArgoCdLive::trackingId(const QString &app, const ArgoCdResourceRef &ref)
{
    return QStringLiteral("%1:%2/%3:%4/%5").arg(app, ref.group, ref.kind, ref.ns, ref.name);
}

QList<QJsonObject> ArgoCdLive::ownedBy(const ObjectStore &store, const QJsonObject &owner,
                                       const QString &kind)
{
    const ResourceType *type = typeOf(kind);
    const QString uid = field(owner, "metadata", "uid");
    const QString ns = field(owner, "metadata", "namespace");
    QList<QJsonObject> result;
    if (!type || uid.isEmpty())
        return result;
    for (const QJsonObject &object : store.list(*type, ns)) {
        const QJsonArray owners = object.value(QStringLiteral("metadata"))
                                      .toObject()
                                      .value(QStringLiteral("ownerReferences"))
                                      .toArray();
        for (const QJsonValue &reference : owners) {
            if (reference.toObject().value(QStringLiteral("uid")).toString() == uid) {
                result << object;
                break;
            }
        }
    }
    return result;
}

} // namespace rdsim

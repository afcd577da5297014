// SPDX-License-Identifier: GPL-3.0-or-later
// ArgoCdApps: the resource tree and the managed resources, from the live ObjectStore.
#include "argocd/argocdapp_p.h"
#include "argocd/argocdhealth.h"
#include "argocd/argocdlive.h"
#include "core/objectstore.h"

#include <QJsonDocument>

namespace rdsim {

namespace {

QJsonObject refOf(const QJsonObject &object)
{
    const QString apiVersion = object.value(QStringLiteral("apiVersion")).toString();
    const qsizetype slash = apiVersion.indexOf(u'/');
    QJsonObject ref {
        {QStringLiteral("version"), slash >= 0 ? apiVersion.mid(slash + 1) : apiVersion},
        {QStringLiteral("kind"), object.value(QStringLiteral("kind"))},
        {QStringLiteral("namespace"), ArgoCdLive::field(object, "metadata", "namespace")},
        {QStringLiteral("name"), ArgoCdLive::field(object, "metadata", "name")},
        {QStringLiteral("uid"), ArgoCdLive::field(object, "metadata", "uid")}};
    if (slash >= 0)
        ref.insert(QStringLiteral("group"), apiVersion.left(slash));
    return ref;
}

QJsonObject info(const QString &name, const QString &value)
{
    return QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
}

// The info items Argo CD's tree shows for pods and replica sets.
QJsonArray infoOf(const QJsonObject &object)
{
    const QString kind = object.value(QStringLiteral("kind")).toString();
    const QJsonObject status = object.value(QStringLiteral("status")).toObject();
    QJsonArray items;
    if (kind == QLatin1String("Pod")) {
        const QJsonArray containers = status.value(QStringLiteral("containerStatuses")).toArray();
        int ready = 0;
        int restarts = 0;
        for (const QJsonValue &c : containers) {
            ready += c.toObject().value(QStringLiteral("ready")).toBool() ? 1 : 0;
            restarts += c.toObject().value(QStringLiteral("restartCount")).toInt();
        }
        const int total = int(object.value(QStringLiteral("spec"))
                                  .toObject()
                                  .value(QStringLiteral("containers"))
                                  .toArray()
                                  .size());
        items.append(info(QStringLiteral("Status Reason"),
                          status.value(QStringLiteral("phase")).toString()));
        items.append(
            info(QStringLiteral("Containers"), QStringLiteral("%1/%2").arg(ready).arg(total)));
        if (restarts > 0)
            items.append(info(QStringLiteral("Restart Count"), QString::number(restarts)));
    } else if (kind == QLatin1String("ReplicaSet")) {
        const QJsonObject annotations = object.value(QStringLiteral("metadata"))
                                            .toObject()
                                            .value(QStringLiteral("annotations"))
                                            .toObject();
        QString revision
            = annotations.value(QStringLiteral("rollout.argoproj.io/revision")).toString();
        if (revision.isEmpty())
            revision
                = annotations.value(QStringLiteral("deployment.kubernetes.io/revision")).toString();
        if (!revision.isEmpty())
            items.append(info(QStringLiteral("Revision"), QStringLiteral("Rev:") + revision));
    }
    return items;
}

QJsonObject node(const QJsonObject &object, const QJsonObject &parent)
{
    QJsonObject result = refOf(object);
    if (!parent.isEmpty()) {
        QJsonObject parentRef = refOf(parent);
        result.insert(QStringLiteral("parentRefs"), QJsonArray {parentRef});
    }
    const QJsonArray items = infoOf(object);
    if (!items.isEmpty())
        result.insert(QStringLiteral("info"), items);
    result.insert(QStringLiteral("resourceVersion"),
                  ArgoCdLive::field(object, "metadata", "resourceVersion"));
    const QStringList images = ArgoCdLive::images(object);
    if (!images.isEmpty())
        result.insert(QStringLiteral("images"), QJsonArray::fromStringList(images));
    const QJsonObject health = ArgoCdHealth::of(object);
    if (!health.isEmpty())
        result.insert(QStringLiteral("health"), health);
    result.insert(QStringLiteral("createdAt"),
                  ArgoCdLive::field(object, "metadata", "creationTimestamp"));
    return result;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject ArgoCdApps::resourceTree(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const App *app = find(name);
    QJsonArray nodes;
    for (const ArgoCdResourceRef &ref : app ? app->spec.resources : QList<ArgoCdResourceRef>()) {
        const std::optional<QJsonObject> live = ArgoCdLive::get(m_store, ref);
        if (!live)
            continue;
        nodes.append(node(*live, {}));
        for (const QJsonObject &rs :
             ArgoCdLive::ownedBy(m_store, *live, QStringLiteral("ReplicaSet"))) {
            nodes.append(node(rs, *live));
            for (const QJsonObject &pod : ArgoCdLive::ownedBy(m_store, rs, QStringLiteral("Pod")))
                nodes.append(node(pod, rs));
        }
    }
    return QJsonObject {{QStringLiteral("nodes"), nodes}};
}

QJsonArray ArgoCdApps::managedResources(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const App *app = find(name);
    QJsonArray items;
    if (!app)
        return items;
    const QStringList images = targetImages(*app, targetRevision(*app));
    for (const ArgoCdResourceRef &ref : app->spec.resources) {
        const std::optional<QJsonObject> live = ArgoCdLive::get(m_store, ref);
        QJsonObject item {{QStringLiteral("kind"), ref.kind},
                          {QStringLiteral("namespace"), ref.ns},
                          {QStringLiteral("name"), ref.name}};
        if (!ref.group.isEmpty())
            item.insert(QStringLiteral("group"), ref.group);
        if (!live) {
            item.insert(QStringLiteral("liveState"), QStringLiteral("null"));
            item.insert(QStringLiteral("modified"), true);
            items.append(item);
            continue;
        }
        const QJsonObject target = ArgoCdLive::desiredState(*live, images);
        const QJsonObject predicted = ArgoCdLive::withImages(*live, images);
        item.insert(QStringLiteral("targetState"), compact(target));
        item.insert(QStringLiteral("liveState"), compact(*live));
        item.insert(QStringLiteral("normalizedLiveState"), compact(*live));
        item.insert(QStringLiteral("predictedLiveState"), compact(predicted));
        item.insert(QStringLiteral("resourceVersion"),
                    ArgoCdLive::field(*live, "metadata", "resourceVersion"));
        if (predicted != *live)
            item.insert(QStringLiteral("modified"), true);
        items.append(item);
    }
    return items;
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery.h"

#include "core/resourcecatalog.h"

#include <QJsonArray>

namespace rdsim {

namespace {

QJsonObject groupVersionEntry(const QString &groupVersion)
{
    const qsizetype slash = groupVersion.indexOf(u'/');
    return QJsonObject {{QStringLiteral("groupVersion"), groupVersion},
                        {QStringLiteral("version"), groupVersion.mid(slash + 1)}};
}

QJsonObject resourceEntry(const ResourceType &type)
{
    QJsonObject entry {{QStringLiteral("name"), type.plural},
                       {QStringLiteral("singularName"), type.singular},
                       {QStringLiteral("namespaced"), type.namespaced},
                       {QStringLiteral("kind"), type.kind},
                       {QStringLiteral("verbs"), QJsonArray::fromStringList(type.verbs)}};
    if (!type.shortNames.isEmpty())
        entry.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(type.shortNames));
    if (!type.categories.isEmpty())
        entry.insert(QStringLiteral("categories"), QJsonArray::fromStringList(type.categories));
    return entry;
}

} // namespace

QJsonObject Discovery::version()
{
    return QJsonObject {
        {QStringLiteral("major"), QStringLiteral("1")},
        {QStringLiteral("minor"), QStringLiteral("31")},
        {QStringLiteral("gitVersion"), QStringLiteral("v1.31.0-rd-sim")},
        {QStringLiteral("gitCommit"), QStringLiteral("9edcffcde5595e8a5b1a35f88c421764e575afce")},
        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
        {QStringLiteral("buildDate"), QStringLiteral("2024-08-13T07:28:49Z")},
        {QStringLiteral("goVersion"), QStringLiteral("go1.22.5")},
        {QStringLiteral("compiler"), QStringLiteral("gc")},
        {QStringLiteral("platform"), QStringLiteral("linux/amd64")}};
}

QJsonObject Discovery::apiVersions(const QString &serverAddress)
{
    const QJsonObject cidr {{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                            {QStringLiteral("serverAddress"), serverAddress}};
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("APIVersions")},
                        {QStringLiteral("versions"), QJsonArray {QStringLiteral("v1")}},
                        {QStringLiteral("serverAddressByClientCIDRs"), QJsonArray {cidr}}};
}

QJsonObject Discovery::apiGroupList(const QStringList &unserved)
{
    // One version per group in the catalog, so each group's only version is preferred.
    QJsonArray groups;
    for (const QString &groupVersion : ResourceCatalog::groupVersions(unserved)) {
        if (!groupVersion.contains(u'/'))
            continue;
        const QJsonObject version = groupVersionEntry(groupVersion);
        groups.append(QJsonObject {{QStringLiteral("name"), groupVersion.section(u'/', 0, 0)},
                                   {QStringLiteral("versions"), QJsonArray {version}},
                                   {QStringLiteral("preferredVersion"), version}});
    }
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("groups"), groups}};
}

std::optional<QJsonObject> Discovery::apiGroup(const QString &name, const QStringList &unserved)
{
    const QJsonArray groups = apiGroupList(unserved).value(QStringLiteral("groups")).toArray();
    for (const QJsonValue &value : groups) {
        QJsonObject group = value.toObject();
        if (group.value(QStringLiteral("name")).toString() != name)
            continue;
        group.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
        group.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
        return group;
    }
    return std::nullopt;
}

std::optional<QJsonObject> Discovery::resourceList(const QString &groupVersion,
                                                   const QStringList &unserved)
{
    QJsonArray resources;
    bool found = false;
    for (const ResourceType &type : ResourceCatalog::all()) {
        if (type.groupVersion() != groupVersion || unserved.contains(type.key()))
            continue;
        found = true;
        resources.append(resourceEntry(type));
        if (type.hasStatusSubresource) {
            resources.append(QJsonObject {
                {QStringLiteral("name"), QString(type.plural + QStringLiteral("/status"))},
                {QStringLiteral("singularName"), QString()},
                {QStringLiteral("namespaced"), type.namespaced},
                {QStringLiteral("kind"), type.kind},
                {QStringLiteral("verbs"),
                 QJsonArray {QStringLiteral("get"), QStringLiteral("patch"),
                             QStringLiteral("update")}}});
        }
    }
    if (!found)
        return std::nullopt;
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("groupVersion"), groupVersion},
                        {QStringLiteral("resources"), resources}};
}

namespace {

QString openApiKey(const QString &groupVersion)
{
    return groupVersion.contains(u'/') ? QStringLiteral("apis/") + groupVersion
                                       : QStringLiteral("api/") + groupVersion;
}

QJsonObject operation(const ResourceType &type, const char *action, const QStringList &parameters)
{
    QJsonArray list;
    for (const QString &name : parameters) {
        list.append(
            QJsonObject {{QStringLiteral("name"), name},
                         {QStringLiteral("in"), QStringLiteral("query")},
                         {QStringLiteral("schema"),
                          QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}}});
    }
    return QJsonObject {
        {QStringLiteral("operationId"), QString(QLatin1String(action) + type.kind)},
        {QStringLiteral("parameters"), list},
        {QStringLiteral("responses"),
         QJsonObject {{QStringLiteral("200"),
                       QJsonObject {{QStringLiteral("description"), QStringLiteral("OK")}}}}},
        {QStringLiteral("x-kubernetes-action"), QLatin1String(action)},
        {QStringLiteral("x-kubernetes-group-version-kind"),
         QJsonObject {{QStringLiteral("group"), type.group},
                      {QStringLiteral("version"), type.version},
                      {QStringLiteral("kind"), type.kind}}}};
}

} // namespace

QJsonObject Discovery::openApiV3Root(const QStringList &unserved)
{
    QJsonObject paths;
    for (const QString &groupVersion : ResourceCatalog::groupVersions(unserved)) {
        const QString key = openApiKey(groupVersion);
        paths.insert(key,
                     QJsonObject {{QStringLiteral("serverRelativeURL"),
                                   QString(QStringLiteral("/openapi/v3/") + key)}});
    }
    return QJsonObject {{QStringLiteral("paths"), paths}};
}

std::optional<QJsonObject> Discovery::openApiV3(const QString &groupVersion,
                                                const QStringList &unserved)
{
    const QStringList writeParameters {QStringLiteral("dryRun"), QStringLiteral("fieldManager"),
                                       QStringLiteral("fieldValidation")};
    QJsonObject paths;
    bool found = false;
    for (const ResourceType &type : ResourceCatalog::all()) {
        if (type.groupVersion() != groupVersion || unserved.contains(type.key()))
            continue;
        found = true;
        const QString collection = type.apiPrefix()
            + (type.namespaced ? QStringLiteral("/namespaces/{namespace}/") : QStringLiteral("/"))
            + type.plural;
        paths.insert(
            collection,
            QJsonObject {{QStringLiteral("post"), operation(type, "post", writeParameters)}});
        if (type.isReview)
            continue;
        paths.insert(
            collection + QStringLiteral("/{name}"),
            QJsonObject {
                {QStringLiteral("patch"),
                 operation(type, "patch", writeParameters + QStringList {QStringLiteral("force")})},
                {QStringLiteral("put"), operation(type, "put", writeParameters)}});
    }
    if (!found)
        return std::nullopt;
    return QJsonObject {
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"),
         QJsonObject {{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                      {QStringLiteral("version"), QStringLiteral("v1.31.0")}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject {{QStringLiteral("schemas"), QJsonObject()}}}};
}

} // namespace rdsim

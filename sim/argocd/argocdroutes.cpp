// SPDX-License-Identifier: GPL-3.0-or-later
// ArgoCdServer: the routes of Argo CD's grpc-gateway and their handlers.
#include "api/selectors.h"
#include "argocd/argocdfields.h"
#include "argocd/argocdlive.h"
#include "argocd/argocdserver_p.h"

namespace rdsim {

namespace { } // namespace

void ArgoCdServer::route(Request &call)
{
    const QString method = QString::fromStdString(call.http.method);
    const QStringList parts = call.path.split(u'/', Qt::SkipEmptyParts);
    const bool get = method == QLatin1String("GET");
    if (call.path == QLatin1String("/api/version") && get) {
        // Only a logged-in caller learns more than the version.
        QJsonObject body {{QStringLiteral("Version"), ArgoCdServer::version()}};
        if (call.caller.account) {
            body.insert(QStringLiteral("GitCommit"),
                        QStringLiteral("37ee0097cf851bc2dd7665fc081bbce61a7e836e"));
            body.insert(QStringLiteral("GitTreeState"), QStringLiteral("clean"));
            body.insert(QStringLiteral("Platform"), QStringLiteral("linux/amd64"));
        }
        return call.reply(body);
    }
    if (call.path == QLatin1String("/api/v1/session/userinfo") && get) {
        QJsonObject info;
        if (const ArgoCdAccount *account = call.caller.account) {
            info = QJsonObject {{QStringLiteral("loggedIn"), true},
                                {QStringLiteral("username"), account->name},
                                {QStringLiteral("iss"), QStringLiteral("argocd")}};
            if (!account->groups.isEmpty())
                info.insert(QStringLiteral("groups"), QJsonArray::fromStringList(account->groups));
        }
        return call.reply(info);
    }
    if (parts.value(0) != QLatin1String("api"))
        return call.fail(GrpcError::make(GrpcError::NotFound, QStringLiteral("Not Found")));
    if (parts.value(2) == QLatin1String("stream") && parts.size() == 4
        && parts.at(3) == QLatin1String("applications") && get)
        return stream(call);
    if (!call.caller.account)
        return call.fail(call.caller.error);
    if (parts.size() >= 6 && parts.at(2) == QLatin1String("account")
        && parts.at(3) == QLatin1String("can-i") && get)
        return canI(call, parts.mid(4));
    if (parts.value(2) != QLatin1String("applications"))
        return call.fail(GrpcError::make(GrpcError::NotFound, QStringLiteral("Not Found")));
    const QString name = parts.value(3);
    const QString tail = parts.mid(4).join(u'/');
    if (parts.size() == 3 && get)
        return listApplications(call);
    if (parts.size() == 4 && get)
        return getApplication(call, name);
    if (tail == QLatin1String("sync") && method == QLatin1String("POST"))
        return sync(call, name);
    if (tail == QLatin1String("rollback") && method == QLatin1String("POST"))
        return rollback(call, name);
    if (tail == QLatin1String("operation") && method == QLatin1String("DELETE"))
        return terminate(call, name);
    if (parts.size() == 7 && parts.at(4) == QLatin1String("revisions")
        && parts.at(6) == QLatin1String("metadata") && get)
        return revisionMetadata(call, name, parts.at(5));
    if ((tail == QLatin1String("resource-tree") || tail == QLatin1String("managed-resources"))
        && get) {
        const GrpcError error = authorize(call, name, QStringLiteral("get"));
        if (error.isError())
            return call.fail(error);
        if (tail == QLatin1String("resource-tree"))
            return call.reply(d->apps.resourceTree(name));
        return call.reply(QJsonObject {{QStringLiteral("items"), d->apps.managedResources(name)}});
    }
    call.fail(GrpcError::make(GrpcError::NotFound, QStringLiteral("Not Found")));
}

GrpcError ArgoCdServer::authorize(const Request &call, const QString &name,
                                  const QString &action) const
{
    const ArgoCdAccount &account = *call.caller.account;
    const QStringList projects = call.projects();
    if (projects.size() > 1)
        return GrpcError::make(GrpcError::InvalidArgument,
                               QStringLiteral("multiple projects specified - the get endpoint "
                                              "accepts either zero or one project"));
    const QString given = projects.value(0);
    const QString appNamespace = call.param("appNamespace");
    if (!given.isEmpty()
        && !ArgoCdAccess::allows(account, QStringLiteral("applications"), action,
                                 given + u'/' + name))
        return GrpcError::permissionDenied();
    const QString project = appNamespace.isEmpty() || appNamespace == kControllerNamespace
        ? d->apps.project(name)
        : QString();
    if (project.isEmpty())
        return given.isEmpty() ? GrpcError::permissionDenied() : GrpcError::appNotFound(name);
    // Without a project, lack of access and absence look the same: permission denied.
    if (!ArgoCdAccess::allows(account, QStringLiteral("applications"), action,
                              project + u'/' + name))
        return given.isEmpty() ? GrpcError::permissionDenied() : GrpcError::appNotFound(name);
    if (!given.isEmpty() && given != project)
        return GrpcError::appNotFound(name);
    return {};
}

bool ArgoCdServer::selected(const AppFilter &filter, const QJsonObject &app)
{
    const QString name = ArgoCdLive::field(app, "metadata", "name");
    const QJsonObject spec = app.value(QStringLiteral("spec")).toObject();
    const QString project = spec.value(QStringLiteral("project")).toString();
    if (!filter.projects.isEmpty() && !filter.projects.contains(project))
        return false;
    if (filter.byName && filter.name != name)
        return false;
    if (!filter.repo.isEmpty() && ArgoCdLive::field(spec, "source", "repoURL") != filter.repo)
        return false;
    if (!filter.appNamespace.isEmpty() && filter.appNamespace != kControllerNamespace)
        return false;
    QString error;
    const std::optional<LabelSelector> selector = LabelSelector::parse(filter.selector, &error);
    if (!selector || !selector->matchesObject(app))
        return false;
    // Apps the caller may not get are left out without a word.
    return ArgoCdAccess::allows(*filter.account, QStringLiteral("applications"),
                                QStringLiteral("get"), project + u'/' + name);
}

void ArgoCdServer::listApplications(Request &call)
{
    QString error;
    if (!LabelSelector::parse(call.param("selector"), &error))
        return call.fail(GrpcError::make(GrpcError::Unknown,
                                         QStringLiteral("error parsing the selector: ") + error));
    const FieldSelection selection = FieldSelection::parse(call.param("fields"));
    const qint64 resourceVersion = d->apps.resourceVersion();
    QJsonArray items;
    const AppFilter filter = call.filter();
    for (const QJsonObject &app : d->apps.list()) {
        if (selected(filter, app))
            items.append(selection.isEmpty() ? app : ArgoCdFields::listItem(app, selection));
    }
    call.reply(QJsonObject {
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("resourceVersion"), QString::number(resourceVersion)}}},
        {QStringLiteral("items"), items}});
}

void ArgoCdServer::getApplication(Request &call, const QString &name)
{
    const GrpcError error = authorize(call, name, QStringLiteral("get"));
    if (error.isError())
        return call.fail(error);
    const QString refresh = call.param("refresh");
    if (refresh == QLatin1String("normal") || refresh == QLatin1String("hard"))
        d->apps.refresh(name);
    call.reply(d->apps.get(name).value_or(QJsonObject()));
}

} // namespace rdsim

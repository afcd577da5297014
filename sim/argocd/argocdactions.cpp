// SPDX-License-Identifier: GPL-3.0-or-later
// ArgoCdServer: the calls that change applications, and the account and revision queries.
#include "argocd/argocdserver_p.h"

#include <QRegularExpression>

namespace rdsim {

namespace {

// The body fields of ApplicationSyncRequest / ApplicationRollbackRequest the simulator reads.
SyncRequest syncRequestOf(const QJsonObject &body, const QString &username)
{
    SyncRequest request;
    request.revision = body.value(QStringLiteral("revision")).toString();
    request.prune = body.value(QStringLiteral("prune")).toBool();
    request.dryRun = body.value(QStringLiteral("dryRun")).toBool();
    request.strategy = body.value(QStringLiteral("strategy")).toObject();
    request.resources = body.value(QStringLiteral("resources")).toArray();
    request.syncOptions = body.value(QStringLiteral("syncOptions"))
                              .toObject()
                              .value(QStringLiteral("items"))
                              .toArray();
    request.username = username;
    return request;
}

} // namespace

void ArgoCdServer::sync(Request &call, const QString &name)
{
    // Sync reads the application with `get` first, then checks `sync` with a detailed error.
    GrpcError error = authorize(call, name, QStringLiteral("get"));
    if (error.isError())
        return call.fail(error);
    const ArgoCdAccount &account = *call.caller.account;
    const QString object = d->apps.project(name) + u'/' + name;
    if (!ArgoCdAccess::allows(account, QStringLiteral("applications"), QStringLiteral("sync"),
                              object))
        return call.fail(d->access.denied(account, QStringLiteral("applications"),
                                          QStringLiteral("sync"), object));
    const QJsonObject body
        = QJsonDocument::fromJson(QByteArray::fromStdString(call.http.body)).object();
    error = d->apps.sync(name, syncRequestOf(body, account.name));
    if (error.isError())
        return call.fail(error);
    call.reply(d->apps.get(name).value_or(QJsonObject()));
}

void ArgoCdServer::rollback(Request &call, const QString &name)
{
    // Rollback checks `sync` (`rollback` only with server.rbac.rollback.enforce.enable).
    GrpcError error = authorize(call, name, QStringLiteral("sync"));
    if (error.isError())
        return call.fail(error);
    const QJsonObject body
        = QJsonDocument::fromJson(QByteArray::fromStdString(call.http.body)).object();
    // int64 fields arrive as JSON strings or numbers from grpc-gateway clients.
    const QJsonValue idValue = body.value(QStringLiteral("id"));
    const qint64 id = idValue.isString() ? idValue.toString().toLongLong() : idValue.toInteger();
    error = d->apps.rollback(name, id, syncRequestOf(body, call.caller.account->name));
    if (error.isError())
        return call.fail(error);
    call.reply(d->apps.get(name).value_or(QJsonObject()));
}

void ArgoCdServer::terminate(Request &call, const QString &name)
{
    GrpcError error = authorize(call, name, QStringLiteral("sync"));
    if (!error.isError())
        error = d->apps.terminate(name);
    if (error.isError())
        return call.fail(error);
    call.reply(QJsonObject()); // OperationTerminateResponse has no fields
}

void ArgoCdServer::revisionMetadata(Request &call, const QString &name, const QString &revision)
{
    const GrpcError error = authorize(call, name, QStringLiteral("get"));
    if (error.isError())
        return call.fail(error);
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{40}$"));
    const std::optional<ArgoCdCommit> commit = d->apps.commit(name, revision);
    if (!commit) {
        // The repo server wants a resolved SHA, and cannot check out one it does not have.
        const QString message = sha.match(revision).hasMatch()
            ? QStringLiteral("Failed to checkout revision %1: fatal: reference is not a tree: %1")
                  .arg(revision)
            : QStringLiteral("revision %1 must be resolved").arg(revision);
        return call.fail(GrpcError::make(
            sha.match(revision).hasMatch() ? GrpcError::Internal : GrpcError::Unknown, message));
    }
    QJsonObject metadata {{QStringLiteral("date"), commit->date}};
    if (!commit->author.isEmpty())
        metadata.insert(QStringLiteral("author"), commit->author);
    if (!commit->tags.isEmpty())
        metadata.insert(QStringLiteral("tags"), QJsonArray::fromStringList(commit->tags));
    if (!commit->message.isEmpty())
        metadata.insert(QStringLiteral("message"), commit->message);
    call.reply(metadata);
}

void ArgoCdServer::canI(Request &call, const QStringList &parts)
{
    const QString resource = parts.at(0);
    const QString action = parts.at(1);
    // {subresource=**}: the rest of the path, slashes included ("shop/checkout-dev").
    const QString subresource = parts.mid(2).join(u'/');
    static const QStringList actions {
        QStringLiteral("get"),      QStringLiteral("create"), QStringLiteral("update"),
        QStringLiteral("delete"),   QStringLiteral("sync"),   QStringLiteral("rollback"),
        QStringLiteral("override"), QStringLiteral("action"), QStringLiteral("invoke")};
    static const QStringList resources {
        QStringLiteral("clusters"),     QStringLiteral("projects"),
        QStringLiteral("applications"), QStringLiteral("applicationsets"),
        QStringLiteral("repositories"), QStringLiteral("write-repositories"),
        QStringLiteral("certificates"), QStringLiteral("accounts"),
        QStringLiteral("gpgkeys"),      QStringLiteral("logs"),
        QStringLiteral("exec"),         QStringLiteral("extensions")};
    const auto notIn = [](const QStringList &list, const QString &value) {
        return GrpcError::make(
            GrpcError::InvalidArgument,
            QStringLiteral("[%1] does not contain %2").arg(list.join(u' '), value));
    };
    if (!actions.contains(action))
        return call.fail(notIn(actions, action));
    if (!resources.contains(resource))
        return call.fail(notIn(resources, resource));
    const QString checked = action == QLatin1String("rollback") ? QStringLiteral("sync") : action;
    const bool yes = ArgoCdAccess::allows(*call.caller.account, resource, checked, subresource);
    call.reply(QJsonObject {
        {QStringLiteral("value"), yes ? QStringLiteral("yes") : QStringLiteral("no")}});
}

} // namespace rdsim

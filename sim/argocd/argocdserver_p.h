// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocd/argocdapps.h"
#include "argocd/argocdserver.h"

#include <QJsonDocument>

#include <httplib.h>

#include <thread>

namespace rdsim {

struct ArgoCdServer::Private
{
    Private(ArgoCdApps &a, const ArgoCdConfig &c, const QString &issuedAt) :
        apps(a), config(c), access(c.accounts, issuedAt)
    { }

    ArgoCdApps &apps;
    ArgoCdConfig config;
    ArgoCdAccess access;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    QString host;
    int port = 0;
    QString tlsError;
    std::atomic<bool> stopping {false};
    std::atomic<int> dropGeneration {0};
    std::atomic<int> openStreams {0};
};

// Which applications a list or watch asks for (ApplicationQuery), kept beyond the call.
struct AppFilter
{
    QStringList projects;
    bool byName = false;
    QString name;
    QString repo;
    QString appNamespace;
    QString selector;
    const ArgoCdAccount *account = nullptr;
};

// One call as the handlers see it.
struct ArgoCdServer::Request
{
    const httplib::Request &http;
    httplib::Response &response;
    QString path;
    bool viaProxy = false;
    ArgoCdAccess::Caller caller;

    QString param(const char *name) const
    {
        return QString::fromStdString(http.get_param_value(name));
    }
    QStringList params(const char *name) const
    {
        QStringList values;
        for (size_t i = 0; i < http.get_param_value_count(name); ++i)
            values << QString::fromStdString(http.get_param_value(name, i));
        return values;
    }
    // `projects` with the legacy `project` as fallback (getProjectsFromApplicationQuery).
    QStringList projects() const
    {
        const QStringList list = params("projects");
        return list.isEmpty() ? params("project") : list;
    }

    AppFilter filter() const
    {
        return AppFilter {projects(),    http.has_param("name"), param("name"),
                          param("repo"), param("appNamespace"),  param("selector"),
                          caller.account};
    }

    void reply(const QByteArray &body, int status = 200) const
    {
        response.status = status;
        response.set_header("Grpc-Metadata-Content-Type", "application/grpc");
        response.set_content(body.toStdString(), "application/json");
    }
    void reply(const QJsonObject &body) const
    {
        reply(QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    void fail(const GrpcError &error) const { reply(error.body(), error.httpStatus()); }
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/serviceproxy.h"
#include "argocd/argocdaccess.h"
#include "argocd/grpcerror.h"
#include "security/certificateauthority.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <memory>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace rdsim {

class ArgoCdApps;
struct AppFilter;

// Argo CD 3.6's REST API (the grpc-gateway routes of server/application, account, session
// and version) over ArgoCdApps. Reached through the cluster's Kubernetes service proxy
// (argocd-server in the configured namespace; the token comes from the argocd.token
// cookie) and, when the scenario gives a port, on its own HTTPS listener at the root
// (Authorization: Bearer or the cookie).
class ArgoCdServer : public ProxiedService
{
public:
    ArgoCdServer(ArgoCdApps &apps, const ArgoCdConfig &config, const QString &issuedAt);
    ~ArgoCdServer() override;

    bool matches(const QString &ns, const QString &segment) const override;
    void serveProxied(const httplib::Request &request, httplib::Response &response,
                      const QString &apiPath) override;

    bool listen(const QString &host, int port, const PemKeyPair &certificate,
                const QByteArray &caPem, QString *error);
    QString url() const; // empty when not listening on its own
    void stop();
    // Ends every open application stream at once (a fault hook: clients must reconnect).
    void dropStreams();
    int openStreams() const;

    static QString version() { return QStringLiteral("v3.6.0+37ee009"); }
    // Whether a list or watch shows `app` (its filters, and `get` permission).
    static bool selected(const AppFilter &filter, const QJsonObject &app);

private:
    struct Request;
    void serve(const httplib::Request &request, httplib::Response &response, QString apiPath,
               bool viaProxy);
    void route(Request &call);
    void listApplications(Request &call);
    void getApplication(Request &call, const QString &name);
    void sync(Request &call, const QString &name);
    void rollback(Request &call, const QString &name);
    void terminate(Request &call, const QString &name);
    void revisionMetadata(Request &call, const QString &name, const QString &revision);
    void canI(Request &call, const QStringList &parts);
    void stream(Request &call);
    // getApplicationEnforceRBACInformer's checks, in its order and with its errors.
    GrpcError authorize(const Request &call, const QString &name, const QString &action) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/argocdserver.h"

#include "api/httpserversetup.h"
#include "api/tlssetup.h"
#include "argocd/argocdserver_p.h"

#include <csignal>

namespace rdsim {

ArgoCdServer::ArgoCdServer(ArgoCdApps &apps, const ArgoCdConfig &config, const QString &issuedAt) :
    d(std::make_unique<Private>(apps, config, issuedAt))
{ }

ArgoCdServer::~ArgoCdServer()
{
    stop();
}

// Kubernetes' proxy syntax [scheme:]name[:port]; argocd-server serves its API on both of its
// ports (80 "http" and 443 "https").
bool ArgoCdServer::matches(const QString &ns, const QString &segment) const
{
    const QStringList parts = segment.split(u':');
    if (parts.size() > 3 || ns != d->config.ns)
        return false;
    const QString scheme = parts.size() == 3 ? parts.at(0) : QString();
    const QString name = parts.size() == 3 ? parts.at(1) : parts.at(0);
    const QString port = parts.size() == 3 ? parts.at(2) : parts.value(1);
    static const QStringList ports {QString(), QStringLiteral("80"), QStringLiteral("443"),
                                    QStringLiteral("http"), QStringLiteral("https")};
    return name == QLatin1String("argocd-server")
        && (scheme.isEmpty() || scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && ports.contains(port);
}

void ArgoCdServer::serveProxied(const httplib::Request &request, httplib::Response &response,
                                const QString &apiPath)
{
    serve(request, response, apiPath, true);
}

void ArgoCdServer::serve(const httplib::Request &request, httplib::Response &response,
                         QString apiPath, bool viaProxy)
{
    while (apiPath.size() > 1 && apiPath.endsWith(u'/'))
        apiPath.chop(1);
    if (apiPath.isEmpty())
        apiPath = QStringLiteral("/");
    Request call {request, response, apiPath, viaProxy, d->access.authenticate(request, viaProxy)};
    route(call);
}

bool ArgoCdServer::listen(const QString &host, int port, const PemKeyPair &certificate,
                          const QByteArray &caPem, QString *error)
{
    std::signal(SIGPIPE, SIG_IGN);
    d->stopping = false;
    d->server = std::make_unique<httplib::SSLServer>([this, certificate](SSL_CTX &context) {
        // No client certificates: Argo CD authenticates with its own tokens.
        return TlsSetup::configure(context, certificate, QByteArray(), &d->tlsError);
    });
    Q_UNUSED(caPem)
    if (!d->server->is_valid()) {
        *error = QStringLiteral("TLS setup failed: %1").arg(d->tlsError);
        d->server.reset();
        return false;
    }
    HttpServerSetup::configure(
        *d->server, [this](const httplib::Request &request, httplib::Response &response) {
            serve(request, response, QString::fromStdString(request.path), false);
        });
    const std::string hostName = host.toStdString();
    const int bound = port == 0 ? d->server->bind_to_any_port(hostName)
                                : (d->server->bind_to_port(hostName, port) ? port : -1);
    if (bound < 0) {
        *error = QStringLiteral("Argo CD cannot listen on %1:%2").arg(host).arg(port);
        d->server.reset();
        return false;
    }
    d->host = host;
    d->port = bound;
    d->thread = HttpServerSetup::serveInBackground(*d->server);
    return true;
}

QString ArgoCdServer::url() const
{
    if (!d->server)
        return {};
    return QStringLiteral("https://%1:%2").arg(d->host).arg(d->port);
}

void ArgoCdServer::stop()
{
    d->stopping = true;
    if (!d->server)
        return;
    d->server->stop();
    if (d->thread.joinable())
        d->thread.join();
    d->server.reset();
}

void ArgoCdServer::dropStreams()
{
    ++d->dropGeneration;
}

int ArgoCdServer::openStreams() const
{
    return d->openStreams.load();
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiserver.h"

// GCC 12 at -O2 reports std::optional<FaultRule>'s engaged payload as "maybe uninitialized"
// (a known false positive of its optional tracking); the checks below always test has_value.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "api/apistatus.h"
#include "api/authenticator.h"
#include "api/discovery.h"
#include "api/faultinjector.h"
#include "api/httpreply.h"
#include "api/httpserversetup.h"
#include "api/prometheusapi.h"
#include "api/requestoptions.h"
#include "api/resourcehandler.h"
#include "api/serviceproxy.h"
#include "api/tlssetup.h"
#include "core/apierror.h"
#include "core/objectstore.h"
#include "core/virtualclock.h"
#include "metrics/syntheticmetrics.h"

#include <QHash>
#include <QUuid>

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace rdsim {

namespace {

bool isHealthPath(const QString &path)
{
    for (const char *prefix : {"/healthz", "/livez", "/readyz"}) {
        const QLatin1String base(prefix);
        if (path == base || path.startsWith(base + u'/'))
            return true;
    }
    return false;
}

} // namespace

struct ApiServer::Private
{
    Context context;
    PemKeyPair certificate;
    QByteArray clientCaPem;
    std::unique_ptr<httplib::SSLServer> server;
    std::unique_ptr<ResourceHandler> resources;
    std::unique_ptr<PrometheusApi> prometheus;
    std::thread thread;
    QString host;
    int port = 0;
    QString tlsError;
    ServerSettings settings;
    std::atomic<bool> recording {false};
    std::mutex mutex; // guards recorded and connections
    QList<RecordedRequest> recorded;
    QHash<int, int> connections; // socket -> peer port, to close idle keep-alives at stop()

    void handle(const httplib::Request &request, httplib::Response &response);
    void route(const httplib::Request &request, httplib::Response &response, const UserInfo &user,
               const std::optional<FaultRule> &fault);
    void record(const httplib::Request &request, const httplib::Response &response,
                const QString &user);
    void closeConnections();
    // The resource a path names, unless this cluster does not serve its kind: such a path
    // then falls through to discovery's 404, as an uninstalled CRD's would.
    std::optional<ResourcePath> servedTarget(const QString &path) const
    {
        auto target = ResourcePath::parse(path);
        if (target && context.unservedKinds.contains(target->type->key()))
            target.reset();
        return target;
    }
};

void ApiServer::Private::handle(const httplib::Request &request, httplib::Response &response)
{
    const int socket = HttpReply::socketOf(request);
    if (socket >= 0) {
        std::lock_guard lock(mutex);
        connections.insert(socket, request.remote_port);
    }
    response.set_header("Audit-Id",
                        QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    response.set_header("Cache-Control", "no-cache, private");

    const QString method = QString::fromStdString(request.method);
    const QString path = QString::fromStdString(request.path);
    const auto target = servedTarget(path);
    const bool collectionGet = target && target->isCollection() && method == QStringLiteral("GET");
    const bool isWatch = collectionGet
        && ListOptions::isTrue(QString::fromStdString(request.get_param_value("watch")));
    std::optional<FaultRule> fault = context.faults
        ? context.faults->match(method, path, isWatch, collectionGet && !isWatch)
        : std::nullopt;
    if (fault && fault->kind == FaultRule::Kind::Delay) {
        // In slices, so stop() does not wait for a long injected delay.
        const auto until
            = std::chrono::steady_clock::now() + std::chrono::milliseconds(fault->delayMs);
        while (!settings.stopping && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        fault.reset();
    }
    if (fault && fault->kind == FaultRule::Kind::Status) {
        const ApiError error = ApiStatus::fromFault(*fault);
        if (fault->retryAfterSeconds >= 0)
            response.set_header("Retry-After", std::to_string(fault->retryAfterSeconds));
        HttpReply::error(response, error);
        return record(request, response, {});
    }
    if (fault && fault->kind == FaultRule::Kind::Drop && !isWatch) {
        HttpReply::drop(request);
        response.status = 0;
        return record(request, response, {});
    }

    const auto user = Authenticator::authenticate(request, context.access);
    if (!user) {
        HttpReply::error(response, ApiError::unauthorized());
        return record(request, response, {});
    }
    route(request, response, *user, fault);
    if (fault && !isWatch && fault->kind == FaultRule::Kind::Truncate)
        HttpReply::truncate(response);
    if (fault && !isWatch && fault->kind == FaultRule::Kind::Malformed)
        HttpReply::malformed(response);
    record(request, response, user->name);
}

void ApiServer::Private::route(const httplib::Request &request, httplib::Response &response,
                               const UserInfo &user, const std::optional<FaultRule> &fault)
{
    QString path = QString::fromStdString(request.path);
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    const bool get = request.method == "GET";

    // Public endpoints, as the system:public-info-viewer role grants them to everyone.
    if (path == QStringLiteral("/version") && get)
        return HttpReply::json(response, 200, Discovery::version());
    if (isHealthPath(path) && get)
        return HttpReply::text(response, 200, "ok", "text/plain; charset=utf-8");
    if (path == QStringLiteral("/metrics") && get) {
        if (!context.metrics || !context.store || !context.clock)
            return HttpReply::error(response, ApiStatus::pathNotFound());
        return HttpReply::text(response, 200,
                               context.metrics->exposition(*context.store, context.clock->nowMs()),
                               "text/plain; version=0.0.4");
    }

    const PrometheusApi::Target prometheusTarget = PrometheusApi::match(path);
    if (prometheusTarget.access == PrometheusApi::Access::ServiceProxy) {
        for (ProxiedService *service : std::as_const(context.proxiedServices)) {
            if (!service->matches(prometheusTarget.ns, prometheusTarget.service))
                continue;
            if (ServiceProxy::authorize(request, response, user, context.access,
                                        prometheusTarget.ns, prometheusTarget.service))
                service->serveProxied(request, response, prometheusTarget.apiPath);
            return;
        }
    }
    if (prometheusTarget.access != PrometheusApi::Access::None)
        return prometheus->handle(request, response, user, prometheusTarget);

    const auto target = servedTarget(path);
    if (target && user.isAnonymous()) {
        const bool watch
            = ListOptions::isTrue(QString::fromStdString(request.get_param_value("watch")));
        const QString verb
            = ResourceHandler::verbOf(QString::fromStdString(request.method), *target, watch);
        return HttpReply::error(response,
                                ApiError::forbidden(user.name, verb, *target->type,
                                                    target->subresource, target->ns, target->name));
    }
    if (target) {
        ApiCall call {request, response, user, *target, fault};
        return resources->handle(call);
    }
    // Discovery and other non-resource paths: the system:discovery role of authenticated users.
    const QString verb = QString::fromStdString(request.method).toLower();
    if (!context.access || !context.access->isNonResourceAllowed(user, verb, path))
        return HttpReply::error(response, ApiStatus::forbiddenPath(user.name, verb, path));
    if (!get)
        return HttpReply::error(response, ApiStatus::pathNotFound());
    if (path == QStringLiteral("/api"))
        return HttpReply::json(response, 200,
                               Discovery::apiVersions(QStringLiteral("%1:%2").arg(host).arg(port)));
    if (path == QStringLiteral("/apis"))
        return HttpReply::json(response, 200, Discovery::apiGroupList(context.unservedKinds));
    const QStringList &unserved = context.unservedKinds;
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    std::optional<QJsonObject> document;
    if (segments.size() == 2 && segments.at(0) == QStringLiteral("api"))
        document = Discovery::resourceList(segments.at(1), unserved);
    else if (segments.size() == 3 && segments.at(0) == QStringLiteral("apis"))
        document = Discovery::resourceList(segments.at(1) + u'/' + segments.at(2), unserved);
    else if (segments.size() == 2 && segments.at(0) == QStringLiteral("apis"))
        document = Discovery::apiGroup(segments.at(1), unserved);
    else if (path == QStringLiteral("/openapi/v3"))
        document = Discovery::openApiV3Root(unserved);
    else if (path.startsWith(QStringLiteral("/openapi/v3/api/")) && segments.size() == 4)
        document = Discovery::openApiV3(segments.at(3), unserved);
    else if (path.startsWith(QStringLiteral("/openapi/v3/apis/")) && segments.size() == 5)
        document = Discovery::openApiV3(segments.at(3) + u'/' + segments.at(4), unserved);
    if (document)
        return HttpReply::json(response, 200, *document);
    HttpReply::error(response, ApiStatus::pathNotFound());
}

void ApiServer::Private::record(const httplib::Request &request, const httplib::Response &response,
                                const QString &user)
{
    if (!recording.load())
        return;
    RecordedRequest entry;
    entry.method = QString::fromStdString(request.method);
    entry.path = QString::fromStdString(request.path);
    const std::string::size_type question = request.target.find('?');
    if (question != std::string::npos)
        entry.query = QString::fromStdString(request.target.substr(question + 1));
    entry.contentType = QString::fromStdString(request.get_header_value("Content-Type"));
    entry.accept = QString::fromStdString(request.get_header_value("Accept"));
    entry.body = QByteArray::fromStdString(request.body);
    entry.user = user;
    entry.status = response.status < 0 ? 200 : response.status;
    std::lock_guard lock(mutex);
    recorded.append(entry);
}

// Idle keep-alive connections would hold their worker (and so stop()) for the keep-alive
// timeout. A socket is shut down only while it is still a connection to this server's port
// from the same peer port, so a descriptor reused elsewhere is never touched.
void ApiServer::Private::closeConnections()
{
    std::lock_guard lock(mutex);
    for (auto it = connections.cbegin(); it != connections.cend(); ++it) {
        sockaddr_storage local {};
        sockaddr_storage peer {};
        socklen_t localSize = sizeof(local);
        socklen_t peerSize = sizeof(peer);
        if (::getsockname(it.key(), reinterpret_cast<sockaddr *>(&local), &localSize) != 0
            || ::getpeername(it.key(), reinterpret_cast<sockaddr *>(&peer), &peerSize) != 0)
            continue;
        const auto portOf = [](const sockaddr_storage &address) {
            if (address.ss_family == AF_INET)
                return ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port);
            if (address.ss_family == AF_INET6)
                return ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port);
            return static_cast<uint16_t>(0);
        };
        if (portOf(local) == port && portOf(peer) == it.value())
            ::shutdown(it.key(), SHUT_RDWR);
    }
    connections.clear();
}

ApiServer::ApiServer(const Context &context, const PemKeyPair &serverCertificate,
                     const QByteArray &clientCaPem) :
    d(std::make_unique<Private>())
{
    d->context = context;
    d->certificate = serverCertificate;
    d->clientCaPem = clientCaPem;
    d->resources = std::make_unique<ResourceHandler>(d->context, &d->settings);
    d->prometheus = std::make_unique<PrometheusApi>(d->context);
}

ApiServer::~ApiServer()
{
    stop();
}

bool ApiServer::listen(const QString &host, int port, QString *error)
{
    const auto failWith = [&](const QString &message) {
        if (error)
            *error = message;
        d->server.reset();
        return false;
    };
    if (d->server)
        return failWith(QStringLiteral("the API server is already listening"));
    if (!d->context.store)
        return failWith(QStringLiteral("the API server has no object store"));
    // A client that hangs up mid-response must not kill the process: OpenSSL writes with
    // write(2), which raises SIGPIPE on a closed socket.
    std::signal(SIGPIPE, SIG_IGN);

    d->settings.stopping = false;
    d->tlsError.clear();
    d->server = std::make_unique<httplib::SSLServer>([this](SSL_CTX &context) {
        return TlsSetup::configure(context, d->certificate, d->clientCaPem, &d->tlsError);
    });
    if (!d->server->is_valid())
        return failWith(QStringLiteral("TLS setup failed: %1").arg(d->tlsError));
    const auto listening = HttpServerSetup::configure(
        *d->server, [this](const httplib::Request &request, httplib::Response &response) {
            d->handle(request, response);
        });

    const std::string hostName = host.toStdString();
    if (port == 0) {
        port = d->server->bind_to_any_port(hostName);
        if (port < 0)
            return failWith(QStringLiteral("cannot listen on %1: no free port").arg(host));
    } else if (!d->server->bind_to_port(hostName, port)) {
        return failWith(QStringLiteral("cannot listen on %1:%2: the port is taken or not allowed")
                            .arg(host)
                            .arg(port));
    }
    // httplib's accept queue of 5 (built into Debian's library) dropped an environment's
    // 7th and 8th simultaneous connection, resent by TCP a second later. Widen it to a real
    // API server's (tst_apiserverlisten).
    if (*listening != INVALID_SOCKET)
        ::listen(*listening, SOMAXCONN);
    d->host = host;
    d->port = port;
    d->thread = HttpServerSetup::serveInBackground(*d->server);
    return true;
}

int ApiServer::port() const
{
    return d->port;
}

QString ApiServer::url() const
{
    QString host = d->host;
    if (host == QStringLiteral("0.0.0.0") || host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    else if (host.contains(u':'))
        host = u'[' + host + u']';
    return QStringLiteral("https://%1:%2").arg(host).arg(d->port);
}

void ApiServer::stop()
{
    if (!d->server)
        return;
    d->settings.stopping = true;
    d->server->stop();
    d->closeConnections();
    if (d->thread.joinable())
        d->thread.join();
    d->server.reset();
}

void ApiServer::setBookmarkIntervalMs(int ms)
{
    d->settings.bookmarkIntervalMs = ms;
}

void ApiServer::setRecording(bool on)
{
    d->recording = on;
}

QList<RecordedRequest> ApiServer::takeRecordedRequests()
{
    std::lock_guard lock(d->mutex);
    return std::exchange(d->recorded, {});
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserversetup.h"

#include "api/apistatus.h"
#include "api/httpreply.h"
#include "core/apierror.h"

#include <QUuid>

#include <sys/socket.h>

#include <atomic>
#include <chrono>

namespace rdsim {

namespace {

// Watches hold a worker each for their whole life, so the pool is far larger than the cores.
constexpr int kWorkerThreads = 64;

} // namespace

std::shared_ptr<socket_t> HttpServerSetup::configure(httplib::SSLServer &server,
                                                     const httplib::Server::Handler &handler)
{
    server.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
    // Clients such as informers send many requests; spare them a TLS handshake every five.
    server.set_keep_alive_max_count(1000);
    // httplib's default also sets SO_REUSEPORT, which would let a second simulator share a
    // port that is already taken instead of failing.
    auto listening = std::make_shared<socket_t>(INVALID_SOCKET);
    server.set_socket_options([listening](socket_t socket) {
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        *listening = socket; // the last one offered is the one bound
    });
    routeEverything(server, handler);
    answerWithStatus(server);
    return listening;
}

std::thread HttpServerSetup::serveInBackground(httplib::SSLServer &server)
{
    auto finished = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([&server, finished] {
        server.listen_after_bind();
        *finished = true;
    });
    while (!server.is_running() && !*finished)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return thread;
}

void HttpServerSetup::routeEverything(httplib::SSLServer &server,
                                      const httplib::Server::Handler &handler)
{
    const char *everything = R"(/.*)";
    server.Get(everything, handler);
    server.Post(everything, handler);
    server.Put(everything, handler);
    server.Patch(everything, handler);
    server.Delete(everything, handler);
    server.Options(everything, handler);
}

void HttpServerSetup::answerWithStatus(httplib::SSLServer &server)
{
    // Whatever httplib answers by itself (a malformed request line, an unknown method) still
    // gets a Status body; responses that already have one are left alone.
    const httplib::Server::HandlerWithResponse statusBody
        = [](const httplib::Request &, httplib::Response &response) {
              if (!response.body.empty() || response.content_provider_)
                  return httplib::Server::HandlerResponse::Unhandled;
              if (!response.has_header("Audit-Id"))
                  response.set_header(
                      "Audit-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
              HttpReply::error(response, ApiStatus::refusedByHttp(response.status));
              return httplib::Server::HandlerResponse::Handled;
          };
    server.set_error_handler(statusBody);
    server.set_exception_handler(
        [](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
            HttpReply::error(response, ApiError::internal(QStringLiteral("unexpected exception")));
        });
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <httplib.h>

#include <memory>
#include <thread>

namespace rdsim {

// Configures the API server's httplib server before it binds: its worker pool, keep-alive,
// socket options, `handler` for every method on every path, and a Status body for whatever
// httplib answers by itself.
class HttpServerSetup
{
public:
    // Returns the listening socket, known once the server is bound (INVALID_SOCKET until).
    static std::shared_ptr<socket_t> configure(httplib::SSLServer &server,
                                               const httplib::Server::Handler &handler);

    // Runs the bound server's accept loop on a new thread, returned once the loop runs (stop()
    // is a no-op before, so waiting makes stop() reliable).
    static std::thread serveInBackground(httplib::SSLServer &server);

private:
    static void routeEverything(httplib::SSLServer &server,
                                const httplib::Server::Handler &handler);
    static void answerWithStatus(httplib::SSLServer &server);
};

} // namespace rdsim

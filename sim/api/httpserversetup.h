// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <httplib.h>

#include <memory>

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

private:
    static void routeEverything(httplib::SSLServer &server,
                                const httplib::Server::Handler &handler);
    static void answerWithStatus(httplib::SSLServer &server);
};

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace rdsim {

struct ApiError;

// Writing responses the way the Kubernetes API server does: JSON bodies, Status errors, and
// the broken answers the fault injector asks for.
class HttpReply
{
public:
    static QByteArray toJson(const QJsonObject &object);
    static void json(httplib::Response &response, int status, const QJsonObject &body);
    static void error(httplib::Response &response, const ApiError &error);
    static void text(httplib::Response &response, int status, const QByteArray &body,
                     const char *contentType);

    // Declares the full Content-Length but sends only the first half of the body, then closes
    // the connection: the client sees an unexpected end of data.
    static void truncate(httplib::Response &response);
    // Replaces the body by the start of a list followed by bytes that are not JSON.
    static void malformed(httplib::Response &response);
    // Shuts the connection down before anything is written, so the client gets no response.
    static void drop(const httplib::Request &request);
    // True once the client has closed its side of the connection (checked by watches, which
    // otherwise notice a gone client only on their next write).
    static bool peerClosed(int socket);
    static int socketOf(const httplib::Request &request);
};

} // namespace rdsim

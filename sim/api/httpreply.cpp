// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpreply.h"

#include "core/apierror.h"

#include <QJsonDocument>

#include <httplib.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>

#include <memory>
#include <string>

namespace rdsim {

QByteArray HttpReply::toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void HttpReply::json(httplib::Response &response, int status, const QJsonObject &body)
{
    const QByteArray bytes = toJson(body);
    response.status = status;
    response.set_content(bytes.constData(), static_cast<size_t>(bytes.size()), "application/json");
}

void HttpReply::error(httplib::Response &response, const ApiError &error)
{
    json(response, error.code, error.toStatus());
}

void HttpReply::text(httplib::Response &response, int status, const QByteArray &body,
                     const char *contentType)
{
    response.status = status;
    response.set_content(body.constData(), static_cast<size_t>(body.size()), contentType);
}

void HttpReply::truncate(httplib::Response &response)
{
    const auto body = std::make_shared<std::string>(std::move(response.body));
    const std::string contentType = response.get_header_value("Content-Type");
    response.body.clear();
    const size_t half = body->size() / 2;
    // A content provider with a declared length is sent as is (never compressed), so the
    // client really receives half of the declared bytes before the connection closes.
    response.set_content_provider(body->size(),
                                  contentType.empty() ? "application/json" : contentType,
                                  [body, half](size_t offset, size_t, httplib::DataSink &sink) {
                                      if (offset >= half)
                                          return false;
                                      sink.write(body->data(), half);
                                      return true;
                                  });
}

void HttpReply::malformed(httplib::Response &response)
{
    static const char garbage[] = "{\"kind\": \"List\", \"items\": [\x01\xff}}not json";
    response.set_content(garbage, sizeof(garbage) - 1, "application/json");
}

int HttpReply::socketOf(const httplib::Request &request)
{
    return request.ssl ? SSL_get_fd(request.ssl) : -1;
}

void HttpReply::drop(const httplib::Request &request)
{
    const int socket = socketOf(request);
    // shutdown() rather than close(): httplib still owns the descriptor and closes it later.
    if (socket >= 0)
        ::shutdown(socket, SHUT_RDWR);
}

bool HttpReply::peerClosed(int socket)
{
    if (socket < 0)
        return false;
    pollfd descriptor {socket, POLLRDHUP, 0};
    if (::poll(&descriptor, 1, 0) <= 0)
        return false;
    return (descriptor.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

} // namespace rdsim

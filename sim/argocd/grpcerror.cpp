// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/grpcerror.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rdsim {

namespace {

// A JSON string literal; the bodies are written by hand to keep Go's field order.
QByteArray quoted(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray httpStatusText(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 501:
        return "Not Implemented";
    default:
        return "Internal Server Error";
    }
}

} // namespace

int GrpcError::httpStatus() const
{
    switch (code) {
    case Ok:
        return 200;
    case InvalidArgument:
    case FailedPrecondition:
        return 400;
    case Unauthenticated:
        return 401;
    case PermissionDenied:
        return 403;
    case NotFound:
        return 404;
    case Unimplemented:
        return 501;
    default:
        return 500; // Unknown, Internal
    }
}

QByteArray GrpcError::body() const
{
    return "{\"error\":" + quoted(message) + ",\"code\":" + QByteArray::number(code)
        + ",\"message\":" + quoted(message) + '}';
}

QByteArray GrpcError::streamBody() const
{
    const int status = httpStatus();
    return "{\"error\":{\"grpc_code\":" + QByteArray::number(code)
        + ",\"http_code\":" + QByteArray::number(status) + ",\"message\":" + quoted(message)
        + ",\"http_status\":\"" + httpStatusText(status) + "\"}}";
}

GrpcError GrpcError::appNotFound(const QString &name)
{
    return make(NotFound, QStringLiteral("applications.argoproj.io \"%1\" not found").arg(name));
}

} // namespace rdsim

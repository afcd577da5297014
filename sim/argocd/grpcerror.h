// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace rdsim {

// A gRPC status as Argo CD's API server returns it through grpc-gateway v1.16 (the gateway
// Argo CD 3.6 pins): the HTTP status follows the gRPC code (HTTPStatusFromCode), the body is
// {"error":msg,"code":n,"message":msg} (details left out when empty, as encoding/json's
// omitempty does), and a streaming call's error is one chunk {"error":{"grpc_code":...}}.
struct GrpcError
{
    enum Code {
        Ok = 0,
        Unknown = 2,
        InvalidArgument = 3,
        NotFound = 5,
        PermissionDenied = 7,
        FailedPrecondition = 9,
        Unimplemented = 12,
        Internal = 13,
        Unauthenticated = 16,
    };
    int code = Ok;
    QString message;

    bool isError() const { return code != Ok; }
    int httpStatus() const;
    QByteArray body() const;
    QByteArray streamBody() const;

    static GrpcError make(int code, const QString &message) { return GrpcError {code, message}; }
    static GrpcError permissionDenied()
    {
        return make(PermissionDenied, QStringLiteral("permission denied"));
    }
    static GrpcError noSession()
    {
        return make(Unauthenticated, QStringLiteral("no session information"));
    }
    // apierrors.NewNotFound(argoproj.io/applications, name) wrapped in codes.NotFound
    static GrpcError appNotFound(const QString &name);
};

} // namespace rdsim

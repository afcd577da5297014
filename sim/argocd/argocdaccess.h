// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocd/argocdconfig.h"
#include "argocd/grpcerror.h"

#include <QString>

#include <optional>

namespace httplib {
struct Request;
}

namespace rdsim {

// Argo CD's accounts and RBAC for one simulated Argo CD: which account a request's token
// belongs to (Authorization: Bearer, else the argocd.token cookie, as getToken in
// server/server.go reads them), and whether a policy allows an action on an object.
class ArgoCdAccess
{
public:
    ArgoCdAccess(QList<ArgoCdAccount> accounts, QString issuedAt);

    struct Caller
    {
        const ArgoCdAccount *account = nullptr; // null: not logged in
        GrpcError error; // why not (Unauthenticated), when no account
    };
    // viaServiceProxy: the Kubernetes API server consumed the Authorization header.
    Caller authenticate(const httplib::Request &request, bool viaServiceProxy) const;

    static bool allows(const ArgoCdAccount &account, const QString &resource, const QString &action,
                       const QString &object);
    // The PermissionDenied error of rbac.Enforcer.EnforceErr (with sub and iat).
    GrpcError denied(const ArgoCdAccount &account, const QString &resource, const QString &action,
                     const QString &object) const;
    QString issuedAt() const { return m_issuedAt; }

    static bool globMatches(const QString &pattern, const QString &value);

private:
    static QString tokenOf(const httplib::Request &request, bool viaServiceProxy);

    QList<ArgoCdAccount> m_accounts;
    QString m_issuedAt;
};

} // namespace rdsim

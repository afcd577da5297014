// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/argocdaccess.h"

#include <QRegularExpression>

#include <httplib.h>

namespace rdsim {

namespace {

const QString kCookieName = QStringLiteral("argocd.token");

} // namespace

ArgoCdAccess::ArgoCdAccess(QList<ArgoCdAccount> accounts, QString issuedAt) :
    m_accounts(std::move(accounts)), m_issuedAt(std::move(issuedAt))
{ }

// Argo CD prefers the bearer header over the cookie. Behind the Kubernetes service proxy the
// header never arrives: the API server authenticated with it and does not pass it on.
QString ArgoCdAccess::tokenOf(const httplib::Request &request, bool viaServiceProxy)
{
    if (!viaServiceProxy) {
        const QString header = QString::fromStdString(request.get_header_value("Authorization"));
        const QString prefix = QStringLiteral("Bearer ");
        if (header.startsWith(prefix) && header.size() > prefix.size())
            return header.mid(prefix.size());
    }
    const size_t count = request.get_header_value_count("Cookie");
    for (size_t i = 0; i < count; ++i) {
        const QString cookies = QString::fromStdString(request.get_header_value("Cookie", i));
        for (const QString &part : cookies.split(u';')) {
            const QString pair = part.trimmed();
            if (pair.startsWith(kCookieName + u'=') && pair.size() > kCookieName.size() + 1)
                return pair.mid(kCookieName.size() + 1);
        }
    }
    return {};
}

ArgoCdAccess::Caller ArgoCdAccess::authenticate(const httplib::Request &request,
                                                bool viaServiceProxy) const
{
    const QString token = tokenOf(request, viaServiceProxy);
    Caller caller;
    if (token.isEmpty()) {
        caller.error = GrpcError::noSession();
        return caller;
    }
    for (const ArgoCdAccount &account : m_accounts) {
        if (account.token != token)
            continue;
        if (account.expired) {
            // getClaims wraps the JWT library's (golang-jwt v5) expiry error.
            caller.error = GrpcError::make(
                GrpcError::Unauthenticated,
                QStringLiteral("invalid session: token has invalid claims: token is expired"));
            return caller;
        }
        caller.account = &account;
        return caller;
    }
    caller.error = GrpcError::make(
        GrpcError::Unauthenticated,
        QStringLiteral("invalid session: token signature is invalid: signature is invalid"));
    return caller;
}

bool ArgoCdAccess::globMatches(const QString &pattern, const QString &value)
{
    if (pattern == QLatin1String("*"))
        return true;
    // Casbin's globMatch in Argo CD compiles without separators: '*' also spans '/'.
    const QString expression = QRegularExpression::escape(pattern)
                                   .replace(QStringLiteral("\\*"), QStringLiteral(".*"))
                                   .replace(QStringLiteral("\\?"), QStringLiteral("."));
    const QRegularExpression regex(QRegularExpression::anchoredPattern(expression));
    return regex.match(value).hasMatch();
}

bool ArgoCdAccess::allows(const ArgoCdAccount &account, const QString &resource,
                          const QString &action, const QString &object)
{
    for (const ArgoCdPolicy &policy : account.policies) {
        if (globMatches(policy.resource, resource) && globMatches(policy.action, action)
            && globMatches(policy.object, object))
            return true;
    }
    return false;
}

GrpcError ArgoCdAccess::denied(const ArgoCdAccount &account, const QString &resource,
                               const QString &action, const QString &object) const
{
    QStringList parts {resource, action, object, QStringLiteral("sub: ") + account.name};
    if (!m_issuedAt.isEmpty())
        parts << QStringLiteral("iat: ") + m_issuedAt;
    return GrpcError::make(GrpcError::PermissionDenied,
                           QStringLiteral("permission denied: ")
                               + parts.join(QStringLiteral(", ")));
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/apierror.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <mutex>
#include <optional>

namespace rdsim {

struct UserInfo
{
    QString name;
    QStringList groups;
    bool isAnonymous() const { return name == QStringLiteral("system:anonymous"); }
};

// An RBAC rule as in a Role: each list matches when it contains the value or "*".
// resources may name subresources ("rollouts/status"); namespaces empty = every namespace.
struct PolicyRule
{
    QStringList verbs;
    QStringList apiGroups; // "" is the core group
    QStringList resources;
    QStringList resourceNames; // empty = any name
    QStringList namespaces; // empty = any namespace (a ClusterRoleBinding)
};

// A user of the simulated cluster, from the scenario.
struct UserSpec
{
    QString name;
    QString token; // bearer token; empty = none
    bool clientCertificate = false; // issue a client certificate with CN = name, O = groups
    QString password; // basic auth when non-empty
    QStringList groups;
    QList<PolicyRule> rules;
};

// Authentication and authorization for one simulated cluster. Unknown or wrong credentials
// are refused (401); no credentials at all make the anonymous user, who may read only the
// public endpoints (/version, /healthz, /livez, /readyz, /metrics).
class AccessControl
{
public:
    void addUser(const UserSpec &user);
    QList<UserSpec> users() const;
    std::optional<UserSpec> user(const QString &name) const;

    std::optional<UserInfo> authenticateToken(const QString &token) const;
    // cn / organizations come from the verified client certificate.
    std::optional<UserInfo> authenticateCertificate(const QString &commonName,
                                                    const QStringList &organizations) const;
    std::optional<UserInfo> authenticateBasic(const QString &name, const QString &password) const;

    // subresource is "" or e.g. "status"; ns "" for cluster-scoped requests.
    bool isAllowed(const UserInfo &user, const QString &verb, const QString &group,
                   const QString &resource, const QString &subresource, const QString &ns,
                   const QString &name) const;

    // Non-resource paths (/api, /version, /metrics, ...). A scenario rule grants them when its
    // verbs match and its resources contain "*"; the built-in discovery and public-info
    // bindings of a real cluster grant the rest.
    bool isNonResourceAllowed(const UserInfo &user, const QString &verb, const QString &path) const;

    // Request/response bodies of authorization.k8s.io/v1 SelfSubjectAccessReview and
    // authentication.k8s.io/v1 SelfSubjectReview.
    QJsonObject selfSubjectAccessReview(const UserInfo &user, const QJsonObject &request) const;
    QJsonObject selfSubjectReview(const UserInfo &user) const;
    // What the API server answers instead of a review for a body it cannot take: 400
    // BadRequest (a field of the wrong JSON type) or 422 Invalid (neither or both of
    // resourceAttributes / nonResourceAttributes), with Kubernetes' messages. No error (code
    // 0) when the body is fine.
    static ApiError validateSelfSubjectAccessReview(const QJsonObject &request);

    struct Decision
    {
        bool allowed = false;
        QString reason; // as SelfSubjectAccessReview status.reason; empty when denied
    };
    Decision decide(const UserInfo &user, const QString &verb, const QString &group,
                    const QString &resource, const QString &subresource, const QString &ns,
                    const QString &name) const;
    Decision decideNonResource(const UserInfo &user, const QString &verb,
                               const QString &path) const;

private:
    mutable std::mutex m_mutex;
    QList<UserSpec> m_users;
};

} // namespace rdsim

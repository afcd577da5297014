// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/accesscontrol.h"

namespace rdsim {

namespace {

const QString kAll = QStringLiteral("*");
const QString kMasters = QStringLiteral("system:masters");
const QString kAuthenticated = QStringLiteral("system:authenticated");
const QString kUnauthenticated = QStringLiteral("system:unauthenticated");

// The roles every real cluster binds by default (bootstrap policy), so a user with no rules
// of their own can still discover the API and ask what they may do, as kubectl needs.
struct BuiltInBinding
{
    QString name; // ClusterRoleBinding and ClusterRole share the name
    QStringList groups;
    PolicyRule rule;
    QStringList nonResourceUrls; // "/apis/*" matches by prefix
};

const QList<BuiltInBinding> &builtInBindings()
{
    static const QList<BuiltInBinding> bindings = {
        {QStringLiteral("system:basic-user"),
         {kAuthenticated},
         {{QStringLiteral("create")},
          {QStringLiteral("authorization.k8s.io")},
          {QStringLiteral("selfsubjectaccessreviews"), QStringLiteral("selfsubjectrulesreviews")},
          {},
          {}},
         {}},
        {QStringLiteral("system:basic-user"),
         {kAuthenticated},
         {{QStringLiteral("create")},
          {QStringLiteral("authentication.k8s.io")},
          {QStringLiteral("selfsubjectreviews")},
          {},
          {}},
         {}},
        {QStringLiteral("system:discovery"),
         {kAuthenticated},
         {{QStringLiteral("get")}, {}, {}, {}, {}},
         {QStringLiteral("/api"), QStringLiteral("/api/*"), QStringLiteral("/apis"),
          QStringLiteral("/apis/*"), QStringLiteral("/healthz"), QStringLiteral("/livez"),
          QStringLiteral("/openapi"), QStringLiteral("/openapi/*"), QStringLiteral("/readyz"),
          QStringLiteral("/version"), QStringLiteral("/version/")}},
        {QStringLiteral("system:public-info-viewer"),
         {kAuthenticated, kUnauthenticated},
         {{QStringLiteral("get")}, {}, {}, {}, {}},
         {QStringLiteral("/healthz"), QStringLiteral("/livez"), QStringLiteral("/readyz"),
          QStringLiteral("/version"), QStringLiteral("/version/")}},
    };
    return bindings;
}

bool listMatches(const QStringList &list, const QString &value)
{
    return list.contains(kAll) || list.contains(value);
}

// RBAC's ResourceMatches: "*" matches everything, "rollouts" only the main resource,
// "rollouts/status" only that subresource, "*/status" the status of every resource.
bool resourceMatches(const QStringList &ruleResources, const QString &resource,
                     const QString &subresource)
{
    const QString combined
        = subresource.isEmpty() ? resource : QString(resource + QLatin1Char('/') + subresource);
    for (const QString &rule : ruleResources) {
        if (rule == kAll || rule == combined)
            return true;
        if (!subresource.isEmpty() && rule == QStringLiteral("*/") + subresource)
            return true;
    }
    return false;
}

bool ruleAllows(const PolicyRule &rule, const QString &verb, const QString &group,
                const QString &resource, const QString &subresource, const QString &ns,
                const QString &name)
{
    if (!listMatches(rule.verbs, verb) || !listMatches(rule.apiGroups, group)
        || !resourceMatches(rule.resources, resource, subresource))
        return false;
    // A rule limited to names never grants a request without one (list, watch, create).
    if (!rule.resourceNames.isEmpty() && (name.isEmpty() || !rule.resourceNames.contains(name)))
        return false;
    // A namespaced grant (a RoleBinding) never reaches cluster-scoped requests.
    if (!rule.namespaces.isEmpty() && (ns.isEmpty() || !listMatches(rule.namespaces, ns)))
        return false;
    return true;
}

bool pathMatches(const QStringList &urls, const QString &path)
{
    for (const QString &url : urls) {
        if (url == kAll || url == path)
            return true;
        if (url.endsWith(QLatin1Char('*')) && path.startsWith(url.left(url.size() - 1)))
            return true;
    }
    return false;
}

QStringList withAuthenticated(QStringList groups)
{
    groups.removeDuplicates();
    if (!groups.contains(kAuthenticated))
        groups.append(kAuthenticated);
    return groups;
}

QString userReason(const UserInfo &user)
{
    return QStringLiteral("RBAC: allowed by rd-sim rule for user \"%1\"").arg(user.name);
}

QString bindingReason(const BuiltInBinding &binding, const QString &group)
{
    return QStringLiteral("RBAC: allowed by ClusterRoleBinding \"%1\" of ClusterRole \"%1\" to "
                          "Group \"%2\"")
        .arg(binding.name, group);
}

QStringList effectiveGroups(const UserInfo &user)
{
    if (user.isAnonymous() && !user.groups.contains(kUnauthenticated))
        return user.groups + QStringList {kUnauthenticated};
    return user.groups;
}

} // namespace

void AccessControl::addUser(const UserSpec &user)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (UserSpec &existing : m_users) {
        if (existing.name == user.name) {
            existing = user;
            return;
        }
    }
    m_users.append(user);
}

QList<UserSpec> AccessControl::users() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_users;
}

std::optional<UserSpec> AccessControl::user(const QString &name) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const UserSpec &spec : m_users) {
        if (spec.name == name)
            return spec;
    }
    return std::nullopt;
}

std::optional<UserInfo> AccessControl::authenticateToken(const QString &token) const
{
    if (token.isEmpty())
        return std::nullopt;
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const UserSpec &spec : m_users) {
        if (!spec.token.isEmpty() && spec.token == token)
            return UserInfo {spec.name, withAuthenticated(spec.groups)};
    }
    return std::nullopt;
}

std::optional<UserInfo>
AccessControl::authenticateCertificate(const QString &commonName,
                                       const QStringList &organizations) const
{
    if (commonName.isEmpty())
        return std::nullopt;
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const UserSpec &spec : m_users) {
        if (spec.clientCertificate && spec.name == commonName) {
            // Groups come from the certificate (O), as Kubernetes reads them, plus the ones
            // the scenario gives the user.
            return UserInfo {spec.name, withAuthenticated(organizations + spec.groups)};
        }
    }
    return std::nullopt;
}

std::optional<UserInfo> AccessControl::authenticateBasic(const QString &name,
                                                         const QString &password) const
{
    if (name.isEmpty() || password.isEmpty())
        return std::nullopt;
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const UserSpec &spec : m_users) {
        if (spec.name == name && !spec.password.isEmpty() && spec.password == password)
            return UserInfo {spec.name, withAuthenticated(spec.groups)};
    }
    return std::nullopt;
}

AccessControl::Decision AccessControl::decide(const UserInfo &user, const QString &verb,
                                              const QString &group, const QString &resource,
                                              const QString &subresource, const QString &ns,
                                              const QString &name) const
{
    if (!user.isAnonymous()) {
        if (const std::optional<UserSpec> spec = this->user(user.name)) {
            for (const PolicyRule &rule : spec->rules) {
                if (ruleAllows(rule, verb, group, resource, subresource, ns, name))
                    return {true, userReason(user)};
            }
        }
    }
    const QStringList groups = effectiveGroups(user);
    for (const BuiltInBinding &binding : builtInBindings()) {
        if (!binding.nonResourceUrls.isEmpty())
            continue;
        for (const QString &bindingGroup : binding.groups) {
            if (groups.contains(bindingGroup)
                && ruleAllows(binding.rule, verb, group, resource, subresource, ns, name))
                return {true, bindingReason(binding, bindingGroup)};
        }
    }
    // The privileged group is let through before RBAC by a real API server, with no reason.
    if (groups.contains(kMasters))
        return {true, QString()};
    return {};
}

AccessControl::Decision AccessControl::decideNonResource(const UserInfo &user, const QString &verb,
                                                         const QString &path) const
{
    if (!user.isAnonymous()) {
        if (const std::optional<UserSpec> spec = this->user(user.name)) {
            for (const PolicyRule &rule : spec->rules) {
                if (listMatches(rule.verbs, verb) && rule.resources.contains(kAll)
                    && rule.namespaces.isEmpty())
                    return {true, userReason(user)};
            }
        }
    }
    const QStringList groups = effectiveGroups(user);
    for (const BuiltInBinding &binding : builtInBindings()) {
        if (binding.nonResourceUrls.isEmpty() || !listMatches(binding.rule.verbs, verb)
            || !pathMatches(binding.nonResourceUrls, path))
            continue;
        for (const QString &bindingGroup : binding.groups) {
            if (groups.contains(bindingGroup))
                return {true, bindingReason(binding, bindingGroup)};
        }
    }
    // The simulator's own choice: a scraping Prometheus needs no credentials.
    if (verb == QStringLiteral("get") && path == QStringLiteral("/metrics"))
        return {true, QStringLiteral("rd-sim: /metrics is public")};
    if (groups.contains(kMasters))
        return {true, QString()};
    return {};
}

bool AccessControl::isAllowed(const UserInfo &user, const QString &verb, const QString &group,
                              const QString &resource, const QString &subresource,
                              const QString &ns, const QString &name) const
{
    return decide(user, verb, group, resource, subresource, ns, name).allowed;
}

bool AccessControl::isNonResourceAllowed(const UserInfo &user, const QString &verb,
                                         const QString &path) const
{
    return decideNonResource(user, verb, path).allowed;
}

} // namespace rdsim

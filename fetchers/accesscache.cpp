// SPDX-License-Identifier: GPL-3.0-or-later
#include "accesscache.h"

AccessCache::AccessCache(int lifetimeSeconds) : m_lifetimeSeconds(lifetimeSeconds) { }

QString AccessCache::key(const QString &environment, const QString &namespaceName,
                         const ResourcePermission &permission)
{
    return environment + QLatin1Char('\n') + namespaceName + QLatin1Char('\n') + permission.group
        + QLatin1Char('\n') + permission.displayName();
}

std::optional<bool> AccessCache::allowed(const QString &environment, const QString &namespaceName,
                                         const ResourcePermission &permission) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_permissions.constFind(key(environment, namespaceName, permission));
    if (it == m_permissions.cend()
        || it->at.secsTo(QDateTime::currentDateTimeUtc()) > m_lifetimeSeconds)
        return std::nullopt;
    return it->allowed;
}

void AccessCache::setAllowed(const QString &environment, const QString &namespaceName,
                             const ResourcePermission &permission, bool allowed)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_permissions.insert(key(environment, namespaceName, permission),
                         Entry {allowed, QDateTime::currentDateTimeUtc()});
}

void AccessCache::forget(const QString &environment)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const QString prefix = environment + QLatin1Char('\n');
    for (auto it = m_permissions.begin(); it != m_permissions.end();) {
        if (it.key().startsWith(prefix))
            it = m_permissions.erase(it);
        else
            ++it;
    }
}

std::optional<SelfIdentity> AccessCache::identity(const QString &environment) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_identities.constFind(environment);
    if (it == m_identities.cend())
        return std::nullopt;
    return *it;
}

void AccessCache::setIdentity(const QString &environment, const SelfIdentity &identity)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_identities.insert(environment, identity);
}

std::optional<bool> checkPermission(KubeClient &client, AccessCache *cache,
                                    const QString &environment, const QString &namespaceName,
                                    const ResourcePermission &permission, const CancelToken &cancel)
{
    if (cache) {
        if (const auto known = cache->allowed(environment, namespaceName, permission))
            return known;
    }
    AccessReviewRequest request;
    request.namespaceName = namespaceName;
    request.verb = permission.verb;
    request.group = permission.group;
    request.resource = permission.resource;
    request.subresource = permission.subresource;
    const AccessReviewResult result = AccessReview::check(client, request, cancel);
    if (!result.isOk())
        return std::nullopt;
    if (cache)
        cache->setAllowed(environment, namespaceName, permission, result.allowed);
    return result.allowed;
}

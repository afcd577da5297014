// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accessreview.h"
#include "rolloutactionrules.h"
#include <mutex>
#include <optional>
#include <QDateTime>
#include <QHash>
#include <QString>

// What the user may do and who they are, per environment, remembered for a while so that
// selecting rollouts does not send a review for every click. Thread-safe: the GUI's
// permission checks and the action runners share it.
class AccessCache
{
public:
    explicit AccessCache(int lifetimeSeconds = 300);

    // nullopt when unknown or older than the lifetime.
    std::optional<bool> allowed(const QString &environment, const QString &namespaceName,
                                const ResourcePermission &permission) const;
    void setAllowed(const QString &environment, const QString &namespaceName,
                    const ResourcePermission &permission, bool allowed);
    // A 403 on an action proves the cached answer wrong: forget the environment's answers.
    void forget(const QString &environment);

    std::optional<SelfIdentity> identity(const QString &environment) const;
    void setIdentity(const QString &environment, const SelfIdentity &identity);

private:
    struct Entry
    {
        bool allowed = false;
        QDateTime at;
    };
    static QString key(const QString &environment, const QString &namespaceName,
                       const ResourcePermission &permission);

    int m_lifetimeSeconds;
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_permissions;
    QHash<QString, SelfIdentity> m_identities;
};

// Checks one permission through the cache, asking the server when unknown. A review that
// fails (an old server, a network error) gives nullopt: the caller lets the server decide.
std::optional<bool> checkPermission(KubeClient &client, AccessCache *cache,
                                    const QString &environment, const QString &namespaceName,
                                    const ResourcePermission &permission,
                                    const CancelToken &cancel = CancelToken());

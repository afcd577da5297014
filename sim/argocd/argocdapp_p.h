// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocd/argocdapps.h"

#include <limits>

namespace rdsim {

// The state of one application between controller passes (shared by the apps' files).
struct ArgoCdApps::App
{
    ArgoCdApplicationSpec spec;
    QString uid;
    QString created;
    qint64 resourceVersion = 0;
    QJsonObject operation; // empty: none running
    QJsonObject operationState; // empty: never operated
    qint64 operationDueMs = 0; // when a running sync applies
    QJsonArray history;
    QJsonObject status; // computed: resources, sync, health, summary, sourceType, ...
    QJsonObject resourceHealth; // "group/kind/ns/name" -> health, as the tree has it
    QString reconciledAt;
    qint64 lastSelfHealMs = std::numeric_limits<qint64>::min() / 2;
    QString lastAutoRevision; // auto-sync tries a revision once (selfHeal aside)
    bool refreshRequested = false;
    QJsonObject published; // what the last event carried

    static QString key(const ArgoCdResourceRef &ref)
    {
        return ref.group + u'/' + ref.kind + u'/' + ref.ns + u'/' + ref.name;
    }
};

} // namespace rdsim

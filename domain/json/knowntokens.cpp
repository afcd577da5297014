// SPDX-License-Identifier: GPL-3.0-or-later
// The fixed vocabulary of Kubernetes and Argo Rollouts values that repeat millions of times
// across a fleet (condition types and statuses, pod phases, owner kinds and API versions).
#include "jsonreader_p.h"

namespace JsonRead {

// A switch on the length, then one or two compares: cheaper than hashing into the cache.
QString knownToken(std::string_view text)
{
    switch (text.size()) {
    case 2:
        if (is(text, "v1"))
            return QStringLiteral("v1");
        break;
    case 4:
        if (is(text, "True"))
            return QStringLiteral("True");
        break;
    case 5:
        if (is(text, "False"))
            return QStringLiteral("False");
        if (is(text, "Ready"))
            return QStringLiteral("Ready");
        break;
    case 6:
        if (is(text, "Failed"))
            return QStringLiteral("Failed");
        if (is(text, "Paused"))
            return QStringLiteral("Paused");
        break;
    case 7:
        if (is(text, "Unknown"))
            return QStringLiteral("Unknown");
        if (is(text, "Running"))
            return QStringLiteral("Running");
        if (is(text, "Pending"))
            return QStringLiteral("Pending");
        if (is(text, "apps/v1"))
            return QStringLiteral("apps/v1");
        if (is(text, "Rollout"))
            return QStringLiteral("Rollout");
        if (is(text, "Healthy"))
            return QStringLiteral("Healthy");
        break;
    case 9:
        if (is(text, "Available"))
            return QStringLiteral("Available");
        if (is(text, "Succeeded"))
            return QStringLiteral("Succeeded");
        if (is(text, "Completed"))
            return QStringLiteral("Completed");
        break;
    case 10:
        if (is(text, "ReplicaSet"))
            return QStringLiteral("ReplicaSet");
        if (is(text, "Deployment"))
            return QStringLiteral("Deployment");
        break;
    case 11:
        if (is(text, "Initialized"))
            return QStringLiteral("Initialized");
        if (is(text, "Progressing"))
            return QStringLiteral("Progressing");
        if (is(text, "InvalidSpec"))
            return QStringLiteral("InvalidSpec");
        break;
    case 12:
        if (is(text, "PodScheduled"))
            return QStringLiteral("PodScheduled");
        break;
    case 14:
        if (is(text, "ReplicaFailure"))
            return QStringLiteral("ReplicaFailure");
        break;
    case 15:
        if (is(text, "ContainersReady"))
            return QStringLiteral("ContainersReady");
        break;
    case 20:
        if (is(text, "argoproj.io/v1alpha1"))
            return QStringLiteral("argoproj.io/v1alpha1");
        break;
    default:
        break;
    }
    return QString();
}

bool readKnownToken(Context &ctx, Element value, const Path &path, QString &out)
{
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS)
        return readToken(ctx, value, path, out); // null, or a wrong type to report
    QString known = knownToken(text);
    out = known.isNull() ? ctx.token(text) : std::move(known);
    return true;
}

} // namespace JsonRead

// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTracker's safety nets (issue 15): a rollout's assembled safety nets placed on the
// release of its canary, the latest kept per release (releasetracker.h, applySafetyNets).
#include "releasetracker.h"

#include "safetynetsjson.h"
#include "secretredaction.h"

#include <QJsonArray>

namespace {

// Policy messages, admission denials and CI messages are the cluster's words; they are kept
// on disk and exported, so they get the same pass as a gate's message.
QJsonValue redacted(const QJsonValue &value)
{
    if (value.isString())
        return SecretRedaction::redactForeign(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(redacted(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), redacted(it.value()));
        return out;
    }
    return value;
}

} // namespace

HistoryWrite ReleaseTracker::applySafetyNets(const SafetyNets &nets, qint64 readAtMs)
{
    HistoryWrite write;
    // Only releases in progress can get newer nets: what was kept of the others goes.
    for (auto it = m_keptSafetyNets.begin(); it != m_keptSafetyNets.end();) {
        const auto release = m_releases.constFind(it.key());
        if (release == m_releases.constEnd() || release->outcome != ReleaseOutcome::InProgress)
            it = m_keptSafetyNets.erase(it);
        else
            ++it;
    }
    if (nets.environment != m_environment)
        return write;
    const std::optional<ReleaseKey> release
        = releaseOfCanaryHash(nets.namespace_, nets.rollout, nets.canary.podTemplateHash, readAtMs);
    if (!release)
        return write;
    const QJsonObject json = redacted(safetyNetsJson(nets)).toObject();
    const auto kept = m_keptSafetyNets.constFind(*release);
    // The same findings again are no news; a change is kept, but not more often than a
    // minute (the monitor reads every two minutes, and at once for a new canary).
    if (kept != m_keptSafetyNets.constEnd()
        && (kept->nets == json || readAtMs < kept->atMs + safetyNetsRecordIntervalMs))
        return write;
    m_keptSafetyNets.insert(*release, KeptSafetyNets {json, readAtMs});
    ReleaseSafetyNets row;
    row.readAt = QDateTime::fromMSecsSinceEpoch(readAtMs, Qt::UTC);
    row.nets = json;
    write.safetyNets.append({*release, row});
    return write;
}

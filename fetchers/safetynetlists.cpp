// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetlists.h"

#include "safetynetdecoder.h"

namespace {

int rank(SafetyNetSourceState::State state)
{
    using State = SafetyNetSourceState::State;
    switch (state) {
    case State::Loaded:
        return 4;
    case State::Failed:
        return 3;
    case State::Forbidden:
        return 2;
    case State::NotServed:
        return 1;
    case State::NotAsked:
        break;
    }
    return 0;
}

} // namespace

SafetyNetSourceState SafetyNetLists::stateOf(const NetError &error, const QString &resource)
{
    SafetyNetSourceState state;
    state.fetchedMs = QDateTime::currentMSecsSinceEpoch();
    switch (error.kind) {
    case NetError::Kind::None:
        state.state = SafetyNetSourceState::State::Loaded;
        break;
    case NetError::Kind::NotFound:
        state.state = SafetyNetSourceState::State::NotServed;
        break;
    case NetError::Kind::Forbidden:
        state.state = SafetyNetSourceState::State::Forbidden;
        state.detail = tr("This user may not list %1.").arg(resource);
        break;
    default:
        return failed(resource, error.message);
    }
    return state;
}

SafetyNetSourceState SafetyNetLists::failed(const QString &resource, const QString &reason)
{
    SafetyNetSourceState state;
    state.state = SafetyNetSourceState::State::Failed;
    state.detail = tr("%1 could not be read: %2").arg(resource, reason);
    state.fetchedMs = QDateTime::currentMSecsSinceEpoch();
    return state;
}

SafetyNetSourceState SafetyNetLists::loaded(bool truncated)
{
    SafetyNetSourceState state;
    state.state = SafetyNetSourceState::State::Loaded;
    state.fetchedMs = QDateTime::currentMSecsSinceEpoch();
    state.truncated = truncated;
    return state;
}

void SafetyNetLists::merge(SafetyNetSourceState *into, const SafetyNetSourceState &part)
{
    const bool truncated = into->truncated || part.truncated;
    if (rank(part.state) > rank(into->state))
        *into = part;
    into->truncated = truncated;
}

SafetyNetSourceState SafetyNetLists::discover(KubeClient *client, const QString &group,
                                              const QString &version, const CancelToken &cancel,
                                              QStringList *plurals)
{
    const QString path = QStringLiteral("/apis/%1/%2").arg(group, version);
    const KubeResponse response = client->get(path, QueryItems(), cancel);
    const QString resource = QStringLiteral("%1/%2").arg(group, version);
    if (!response.isOk())
        return stateOf(response.error, resource);
    QString error;
    *plurals = SafetyNetDecoder::resourcePlurals(response.body, &error);
    if (!error.isEmpty())
        return failed(resource, error);
    return loaded();
}

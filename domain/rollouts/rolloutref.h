// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>

// Which rollout: its environment and its uid. A value for hash keys and selections, so
// nothing recovers the uid by slicing an "environment/uid" string.
struct RolloutRef
{
    QString environment;
    QString uid;

    // No rollout (an empty uid).
    bool isNull() const { return uid.isEmpty(); }

    friend bool operator==(const RolloutRef &a, const RolloutRef &b)
    {
        return a.environment == b.environment && a.uid == b.uid;
    }
    friend bool operator!=(const RolloutRef &a, const RolloutRef &b) { return !(a == b); }
    friend size_t qHash(const RolloutRef &ref, size_t seed = 0)
    {
        return qHashMulti(seed, ref.environment, ref.uid);
    }
};

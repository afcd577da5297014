// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decoded.h"

#include <QList>
#include <QPair>
#include <QStringList>

// Fields the decoder could not read in what an informer received (an integer out of range,
// a string where a number belongs, ...). The object is still shown with that field at its
// default, so the person must be told that what they see may be wrong: these texts reach
// the environment's state (ConnectionState::dataWarnings). Kept per object, so a fixed
// object's warning goes with its next update; bounded, the newest kept.
class DataWarnings
{
public:
    static constexpr qsizetype Max = 20;

    // "rollouts shop/checkout: spec.replicas: integer out of range". `object` is
    // "namespace/name"; the path's "items[3]." or "object." prefix is dropped.
    static QString text(const QString &resource, const QString &object, const DecodeIssue &issue);
    // Which item of a list page an issue is about: 3 for "items[3].spec", else -1.
    static qsizetype itemIndex(const DecodeIssue &issue);

    void clear() { m_entries.clear(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    // Replaces what is known about `object` (no texts: it reads cleanly now). True when
    // that changed the texts.
    bool set(const QString &object, const QStringList &texts);
    QStringList texts() const;

private:
    QList<QPair<QString, QString>> m_entries; // object, text; oldest first
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notice.h"

#include <QSet>
#include <QString>
#include <QStringList>

// Which notices a person wants told: all of them or none, and per environment and kind. Every
// pair is on until turned off, so an environment added to the config later is told about
// too. A value; the app keeps it in QSettings as the list of pairs turned off.
class NotificationSettings
{
public:
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool on) { m_enabled = on; }
    // Whether notices of this kind about this environment are told (false while all are off).
    bool isEnabled(const QString &environment, Notice::Kind kind) const;
    void setEnabled(const QString &environment, Notice::Kind kind, bool on);

    // "<kind>@<environment>" per pair turned off, sorted ("paused@prod"): what is stored.
    QStringList disabledPairs() const;
    // Entries of an unknown kind are dropped.
    static NotificationSettings fromStored(bool enabled, const QStringList &disabledPairs);

    bool operator==(const NotificationSettings &o) const
    {
        return m_enabled == o.m_enabled && m_disabled == o.m_disabled;
    }
    bool operator!=(const NotificationSettings &o) const { return !(*this == o); }

private:
    static QString pair(const QString &environment, Notice::Kind kind);

    bool m_enabled = true;
    QSet<QString> m_disabled;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationsettings.h"

bool NotificationSettings::isEnabled(const QString &environment, Notice::Kind kind) const
{
    return m_enabled && !m_disabled.contains(pair(environment, kind));
}

void NotificationSettings::setEnabled(const QString &environment, Notice::Kind kind, bool on)
{
    if (on)
        m_disabled.remove(pair(environment, kind));
    else
        m_disabled.insert(pair(environment, kind));
}

QStringList NotificationSettings::disabledPairs() const
{
    QStringList pairs(m_disabled.cbegin(), m_disabled.cend());
    pairs.sort();
    return pairs;
}

NotificationSettings NotificationSettings::fromStored(bool enabled,
                                                      const QStringList &disabledPairs)
{
    NotificationSettings settings;
    settings.m_enabled = enabled;
    for (const QString &entry : disabledPairs) {
        // The kind never has an '@'; an environment name may.
        const qsizetype at = entry.indexOf(QLatin1Char('@'));
        Notice::Kind kind;
        if (at > 0 && NoticeText::kindFromName(entry.left(at), &kind))
            settings.m_disabled.insert(entry);
    }
    return settings;
}

QString NotificationSettings::pair(const QString &environment, Notice::Kind kind)
{
    return NoticeText::kindName(kind) + QLatin1Char('@') + environment;
}

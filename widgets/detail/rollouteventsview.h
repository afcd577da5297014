// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "event.h"

#include <QDateTime>
#include <QList>
#include <QTreeWidget>

// Recent Events about a rollout and its ReplicaSets, pods and AnalysisRuns, newest first:
// when last seen, type (Warning highlighted), reason, object, message and count.
class RolloutEventsView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { LastSeen, Type, Reason, Object, Message, Count };
    // The rollout the events are about: its own objects are shown by what differs
    // ("ReplicaSet 6b59bdffd9", "this rollout"); the tooltip has the full name.
    void setRolloutName(const QString &name);

    explicit RolloutEventsView(QWidget *parent = nullptr);

    // events: newest first, as RolloutDetail holds them.
    void setEvents(const QList<Event> &events, const QDateTime &now);
    int warningCount() const { return m_warnings; }

private:
    QString shortObjectName(const QString &kind, const QString &name) const;

    int m_warnings = 0;
    QString m_rolloutName;
};

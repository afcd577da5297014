// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "event.h"
#include "keyedtreemodel.h"

#include <QDateTime>
#include <QList>

// Recent Events about a rollout and its ReplicaSets, pods and AnalysisRuns, newest first, one
// row each: when last seen, type (a Warning bold and red on a tinted row), reason, object
// (the rollout's own objects by what differs: "ReplicaSet 6b59bdffd9", "this rollout"; the
// tooltip has the full name), the message on one line (whole in the tooltip) and the count.
// Keyed by uid.
class RolloutEventsModel : public KeyedTreeModel<DetailRow, RolloutEventsModel>
{
    Q_OBJECT

public:
    enum Column { LastSeen, Type, Reason, Object, Message, Count };
    static constexpr int ColumnCount = Count + 1;

    explicit RolloutEventsModel(QObject *parent = nullptr);

    // events: newest first, as RolloutDetail holds them; rolloutName: the rollout they are
    // about.
    void setEvents(const QList<Event> &events, const QString &rolloutName, const QDateTime &now,
                   DetailUpdate how = DetailUpdate::InPlace);
    int warningCount() const { return m_warnings; }

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int m_warnings = 0;
};

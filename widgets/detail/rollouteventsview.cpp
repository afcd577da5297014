// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollouteventsview.h"

#include <QHeaderView>

RolloutEventsView::RolloutEventsView(QWidget *parent) :
    DetailTreeView(new RolloutEventsModel, parent),
    m_model(static_cast<RolloutEventsModel *>(sourceModel()))
{
    setObjectName(QStringLiteral("eventsTree"));
    setRootIsDecorated(false);
    // Messages wrap onto a second line instead of being cut: they say what went wrong.
    setUniformRowHeights(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideRight);
    header()->setSectionResizeMode(RolloutEventsModel::Message, QHeaderView::Stretch);
    setColumnWidth(RolloutEventsModel::LastSeen, digits(10));
    setColumnWidth(RolloutEventsModel::Type, digits(9));
    setColumnWidth(RolloutEventsModel::Reason, digits(22));
    setColumnWidth(RolloutEventsModel::Object, digits(18));
    setColumnWidth(RolloutEventsModel::Count, digits(6));
}

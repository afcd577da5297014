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

QString RolloutEventsView::tabTitle(qsizetype events) const
{
    const int warnings = m_model->warningCount();
    if (warnings == 0)
        return tr("Events (%1)").arg(events);
    // Each count with its own plural form, so the warnings are a phrase of their own.
    return tr("Events (%1, %2)", "the number of events, then the warnings among them")
        .arg(QString::number(events), tr("%n warnings", nullptr, warnings));
}

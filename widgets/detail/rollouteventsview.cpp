// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollouteventsview.h"

#include "detailstyle.h"
#include "treesync.h"

#include <QHeaderView>

RolloutEventsView::RolloutEventsView(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("eventsTree"));
    setColumnCount(Count + 1);
    setHeaderLabels(
        {tr("Last seen"), tr("Type"), tr("Reason"), tr("Object"), tr("Message"), tr("Count")});
    setRootIsDecorated(false);
    // Messages wrap onto a second line instead of being cut: they say what went wrong.
    setUniformRowHeights(false);
    setWordWrap(true);
    setAlternatingRowColors(true);
    setTextElideMode(Qt::ElideRight);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(Message, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    setColumnWidth(LastSeen, 10 * digit);
    setColumnWidth(Type, 9 * digit);
    setColumnWidth(Reason, 22 * digit);
    setColumnWidth(Object, 18 * digit);
    setColumnWidth(Count, 6 * digit);
}

QString RolloutEventsView::shortObjectName(const QString &kind, const QString &name) const
{
    // The rollout's own objects are named after it: say what differs, not the name again.
    if (!m_rolloutName.isEmpty()) {
        if (kind == QLatin1String("Rollout") && name == m_rolloutName)
            return tr("this rollout");
        const QString prefix = m_rolloutName + QLatin1Char('-');
        if (name.startsWith(prefix) && name.size() > prefix.size()) {
            const QString rest = name.mid(prefix.size());
            if (kind == QLatin1String("ReplicaSet"))
                return tr("ReplicaSet %1").arg(rest);
            if (kind == QLatin1String("Pod"))
                return tr("Pod %1").arg(rest);
            if (kind == QLatin1String("AnalysisRun"))
                return tr("Analysis %1").arg(rest);
        }
    }
    return kind + QLatin1Char('/') + name;
}

void RolloutEventsView::setRolloutName(const QString &name)
{
    m_rolloutName = name;
}

void RolloutEventsView::setEvents(const QList<Event> &events, const QDateTime &now)
{
    QStringList keys;
    keys.reserve(events.size());
    m_warnings = 0;
    for (const Event &event : events) {
        keys.append(event.metadata.uid.isEmpty()
                        ? event.metadata.namespaceName + QLatin1Char('/') + event.metadata.name
                        : event.metadata.uid);
        if (event.type == QLatin1String("Warning"))
            ++m_warnings;
    }
    TreeSync::syncChildren(this, nullptr, keys, [&](QTreeWidgetItem *item, int row, bool) {
        const Event &event = events.at(row);
        const bool warning = event.type == QLatin1String("Warning");
        const QDateTime seen = event.lastSeen();
        TreeSync::setText(item, LastSeen,
                          seen.isValid() ? tr("%1 ago").arg(DetailStyle::age(seen, now))
                                         : DetailStyle::age(seen, now));
        TreeSync::setToolTip(item, LastSeen,
                             event.firstTimestamp.isValid() && event.firstTimestamp != seen
                                 ? tr("Last: %1\nFirst: %2")
                                       .arg(DetailStyle::timestamp(seen),
                                            DetailStyle::timestamp(event.firstTimestamp))
                                 : DetailStyle::timestamp(seen));
        TreeSync::setText(
            item, Type,
            warning ? tr("Warning")
                    : (event.type == QLatin1String("Normal") ? tr("Normal") : event.type));
        TreeSync::setForeground(item, Type, warning ? DetailStyle::failedColour() : QColor());
        TreeSync::setBold(item, Type, warning);
        TreeSync::setText(item, Reason, event.reason);
        TreeSync::setBold(item, Reason, warning);
        const QString object
            = event.involvedObject.kind + QLatin1Char('/') + event.involvedObject.name;
        TreeSync::setText(item, Object,
                          shortObjectName(event.involvedObject.kind, event.involvedObject.name));
        TreeSync::setToolTip(item, Object, object);
        // One line per row; the whole text is in the tooltip.
        QString message = event.message;
        message.replace(QLatin1Char('\n'), QLatin1Char(' '));
        TreeSync::setText(item, Message, message);
        TreeSync::setToolTip(item, Message, event.message);
        TreeSync::setText(item, Count,
                          event.count > 1 ? tr("\u00d7%1").arg(event.count) : QString());
        // A tint behind the whole row: warnings are what an on-call person scans for. The
        // tint follows the palette (dark behind light text in a dark theme).
        for (int column = 0; column <= Count; ++column) {
            TreeSync::setBackground(item, column, warning ? DetailStyle::warningTint() : QColor());
            if (column != Type)
                TreeSync::setForeground(item, column,
                                        warning ? palette().color(QPalette::Text) : QColor());
        }
    });
}

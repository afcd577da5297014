// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollouteventsmodel.h"

#include "detailtext.h"

using Tone = DetailRoles::Tone;

namespace {

using M = RolloutEventsModel;

QString shortObjectName(const QString &kind, const QString &name, const QString &rolloutName)
{
    // The rollout's own objects are named after it: say what differs, not the name again.
    if (!rolloutName.isEmpty()) {
        if (kind == QLatin1String("Rollout") && name == rolloutName)
            return RolloutEventsModel::tr("this rollout");
        const QString prefix = rolloutName + QLatin1Char('-');
        if (name.startsWith(prefix) && name.size() > prefix.size()) {
            const QString rest = name.mid(prefix.size());
            if (kind == QLatin1String("ReplicaSet"))
                return RolloutEventsModel::tr("ReplicaSet %1").arg(rest);
            if (kind == QLatin1String("Pod"))
                return RolloutEventsModel::tr("Pod %1").arg(rest);
            if (kind == QLatin1String("AnalysisRun"))
                return RolloutEventsModel::tr("Analysis %1").arg(rest);
        }
    }
    return kind + QLatin1Char('/') + name;
}

DetailRow eventRow(const Event &event, const QString &rolloutName, const QDateTime &now)
{
    const bool warning = event.type == QLatin1String("Warning");
    const QDateTime seen = event.lastSeen();
    DetailRow row(M::ColumnCount);
    row.cell(M::LastSeen)
        = {seen.isValid() ? DetailText::ago(seen, now) : DetailText::age(seen, now),
           event.firstTimestamp.isValid() && event.firstTimestamp != seen
               ? RolloutEventsModel::tr("Last: %1\nFirst: %2")
                     .arg(DetailText::timestamp(seen), DetailText::timestamp(event.firstTimestamp))
               : DetailText::timestamp(seen)};
    row.cell(M::Type).text = warning
        ? RolloutEventsModel::tr("Warning")
        : (event.type == QLatin1String("Normal") ? RolloutEventsModel::tr("Normal") : event.type);
    row.cell(M::Reason).text = event.reason;
    row.cell(M::Object)
        = {shortObjectName(event.involvedObject.kind, event.involvedObject.name, rolloutName),
           event.involvedObject.kind + QLatin1Char('/') + event.involvedObject.name};
    // One line per row; the whole text is in the tooltip.
    QString message = event.message;
    message.replace(QLatin1Char('\n'), QLatin1Char(' '));
    row.cell(M::Message) = {message, event.message};
    row.cell(M::Count).text
        = event.count > 1 ? RolloutEventsModel::tr("\u00d7%1").arg(event.count) : QString();
    if (warning) {
        // A tint behind the whole row: warnings are what an on-call person scans for; the
        // text keeps the palette's colour on it, the type is red.
        for (DetailCell &cell : row.cells) {
            cell.tint = Tone::Warning;
            cell.tone = Tone::Text;
        }
        row.cell(M::Type).tone = Tone::Failed;
        row.cell(M::Type).bold = true;
        row.cell(M::Reason).bold = true;
    }
    return row;
}

} // namespace

RolloutEventsModel::RolloutEventsModel(QObject *parent) : KeyedTreeModel(parent) { }

void RolloutEventsModel::setEvents(const QList<Event> &events, const QString &rolloutName,
                                   const QDateTime &now, DetailUpdate how)
{
    Node wanted;
    m_warnings = 0;
    for (const Event &event : events) {
        if (event.type == QLatin1String("Warning"))
            ++m_warnings;
        wanted.append(event.metadata.uid.isEmpty()
                          ? event.metadata.namespaceName + QLatin1Char('/') + event.metadata.name
                          : event.metadata.uid,
                      eventRow(event, rolloutName, now));
    }
    apply(std::move(wanted), how);
}

QVariant RolloutEventsModel::rowData(const Node &node, int column, int role) const
{
    return node.row.data(column, role);
}

QVariant RolloutEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case LastSeen:
        return tr("Last seen");
    case Type:
        return tr("Type");
    case Reason:
        return tr("Reason");
    case Object:
        return tr("Object");
    case Message:
        return tr("Message");
    case Count:
        return tr("Count");
    default:
        return QVariant();
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "releaselistmodel.h"

#include "themecolours.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <QThread>

namespace {

// The database id once stored; before that (a summary built from the live watch) the
// release's own key, which the id stands for.
QString rowKey(const ReleaseSummary &release)
{
    if (release.id != 0)
        return QStringLiteral("#") + QString::number(release.id);
    return release.key.environment + QLatin1Char('\n') + release.key.workloadUid + QLatin1Char('\n')
        + QString::number(release.key.revision);
}

// "ghcr.io/acme/checkout:1.4.2" is shown as "checkout:1.4.2": the registry and the
// organisation are the same on every row and would push the tag out of sight.
QString shortImage(const QString &image)
{
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? image : image.mid(slash + 1);
}

QString timeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}

} // namespace

ReleaseListModel::ReleaseListModel(QObject *parent) : QAbstractTableModel(parent) { }

void ReleaseListModel::setReleases(const QList<ReleaseSummary> &releases)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (applyInPlace(releases))
        return;
    beginResetModel();
    m_rows = releases;
    endResetModel();
}

bool ReleaseListModel::applyInPlace(const QList<ReleaseSummary> &releases)
{
    QSet<QString> newKeys;
    for (const ReleaseSummary &release : releases)
        newKeys.insert(rowKey(release));
    if (newKeys.size() != releases.size())
        return false; // a key twice: no row can be matched safely
    QStringList kept;
    QSet<QString> oldKeys;
    for (const ReleaseSummary &release : std::as_const(m_rows)) {
        oldKeys.insert(rowKey(release));
        if (newKeys.contains(rowKey(release)))
            kept.append(rowKey(release));
    }
    if (!m_rows.isEmpty() && kept.isEmpty())
        return false; // another list altogether: a reset is cheaper to watch
    QStringList keptInNewOrder;
    for (const ReleaseSummary &release : releases) {
        if (oldKeys.contains(rowKey(release)))
            keptInNewOrder.append(rowKey(release));
    }
    if (kept != keptInNewOrder)
        return false; // reordered (another sort in the query): not worth row moves

    removeMissing(releases);
    // What is left are the kept rows in the new list's order; the new ones go between them.
    int row = 0;
    for (qsizetype i = 0; i < releases.size();) {
        const ReleaseSummary &release = releases.at(i);
        if (row < m_rows.size() && rowKey(m_rows.at(row)) == rowKey(release)) {
            if (m_rows.at(row) != release) {
                m_rows[row] = release;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < releases.size() && !oldKeys.contains(rowKey(releases.at(end))))
            ++end;
        beginInsertRows(QModelIndex(), row, row + int(end - i) - 1);
        for (qsizetype j = i; j < end; ++j)
            m_rows.insert(row + (j - i), releases.at(j));
        endInsertRows();
        row += int(end - i);
        i = end;
    }
    return true;
}

void ReleaseListModel::removeMissing(const QList<ReleaseSummary> &releases)
{
    QSet<QString> newKeys;
    for (const ReleaseSummary &release : releases)
        newKeys.insert(rowKey(release));
    // From the bottom, one signal per block of adjacent rows.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (newKeys.contains(rowKey(m_rows.at(row)))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !newKeys.contains(rowKey(m_rows.at(first - 1))))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
}

QString ReleaseListModel::outcomeText(ReleaseOutcome outcome)
{
    switch (outcome) {
    case ReleaseOutcome::InProgress:
        return tr("In progress");
    case ReleaseOutcome::Promoted:
        return tr("Promoted");
    case ReleaseOutcome::Aborted:
        return tr("Aborted");
    case ReleaseOutcome::Superseded:
        return tr("Superseded");
    case ReleaseOutcome::Deleted:
        return tr("Deleted");
    }
    return QString();
}

QColor ReleaseListModel::outcomeColour(ReleaseOutcome outcome)
{
    // The fleet's phase colours: promoted as Healthy, aborted as Degraded, in progress as
    // Progressing; what ended without a verdict (superseded, deleted) stays grey.
    switch (outcome) {
    case ReleaseOutcome::Promoted:
        return ThemeColours::foreground(QColor(0x1e, 0x88, 0x4a));
    case ReleaseOutcome::Aborted:
        return ThemeColours::foreground(QColor(0xc6, 0x28, 0x28));
    case ReleaseOutcome::InProgress:
        return ThemeColours::foreground(QColor(0x1f, 0x6f, 0xc5));
    case ReleaseOutcome::Superseded:
    case ReleaseOutcome::Deleted:
        break;
    }
    return ThemeColours::foreground(QColor(0x75, 0x75, 0x75));
}

QString ReleaseListModel::durationText(qint64 msecs)
{
    if (msecs < 0)
        return QString();
    const qint64 seconds = msecs / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60) {
        return seconds % 60 == 0 ? tr("%1 min").arg(minutes)
                                 : tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    }
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return minutes % 60 == 0 ? tr("%1 h").arg(hours)
                                 : tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    const qint64 days = hours / 24;
    return hours % 24 == 0 ? tr("%1 d").arg(days) : tr("%1 d %2 h").arg(days).arg(hours % 24);
}

QString ReleaseListModel::notesText(const ReleaseSummary &release)
{
    QStringList notes;
    if (release.partiallyObserved)
        notes.append(tr("partially observed"));
    if (release.workloadDeletedAt.isValid())
        notes.append(tr("workload deleted"));
    return notes.join(tr("; ", "between notes"));
}

int ReleaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReleaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReleaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ReleaseSummary &release = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(release, index.column());
    case Qt::ToolTipRole:
        return toolTipData(release, index.column());
    case Qt::ForegroundRole:
        return index.column() == OutcomeColumn ? QVariant(outcomeColour(release.outcome))
                                               : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == RevisionColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case SummaryRole:
        return QVariant::fromValue(release);
    case OutcomeRole:
        return int(release.outcome);
    case StartedRole:
        return release.startedAt;
    case DurationRole:
        return release.durationMSecs();
    case RevisionRole:
        return release.key.revision;
    case IdRole:
        return release.id;
    default:
        break;
    }
    return QVariant();
}

QVariant ReleaseListModel::displayData(const ReleaseSummary &release, int column) const
{
    switch (column) {
    case StartedColumn:
        // Sortable and unambiguous in every locale; the tooltip has the long form.
        return release.startedAt.isValid()
            ? release.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
            : QString();
    case EnvironmentColumn:
        return release.key.environment;
    case NamespaceColumn:
        return release.namespaceName;
    case WorkloadColumn:
        return release.workload;
    case RevisionColumn:
        return QString::number(release.key.revision);
    case ImagesColumn: {
        QStringList images;
        for (const QString &image : release.images)
            images.append(shortImage(image));
        return images.join(QStringLiteral(", "));
    }
    case OutcomeColumn:
        return outcomeText(release.outcome);
    case DurationColumn:
        return durationText(release.durationMSecs());
    case NotesColumn:
        return notesText(release);
    default:
        break;
    }
    return QVariant();
}

QVariant ReleaseListModel::toolTipData(const ReleaseSummary &release, int column) const
{
    switch (column) {
    case StartedColumn:
        return release.startedAt.isValid() ? timeText(release.startedAt) : QString();
    case ImagesColumn:
        return release.images.join(QLatin1Char('\n'));
    case DurationColumn:
        if (release.endedAt.isValid())
            return tr("Ended %1").arg(timeText(release.endedAt));
        return release.outcome == ReleaseOutcome::InProgress ? tr("Not finished yet") : QString();
    case NotesColumn: {
        QStringList lines;
        if (release.partiallyObserved)
            lines.append(tr("Started before the dashboard was watching; first observed %1. "
                            "Earlier steps are what the cluster still held.")
                             .arg(timeText(release.firstObservedAt)));
        if (release.workloadDeletedAt.isValid())
            lines.append(
                tr("The workload was deleted %1.").arg(timeText(release.workloadDeletedAt)));
        return lines.join(QLatin1Char('\n'));
    }
    default:
        break;
    }
    return QVariant();
}

QVariant ReleaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case EnvironmentColumn:
        return tr("Environment");
    case NamespaceColumn:
        return tr("Namespace");
    case WorkloadColumn:
        return tr("Workload");
    case RevisionColumn:
        return tr("Revision");
    case ImagesColumn:
        return tr("Images");
    case OutcomeColumn:
        return tr("Outcome");
    case DurationColumn:
        return tr("Duration");
    case NotesColumn:
        return tr("Notes");
    default:
        break;
    }
    return QVariant();
}

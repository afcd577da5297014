// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QString>

// The Releases view's table (issue 12): one row per recorded release, in the order given.
// setReleases() applies a new list in place, keyed by the database id (by ReleaseKey before
// a release is stored), so the view keeps its selection and scroll position when the
// history is read again: removed rows, inserted rows and one dataChanged per changed row;
// a list sharing no release with the current one (another filter) is a reset.
// GUI thread only.
class ReleaseListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StartedColumn,
        EnvironmentColumn,
        NamespaceColumn,
        WorkloadColumn,
        RevisionColumn,
        ImagesColumn,
        OutcomeColumn,
        DurationColumn,
        NotesColumn,
        ColumnCount
    };
    enum Role {
        SummaryRole = Qt::UserRole, // ReleaseSummary
        OutcomeRole, // int: ReleaseOutcome
        StartedRole, // QDateTime
        DurationRole, // qint64: milliseconds, -1 while in progress
        RevisionRole, // qint64
        IdRole, // qint64: the database's row id
    };

    explicit ReleaseListModel(QObject *parent = nullptr);

    void setReleases(const QList<ReleaseSummary> &releases);
    QList<ReleaseSummary> releases() const { return m_rows; }
    ReleaseSummary release(int row) const { return m_rows.value(row); }

    // "Promoted", "Aborted", "Superseded", "In progress", "Deleted" (translated).
    static QString outcomeText(ReleaseOutcome outcome);
    // The outcome's text colour for the current palette (ThemeColours).
    static QColor outcomeColour(ReleaseOutcome outcome);
    // "42 s", "4 min 12 s", "2 h 5 min", "3 d 4 h"; empty for a negative duration.
    static QString durationText(qint64 msecs);
    // "partially observed; workload deleted", empty when neither.
    static QString notesText(const ReleaseSummary &release);

    int rowCount(const QModelIndex &parent = QModelIndex()) const final;
    int columnCount(const QModelIndex &parent = QModelIndex()) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

private:
    QVariant displayData(const ReleaseSummary &release, int column) const;
    QVariant toolTipData(const ReleaseSummary &release, int column) const;
    bool applyInPlace(const QList<ReleaseSummary> &releases);
    void removeMissing(const QList<ReleaseSummary> &releases);

    QList<ReleaseSummary> m_rows;
};

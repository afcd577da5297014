// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditrecord.h"
#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

// The audit file as a table, one row per action (its attempt joined with its outcome),
// newest first. An attempt without an outcome (the app ended before it finished) is shown
// as such rather than hidden.
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        EnvironmentColumn,
        RolloutColumn, // namespace/name
        ActionColumn,
        UserColumn,
        ResultColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        ResultRole = Qt::UserRole + 1, // int: AuditRecord::Result (None: no outcome)
        RecordRole, // QVariant<AuditRecord>: the outcome, else the attempt
    };

    explicit AuditModel(QObject *parent = nullptr);

    // Replaces the rows with the file's records; problems() keeps the file's problems.
    void setFile(const AuditFile &file);
    QStringList problems() const { return m_problems; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const final;
    int columnCount(const QModelIndex &parent = QModelIndex()) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    // Translated name of a result for the Result column ("Succeeded", "Denied", ...).
    static QString resultText(AuditRecord::Result result);

private:
    struct Row
    {
        AuditRecord attempt;
        AuditRecord outcome;
        bool hasOutcome = false;
    };
    QVariant displayData(const Row &row, int column) const;

    QList<Row> m_rows;
    QStringList m_problems;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditmodel.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QLocale>

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent) { }

void AuditModel::setFile(const AuditFile &file)
{
    beginResetModel();
    m_rows.clear();
    m_problems = file.problems;
    QHash<QString, int> rowOfId;
    for (const AuditRecord &record : file.records) {
        if (record.stage == AuditRecord::Stage::Attempt) {
            rowOfId.insert(record.id, int(m_rows.size()));
            m_rows.append(Row {record, AuditRecord(), false});
            continue;
        }
        const auto it = rowOfId.constFind(record.id);
        if (it == rowOfId.cend()) {
            // An outcome whose attempt line was lost: still an action that happened.
            m_rows.append(Row {record, record, true});
        } else {
            m_rows[*it].outcome = record;
            m_rows[*it].hasOutcome = true;
        }
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.attempt.time > b.attempt.time; });
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::resultText(AuditRecord::Result result)
{
    switch (result) {
    case AuditRecord::Result::None:
        return tr("No outcome recorded");
    case AuditRecord::Result::Succeeded:
        return tr("Succeeded");
    case AuditRecord::Result::NothingToDo:
        return tr("Nothing to do");
    case AuditRecord::Result::Denied:
        return tr("Denied");
    case AuditRecord::Result::Refused:
        return tr("Refused");
    case AuditRecord::Result::Failed:
        return tr("Failed");
    }
    return QString();
}

QVariant AuditModel::displayData(const Row &row, int column) const
{
    const AuditRecord &record = row.attempt;
    switch (column) {
    case TimeColumn:
        return QLocale().toString(record.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case EnvironmentColumn:
        return record.environment;
    case RolloutColumn:
        return QString(record.namespaceName + QLatin1Char('/') + record.rollout);
    case ActionColumn:
        return record.revision > 0 ? tr("%1 to revision %2").arg(record.action).arg(record.revision)
                                   : record.action;
    case UserColumn:
        return record.user;
    case ResultColumn:
        return resultText(row.hasOutcome ? row.outcome.result : AuditRecord::Result::None);
    case MessageColumn:
        return row.hasOutcome ? row.outcome.message : QString();
    default:
        return QVariant();
    }
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const AuditRecord::Result result
        = row.hasOutcome ? row.outcome.result : AuditRecord::Result::None;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == ResultColumn) {
            const QString requests
                = row.hasOutcome ? QString::fromUtf8(row.outcome.requests.join('\n')) : QString();
            const QString message = displayData(row, MessageColumn).toString();
            return requests.isEmpty() ? message
                                      : QString(message + QStringLiteral("\n\n") + requests);
        }
        return QVariant();
    case Qt::ForegroundRole:
        if (index.column() != ResultColumn)
            return QVariant();
        if (result == AuditRecord::Result::Denied || result == AuditRecord::Result::Failed)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (result == AuditRecord::Result::None || result == AuditRecord::Result::Refused)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return QVariant();
    case ResultRole:
        return int(result);
    case RecordRole:
        return QVariant::fromValue(row.hasOutcome ? row.outcome : row.attempt);
    default:
        return QVariant();
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EnvironmentColumn:
        return tr("Environment");
    case RolloutColumn:
        return tr("Rollout");
    case ActionColumn:
        return tr("Action");
    case UserColumn:
        return tr("User");
    case ResultColumn:
        return tr("Result");
    case MessageColumn:
        return tr("Message");
    default:
        return QVariant();
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's read side: what each column shows, how it sorts and how it is coloured.
#include "fleetmodel.h"

#include "themecolours.h"

#include "durationparser.h"

#include <QColor>
#include <QLocale>

namespace {
QColor healthColourOnLight(FleetRow::Health health)
{
    switch (health) {
    case FleetRow::Health::Healthy:
        return QColor(0x2e, 0x7d, 0x32); // green
    case FleetRow::Health::Progressing:
        return QColor(0x15, 0x65, 0xc0); // blue
    case FleetRow::Health::Paused:
        return QColor(0xc7, 0x77, 0x00); // amber, dark enough to read on white
    case FleetRow::Health::Degraded:
        return QColor(0xc6, 0x28, 0x28); // red
    case FleetRow::Health::Unknown:
        break;
    }
    return QColor();
}

bool isNumericColumn(int column)
{
    return column == FleetModel::StepColumn || column == FleetModel::WeightColumn
        || column == FleetModel::RevisionColumn || column == FleetModel::AgeColumn;
}
} // namespace

// Readable on light and dark backgrounds alike.
QColor FleetModel::staleColour()
{
    return QColor(0x8a, 0x8a, 0x8a);
}

QColor FleetModel::healthColour(FleetRow::Health health)
{
    return ThemeColours::foreground(healthColourOnLight(health));
}

// Ascending status puts what needs a person first.
int FleetModel::healthRank(FleetRow::Health health)
{
    switch (health) {
    case FleetRow::Health::Degraded:
        return 0;
    case FleetRow::Health::Paused:
        return 1;
    case FleetRow::Health::Progressing:
        return 2;
    case FleetRow::Health::Unknown:
        return 3;
    case FleetRow::Health::Healthy:
        return 4;
    }
    return 3;
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FleetModel::situationText(const FleetRow &row) const
{
    if (!row.rollout) {
        // A Deployment: its own status words.
        QString phase;
        switch (row.health) {
        case FleetRow::Health::Healthy:
            phase = tr("Healthy");
            break;
        case FleetRow::Health::Progressing:
            phase = tr("Progressing");
            break;
        case FleetRow::Health::Paused:
            phase = tr("Paused");
            break;
        case FleetRow::Health::Degraded:
            phase = tr("Degraded");
            break;
        case FleetRow::Health::Unknown:
            phase = row.phase.isEmpty() ? tr("Unknown") : row.phase;
            break;
        }
        return row.message.isEmpty() ? phase
                                     : tr("%1 — %2", "phase — message").arg(phase, row.message);
    }
    return row.situationAt(now(), !isStale(row.environment)).text;
}

QString FleetModel::stepText(const FleetRow &row)
{
    // The step being worked on, numbered as the detail's steps list numbers it ("2/6" while
    // step 2 runs); the plugin's "1/6" (steps completed) is in the tooltip and the CLI.
    if (!row.rollout || row.step.isEmpty())
        return row.step;
    const Rollout &rollout = *row.rollout;
    if (rollout.status.abort)
        return tr("aborted");
    const qsizetype steps = rollout.spec.canary ? rollout.spec.canary->steps.size() : 0;
    const qint32 index = rollout.status.currentStepIndex.value_or(0);
    if (steps == 0)
        return row.step;
    return tr("%1/%2", "current step/steps").arg(std::min<qint64>(index + 1, steps)).arg(steps);
}

QString FleetModel::statusText(const FleetRow &row) const
{
    const QString situation = situationText(row);
    const QString stale = staleText(row.environment);
    return stale.isEmpty() ? situation
                           : tr("%1 · %2", "stale since …, situation").arg(stale, situation);
}

QVariant FleetModel::displayData(const FleetRow &row, int column) const
{
    const ObjectMeta &meta = row.metadata();
    switch (column) {
    case EnvironmentColumn:
        return row.environment;
    case NamespaceColumn:
        return meta.namespaceName;
    case NameColumn:
        return meta.name;
    case KindColumn:
        return kindText(row.kind);
    case StrategyColumn:
        return strategyText(row.strategy);
    case StatusColumn:
        return statusText(row);
    case StepColumn:
        return stepText(row);
    case WeightColumn:
        if (!row.setWeight)
            return QString();
        return tr("%1/%2", "desired weight/actual weight")
            .arg(*row.setWeight)
            .arg(row.actualWeight.value_or(0));
    case RevisionColumn:
        return row.revision > 0 ? QString::number(row.revision) : QString();
    case ImagesColumn:
        return row.images.join(QStringLiteral(", "));
    case ReplicasColumn:
        return tr("%1/%2 ready · %3 updated · %4 available")
            .arg(row.ready)
            .arg(row.desired)
            .arg(row.updated)
            .arg(row.available);
    case AgeColumn:
        if (!meta.creationTimestamp.isValid())
            return QString();
        return humanDuration(meta.creationTimestamp.msecsTo(now()));
    default:
        break;
    }
    return QVariant();
}

QVariant FleetModel::sortData(const FleetRow &row, int column) const
{
    const ObjectMeta &meta = row.metadata();
    switch (column) {
    case EnvironmentColumn:
        return m_store.environmentOrder(row.environment);
    case NamespaceColumn:
        return meta.namespaceName.toLower();
    case NameColumn:
        return meta.name.toLower();
    case KindColumn:
        return row.kindName();
    case StrategyColumn:
        return row.strategy.toLower();
    case StatusColumn:
        return healthRank(row.health);
    case StepColumn:
        return row.rollout && row.rollout->status.currentStepIndex
            ? *row.rollout->status.currentStepIndex
            : -1;
    case WeightColumn:
        return row.setWeight.value_or(-1);
    case RevisionColumn:
        return row.revision;
    case ImagesColumn:
        return row.images.join(QLatin1Char(',')).toLower();
    case ReplicasColumn:
        return row.desired;
    case AgeColumn:
        // Youngest first when ascending, like the age it shows.
        return meta.creationTimestamp.isValid() ? -meta.creationTimestamp.toMSecsSinceEpoch()
                                                : qint64(0);
    case GatesColumn:
        return gateData(row, SortRole);
    case ArgoCdColumn:
        return argoData(row, SortRole);
    case SafetyNetsColumn:
        return safetyNetsData(row, SortRole);
    default:
        break;
    }
    return QVariant();
}

QVariant FleetModel::toolTipData(const FleetRow &row, int column) const
{
    if (column == StatusColumn) {
        QString tip = statusText(row);
        const QString reason = attentionReason(row);
        if (!reason.isEmpty())
            tip += QLatin1Char('\n') + reason;
        if (isStale(row.environment) && !staleReason(row.environment).isEmpty())
            tip += QLatin1Char('\n') + staleReason(row.environment);
        return tip;
    }
    if (column == ImagesColumn)
        return row.images.join(QLatin1Char('\n'));
    if (column == StepColumn && !row.step.isEmpty())
        return tr("Step %1 (kubectl argo rollouts: %2 done)").arg(stepText(row), row.step);
    if (column == AgeColumn && row.metadata().creationTimestamp.isValid())
        return QLocale().toString(row.metadata().creationTimestamp.toLocalTime(),
                                  QLocale::LongFormat);
    return QVariant();
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const FleetRow &row = *m_rows.at(index.row());
    const int column = index.column();
    if (column == GatesColumn && role != Qt::TextAlignmentRole && role < Qt::UserRole)
        return gateData(row, role);
    if (column == SafetyNetsColumn
        && (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == StagingEvidenceRole
            || role == StagingVerdictRole
            || (role == Qt::ForegroundRole && !isStale(row.environment))))
        return safetyNetsData(row, role);
    // A stale row's Argo CD cell is grey like the rest of the row (below).
    if (column == ArgoCdColumn
        && (role == Qt::DisplayRole || role == Qt::ToolTipRole
            || (role == Qt::ForegroundRole && !isStale(row.environment))))
        return argoData(row, role);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::ForegroundRole:
    case Qt::DecorationRole:
        // Stale rows are grey throughout: nothing in them is known to be true now.
        if (isStale(row.environment))
            return role == Qt::ForegroundRole || column == StatusColumn ? QVariant(staleColour())
                                                                        : QVariant();
        if (column == StatusColumn) {
            const QColor colour = healthColour(row.health);
            return colour.isValid() ? QVariant(colour) : QVariant();
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (isNumericColumn(column))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case PhaseRole:
        return row.phase;
    case MessageRole:
        return row.message;
    case EnvironmentRole:
        return row.environment;
    case NamespaceRole:
        return row.metadata().namespaceName;
    case NameRole:
        return row.metadata().name;
    case KindRole:
        return row.kindName();
    case SortRole:
        return sortData(row, column);
    case RequiresAttentionRole:
        return row.requiresAttention;
    case ImagesRole:
        return row.images;
    case UidRole:
        return row.metadata().uid;
    case AttentionRole:
        return int(row.attention);
    case AttentionReasonRole:
        return attentionReason(row);
    case SituationRole:
        return situationText(row);
    case StaleSinceRole:
        return staleSince(row.environment);
    case ImageTagsRole:
        return row.imageTags;
    case DesiredReplicasRole:
        return row.desired;
    case ReadyReplicasRole:
        return row.ready;
    case ArgoCdTermsRole:
        return argoData(row, ArgoCdTermsRole);
    default:
        break;
    }
    return QVariant();
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::TextAlignmentRole && isNumericColumn(section))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case NamespaceColumn:
        return tr("Namespace");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case StrategyColumn:
        return tr("Strategy");
    case StatusColumn:
        return tr("Status");
    case StepColumn:
        return tr("Step");
    case WeightColumn:
        return tr("Weight");
    case RevisionColumn:
        return tr("Revision");
    case ImagesColumn:
        return tr("Images");
    case ReplicasColumn:
        return tr("Replicas");
    case AgeColumn:
        return tr("Age");
    case GatesColumn:
        return tr("Gates");
    case ArgoCdColumn:
        return tr("Argo CD");
    case SafetyNetsColumn:
        return tr("Safety nets");
    default:
        break;
    }
    return QVariant();
}

// SPDX-License-Identifier: GPL-3.0-or-later
// PromotionModel's cells as the view reads them, the versions' order, and the diff that
// turns a recomputed list of rows into row and cell signals.
#include "promotionmodel.h"

#include "argotext.h"
#include "fleetmodel.h"

#include <QVersionNumber>

namespace {

// "1.5.0-rc.1+build" -> core 1.5.0, pre-release "rc.1"; false when the core is no version.
bool splitVersion(QString text, QVersionNumber *core, QString *preRelease)
{
    if (text.startsWith(QLatin1Char('v')) || text.startsWith(QLatin1Char('V')))
        text.remove(0, 1);
    text = text.section(QLatin1Char('+'), 0, 0);
    const int dash = text.indexOf(QLatin1Char('-'));
    const QString main = dash < 0 ? text : text.left(dash);
    *preRelease = dash < 0 ? QString() : text.mid(dash + 1);
    qsizetype suffix = 0;
    *core = QVersionNumber::fromString(main, &suffix);
    return !core->isNull() && suffix == main.size();
}

// Semantic versioning's order of pre-release identifiers: numbers as numbers, below words.
int comparePreRelease(const QString &a, const QString &b)
{
    const QStringList left = a.split(QLatin1Char('.'));
    const QStringList right = b.split(QLatin1Char('.'));
    for (int i = 0; i < std::min(left.size(), right.size()); ++i) {
        bool leftNumber = false;
        bool rightNumber = false;
        const qlonglong l = left.at(i).toLongLong(&leftNumber);
        const qlonglong r = right.at(i).toLongLong(&rightNumber);
        int result = 0;
        if (leftNumber && rightNumber)
            result = l < r ? -1 : l > r ? 1 : 0;
        else if (leftNumber != rightNumber)
            result = leftNumber ? -1 : 1;
        else
            result = left.at(i).compare(right.at(i));
        if (result != 0)
            return result < 0 ? -1 : 1;
    }
    return left.size() < right.size() ? -1 : left.size() > right.size() ? 1 : 0;
}

} // namespace

std::optional<int> PromotionModel::compareVersions(const QString &a, const QString &b)
{
    QVersionNumber coreA;
    QVersionNumber coreB;
    QString preA;
    QString preB;
    if (!splitVersion(a, &coreA, &preA) || !splitVersion(b, &coreB, &preB))
        return std::nullopt;
    const int core = QVersionNumber::compare(coreA, coreB);
    if (core != 0)
        return core < 0 ? -1 : 1;
    if (preA == preB)
        return 0;
    if (preA.isEmpty() || preB.isEmpty()) // a release comes after its pre-releases
        return preA.isEmpty() ? 1 : -1;
    return comparePreRelease(preA, preB);
}

int PromotionModel::neighbour(const Row &row, int cell, int step)
{
    for (int i = cell + step; i >= 0 && i < row.cells.size(); i += step) {
        if (row.cells.at(i).deployed && !row.cells.at(i).version.isEmpty())
            return i;
    }
    return -1;
}

// A version in an earlier environment that the next one does not run is on its way (or
// stuck); a later environment running a newer version (a hotfix) is not.
void PromotionModel::markDrift(Row *row)
{
    for (Cell &cell : row->cells)
        cell.drift = NoDrift;
    for (int i = neighbour(*row, -1, 1); i >= 0;) {
        const int next = neighbour(*row, i, 1);
        if (next < 0)
            break;
        Cell &earlier = row->cells[i];
        Cell &later = row->cells[next];
        const std::optional<int> order = compareVersions(earlier.version, later.version);
        if (earlier.version != later.version && (!order || *order > 0)) {
            earlier.drift |= AheadOfNext;
            later.drift |= BehindPrevious;
        }
        i = next;
    }
}

void PromotionModel::emitChanged(int row, const Row &before)
{
    const Row &now = m_rows.at(row);
    int first = now.name == before.name ? -1 : 0;
    int last = first;
    for (int i = 0; i < now.cells.size(); ++i) {
        if (i >= before.cells.size() || now.cells.at(i) != before.cells.at(i)) {
            first = first < 0 ? i + 1 : first;
            last = i + 1;
        }
    }
    if (first >= 0)
        emit dataChanged(index(row, first), index(row, last));
}

// Both lists are sorted by sortKey: one merge pass removes, inserts and updates in place.
void PromotionModel::replaceRows(QList<Row> rows)
{
    int i = 0;
    int j = 0;
    while (i < m_rows.size() || j < rows.size()) {
        const auto before = [&](int a, int b) { // old row a sorts before new row b
            return b >= rows.size()
                || (a < m_rows.size() && m_rows.at(a).sortKey < rows.at(b).sortKey);
        };
        if (i < m_rows.size() && before(i, j)) {
            int end = i;
            while (end < m_rows.size() && before(end, j))
                ++end;
            beginRemoveRows(QModelIndex(), i, end - 1);
            m_rows.remove(i, end - i);
            endRemoveRows();
        } else if (i >= m_rows.size() || rows.at(j).sortKey < m_rows.at(i).sortKey) {
            int end = j;
            while (end < rows.size()
                   && (i >= m_rows.size() || rows.at(end).sortKey < m_rows.at(i).sortKey))
                ++end;
            beginInsertRows(QModelIndex(), i, i + end - j - 1);
            for (int k = j; k < end; ++k)
                m_rows.insert(i + k - j, std::move(rows[k]));
            endInsertRows();
            i += end - j;
            j = end;
        } else {
            const Row shown = std::exchange(m_rows[i], std::move(rows[j]));
            emitChanged(i, shown);
            ++i;
            ++j;
        }
    }
    m_rowIndex.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowIndex.insert(m_rows.at(row).sortKey, row);
}

int PromotionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PromotionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size()) + 1;
}

QString PromotionModel::displayText(const Cell &cell) const
{
    if (!cell.deployed)
        return tr("—", "not deployed here");
    return cell.canary.isEmpty() ? cell.version : tr("%1 → %2").arg(cell.version, cell.canary);
}

QVariant PromotionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    if (index.column() == 0)
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(row.name) : QVariant();
    const Cell &cell = row.cells.at(index.column() - 1);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(cell);
    case Qt::ToolTipRole:
        return toolTip(row, index.column() - 1);
    case DeployedRole:
        return cell.deployed;
    case VersionRole:
        return cell.version;
    case CanaryVersionRole:
        return cell.canary;
    case PhaseRole:
        return cell.phase;
    case AttentionRole:
        return cell.attention;
    case SyncStatusRole:
        return cell.syncStatus;
    case GateOutcomeRole:
        return cell.gateOutcome;
    case GateTextRole:
        return cell.gateText;
    case DriftRole:
        return cell.drift;
    case WorkloadRole:
        return cell.deployed && !cell.isApplication
            ? QStringList {m_environments.at(index.column() - 1), cell.namespaceName, cell.name}
            : QStringList();
    case ApplicationKeyRole:
        return cell.applicationKey;
    case IsApplicationRole:
        return cell.isApplication;
    case StaleRole:
        return cell.stale;
    case EvidenceTextRole:
        return cell.evidence;
    case EvidenceVerdictRole:
        return cell.evidenceVerdict;
    default:
        break;
    }
    return QVariant();
}

QVariant PromotionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section > m_environments.size())
        return QVariant();
    return section == 0 ? tr("Workload") : m_environments.at(section - 1);
}

// Everything the cell abbreviates, with the fleet's own words for the status, Argo CD and
// the gates (read when asked: only the cell's values are kept per row).
QString PromotionModel::toolTip(const Row &row, int cell) const
{
    const QString environment = m_environments.at(cell);
    const Cell &c = row.cells.at(cell);
    if (!c.deployed)
        return tr("%1 is not deployed in %2").arg(row.name, environment);
    QStringList lines;
    if (c.isApplication) {
        lines << tr("Argo CD application %1 in %2 (no workload of it in the fleet)")
                     .arg(c.name, environment)
              << tr("Revision: %1").arg(c.version)
              << tr("Health: %1").arg(ArgoText::health(c.phase))
              << tr("Argo CD: %1").arg(ArgoText::syncStatus(c.syncStatus));
    } else {
        const QModelIndex fleet = m_fleet->indexOf(environment, c.kind, c.namespaceName, c.name,
                                                   FleetModel::StatusColumn);
        lines << tr("%1 %2/%3 in %4", "kind namespace/name in environment")
                     .arg(FleetModel::kindText(c.kind), c.namespaceName, c.name, environment);
        lines << (c.canary.isEmpty() ? tr("Version: %1").arg(c.version)
                                     : tr("Version: %1, canary %2").arg(c.version, c.canary));
        lines << fleet.data(Qt::ToolTipRole).toString();
        const QString argo
            = fleet.siblingAtColumn(FleetModel::ArgoCdColumn).data(Qt::ToolTipRole).toString();
        if (!argo.isEmpty())
            lines << tr("Argo CD: %1").arg(argo);
        if (c.gateOutcome >= 0) {
            lines << tr("Gates: %1").arg(c.gateText);
            const QString gates
                = fleet.siblingAtColumn(FleetModel::GatesColumn).data(Qt::ToolTipRole).toString();
            if (!gates.isEmpty())
                lines << gates;
        }
    }
    if (c.evidence.size() == 2)
        lines << tr("Evidence from %1").arg(c.evidence.at(1));
    const int next = neighbour(row, cell, 1);
    const int previous = neighbour(row, cell, -1);
    if (c.drift & AheadOfNext)
        lines << tr("Ahead of %1, which runs %2: not promoted there yet")
                     .arg(m_environments.at(next), row.cells.at(next).version);
    if (c.drift & BehindPrevious)
        lines << tr("Behind %1, which runs %2")
                     .arg(m_environments.at(previous), row.cells.at(previous).version);
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

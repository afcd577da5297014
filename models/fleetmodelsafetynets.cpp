// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's Safety nets column (issue 15): for a rollout with a canary in progress, what
// its canary brings compared with its stable version at a glance ("+1 critical CVE · policy:
// 1 fail"), in the colour of the worst finding, with when it was read and a line per source in
// the tooltip. Words and tones are the detail header's (SafetyNetsText, SafetyNetsVerdict), so
// the table and the detail never disagree; a reading that is old is greyed and says so.
#include "fleetmodel.h"

#include "detailtext.h"
#include "safetynetstext.h"
#include "safetynetsverdict.h"

#include <QColor>

namespace {

using Tone = DetailRoles::Tone;

QString keyOf(const QString &environment, const QString &uid)
{
    return environment + QLatin1Char('/') + uid;
}

// In the Status column's colours: red, amber and green for a finding, a warning and a clean
// reading of every section.
std::optional<FleetRow::Health> healthOf(Tone tone)
{
    switch (tone) {
    case Tone::Failed:
        return FleetRow::Health::Degraded;
    case Tone::Warning:
        return FleetRow::Health::Paused;
    case Tone::Ok:
        return FleetRow::Health::Healthy;
    default:
        break;
    }
    return std::nullopt;
}

// Ascending puts the worst first, like the Status column.
int toneRank(Tone tone)
{
    switch (tone) {
    case Tone::Failed:
        return 0;
    case Tone::Warning:
        return 1;
    case Tone::Default:
        return 2;
    case Tone::Ok:
        return 3;
    default:
        break;
    }
    return 4; // Muted: nothing could be read
}

} // namespace

void FleetModel::setSafetyNets(const QString &environment, const QString &uid,
                               const std::optional<SafetyNets> &nets, qint64 readAtMs)
{
    const QString key = keyOf(environment, uid);
    if (nets) {
        SafetyNetsCell cell;
        cell.text = SafetyNetsText::summary(*nets);
        cell.toolTip = SafetyNetsVerdict::toolTip(*nets);
        cell.tone = SafetyNetsVerdict::worst(*nets);
        cell.readAtMs = readAtMs;
        QString line;
        cell.evidenceVerdict = int(SafetyNetsText::evidence(*nets, &line));
        if (!line.isEmpty())
            cell.evidence = QStringList {nets->staging.environment, line};
        m_safetyNets.insert(key, cell);
    } else if (m_safetyNets.remove(key) == 0) {
        return;
    }
    const EnvironmentStore *store = m_store.environment(environment);
    const RowPtr row = store ? store->rolloutRow(uid) : RowPtr();
    const int index = row ? m_rowIndex.value(row->key(), -1) : -1;
    if (index >= 0)
        emit dataChanged(this->index(index, SafetyNetsColumn),
                         this->index(index, SafetyNetsColumn));
}

QVariant FleetModel::safetyNetsData(const FleetRow &row, int role) const
{
    const auto found = m_safetyNets.constFind(keyOf(row.environment, row.metadata().uid));
    if (found == m_safetyNets.constEnd()) {
        if (role == StagingVerdictRole)
            return int(SafetyNetsText::Evidence::None);
        return role == SortRole ? QVariant(-1) : QVariant();
    }
    const SafetyNetsCell &cell = *found;
    const QDateTime readAt = QDateTime::fromMSecsSinceEpoch(cell.readAtMs, Qt::UTC);
    const bool old = cell.readAtMs > 0 && readAt.msecsTo(now()) > safetyNetsStaleAfterMs;
    switch (role) {
    case Qt::DisplayRole:
        return cell.text;
    case Qt::ToolTipRole: {
        const QString when = old
            ? tr("Read %1, %2; not read again since")
                  .arg(DetailText::timestamp(readAt), DetailText::ago(readAt, now()))
            : tr("Read %1").arg(DetailText::timestamp(readAt));
        return QString(when + QLatin1Char('\n') + cell.toolTip);
    }
    case Qt::ForegroundRole: {
        // An old reading, or one of nothing, is not known to be true now.
        if (old || cell.tone == Tone::Muted)
            return staleColour();
        const std::optional<FleetRow::Health> health = healthOf(cell.tone);
        return health ? QVariant(healthColour(*health)) : QVariant();
    }
    case SortRole:
        return toneRank(cell.tone);
    case StagingEvidenceRole:
        return cell.evidence;
    case StagingVerdictRole:
        return cell.evidenceVerdict;
    default:
        break;
    }
    return QVariant();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasefilterproxy.h"

#include "releaselistmodel.h"

namespace {

bool sameFilter(const ReleaseFilter &a, const ReleaseFilter &b)
{
    return a.environment == b.environment && a.namespaceName == b.namespaceName
        && a.workload == b.workload && a.outcomes == b.outcomes && a.since == b.since
        && a.until == b.until;
}

// The typed role a column sorts by; DisplayRole for the texts.
int columnSortRole(int column)
{
    switch (column) {
    case ReleaseListModel::StartedColumn:
        return ReleaseListModel::StartedRole;
    case ReleaseListModel::RevisionColumn:
        return ReleaseListModel::RevisionRole;
    case ReleaseListModel::OutcomeColumn:
        return ReleaseListModel::OutcomeRole;
    case ReleaseListModel::DurationColumn:
        return ReleaseListModel::DurationRole;
    default:
        break;
    }
    return Qt::DisplayRole;
}

} // namespace

ReleaseFilterProxy::ReleaseFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // "api-10" after "api-9", and "API" beside "api".
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void ReleaseFilterProxy::setFilter(const ReleaseFilter &filter)
{
    apply(filter);
}

void ReleaseFilterProxy::setEnvironment(const QString &environment)
{
    ReleaseFilter filter = m_filter;
    filter.environment = environment;
    apply(filter);
}

void ReleaseFilterProxy::setNamespace(const QString &namespaceName)
{
    ReleaseFilter filter = m_filter;
    filter.namespaceName = namespaceName;
    apply(filter);
}

void ReleaseFilterProxy::setWorkloadText(const QString &text)
{
    ReleaseFilter filter = m_filter;
    filter.workload = text.trimmed();
    apply(filter);
}

void ReleaseFilterProxy::setOutcomes(const QList<ReleaseOutcome> &outcomes)
{
    ReleaseFilter filter = m_filter;
    filter.outcomes = outcomes;
    apply(filter);
}

void ReleaseFilterProxy::setTimeRange(const QDateTime &since, const QDateTime &until)
{
    ReleaseFilter filter = m_filter;
    filter.since = since;
    filter.until = until;
    apply(filter);
}

void ReleaseFilterProxy::apply(const ReleaseFilter &filter)
{
    if (sameFilter(filter, m_filter))
        return;
    m_filter = filter;
    invalidateFilter();
}

bool ReleaseFilterProxy::matches(const ReleaseFilter &filter, const ReleaseSummary &release)
{
    if (!filter.environment.isEmpty() && release.key.environment != filter.environment)
        return false;
    if (!filter.namespaceName.isEmpty() && release.namespaceName != filter.namespaceName)
        return false;
    if (!filter.workload.isEmpty()
        && !release.workload.contains(filter.workload, Qt::CaseInsensitive))
        return false;
    if (!filter.outcomes.isEmpty() && !filter.outcomes.contains(release.outcome))
        return false;
    if (filter.since.isValid()
        && !(release.startedAt.isValid() && release.startedAt >= filter.since))
        return false;
    if (filter.until.isValid()
        && !(release.startedAt.isValid() && release.startedAt < filter.until))
        return false;
    return true;
}

QList<ReleaseSummary> ReleaseFilterProxy::visibleReleases() const
{
    QList<ReleaseSummary> releases;
    releases.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row)
        releases.append(index(row, 0).data(ReleaseListModel::SummaryRole).value<ReleaseSummary>());
    return releases;
}

bool ReleaseFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return matches(m_filter, index.data(ReleaseListModel::SummaryRole).value<ReleaseSummary>());
}

bool ReleaseFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int role = columnSortRole(left.column());
    const QDateTime leftStart = left.data(ReleaseListModel::StartedRole).toDateTime();
    const QDateTime rightStart = right.data(ReleaseListModel::StartedRole).toDateTime();
    if (role == Qt::DisplayRole) {
        const int order = m_collator.compare(left.data().toString(), right.data().toString());
        if (order != 0)
            return order < 0;
    } else if (role != ReleaseListModel::StartedRole) {
        const qint64 a = left.data(role).toLongLong();
        const qint64 b = right.data(role).toLongLong();
        if (a != b)
            return a < b;
    }
    // Equal cells: the older release first, so ties do not shuffle on every update.
    return leftStart < rightStart;
}

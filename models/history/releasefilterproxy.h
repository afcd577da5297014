// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QCollator>
#include <QDateTime>
#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

// Filters and sorts a ReleaseListModel the way ReleaseFilter asks the database, so the
// table agrees with the query while the new answer is on its way (and a list read with a
// wider filter can be narrowed without another query): one environment, one namespace, a
// workload name containing a text (case insensitive), a set of outcomes, and a start time
// in [since, until) with either end open. Sorting is dynamic and by the model's typed roles
// (start time, revision, duration, outcome) where a column has one, else by the text;
// rows that compare equal keep their start time order.
class ReleaseFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ReleaseFilterProxy(QObject *parent = nullptr);

    // Everything at once (one re-filter); the limit is the database's business.
    void setFilter(const ReleaseFilter &filter);
    ReleaseFilter filter() const { return m_filter; }

    void setEnvironment(const QString &environment); // empty = all
    void setNamespace(const QString &namespaceName); // empty = all
    void setWorkloadText(const QString &text); // empty = all
    void setOutcomes(const QList<ReleaseOutcome> &outcomes); // empty = all
    void setTimeRange(const QDateTime &since, const QDateTime &until); // null = open

    // Whether a release passes `filter` (its limit aside).
    static bool matches(const ReleaseFilter &filter, const ReleaseSummary &release);

    // The releases that pass, in the proxy's order.
    QList<ReleaseSummary> visibleReleases() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const final;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const final;

private:
    void apply(const ReleaseFilter &filter);

    ReleaseFilter m_filter;
    QCollator m_collator;
};

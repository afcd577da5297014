// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

// Filters and sorts a FleetModel: free text (environment, name, namespace, image, or the
// managing Argo CD application's name, sync or health word ("OutOfSync") contains it, case
// insensitive; several words must all match), one environment, a set of phases, and the
// "requires attention" switch. Sorting is dynamic on FleetModel::SortRole.
class FleetFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FleetFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setEnvironmentFilter(const QString &environment); // empty = all
    QString environmentFilter() const { return m_environment; }
    void setPhaseFilter(const QStringList &phases); // empty = all
    QStringList phaseFilter() const { return m_phases; }
    void setAttentionOnly(bool attentionOnly);
    bool isAttentionOnly() const { return m_attentionOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const final;

private:
    QString m_text;
    QStringList m_words;
    QString m_environment;
    QStringList m_phases;
    bool m_attentionOnly = false;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetstore.h"

#include <algorithm>

void FleetStore::setEnvironments(const QList<EnvironmentSpec> &environments)
{
    m_environments = environments;
    std::stable_sort(m_environments.begin(), m_environments.end(),
                     [](const EnvironmentSpec &a, const EnvironmentSpec &b) {
                         return a.order != b.order ? a.order < b.order : a.name < b.name;
                     });
}

int FleetStore::environmentOrder(const QString &environment) const
{
    for (qsizetype i = 0; i < m_environments.size(); ++i) {
        if (m_environments.at(i).name == environment)
            return int(i);
    }
    return int(m_environments.size());
}

QString FleetStore::colourOf(const QString &environment) const
{
    for (const EnvironmentSpec &spec : m_environments) {
        if (spec.name == environment)
            return spec.colour;
    }
    return QString();
}

const EnvironmentStore *FleetStore::environment(const QString &name) const
{
    const auto it = m_stores.constFind(name);
    return it == m_stores.constEnd() ? nullptr : &*it;
}

EnvironmentStore &FleetStore::environmentFor(const QString &name)
{
    EnvironmentStore &store = m_stores[name];
    store.m_name = name;
    return store;
}

QList<DetailKindStatus> FleetStore::detailStatus(const QString &environment) const
{
    const EnvironmentStore *store = this->environment(environment);
    return store ? store->objects().detailStatus() : QList<DetailKindStatus>(DetailKindCount);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <utility>

namespace rdsim {

class RolloutReconciler;
struct ResourceType;

// Whose destinations in a VirtualService's route get the canary's and the stable's weight.
struct IstioWeightTargets
{
    QString stableService;
    QString canaryService;
    QString stableSubset; // destinationRule.stableSubsetName
    QString canarySubset;
    QStringList additionalSubsets; // destinationRule.additionalSubsetNames: weights kept
};

// The managed routes of Argo Rollouts' Istio traffic router (rollout/trafficrouting/istio):
// a setHeaderRoute or setMirrorRoute step writes its route, named after the step, into each of
// the rollout's VirtualServices (managed routes first, in spec...managedRoutes order); a header
// route without `match` removes it; when the rollout is fully promoted or aborted every managed
// route is removed again. Rollouts without trafficRouting.istio are left alone.
class RolloutIstioRoutes
{
public:
    explicit RolloutIstioRoutes(RolloutReconciler &reconciler);
    void reconcile();

    // The pure parts, for tests.
    static QJsonObject headerRoute(const QJsonObject &setHeaderRoute, const QJsonObject &canary);
    static QJsonObject mirrorRoute(const QJsonObject &setMirrorRoute, const QJsonArray &weightRoute,
                                   const QJsonObject &mirror);
    // spec.http with `route` put in place of the route of the same name (or removed when
    // `route` has only a name), managed routes first in the order of `managed`.
    static QJsonArray withRoute(QJsonArray http, const QJsonObject &route,
                                const QStringList &managed);
    // getHttpRouteIndexesToPatch: the routes named in `routeNames` (those found), or without
    // names the only route, else the first unnamed one.
    static QList<int> routeIndexesToPatch(const QJsonArray &http, const QStringList &routeNames);
    // processRoutes: a route's destinations with the canary at `canaryWeight`, the stable at
    // 100 - canaryWeight - the additional weights (never below 0), the experiments'
    // services (`additional` entries with a serviceName) at theirs (appended when missing),
    // additional subsets unchanged, and every other destination removed.
    static QJsonArray weightedRoute(const QJsonArray &destinations,
                                    const IstioWeightTargets &targets, int canaryWeight,
                                    const QJsonArray &additional);

private:
    static const ResourceType *istioType(const char *plural);
    // "ns/name" or "name" (the rollout's namespace).
    std::pair<QString, QString> splitRef(const QString &ref) const;
    QJsonObject canaryDestination(const QJsonObject &virtualService) const;
    void update(const QString &ref, const QStringList &routes, const QJsonObject &step);
    void removeManagedRoutes(const QString &ref);
    void setWeight(const QString &ref, const QStringList &routes);
    IstioWeightTargets weightTargets() const;
    void updateDestinationRule();
    // Writes spec.http of the VirtualService; false when it is gone or unchanged.
    bool writeHttp(QJsonObject virtualService, const QJsonArray &http);

    RolloutReconciler &r;
    QJsonObject m_istio; // spec.strategy.canary.trafficRouting.istio
    QStringList m_managed; // the managedRoutes' names
};

} // namespace rdsim

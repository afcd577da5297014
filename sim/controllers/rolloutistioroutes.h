// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rdsim {

class RolloutReconciler;

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

private:
    QJsonObject canaryDestination(const QJsonObject &virtualService) const;
    void update(const QString &ref, const QStringList &routes, const QJsonObject &step);
    void removeManagedRoutes(const QString &ref);
    // Writes spec.http of the VirtualService; false when it is gone or unchanged.
    bool writeHttp(QJsonObject virtualService, const QJsonArray &http);

    RolloutReconciler &r;
    QJsonObject m_istio; // spec.strategy.canary.trafficRouting.istio
    QStringList m_managed; // the managedRoutes' names
};

} // namespace rdsim

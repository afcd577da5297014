// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutistioroutes.h"

#include "jsonutil.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"

#include <algorithm>
#include <utility>

namespace rdsim {

namespace {

// getVirtualServiceSetWeightRoute, the destinations a mirror route copies.
QJsonArray istioMirroredWeightRoute(const QJsonArray &http, const QStringList &routeNames)
{
    const QList<int> indexes = RolloutIstioRoutes::routeIndexesToPatch(http, routeNames);
    if (indexes.isEmpty())
        return {};
    return http.at(indexes.first()).toObject().value(QLatin1String("route")).toArray();
}

} // namespace

const ResourceType *RolloutIstioRoutes::istioType(const char *plural)
{
    return ResourceCatalog::find(QStringLiteral("networking.istio.io"),
                                 QString::fromLatin1(plural));
}

std::pair<QString, QString> RolloutIstioRoutes::splitRef(const QString &ref) const
{
    const qsizetype slash = ref.indexOf(u'/');
    if (slash < 0)
        return {r.nameSpace(), ref};
    return {ref.left(slash), ref.mid(slash + 1)};
}

QList<int> RolloutIstioRoutes::routeIndexesToPatch(const QJsonArray &http,
                                                   const QStringList &routeNames)
{
    QList<int> indexes;
    for (int i = 0; i < http.size(); ++i) {
        const QString name = http.at(i).toObject().value(QLatin1String("name")).toString();
        if (routeNames.isEmpty() && (http.size() == 1 || name.isEmpty()))
            return {i};
        if (routeNames.contains(name))
            indexes.append(i);
    }
    return indexes;
}

RolloutIstioRoutes::RolloutIstioRoutes(RolloutReconciler &reconciler) :
    r(reconciler), m_istio(JsonUtil::objectAt(r.spec.canary(), "trafficRouting.istio"))
{
    for (const QJsonValue &value :
         JsonUtil::arrayAt(r.spec.canary(), "trafficRouting.managedRoutes"))
        m_managed << value.toObject().value(QLatin1String("name")).toString();
}

QJsonObject RolloutIstioRoutes::headerRoute(const QJsonObject &setHeaderRoute,
                                            const QJsonObject &canary)
{
    QJsonArray matches;
    for (const QJsonValue &value : setHeaderRoute.value(QLatin1String("match")).toArray()) {
        const QJsonObject match = value.toObject();
        QJsonObject stringMatch;
        const QJsonObject given = match.value(QLatin1String("headerValue")).toObject();
        for (const char *key : {"exact", "regex", "prefix"}) {
            if (!given.value(QLatin1String(key)).toString().isEmpty())
                stringMatch.insert(QLatin1String(key), given.value(QLatin1String(key)));
        }
        matches.append(QJsonObject {
            {QStringLiteral("headers"),
             QJsonObject {{match.value(QLatin1String("headerName")).toString(), stringMatch}}}});
    }
    const QJsonObject name {{QStringLiteral("name"), setHeaderRoute.value(QLatin1String("name"))}};
    if (matches.isEmpty())
        return name; // setHeaderRoute without match removes the route
    QJsonObject route = name;
    route.insert(QStringLiteral("match"), matches);
    route.insert(QStringLiteral("route"),
                 QJsonArray {QJsonObject {{QStringLiteral("destination"), canary},
                                          {QStringLiteral("weight"), 100}}});
    return route;
}

QJsonObject RolloutIstioRoutes::mirrorRoute(const QJsonObject &setMirrorRoute,
                                            const QJsonArray &weightRoute,
                                            const QJsonObject &mirror)
{
    const QJsonObject name {{QStringLiteral("name"), setMirrorRoute.value(QLatin1String("name"))}};
    const QJsonArray given = setMirrorRoute.value(QLatin1String("match")).toArray();
    if (given.isEmpty())
        return name;
    QJsonArray matches;
    for (const QJsonValue &value : given) {
        const QJsonObject match = value.toObject();
        QJsonObject istio;
        for (const auto &[from, to] : {std::pair {"method", "method"}, std::pair {"path", "uri"},
                                       std::pair {"headers", "headers"}}) {
            if (match.contains(QLatin1String(from)))
                istio.insert(QLatin1String(to), match.value(QLatin1String(from)));
        }
        matches.append(istio);
    }
    QJsonObject route = name;
    route.insert(QStringLiteral("match"), matches);
    route.insert(QStringLiteral("route"), weightRoute);
    route.insert(QStringLiteral("mirror"), mirror);
    const int percent = setMirrorRoute.value(QLatin1String("percentage")).toInt(100);
    route.insert(QStringLiteral("mirrorPercentage"),
                 QJsonObject {{QStringLiteral("value"), std::clamp(percent, 0, 100)}});
    return route;
}

QJsonArray RolloutIstioRoutes::withRoute(QJsonArray http, const QJsonObject &route,
                                         const QStringList &managed)
{
    const QString name = route.value(QLatin1String("name")).toString();
    for (qsizetype i = http.size() - 1; i >= 0; --i) {
        if (http.at(i).toObject().value(QLatin1String("name")).toString() == name)
            http.removeAt(i);
    }
    if (route.size() > 1)
        http.prepend(route);
    // orderRoutes: the managed routes first, in managedRoutes order, then the others.
    QJsonArray ordered;
    for (const QString &managedName : managed) {
        for (const QJsonValue &value : std::as_const(http)) {
            if (value.toObject().value(QLatin1String("name")).toString() == managedName)
                ordered.append(value);
        }
    }
    for (const QJsonValue &value : std::as_const(http)) {
        if (!managed.contains(value.toObject().value(QLatin1String("name")).toString()))
            ordered.append(value);
    }
    return ordered;
}

QJsonObject RolloutIstioRoutes::canaryDestination(const QJsonObject &virtualService) const
{
    QString host = r.spec.canaryService();
    const QString ruleName = JsonUtil::stringAt(m_istio, "destinationRule.name");
    QJsonObject destination;
    if (!ruleName.isEmpty()) {
        const ResourceType *rules = istioType("destinationrules");
        const auto rule = rules ? r.env.store.get(*rules, r.nameSpace(), ruleName) : std::nullopt;
        if (rule)
            host = JsonUtil::stringAt(*rule, "spec.host");
        destination.insert(QStringLiteral("subset"),
                           JsonUtil::stringAt(m_istio, "destinationRule.canarySubsetName"));
    }
    destination.insert(QStringLiteral("host"), host);
    // The port of the canary's destination in the VirtualService's routes, if it names one.
    for (const QJsonValue &http : JsonUtil::arrayAt(virtualService, "spec.http")) {
        for (const QJsonValue &value : http.toObject().value(QLatin1String("route")).toArray()) {
            const QJsonObject d = value.toObject().value(QLatin1String("destination")).toObject();
            if (d.value(QLatin1String("host")).toString() == host
                && d.contains(QLatin1String("port")))
                destination.insert(QStringLiteral("port"), d.value(QLatin1String("port")));
        }
    }
    return destination;
}

void RolloutIstioRoutes::reconcile()
{
    if (m_istio.isEmpty() || !istioType("virtualservices"))
        return;
    QList<std::pair<QString, QStringList>> virtualServices;
    const auto add = [&virtualServices](const QJsonObject &ref) {
        QStringList routes;
        for (const QJsonValue &route : ref.value(QLatin1String("routes")).toArray())
            routes << route.toString();
        const QString name = ref.value(QLatin1String("name")).toString();
        if (!name.isEmpty())
            virtualServices.append({name, routes});
    };
    add(m_istio.value(QLatin1String("virtualService")).toObject());
    for (const QJsonValue &value : m_istio.value(QLatin1String("virtualServices")).toArray())
        add(value.toObject());
    const bool finished = r.isFullyPromoted() || r.pause.isAborted(r.status);
    const int index = r.currentStepIndex();
    const QJsonObject step = index < r.spec.stepCount() ? r.spec.step(index) : QJsonObject();
    const bool routeStep = step.contains(QLatin1String("setHeaderRoute"))
        || step.contains(QLatin1String("setMirrorRoute"));
    updateDestinationRule();
    for (const auto &[ref, routes] : std::as_const(virtualServices)) {
        if (finished)
            removeManagedRoutes(ref);
        else if (routeStep)
            update(ref, routes, step);
        setWeight(ref, routes);
    }
}

void RolloutIstioRoutes::update(const QString &ref, const QStringList &routes,
                                const QJsonObject &step)
{
    const auto [ns, name] = splitRef(ref);
    const auto vs = r.env.store.get(*istioType("virtualservices"), ns, name);
    if (!vs)
        return;
    const QJsonArray http = JsonUtil::arrayAt(*vs, "spec.http");
    const bool header = step.contains(QLatin1String("setHeaderRoute"));
    const QJsonObject route = header
        ? headerRoute(step.value(QLatin1String("setHeaderRoute")).toObject(),
                      canaryDestination(*vs))
        : mirrorRoute(step.value(QLatin1String("setMirrorRoute")).toObject(),
                      istioMirroredWeightRoute(http, routes), canaryDestination(*vs));
    if (writeHttp(*vs, withRoute(http, route, m_managed))) {
        r.event(QStringLiteral("Updated VirtualService"),
                QStringLiteral("VirtualService `%1` set %2 '%3'")
                    .arg(name,
                         header ? QStringLiteral("headerRoute") : QStringLiteral("mirrorRoute"),
                         route.value(QLatin1String("name")).toString()));
    }
}

void RolloutIstioRoutes::removeManagedRoutes(const QString &ref)
{
    const auto [ns, name] = splitRef(ref);
    const auto vs = r.env.store.get(*istioType("virtualservices"), ns, name);
    if (!vs)
        return;
    QJsonArray kept;
    for (const QJsonValue &value : JsonUtil::arrayAt(*vs, "spec.http")) {
        if (!m_managed.contains(value.toObject().value(QLatin1String("name")).toString()))
            kept.append(value);
    }
    writeHttp(*vs, kept);
}

bool RolloutIstioRoutes::writeHttp(QJsonObject virtualService, const QJsonArray &http)
{
    if (JsonUtil::arrayAt(virtualService, "spec.http") == http)
        return false;
    JsonUtil::setAt(virtualService, "spec.http", http);
    if (!r.env.store.update(*istioType("virtualservices"), virtualService, WriteScope::Whole).ok())
        return false;
    r.markWritten();
    return true;
}

} // namespace rdsim

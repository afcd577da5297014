// SPDX-License-Identifier: GPL-3.0-or-later
// The weights half of RolloutIstioRoutes: Argo Rollouts' Istio router SetWeight (the
// VirtualService's weighted routes) and UpdateHash (the DestinationRule's subsets), from
// rollout/trafficrouting/istio/istio.go.
#include "rolloutistioroutes.h"

#include "jsonutil.h"
#include "rolloutpingpong.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"

#include <QMap>

#include <algorithm>

namespace rdsim {

namespace {

const QString kRolloutHashLabel = QStringLiteral("rollouts-pod-template-hash");

// getHost: Argo compares the first DNS label of a destination's host with the Services'
// names ("web-canary.shop.svc.cluster.local" is "web-canary"); a host starting with a dot
// is no Service.
QString istioWeightHost(const QJsonObject &destination)
{
    const QString host = JsonUtil::stringAt(destination, "destination.host");
    const qsizetype dot = host.indexOf(u'.');
    return dot < 0 ? host : host.left(dot);
}

QJsonObject istioWeightedDestination(QJsonObject destination, int weight)
{
    destination.insert(QStringLiteral("weight"), weight);
    return destination;
}

// One subset of the DestinationRule with the hash as its rollouts-pod-template-hash label,
// or without that label when there is no hash.
QJsonObject istioSubsetWithHash(QJsonObject subset, const QString &hash)
{
    QJsonObject labels = subset.value(QLatin1String("labels")).toObject();
    if (hash.isEmpty())
        labels.remove(kRolloutHashLabel);
    else
        labels.insert(kRolloutHashLabel, hash);
    subset.insert(QStringLiteral("labels"), labels);
    return subset;
}

} // namespace

QJsonArray RolloutIstioRoutes::weightedRoute(const QJsonArray &destinations,
                                             const IstioWeightTargets &targets, int canaryWeight,
                                             const QJsonArray &additional)
{
    const auto isSubset = [](const QString &subset, const QString &name) {
        return !subset.isEmpty() && subset == name;
    };
    int stableWeight = 100 - canaryWeight;
    QMap<QString, int> experimentWeights; // by the experiment template's Service
    for (const QJsonValue &value : additional) {
        const QJsonObject weightDestination = value.toObject();
        const int weight = weightDestination.value(QLatin1String("weight")).toInt();
        stableWeight -= weight;
        const QString service = weightDestination.value(QLatin1String("serviceName")).toString();
        if (!service.isEmpty())
            experimentWeights.insert(service, weight);
    }
    for (const QJsonValue &value : destinations) {
        const QString subset = JsonUtil::stringAt(value.toObject(), "destination.subset");
        if (targets.additionalSubsets.contains(subset) && !subset.isEmpty())
            stableWeight -= value.toObject().value(QLatin1String("weight")).toInt();
    }
    stableWeight = std::max(stableWeight, 0); // Istio refuses negative weights
    QJsonArray weighted;
    for (const QJsonValue &value : destinations) {
        const QJsonObject destination = value.toObject();
        const QString host = istioWeightHost(destination);
        const QString subset = JsonUtil::stringAt(destination, "destination.subset");
        if (host.isEmpty())
            weighted.append(destination);
        else if (host == targets.canaryService || isSubset(subset, targets.canarySubset))
            weighted.append(istioWeightedDestination(destination, canaryWeight));
        else if (host == targets.stableService || isSubset(subset, targets.stableSubset))
            weighted.append(istioWeightedDestination(destination, stableWeight));
        else if (experimentWeights.contains(host))
            weighted.append(istioWeightedDestination(destination, experimentWeights.take(host)));
        else if (!subset.isEmpty() && targets.additionalSubsets.contains(subset))
            weighted.append(destination);
        // Anything else is removed, as Argo does.
    }
    for (auto it = experimentWeights.cbegin(); it != experimentWeights.cend(); ++it) {
        weighted.append(QJsonObject {
            {QStringLiteral("destination"), QJsonObject {{QStringLiteral("host"), it.key()}}},
            {QStringLiteral("weight"), it.value()}});
    }
    return weighted;
}

IstioWeightTargets RolloutIstioRoutes::weightTargets() const
{
    const auto [stableService, canaryService] = PingPong::services(r);
    IstioWeightTargets targets;
    targets.stableService = stableService;
    targets.canaryService = canaryService;
    targets.stableSubset = JsonUtil::stringAt(m_istio, "destinationRule.stableSubsetName");
    targets.canarySubset = JsonUtil::stringAt(m_istio, "destinationRule.canarySubsetName");
    for (const QJsonValue &value :
         JsonUtil::arrayAt(m_istio, "destinationRule.additionalSubsetNames"))
        targets.additionalSubsets << value.toString();
    return targets;
}

void RolloutIstioRoutes::setWeight(const QString &ref, const QStringList &routes)
{
    const auto [ns, name] = splitRef(ref);
    const auto vs = r.env.store.get(*istioType("virtualservices"), ns, name);
    if (!vs)
        return;
    const int canaryWeight = int(JsonUtil::intAt(r.newStatus.weights, "canary.weight", 0));
    const QJsonArray additional = JsonUtil::arrayAt(r.newStatus.weights, "additional");
    QJsonArray http = JsonUtil::arrayAt(*vs, "spec.http");
    QList<int> indexes = routeIndexesToPatch(http, routes);
    // The managed mirror routes carry the rollout's weights too.
    for (int i = 0; i < http.size(); ++i) {
        const QJsonObject route = http.at(i).toObject();
        if (route.contains(QLatin1String("mirror"))
            && m_managed.contains(route.value(QLatin1String("name")).toString())
            && !indexes.contains(i))
            indexes.append(i);
    }
    const IstioWeightTargets targets = weightTargets();
    for (const int i : std::as_const(indexes)) {
        QJsonObject route = http.at(i).toObject();
        route.insert(QStringLiteral("route"),
                     weightedRoute(route.value(QLatin1String("route")).toArray(), targets,
                                   canaryWeight, additional));
        http.replace(i, route);
    }
    if (writeHttp(*vs, http)) {
        r.event(QStringLiteral("Updated VirtualService"),
                QStringLiteral("VirtualService `%1` set to desiredWeight '%2'")
                    .arg(name)
                    .arg(canaryWeight));
    }
}

void RolloutIstioRoutes::updateDestinationRule()
{
    const QString ruleName = JsonUtil::stringAt(m_istio, "destinationRule.name");
    const ResourceType *rules = istioType("destinationrules");
    if (ruleName.isEmpty() || !rules)
        return;
    const QString canaryHash = r.newRS ? r.newRS->hash() : QString();
    const QString stableHash = r.stableRS ? r.stableRS->hash() : QString();
    // shouldDelayDestinationRuleUpdate: without canary and stable Services the subsets are all
    // that tells the pods apart, so they move only once the pods behind them are available.
    if (r.spec.canaryService().isEmpty() && r.spec.stableService().isEmpty()) {
        for (const auto &rs : r.allRSs) {
            const bool routed = rs->hash() == canaryHash || rs->hash() == stableHash;
            if (routed && rs->specReplicas() > 0
                && (rs->available() == 0 || rs->available() < rs->specReplicas()))
                return;
        }
    }
    auto rule = r.env.store.get(*rules, r.nameSpace(), ruleName);
    if (!rule)
        return;
    const QJsonObject before = *rule;
    JsonUtil::setAnnotation(*rule, QStringLiteral("argo-rollouts.argoproj.io/managed-by-rollouts"),
                            r.name());
    const IstioWeightTargets targets = weightTargets();
    QJsonArray subsets;
    for (const QJsonValue &value : JsonUtil::arrayAt(*rule, "spec.subsets")) {
        const QJsonObject subset = value.toObject();
        const QString name = subset.value(QLatin1String("name")).toString();
        if (name == targets.canarySubset)
            subsets.append(istioSubsetWithHash(subset, canaryHash));
        else if (name == targets.stableSubset)
            subsets.append(istioSubsetWithHash(subset, stableHash));
        // Argo keeps no other subset (experiments' subsets are not simulated).
    }
    JsonUtil::setAt(*rule, "spec.subsets", subsets);
    if (*rule == before || !r.env.store.update(*rules, *rule, WriteScope::Whole).ok())
        return;
    r.markWritten();
    r.event(QStringLiteral("UpdatedDestinationRule"),
            QStringLiteral("DestinationRule %1 subset updated (%2: %3, %4: %5)")
                .arg(ruleName, targets.canarySubset, canaryHash, targets.stableSubset, stableHash));
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficrouting.h"

#include "replicasetstatus.h"
#include "rolloutstatus.h"

#include <QHash>

namespace {

QString names(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// "prefix \"/api\"": a match's kind is the API's word, not translated.
QString matchText(const StringMatchRule &rule)
{
    return rule.kind + QLatin1Char(' ') + quoted(rule.value);
}

QString virtualServiceText(const IstioVirtualServiceRef &vs)
{
    if (vs.routes.isEmpty())
        return vs.name;
    return vs.routes.size() == 1
        ? TrafficRouting::tr("%1 (route %2)").arg(vs.name, vs.routes.constFirst())
        : TrafficRouting::tr("%1 (routes %2)").arg(vs.name, names(vs.routes));
}

QString istioText(const IstioRouting &istio)
{
    QStringList parts;
    QStringList services;
    for (const IstioVirtualServiceRef &vs : istio.virtualServices)
        services.append(virtualServiceText(vs));
    if (services.size() == 1)
        parts.append(TrafficRouting::tr("VirtualService %1").arg(services.constFirst()));
    else if (!services.isEmpty())
        parts.append(TrafficRouting::tr("VirtualServices %1").arg(names(services)));
    if (!istio.destinationRule.isEmpty())
        parts.append(TrafficRouting::tr("DestinationRule %1 subsets %2/%3")
                         .arg(istio.destinationRule, istio.stableSubset, istio.canarySubset));
    return TrafficRouting::tr("Istio %1").arg(names(parts));
}

QString nginxText(const NginxRouting &nginx)
{
    QStringList parts {
        nginx.stableIngresses.size() == 1
            ? TrafficRouting::tr("stable Ingress %1").arg(nginx.stableIngresses.constFirst())
            : TrafficRouting::tr("stable Ingresses %1").arg(names(nginx.stableIngresses))};
    if (!nginx.annotationPrefix.isEmpty())
        parts.append(TrafficRouting::tr("annotation prefix %1").arg(nginx.annotationPrefix));
    if (!nginx.additionalAnnotationKeys.isEmpty())
        parts.append(TrafficRouting::tr("additional annotations %1")
                         .arg(names(nginx.additionalAnnotationKeys)));
    return TrafficRouting::tr("NGINX %1").arg(names(parts));
}

QString albText(const AlbRouting &alb)
{
    QStringList parts {alb.ingresses.size() == 1
                           ? TrafficRouting::tr("Ingress %1").arg(alb.ingresses.constFirst())
                           : TrafficRouting::tr("Ingresses %1").arg(names(alb.ingresses))};
    if (alb.servicePort)
        parts.append(TrafficRouting::tr("service port %1").arg(*alb.servicePort));
    if (!alb.rootService.isEmpty())
        parts.append(TrafficRouting::tr("root service %1").arg(alb.rootService));
    return TrafficRouting::tr("AWS ALB %1").arg(names(parts));
}

QString smiText(const SmiRouting &smi)
{
    QStringList parts {TrafficRouting::tr("TrafficSplit %1").arg(smi.trafficSplitName)};
    if (!smi.rootService.isEmpty())
        parts.append(TrafficRouting::tr("root service %1").arg(smi.rootService));
    return TrafficRouting::tr("SMI %1").arg(names(parts));
}

QString apisixText(const ApisixRouting &apisix)
{
    return apisix.rules.isEmpty() ? TrafficRouting::tr("Apache APISIX Route %1").arg(apisix.route)
                                  : TrafficRouting::tr("Apache APISIX Route %1 (rules %2)")
                                        .arg(apisix.route, names(apisix.rules));
}

QString weightText(const TrafficWeight &weight, const QString &role)
{
    QString text = TrafficRouting::tr("%1 %2 %").arg(role).arg(weight.weight);
    if (!weight.serviceName.isEmpty())
        text = TrafficRouting::tr("%1 to %2").arg(text, weight.serviceName);
    if (!weight.podTemplateHash.isEmpty())
        text = TrafficRouting::tr("%1 (%2)").arg(text, weight.podTemplateHash);
    return text;
}

QString headerMatchText(const HeaderRouteMatch &match)
{
    if (!match.exact.isEmpty())
        return match.headerName + QStringLiteral(" exact ") + quoted(match.exact);
    if (!match.prefix.isEmpty())
        return match.headerName + QStringLiteral(" prefix ") + quoted(match.prefix);
    if (!match.regex.isEmpty())
        return match.headerName + QStringLiteral(" regex ") + quoted(match.regex);
    return match.headerName;
}

QString mirrorMatchText(const MirrorRouteMatch &match)
{
    QStringList parts;
    if (match.method)
        parts.append(TrafficRouting::tr("method %1").arg(matchText(*match.method)));
    if (match.path)
        parts.append(TrafficRouting::tr("path %1").arg(matchText(*match.path)));
    for (const auto &[name, rule] : match.headers)
        parts.append(TrafficRouting::tr("header %1 %2").arg(name, matchText(rule)));
    return names(parts);
}

bool hasMatches(const RolloutStep &step)
{
    return step.kind == RolloutStep::Kind::SetHeaderRoute ? !step.headerMatches.isEmpty()
                                                          : !step.mirrorMatches.isEmpty();
}

QList<TrafficRouting::Line> weightLines(const Rollout &rollout)
{
    QList<TrafficRouting::Line> lines;
    const QString weights = TrafficRouting::weights(rollout.status);
    lines.append({QStringLiteral("weights"), TrafficRouting::tr("Weights"), weights,
                  TrafficRouting::tr("The weights the controller last set on the router "
                                     "(status.canary.weights)."),
                  false});
    const QString difference = TrafficRouting::weightDifference(rollout);
    if (!difference.isEmpty())
        lines.append(
            {QStringLiteral("weights:desired"), TrafficRouting::tr("Desired"), difference,
             TrafficRouting::tr("The router moves to the step's weight once the canary's pods are "
                                "available; until then the controller keeps the previous weight."),
             true});
    return lines;
}

} // namespace

QStringList TrafficRouting::routers(const CanaryStrategy &canary)
{
    const TrafficRoutingSpec &spec = canary.trafficRouting;
    QStringList out;
    // In the order the spec names them (trafficRouters keeps it).
    for (const QString &key : canary.trafficRouters) {
        if (key == QLatin1String("istio") && spec.istio)
            out.append(istioText(*spec.istio));
        else if (key == QLatin1String("nginx") && spec.nginx)
            out.append(nginxText(*spec.nginx));
        else if (key == QLatin1String("alb") && spec.alb)
            out.append(albText(*spec.alb));
        else if (key == QLatin1String("smi") && spec.smi)
            out.append(smiText(*spec.smi));
        else if (key == QLatin1String("traefik") && spec.traefikService)
            out.append(tr("Traefik TraefikService %1").arg(*spec.traefikService));
        else if (key == QLatin1String("apisix") && spec.apisix)
            out.append(apisixText(*spec.apisix));
        else if (key == QLatin1String("ambassador") && spec.ambassadorMappings)
            out.append(tr("Ambassador Mappings %1").arg(names(*spec.ambassadorMappings)));
        else if (key == QLatin1String("appMesh"))
            out.append(tr("AWS App Mesh"));
        else if (key != QLatin1String("plugins"))
            out.append(tr("%1 (a router this dashboard does not know)").arg(key));
    }
    for (const TrafficRouterPlugin &plugin : spec.plugins)
        out.append(tr("Plugin %1: %2").arg(plugin.name, QString::fromUtf8(plugin.config)));
    return out;
}

QString TrafficRouting::weights(const RolloutStatus &status)
{
    if (!status.canaryWeights)
        return tr("Not set yet");
    const TrafficWeights &w = *status.canaryWeights;
    QStringList parts {weightText(w.canary, tr("Canary")), weightText(w.stable, tr("stable"))};
    for (const TrafficWeight &additional : w.additional)
        parts.append(weightText(additional, tr("additional")));
    QString text = names(parts);
    if (w.verified && !*w.verified)
        text = tr("%1 (not verified yet)").arg(text);
    return text;
}

qint32 TrafficRouting::desiredCanaryWeight(const Rollout &rollout)
{
    // Fully promoted, the controller sends everything to stable, which is the new version.
    if (rollout.status.abort || isFullyPromoted(rollout))
        return 0;
    return currentSetWeight(rollout);
}

QString TrafficRouting::weightDifference(const Rollout &rollout)
{
    if (!rollout.status.canaryWeights)
        return QString();
    const qint32 set = rollout.status.canaryWeights->canary.weight;
    const qint32 desired = desiredCanaryWeight(rollout);
    if (set == desired)
        return QString();
    return tr("The controller last set %1 %; the current step asks for %2 %").arg(set).arg(desired);
}

QStringList TrafficRouting::pingPong(const Rollout &rollout, const QList<ReplicaSet> &replicaSets)
{
    QStringList out;
    if (!rollout.spec.canary || !rollout.spec.canary->hasPingPong)
        return out;
    const PingPongSpec &services = rollout.spec.canary->pingPong;
    for (const ReplicaSet &rs : replicaSets) {
        const ReplicaSetTags tags = replicaSetTags(rollout, rs);
        if (!tags.ping && !tags.pong)
            continue;
        const QString role = tags.stable ? tr("stable") : tr("canary");
        out.append(tags.ping ? tr("ReplicaSet %1 (%2): ping, service %3")
                                   .arg(rs.metadata.name, role, services.pingService)
                             : tr("ReplicaSet %1 (%2): pong, service %3")
                                   .arg(rs.metadata.name, role, services.pongService));
    }
    return out;
}

QList<const RolloutStep *> TrafficRouting::activeRoutes(const Rollout &rollout)
{
    QList<const RolloutStep *> out;
    qint32 index = -1;
    if (!rollout.spec.canary || rollout.status.abort || isFullyPromoted(rollout)
        || !currentCanaryStep(rollout, &index))
        return out;
    QHash<QString, qsizetype> placeOf; // route name -> its place in out
    const QList<RolloutStep> &steps = rollout.spec.canary->steps;
    for (qint32 i = 0; i <= index && i < steps.size(); ++i) {
        const RolloutStep &step = steps.at(i);
        if (step.kind != RolloutStep::Kind::SetHeaderRoute
            && step.kind != RolloutStep::Kind::SetMirrorRoute)
            continue;
        const auto place = placeOf.constFind(step.routeName);
        if (place == placeOf.constEnd()) {
            placeOf.insert(step.routeName, out.size());
            out.append(&step);
        } else {
            out[*place] = &step; // a later step of the same name replaces the route
        }
    }
    out.removeIf([](const RolloutStep *step) { return !hasMatches(*step); });
    return out;
}

QString TrafficRouting::routeText(const RolloutStep &step)
{
    if (step.kind == RolloutStep::Kind::SetHeaderRoute) {
        QStringList matches;
        for (const HeaderRouteMatch &match : step.headerMatches)
            matches.append(headerMatchText(match));
        return tr("Header route %1: %2").arg(step.routeName, names(matches));
    }
    QStringList matches;
    for (const MirrorRouteMatch &match : step.mirrorMatches)
        matches.append(mirrorMatchText(match));
    const QString percentage = step.mirrorPercentage
        ? tr("%1 % of requests").arg(*step.mirrorPercentage)
        : tr("all requests");
    return tr("Mirror route %1: %2 matching %3")
        .arg(step.routeName, percentage, matches.join(tr(" or ")));
}

QList<TrafficRouting::Line> TrafficRouting::lines(const Rollout &rollout,
                                                  const QList<ReplicaSet> &replicaSets)
{
    QList<Line> out;
    const CanaryStrategy *canary = rollout.spec.canary ? &*rollout.spec.canary : nullptr;
    if (!canary || !canary->hasTrafficRouting) {
        out.append({QStringLiteral("none"), tr("Routing"),
                    rollout.isCanary() ? tr("No traffic routing: the weight is the share of "
                                            "canary pods behind the services")
                                       : tr("No traffic routing: a blue-green rollout switches "
                                            "its services"),
                    QString(), false});
        return out;
    }
    const QStringList routerTexts = routers(*canary);
    for (qsizetype i = 0; i < routerTexts.size(); ++i)
        out.append({QStringLiteral("router:%1").arg(i), tr("Router"), routerTexts.at(i),
                    routerTexts.at(i), false});
    if (!canary->trafficRouting.managedRoutes.isEmpty())
        out.append({QStringLiteral("managedRoutes"), tr("Managed routes"),
                    names(canary->trafficRouting.managedRoutes), QString(), false});
    out.append(weightLines(rollout));
    const QStringList pingPongTexts = pingPong(rollout, replicaSets);
    for (qsizetype i = 0; i < pingPongTexts.size(); ++i)
        out.append({QStringLiteral("pingpong:%1").arg(i), tr("Ping-pong"), pingPongTexts.at(i),
                    QString(), false});
    for (const RolloutStep *step : activeRoutes(rollout)) {
        const QString text = routeText(*step);
        out.append(
            {QStringLiteral("route:%1").arg(step->routeName), tr("Route"), text, text, false});
    }
    return out;
}

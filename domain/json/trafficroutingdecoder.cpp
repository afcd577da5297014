// SPDX-License-Identifier: GPL-3.0-or-later
// The traffic routers a canary names (RolloutTrafficRouting), its ping-pong services and a
// setMirrorRoute step. Every list stops at TrafficRoutingSpec::maxListed entries.
#include "trafficroutingdecoder_p.h"

#include "rolloutspec.h"

namespace JsonRead {

namespace {

bool routingListHasRoom(const QStringList &list)
{
    return list.size() < TrafficRoutingSpec::maxListed;
}

// A name or a list of names (ingress and ingresses[] both land in one list).
void appendName(Context &ctx, Element value, const Path &path, QStringList &out)
{
    QString name;
    if (routingListHasRoom(out) && readToken(ctx, value, path, name) && !name.isEmpty())
        out.append(name);
}

void appendNames(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachElement(ctx, value, path,
                   [&](Element element, const Path &p) { appendName(ctx, element, p, out); });
}

void decodeVirtualService(Context &ctx, Element value, const Path &path,
                          QList<IstioVirtualServiceRef> &out)
{
    if (value.is_null() || out.size() >= TrafficRoutingSpec::maxListed)
        return;
    IstioVirtualServiceRef ref;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readToken(ctx, v, p, ref.name);
        else if (is(key, "routes"))
            appendNames(ctx, v, p, ref.routes);
    });
    out.append(ref);
}

void decodeIstio(Context &ctx, Element value, const Path &path, IstioRouting &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "virtualService")) {
            decodeVirtualService(ctx, v, p, out.virtualServices);
        } else if (is(key, "virtualServices")) {
            forEachElement(ctx, v, p, [&](Element element, const Path &ep) {
                decodeVirtualService(ctx, element, ep, out.virtualServices);
            });
        } else if (is(key, "destinationRule")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element dv, const Path &dp) {
                if (is(k, "name"))
                    readToken(ctx, dv, dp, out.destinationRule);
                else if (is(k, "canarySubsetName"))
                    readToken(ctx, dv, dp, out.canarySubset);
                else if (is(k, "stableSubsetName"))
                    readToken(ctx, dv, dp, out.stableSubset);
            });
        }
    });
}

void decodeNginx(Context &ctx, Element value, const Path &path, NginxRouting &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "stableIngress")) {
            appendName(ctx, v, p, out.stableIngresses);
        } else if (is(key, "stableIngresses")) {
            appendNames(ctx, v, p, out.stableIngresses);
        } else if (is(key, "annotationPrefix")) {
            readToken(ctx, v, p, out.annotationPrefix);
        } else if (is(key, "additionalIngressAnnotations")) {
            // The keys only: a value is the router's business and is never shown.
            forEachMember(ctx, v, p, [&](std::string_view k, Element, const Path &) {
                if (routingListHasRoom(out.additionalAnnotationKeys))
                    out.additionalAnnotationKeys.append(ctx.token(k));
            });
        }
    });
}

void decodeAlb(Context &ctx, Element value, const Path &path, AlbRouting &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "ingress"))
            appendName(ctx, v, p, out.ingresses);
        else if (is(key, "ingresses"))
            appendNames(ctx, v, p, out.ingresses);
        else if (is(key, "servicePort"))
            readInt32(ctx, v, p, out.servicePort);
        else if (is(key, "rootService"))
            readToken(ctx, v, p, out.rootService);
    });
}

void decodeSmi(Context &ctx, Element value, const Path &path, SmiRouting &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "rootService"))
            readToken(ctx, v, p, out.rootService);
        else if (is(key, "trafficSplitName"))
            readToken(ctx, v, p, out.trafficSplitName);
    });
}

void decodeApisix(Context &ctx, Element value, const Path &path, ApisixRouting &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (!is(key, "route"))
            return;
        forEachMember(ctx, v, p, [&](std::string_view k, Element rv, const Path &rp) {
            if (is(k, "name"))
                readToken(ctx, rv, rp, out.route);
            else if (is(k, "rules"))
                appendNames(ctx, rv, rp, out.rules);
        });
    });
}

// A compact JSON text cut at a UTF-8 boundary once longer than the limit, "…" marking the cut.
QByteArray boundedJson(Element value)
{
    QByteArray json = minifiedJson(value);
    if (json.size() <= TrafficRoutingSpec::maxPluginConfigBytes)
        return json;
    qsizetype end = TrafficRoutingSpec::maxPluginConfigBytes;
    while (end > 0 && (quint8(json.at(end)) & 0xC0) == 0x80)
        --end;
    json.truncate(end);
    return json + "\u2026";
}

void decodePlugins(Context &ctx, Element value, const Path &path, QList<TrafficRouterPlugin> &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &) {
        if (out.size() < TrafficRoutingSpec::maxListed)
            out.append({ctx.token(key), boundedJson(v)});
    });
}

void decodeManagedRoutes(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachElement(ctx, value, path, [&](Element element, const Path &p) {
        forEachMember(ctx, element, p, [&](std::string_view key, Element v, const Path &mp) {
            if (is(key, "name"))
                appendName(ctx, v, mp, out);
        });
    });
}

// One router's member of trafficRouting; false for a key that names no router.
bool decodeRouter(Context &ctx, std::string_view key, Element v, const Path &p,
                  TrafficRoutingSpec &out)
{
    if (is(key, "istio")) {
        decodeIstio(ctx, v, p, out.istio.emplace());
    } else if (is(key, "nginx")) {
        decodeNginx(ctx, v, p, out.nginx.emplace());
    } else if (is(key, "alb")) {
        decodeAlb(ctx, v, p, out.alb.emplace());
    } else if (is(key, "smi")) {
        decodeSmi(ctx, v, p, out.smi.emplace());
    } else if (is(key, "traefik")) {
        QString &service = out.traefikService.emplace();
        forEachMember(ctx, v, p, [&](std::string_view k, Element tv, const Path &tp) {
            if (is(k, "weightedTraefikServiceName"))
                readToken(ctx, tv, tp, service);
        });
    } else if (is(key, "apisix")) {
        decodeApisix(ctx, v, p, out.apisix.emplace());
    } else if (is(key, "ambassador")) {
        QStringList &mappings = out.ambassadorMappings.emplace();
        forEachMember(ctx, v, p, [&](std::string_view k, Element av, const Path &ap) {
            if (is(k, "mappings"))
                appendNames(ctx, av, ap, mappings);
        });
    } else if (is(key, "appMesh")) {
        out.appMesh = true;
    } else if (is(key, "plugins")) {
        decodePlugins(ctx, v, p, out.plugins);
    } else {
        return false;
    }
    return true;
}

void decodeStringMatch(Context &ctx, Element value, const Path &path,
                       std::optional<StringMatchRule> &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (out || !(is(key, "exact") || is(key, "prefix") || is(key, "regex")))
            return;
        StringMatchRule rule {ctx.token(key), QString()};
        if (readString(ctx, v, p, rule.value))
            out = rule;
    });
}

void decodeMirrorMatch(Context &ctx, Element value, const Path &path, MirrorRouteMatch &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "method")) {
            decodeStringMatch(ctx, v, p, out.method);
        } else if (is(key, "path")) {
            decodeStringMatch(ctx, v, p, out.path);
        } else if (is(key, "headers")) {
            forEachMember(ctx, v, p, [&](std::string_view name, Element hv, const Path &hp) {
                std::optional<StringMatchRule> rule;
                decodeStringMatch(ctx, hv, hp, rule);
                if (rule && out.headers.size() < TrafficRoutingSpec::maxListed)
                    out.headers.append({ctx.token(name), *rule});
            });
        }
    });
}

} // namespace

void decodeTrafficRouting(Context &ctx, Element value, const Path &path, CanaryStrategy &out)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    out.hasTrafficRouting = true;
    for (const simdjson::dom::key_value_pair &member : object) {
        const Path p = path.child(member.key);
        if (is(member.key, "maxTrafficWeight")) {
            readInt32(ctx, member.value, p, out.maxTrafficWeight);
        } else if (is(member.key, "managedRoutes")) {
            decodeManagedRoutes(ctx, member.value, p, out.trafficRouting.managedRoutes);
        } else if (!member.value.is_null()) {
            // An unknown key (a router newer than this dashboard) is still named as a router.
            decodeRouter(ctx, member.key, member.value, p, out.trafficRouting);
            if (routingListHasRoom(out.trafficRouters))
                out.trafficRouters.append(ctx.token(member.key));
        }
    }
}

void decodePingPong(Context &ctx, Element value, const Path &path, CanaryStrategy &out)
{
    out.hasPingPong = !value.is_null();
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "pingService"))
            readToken(ctx, v, p, out.pingPong.pingService);
        else if (is(key, "pongService"))
            readToken(ctx, v, p, out.pingPong.pongService);
    });
}

void decodeMirrorRoute(Context &ctx, Element value, const Path &path, RolloutStep &out)
{
    out.hasMirrorRoute = !value.is_null();
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name")) {
            readToken(ctx, v, p, out.routeName);
        } else if (is(key, "percentage")) {
            readInt32(ctx, v, p, out.mirrorPercentage);
        } else if (is(key, "match")) {
            forEachElement(ctx, v, p, [&](Element element, const Path &mp) {
                if (out.mirrorMatches.size() < TrafficRoutingSpec::maxListed)
                    decodeMirrorMatch(ctx, element, mp, out.mirrorMatches.emplaceBack());
            });
        }
    });
}

} // namespace JsonRead

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// spec.strategy.canary.trafficRouting as the dashboard shows it: which router the controller
// drives and the names of the objects it edits (pkg/apis/rollouts/v1alpha1/types.go,
// RolloutTrafficRouting). Only names and settings are kept, never the routers' own objects.

// An Istio VirtualService and the HTTP routes in it the controller weights (empty: its one
// route).
struct IstioVirtualServiceRef
{
    QString name;
    QStringList routes;

    bool operator==(const IstioVirtualServiceRef &o) const
    {
        return name == o.name && routes == o.routes;
    }
    bool operator!=(const IstioVirtualServiceRef &o) const { return !(*this == o); }
};

struct IstioRouting
{
    // virtualService and virtualServices[] in that order.
    QList<IstioVirtualServiceRef> virtualServices;
    QString destinationRule;
    QString canarySubset;
    QString stableSubset;

    bool operator==(const IstioRouting &o) const
    {
        return virtualServices == o.virtualServices && destinationRule == o.destinationRule
            && canarySubset == o.canarySubset && stableSubset == o.stableSubset;
    }
    bool operator!=(const IstioRouting &o) const { return !(*this == o); }
};

struct NginxRouting
{
    QStringList stableIngresses; // stableIngress and stableIngresses[]
    QString annotationPrefix;
    // Only the keys: the values are the router's business, and a key says what is added.
    QStringList additionalAnnotationKeys;

    bool operator==(const NginxRouting &o) const
    {
        return stableIngresses == o.stableIngresses && annotationPrefix == o.annotationPrefix
            && additionalAnnotationKeys == o.additionalAnnotationKeys;
    }
    bool operator!=(const NginxRouting &o) const { return !(*this == o); }
};

struct AlbRouting
{
    QStringList ingresses; // ingress and ingresses[]
    std::optional<qint32> servicePort;
    QString rootService;

    bool operator==(const AlbRouting &o) const
    {
        return ingresses == o.ingresses && servicePort == o.servicePort
            && rootService == o.rootService;
    }
    bool operator!=(const AlbRouting &o) const { return !(*this == o); }
};

struct SmiRouting
{
    QString rootService;
    QString trafficSplitName;

    bool operator==(const SmiRouting &o) const
    {
        return rootService == o.rootService && trafficSplitName == o.trafficSplitName;
    }
    bool operator!=(const SmiRouting &o) const { return !(*this == o); }
};

struct ApisixRouting
{
    QString route;
    QStringList rules;

    bool operator==(const ApisixRouting &o) const { return route == o.route && rules == o.rules; }
    bool operator!=(const ApisixRouting &o) const { return !(*this == o); }
};

// trafficRouting.plugins: a router plugin's name and its config as compact JSON.
struct TrafficRouterPlugin
{
    QString name;
    QByteArray config;

    bool operator==(const TrafficRouterPlugin &o) const
    {
        return name == o.name && config == o.config;
    }
    bool operator!=(const TrafficRouterPlugin &o) const { return !(*this == o); }
};

struct TrafficRoutingSpec
{
    // Lists read from a server are cut at this many entries, a plugin's config at this many
    // bytes: a hostile spec must not make the detail unreadable or slow.
    static constexpr qsizetype maxListed = 32;
    static constexpr qsizetype maxPluginConfigBytes = 2048;

    std::optional<IstioRouting> istio;
    std::optional<NginxRouting> nginx;
    std::optional<AlbRouting> alb;
    std::optional<SmiRouting> smi;
    std::optional<QString> traefikService; // weightedTraefikServiceName
    std::optional<ApisixRouting> apisix;
    std::optional<QStringList> ambassadorMappings;
    bool appMesh = false;
    QList<TrafficRouterPlugin> plugins;
    QStringList managedRoutes;

    bool operator==(const TrafficRoutingSpec &o) const
    {
        return istio == o.istio && nginx == o.nginx && alb == o.alb && smi == o.smi
            && traefikService == o.traefikService && apisix == o.apisix
            && ambassadorMappings == o.ambassadorMappings && appMesh == o.appMesh
            && plugins == o.plugins && managedRoutes == o.managedRoutes;
    }
    bool operator!=(const TrafficRoutingSpec &o) const { return !(*this == o); }
};

// spec.strategy.canary.pingPong: the two services that take turns as stable and canary.
struct PingPongSpec
{
    QString pingService;
    QString pongService;

    bool operator==(const PingPongSpec &o) const
    {
        return pingService == o.pingService && pongService == o.pongService;
    }
    bool operator!=(const PingPongSpec &o) const { return !(*this == o); }
};

// setMirrorRoute.match[]: a request is mirrored when its method, path and headers match;
// each match is "exact", "prefix" or "regex" with its value.
struct StringMatchRule
{
    QString kind; // "exact", "prefix" or "regex"
    QString value;

    bool operator==(const StringMatchRule &o) const { return kind == o.kind && value == o.value; }
    bool operator!=(const StringMatchRule &o) const { return !(*this == o); }
};

struct MirrorRouteMatch
{
    std::optional<StringMatchRule> method;
    std::optional<StringMatchRule> path;
    QList<std::pair<QString, StringMatchRule>> headers; // header name, its match

    bool operator==(const MirrorRouteMatch &o) const
    {
        return method == o.method && path == o.path && headers == o.headers;
    }
    bool operator!=(const MirrorRouteMatch &o) const { return !(*this == o); }
};

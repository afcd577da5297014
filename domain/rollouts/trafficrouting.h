// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replicaset.h"
#include "rollout.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What a canary's traffic routing does, in translated words: the routers and the objects the
// controller edits, the weights it last set (status.canary.weights) against the weight the
// current step asks for, which ReplicaSet is ping and which pong (as the kubectl plugin tags
// them, replicasetstatus.h), and the header and mirror routes in effect. Pure functions; a
// class only to give lupdate one translation context.
class TrafficRouting
{
    Q_DECLARE_TR_FUNCTIONS(TrafficRouting)

public:
    // One line of the detail's Traffic section: key is stable ("router:istio", "weights",
    // "route:NAME"), label names the kind, text is the line; attention marks what a release
    // manager must look at (weights that differ from the step's).
    struct Line
    {
        QString key;
        QString label;
        QString text;
        QString toolTip;
        bool attention = false;

        bool operator==(const Line &o) const
        {
            return key == o.key && label == o.label && text == o.text && toolTip == o.toolTip
                && attention == o.attention;
        }
    };

    // One sentence per router, in the spec's order: "Istio VirtualService checkout-vs (route
    // primary), DestinationRule checkout-dr subsets stable/canary", "NGINX Ingress …", a
    // plugin with its config. Empty without traffic routing.
    static QStringList routers(const CanaryStrategy &canary);
    // "Canary 20 % to checkout-canary (7f9c6d), stable 80 % to checkout-stable (5d4b8c)", or
    // "Not set yet" when the controller has recorded no weights.
    static QString weights(const RolloutStatus &status);
    // The weight the current step asks the router for: 0 once aborted or fully promoted (all
    // traffic goes to stable then), else the plugin's SetWeight.
    static qint32 desiredCanaryWeight(const Rollout &rollout);
    // Empty when the recorded canary weight is the desired one (or none is recorded), else
    // "The controller last set 10 %; the current step asks for 20 %".
    static QString weightDifference(const Rollout &rollout);
    // "ReplicaSet checkout-7f9c6d (stable): ping, service checkout-ping" for each ReplicaSet
    // the plugin tags ping or pong; empty without ping-pong.
    static QStringList pingPong(const Rollout &rollout, const QList<ReplicaSet> &replicaSets);
    // The setHeaderRoute and setMirrorRoute steps in effect at the current step, the latest
    // per route name (a step without matches removes its route); none once aborted or fully
    // promoted, when the controller removes the managed routes.
    static QList<const RolloutStep *> activeRoutes(const Rollout &rollout);
    // "Header route canary-header: X-Canary exact \"yes\"" or "Mirror route mirror: 35 % of
    // requests matching method exact \"GET\", path prefix \"/api\"".
    static QString routeText(const RolloutStep &step);
    // All of the above as the Traffic section's lines; a rollout without traffic routing
    // gives one line saying so.
    static QList<Line> lines(const Rollout &rollout, const QList<ReplicaSet> &replicaSets);
};

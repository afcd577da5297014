// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocdinstance.h"
#include "prometheusendpoint.h"
#include "safetynetsconfig.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// A web page about a workload, opened from the row menu: `url` with {environment},
// {context}, {namespace} and {name} filled in (e.g. the Argo CD or Grafana page).
struct EnvironmentLink
{
    QString name; // "Argo CD"
    QString url; // "https://argocd.example.com/applications/{namespace}/{name}"
    // The address for one workload, each value percent-encoded.
    QString expanded(const QString &environment, const QString &context,
                     const QString &namespaceName, const QString &workload) const;
    bool operator==(const EnvironmentLink &o) const { return name == o.name && url == o.url; }
    bool operator!=(const EnvironmentLink &o) const { return !(*this == o); }
};

// One environment of the fleet as the configuration describes it: a kubeconfig context,
// the namespaces to watch and how the window shows it. A value: the app builds the list,
// the fetchers and the models each get a copy.
struct EnvironmentSpec
{
    QString name; // unique; what the user sees ("prod", "staging")
    QString context; // kubeconfig context; empty = the current context
    QStringList namespaces; // empty = all namespaces
    QString colour; // "#rrggbb" or empty
    bool readOnly = false; // no actions offered
    int order = 0; // position in lists, ascending (then by name)
    PrometheusEndpoint prometheus; // where its metrics come from (see prometheusendpoint.h)
    QList<ArgoCdInstance> argocd {}; // `argocd:`: the Argo CD servers its applications come from
    bool isProtected = false; // `protected: true`: every action but pause asks first
    QList<EnvironmentLink> links {}; // `links:` in the config
    // `onGateFail: pause`: the window pauses a rollout of this environment when one of its
    // quality gates fails (only while the app runs; see gatecontroller.h). Default: notify.
    bool pauseOnGateFail = false;
    // `safetyNets:`: where its CI runs live and how to link to them (issue 15).
    SafetyNetsConfig safetyNets {};

    bool operator==(const EnvironmentSpec &o) const
    {
        return name == o.name && context == o.context && namespaces == o.namespaces
            && colour == o.colour && readOnly == o.readOnly && isProtected == o.isProtected
            && order == o.order && prometheus == o.prometheus && isProtected == o.isProtected
            && links == o.links && pauseOnGateFail == o.pauseOnGateFail && argocd == o.argocd
            && safetyNets == o.safetyNets;
    }
    bool operator!=(const EnvironmentSpec &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(EnvironmentSpec)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// `safetyNets:` of one environment in the config (issue 15): where the CI runs live and how
// to link to them. Every field is optional; without the block the safety nets read the
// rollout's own namespace and query Falco's counter from the environment's Prometheus.
//
//   safetyNets:
//     ciNamespaces: [argo, tekton-pipelines]   # where Workflows and PipelineRuns are listed
//     ciLabels:                                # a run matches when no image reference does
//       app.kubernetes.io/name: "{{rollout}}"
//     argoWorkflowsUrl: https://workflows.example.com
//     tektonDashboardUrl: https://tekton.example.com
//     falco: false                             # no falco_events query
struct SafetyNetsConfig
{
    QStringList ciNamespaces {}; // empty: the rollout's namespace
    // Label name and value template ({{rollout}}, {{namespace}}, {{environment}}).
    QList<QPair<QString, QString>> ciLabels {};
    QString argoWorkflowsUrl {}; // page of a run: <url>/workflows/<namespace>/<name>
    QString tektonDashboardUrl {}; // <url>/#/namespaces/<namespace>/pipelineruns/<name>
    bool falco = true;

    bool operator==(const SafetyNetsConfig &o) const
    {
        return ciNamespaces == o.ciNamespaces && ciLabels == o.ciLabels
            && argoWorkflowsUrl == o.argoWorkflowsUrl && tektonDashboardUrl == o.tektonDashboardUrl
            && falco == o.falco;
    }
    bool operator!=(const SafetyNetsConfig &o) const { return !(*this == o); }
};

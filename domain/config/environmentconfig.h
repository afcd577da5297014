// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The environments the dashboard shows, from the config file or from the kubeconfig.
//
// Config file (YAML, ~/.config/release-dashboard/config.yaml or --config FILE):
//
//   environments:
//     - name: prod              # required, unique
//       context: prod-admin     # kubeconfig context; default: the name
//       namespaces: [shop]      # default: all namespaces
//       order: 3                # position in lists; default: the entry's index
//       colour: "#c0392b"       # #rrggbb; default: none
//       readOnly: true          # default: false
//       protected: true         # every action but pause asks first; default: false
//       links:                  # web pages about a workload: its row menu, "Open In"
//         - name: Argo CD       #   {environment} {context} {namespace} {name} are filled in
//           url: https://argocd.example.com/applications/{namespace}/{name}
//         - name: Grafana       #   and the chart variables, pod_regex, from/to (linkvariables.h)
//           url: https://grafana.example.com/d/uid?var-ns={{namespace}}&from={{from}}&to={{to}}
//         - name: Loki          #   a JSON parameter is escaped as JSON, then encoded whole
//           url: 'https://g.example/explore?left={"queries":[{"expr":"{pod=~\"{{pod_regex}}\"}"}]}'
//       onGateFail: pause       # pause a rollout whose quality gate fails (while the app
//                               #   runs); default: notify
//       prometheus:             # default: service monitoring/prometheus:9090 through the
//         url: https://prom:9090  #   API server's service proxy; `false` turns metrics off;
//         pathPrefix: /prometheus #   all keys in prometheusconfig_p.h
//       safetyNets:             # CI runs and their web UIs (safetynetsconfig.h); optional
//         ciNamespaces: [argo, tekton-pipelines]
//         ciLabels:
//           app.kubernetes.io/name: "{{rollout}}"
//         argoWorkflowsUrl: https://workflows.example.com
//         tektonDashboardUrl: https://tekton.example.com
//         falco: true
//
// Every error names the file, the line (1-based) and the field, e.g.
// "config.yaml:7: environments[1].colour: 'red' is not a colour of the form #rrggbb".
class EnvironmentConfig
{
public:
    // No config file: every kubeconfig context is an environment named after it, in
    // kubeconfig order.
    static EnvironmentConfig fromContexts(const QStringList &contextNames);
    // These environments, as if read from a file (ContextGroups' one per cluster).
    static EnvironmentConfig fromSpecs(const QList<EnvironmentSpec> &environments);
    static bool fromYaml(const QByteArray &yaml, const QString &fileName, EnvironmentConfig *out,
                         QString *error);
    static bool fromFile(const QString &path, EnvironmentConfig *out, QString *error);
    // ~/.config/release-dashboard/config.yaml (QStandardPaths::GenericConfigLocation).
    static QString defaultPath();

    // Sorted by order, then by position in the file.
    const QList<EnvironmentSpec> &environments() const { return m_environments; }
    // The file the environments came from; empty for fromContexts().
    QString sourceFile() const { return m_sourceFile; }
    const EnvironmentSpec *environment(const QString &name) const;
    QStringList names() const;

    // False with a precise *error when an environment names a context the kubeconfig does
    // not have.
    bool checkContexts(const QStringList &contextNames, QString *error) const;
    // Marks every environment read-only (--read-only).
    void setAllReadOnly();

private:
    friend class EnvironmentConfigParser;
    QList<EnvironmentSpec> m_environments;
    QList<int> m_contextLines; // 1-based line of each environment's context (or name)
    QList<int> m_entryIndexes; // index in the file's environments list
    QString m_sourceFile;
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the environment config: the `prometheus:`, `argocd:` and `safetyNets:` blocks of
// one environment.

#include "argocdinstance.h"
#include "safetynetsconfig.h"
#include "serviceendpoint.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

// Reads one `prometheus:` value into a ServiceEndpoint:
//
//   prometheus:                        # absent: service monitoring/prometheus:9090, implicit
//     url: https://thanos.example      # direct; or `service:` below, not both
//     pathPrefix: /prometheus          # Mimir, VictoriaMetrics cluster, ...
//     headers: { X-Scope-OrgID: team-a }
//     bearerToken: ... | bearerTokenFile: /run/secrets/prom-token
//     basicAuth: { username: u, password: p | passwordFile: f }
//     tls: { ca: f, cert: f, key: f, insecureSkipVerify: false, serverName: n }
//   prometheus:
//     service: { namespace: monitoring, name: prometheus, port: 9090, scheme: https }
//   prometheus: false                  # no metrics for this environment
//
// and one `argocd:` value into ArgoCdInstances:
//
//   argocd:
//     - name: central                  # default: the URL's host, or "argocd"
//       url: https://argocd.example.com   # direct; or `service:` (default below)
//       token: ... | tokenFile: ~/.config/argocd/token
//       tls: { ca: f, insecureSkipVerify: false, serverName: n }
//       pathPrefix: /argo-cd           # the server's --rootpath
//       headers: { X-Tenant: a }
//     - name: in-cluster
//       service: { namespace: argocd, name: argocd-server, port: 443, scheme: https }
//       tokenFile: /run/secrets/argocd  # sent as the argocd.token cookie through the proxy
//
// and one `safetyNets:` value into a SafetyNetsConfig (its keys in safetynetsconfig.h).
//
// Errors name the file, line and field like the rest of the config and never quote a token,
// password or header value.
class EndpointConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentConfig)

public:
    explicit EndpointConfigParser(const QString &fileName);

    // where: "environments[2].prometheus". False with error() set.
    bool parse(const YAML::Node &node, const QString &where, ServiceEndpoint *out);
    // One environment's `argocd:` value (argocdconfig.cpp): a list of instances, or one
    // mapping. where: "environments[2].argocd".
    bool parseArgoCd(const YAML::Node &node, const QString &where, QList<ArgoCdInstance> *out);
    // One environment's `safetyNets:` mapping (endpointconfigsafetynets.cpp). where:
    // "environments[2].safetyNets".
    bool parseSafetyNets(const YAML::Node &node, const QString &where, SafetyNetsConfig *out);
    QString error() const { return m_error; }

private:
    static bool isDnsLabel(const QString &text); // a namespace or Service name
    static bool isAbsent(const YAML::Node &node);
    bool fail(const YAML::Node &node, const QString &what);
    bool fail(const YAML::Mark &mark, const QString &what);
    bool checkKeys(const YAML::Node &map, const QStringList &allowed, const QString &where);
    bool string(const YAML::Node &node, const QString &field, QString *out);
    // A string that may be a secret: its value never appears in an error.
    bool secret(const YAML::Node &node, const QString &field, QString *out);
    bool path(const YAML::Node &node, const QString &field, QString *out);
    bool boolean(const YAML::Node &node, const QString &field, bool *out);
    bool url(const YAML::Node &node, const QString &where, ServiceEndpoint *out);
    bool pathPrefix(const YAML::Node &node, const QString &where, ServiceEndpoint *out);
    bool headers(const YAML::Node &node, const QString &where, ServiceEndpoint *out);
    bool basicAuth(const YAML::Node &node, const QString &where, ServiceEndpoint *out);
    bool tls(const YAML::Node &node, const QString &where, ServiceEndpoint *out);
    bool service(const YAML::Node &node, const QString &where, ServiceEndpoint *out);
    bool argoCdInstance(const YAML::Node &node, const QString &where, ArgoCdInstance *out);
    bool ciNamespaces(const YAML::Node &node, const QString &field, QStringList *out);
    bool ciLabels(const YAML::Node &node, const QString &field,
                  QList<QPair<QString, QString>> *out);
    // An http(s) address without query or fragment, trailing '/' removed.
    bool pageUrl(const YAML::Node &node, const QString &field, QString *out);
    bool bearerToken(const YAML::Node &node, const QString &where, const char *tokenKey,
                     const char *fileKey, ServiceEndpoint *out);

    QString m_fileName;
    QString m_baseDir; // relative files are resolved against the config file's folder
    QString m_error;
};

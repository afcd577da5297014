// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the environment config: the `prometheus:` block of one environment.

#include "prometheusendpoint.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

// Reads one `prometheus:` value into a PrometheusEndpoint:
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
// Errors name the file, line and field like the rest of the config and never quote a token,
// password or header value.
class PrometheusConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentConfig)

public:
    explicit PrometheusConfigParser(const QString &fileName);

    // where: "environments[2].prometheus". False with error() set.
    bool parse(const YAML::Node &node, const QString &where, PrometheusEndpoint *out);
    QString error() const { return m_error; }

private:
    bool fail(const YAML::Node &node, const QString &what);
    bool fail(const YAML::Mark &mark, const QString &what);
    bool checkKeys(const YAML::Node &map, const QStringList &allowed, const QString &where);
    bool string(const YAML::Node &node, const QString &field, QString *out);
    // A string that may be a secret: its value never appears in an error.
    bool secret(const YAML::Node &node, const QString &field, QString *out);
    bool path(const YAML::Node &node, const QString &field, QString *out);
    bool boolean(const YAML::Node &node, const QString &field, bool *out);
    bool url(const YAML::Node &node, const QString &where, PrometheusEndpoint *out);
    bool pathPrefix(const YAML::Node &node, const QString &where, PrometheusEndpoint *out);
    bool headers(const YAML::Node &node, const QString &where, PrometheusEndpoint *out);
    bool basicAuth(const YAML::Node &node, const QString &where, PrometheusEndpoint *out);
    bool tls(const YAML::Node &node, const QString &where, PrometheusEndpoint *out);
    bool service(const YAML::Node &node, const QString &where, PrometheusEndpoint *out);

    QString m_fileName;
    QString m_baseDir; // relative files are resolved against the config file's folder
    QString m_error;
};

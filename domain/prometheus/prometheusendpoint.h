// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

// Where an environment's Prometheus (or Thanos, Mimir, VictoriaMetrics) query API is and how
// to authenticate, from the `prometheus:` block of the environment config. A value.
//
// Two ways to reach it:
// - Direct: `url` (+ `pathPrefix`) with its own auth (bearer token or basic) and TLS.
// - ServiceProxy: through the cluster's API server service proxy,
//   /api/v1/namespaces/NS/services/[SCHEME:]NAME:PORT/proxy/, with the kubeconfig's
//   credentials. Without a `prometheus:` block this is the default, aimed at
//   monitoring/prometheus:9090 (the address the Argo Rollouts examples and our demo use),
//   and `isImplicit` is set so the UI can say "not configured" rather than "broken".
//
// Secrets (bearerToken, password) are held here because the client needs them; nothing
// prints them: describe() and the QDebug operator leave them out, and so do all errors.
struct PrometheusEndpoint
{
    enum class Mode { Disabled, Direct, ServiceProxy };

    Mode mode = Mode::ServiceProxy;
    bool isImplicit = true; // no `prometheus:` block in the config: the defaults below

    // Direct mode. url: scheme://host[:port][/path], no trailing '/'.
    QString url;
    // Both modes: appended to the base (e.g. "/prometheus" for Mimir); "" or "/x[/y]".
    QString pathPrefix;
    // Both modes: extra request headers in file order (e.g. X-Scope-OrgID).
    QList<QPair<QString, QString>> headers;

    // Direct mode only. Files are absolute (resolved against the config file's folder);
    // token and password files are re-read on every request so rotation works.
    QString bearerToken;
    QString bearerTokenFile;
    QString username;
    QString password;
    QString passwordFile;
    QString caFile;
    QString certFile;
    QString keyFile;
    bool insecureSkipVerify = false;
    QString serverName; // TLS name to verify instead of the URL's host

    // ServiceProxy mode.
    QString serviceNamespace = QStringLiteral("monitoring");
    QString serviceName = QStringLiteral("prometheus");
    QString servicePort = QStringLiteral("9090"); // a number or a port name ("web")
    QString serviceScheme; // "", "http" or "https"

    bool isEnabled() const { return mode != Mode::Disabled; }
    bool hasBasicAuth() const
    {
        return !username.isEmpty() || !password.isEmpty() || !passwordFile.isEmpty();
    }

    // "https://thanos.example:9090/prometheus" or "service monitoring/prometheus:9090"; never a
    // secret (safe for logs, the status bar and cache keys).
    QString describe() const;
    // The service proxy path without a trailing '/':
    // "/api/v1/namespaces/monitoring/services/https:prometheus:9091/proxy".
    QString serviceProxyPath() const;

    bool operator==(const PrometheusEndpoint &o) const;
    bool operator!=(const PrometheusEndpoint &o) const { return !(*this == o); }
};

// Prints describe() and which credentials are set, never their values.
QDebug operator<<(QDebug debug, const PrometheusEndpoint &endpoint);

Q_DECLARE_METATYPE(PrometheusEndpoint)

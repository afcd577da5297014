// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

// Where an HTTP API beside the cluster is and how to authenticate: an environment's
// Prometheus (or Thanos, Mimir, VictoriaMetrics) from its `prometheus:` block, or an Argo CD
// API server from its `argocd:` list (ArgoCdInstance). A value.
//
// Two ways to reach it:
// - Direct: `url` (+ `pathPrefix`) with its own auth (bearer token or basic) and TLS.
// - ServiceProxy: through the cluster's API server service proxy,
//   /api/v1/namespaces/NS/services/[SCHEME:]NAME:PORT/proxy/, with the kubeconfig's
//   credentials. The member defaults are Prometheus': without a `prometheus:` block this is
//   the default, aimed at
//   monitoring/prometheus:9090 (the address the Argo Rollouts examples and our demo use),
//   and `isImplicit` is set so the UI can say "not configured" rather than "broken".
//
// Argo CD through the service proxy still needs its own token: the API server drops the
// Authorization header after authenticating, so the token travels as the `argocd.token`
// cookie (tokenAsCookie).
//
// Secrets (bearerToken, password) are held here because the client needs them; nothing
// prints them: describe() and the QDebug operator leave them out, and so do all errors.
struct ServiceEndpoint
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
    // Send the bearer token as this cookie instead of an Authorization header (Argo CD's
    // `argocd.token`): the only way it passes the service proxy.
    QString tokenCookie;

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

    bool operator==(const ServiceEndpoint &o) const;
    bool operator!=(const ServiceEndpoint &o) const { return !(*this == o); }
};

// Prints describe() and which credentials are set, never their values.
QDebug operator<<(QDebug debug, const ServiceEndpoint &endpoint);

Q_DECLARE_METATYPE(ServiceEndpoint)

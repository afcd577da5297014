// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Where a gating webhook points: the Flagger load tester's gate endpoints
// (pkg/loadtester/server.go: /gate/check, /gate/open, /gate/close, /rollback/check,
// /rollback/open, /rollback/close, and the fixed /gate/approve and /gate/halt), as a
// Kubernetes Service a desktop client reaches through the API server's service proxy: the
// load tester is normally reachable only inside the cluster.
struct FlaggerGateEndpoint
{
    bool valid = false;
    QString invalidReason; // translated, set when !valid
    QString scheme; // http or https
    QString serviceName;
    QString namespaceName;
    qint32 port = 0; // the URL's, else 80 or 443
    QString path; // "/gate/check"

    // True for a /check endpoint, whose /open and /close siblings change the gate's state;
    // /gate/approve and /gate/halt answer the same whatever is posted.
    bool isSwitchable() const;
    // The sibling endpoint of a /check path: siblingPath("open") of "/gate/check" is
    // "/gate/open" (a prefix before it is kept); empty when !isSwitchable().
    QString siblingPath(const QString &action) const;
    // The API server path that proxies endpointPath to the service:
    // "/api/v1/namespaces/test/services/flagger-loadtester:80/proxy/gate/open" (an https
    // service as "https:name:port").
    QString proxyPath(const QString &endpointPath) const;

    bool operator==(const FlaggerGateEndpoint &o) const
    {
        return valid == o.valid && invalidReason == o.invalidReason && scheme == o.scheme
            && serviceName == o.serviceName && namespaceName == o.namespaceName && port == o.port
            && path == o.path;
    }
    bool operator!=(const FlaggerGateEndpoint &o) const { return !(*this == o); }
};

// A webhook URL as an in-cluster Service: "http://flagger-loadtester.test/gate/check" is
// the service flagger-loadtester in namespace test, port 80, path /gate/check. The host may
// be name.namespace, name.namespace.svc or name.namespace.svc.cluster.local, each part a DNS
// label. Anything else is invalid with the reason: a bare name (Flagger resolves it in its own
// namespace, which the dashboard cannot know), an IP address, an outside host name, another
// scheme, user info, a malformed URL (shown without its user info).
FlaggerGateEndpoint parseLoadTesterUrl(const QString &url);

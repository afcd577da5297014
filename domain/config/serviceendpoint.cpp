// SPDX-License-Identifier: GPL-3.0-or-later
#include "serviceendpoint.h"

#include <QCoreApplication>

QString ServiceEndpoint::describe() const
{
    switch (mode) {
    case Mode::Disabled:
        return QCoreApplication::translate("ServiceEndpoint", "Prometheus disabled");
    case Mode::Direct:
        return url + pathPrefix;
    case Mode::ServiceProxy:
        break;
    }
    const QString scheme = serviceScheme.isEmpty() ? QString() : serviceScheme + QLatin1Char(':');
    return QCoreApplication::translate("ServiceEndpoint", "service %1/%2%3:%4%5")
        .arg(serviceNamespace, scheme, serviceName, servicePort, pathPrefix);
}

QString ServiceEndpoint::serviceProxyPath() const
{
    const QString scheme = serviceScheme.isEmpty() ? QString() : serviceScheme + QLatin1Char(':');
    return QStringLiteral("/api/v1/namespaces/%1/services/%2%3:%4/proxy")
        .arg(serviceNamespace, scheme, serviceName, servicePort);
}

bool ServiceEndpoint::operator==(const ServiceEndpoint &o) const
{
    return mode == o.mode && isImplicit == o.isImplicit && url == o.url
        && pathPrefix == o.pathPrefix && headers == o.headers && bearerToken == o.bearerToken
        && bearerTokenFile == o.bearerTokenFile && username == o.username && password == o.password
        && passwordFile == o.passwordFile && caFile == o.caFile && certFile == o.certFile
        && keyFile == o.keyFile && insecureSkipVerify == o.insecureSkipVerify
        && serverName == o.serverName && serviceNamespace == o.serviceNamespace
        && serviceName == o.serviceName && servicePort == o.servicePort
        && serviceScheme == o.serviceScheme && tokenCookie == o.tokenCookie;
}

QDebug operator<<(QDebug debug, const ServiceEndpoint &endpoint)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "ServiceEndpoint(" << endpoint.describe();
    if (!endpoint.bearerToken.isEmpty())
        debug << ", bearerToken=<redacted>";
    if (!endpoint.bearerTokenFile.isEmpty())
        debug << ", bearerTokenFile=" << endpoint.bearerTokenFile;
    if (endpoint.hasBasicAuth())
        debug << ", basicAuth=" << endpoint.username << ":<redacted>";
    QStringList names;
    for (const auto &header : endpoint.headers)
        names << header.first;
    if (!names.isEmpty()) // header values may be credentials: names only
        debug << ", headers=" << names.join(QStringLiteral(","));
    if (endpoint.insecureSkipVerify)
        debug << ", insecureSkipVerify";
    debug << ')';
    return debug;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggergate.h"

#include "secretredaction.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace {

// Longer URLs are no webhook anyone wrote by hand.
constexpr qsizetype maxUrlLength = 2048;
const QString checkSuffix = QStringLiteral("/check");

// The translation context of the reasons.
class GateText
{
    Q_DECLARE_TR_FUNCTIONS(FlaggerGateEndpoint)
};

bool isIpAddress(const QString &host)
{
    static const QRegularExpression ipv4(QStringLiteral("^[0-9]+(\\.[0-9]+){3}$"));
    return host.contains(QLatin1Char(':')) || ipv4.match(host).hasMatch();
}

FlaggerGateEndpoint invalid(const QString &reason)
{
    FlaggerGateEndpoint endpoint;
    endpoint.invalidReason = reason;
    return endpoint;
}

// A DNS-1123 label, what Service and namespace names are.
bool isDnsLabel(const QString &text)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return label.match(text).hasMatch();
}

// name.namespace, name.namespace.svc or name.namespace.svc.cluster.local: true when the host
// names a service, which it fills in. A bare name is resolved by Flagger in its own namespace,
// which the dashboard cannot know (the caller refuses it); name.namespace.svc.example.com is
// resolved outside the cluster, so it is not the Service the proxy would reach.
bool readServiceHost(const QString &host, FlaggerGateEndpoint &out)
{
    const QStringList labels = host.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (!isDnsLabel(label))
            return false;
    }
    if (labels.size() < 2)
        return false;
    if (labels.size() > 2 && labels.at(2) != QLatin1String("svc"))
        return false; // loadtester.example.com: outside the cluster
    if (labels.size() > 3
        && labels.mid(3) != QStringList({QStringLiteral("cluster"), QStringLiteral("local")}))
        return false;
    out.serviceName = labels.at(0);
    out.namespaceName = labels.at(1);
    return true;
}

} // namespace

FlaggerGateEndpoint parseLoadTesterUrl(const QString &url)
{
    if (url.size() > maxUrlLength)
        return invalid(GateText::tr("the URL is longer than %1 characters").arg(maxUrlLength));
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (url.trimmed().isEmpty() || !parsed.isValid() || parsed.isRelative())
        return invalid(GateText::tr("\"%1\" is not a URL").arg(SecretRedaction::url(url)));
    FlaggerGateEndpoint out;
    out.scheme = parsed.scheme().toLower();
    if (out.scheme != QLatin1String("http") && out.scheme != QLatin1String("https"))
        return invalid(GateText::tr("the scheme %1 is not http or https").arg(out.scheme));
    if (!parsed.userInfo().isEmpty())
        return invalid(GateText::tr("the URL carries user credentials"));
    const QString host = parsed.host().toLower();
    if (host.isEmpty())
        return invalid(GateText::tr("the URL has no host"));
    if (isIpAddress(host))
        return invalid(GateText::tr("%1 is an IP address, not a service in the cluster").arg(host));
    if (!host.contains(QLatin1Char('.')) && isDnsLabel(host))
        return invalid(GateText::tr("%1 names no namespace: Flagger resolves it in its own "
                                    "namespace, which the dashboard cannot know (write "
                                    "%1.<namespace>)")
                           .arg(host));
    if (!readServiceHost(host, out)) {
        return invalid(GateText::tr("%1 is not a service in the cluster (expected name.namespace, "
                                    "name.namespace.svc or name.namespace.svc.cluster.local)")
                           .arg(host));
    }
    out.port = parsed.port(out.scheme == QLatin1String("https") ? 443 : 80);
    out.path = parsed.path().isEmpty() ? QStringLiteral("/") : parsed.path();
    out.valid = true;
    return out;
}

bool FlaggerGateEndpoint::isSwitchable() const
{
    return valid && path.endsWith(checkSuffix);
}

QString FlaggerGateEndpoint::siblingPath(const QString &action) const
{
    if (!isSwitchable())
        return QString();
    return path.chopped(checkSuffix.size()) + QLatin1Char('/') + action;
}

QString FlaggerGateEndpoint::proxyPath(const QString &endpointPath) const
{
    const QString service
        = (scheme == QLatin1String("https") ? QStringLiteral("https:") : QString()) + serviceName
        + QLatin1Char(':') + QString::number(port);
    const QString path = endpointPath.startsWith(QLatin1Char('/'))
        ? endpointPath
        : QLatin1Char('/') + endpointPath;
    return QStringLiteral("/api/v1/namespaces/%1/services/%2/proxy%3")
        .arg(namespaceName, service, path);
}

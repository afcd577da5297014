// SPDX-License-Identifier: GPL-3.0-or-later
// EndpointConfigParser's `argocd:` part: the Argo CD API servers of one environment.
#include "endpointconfig_p.h"
#include "yamlkeys.h"

#include <QSet>
#include <QUrl>

bool EndpointConfigParser::parseArgoCd(const YAML::Node &node, const QString &where,
                                       QList<ArgoCdInstance> *out)
{
    out->clear();
    if (isAbsent(node))
        return true;
    if (node.IsMap()) {
        ArgoCdInstance instance;
        if (!argoCdInstance(node, where, &instance))
            return false;
        out->append(instance);
        return true;
    }
    if (!node.IsSequence())
        return fail(node, tr("%1: must be a list of Argo CD servers").arg(where));
    QSet<QString> names;
    for (std::size_t i = 0; i < node.size(); ++i) {
        ArgoCdInstance instance;
        const QString itemWhere = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!argoCdInstance(node[i], itemWhere, &instance))
            return false;
        if (names.contains(instance.name)) {
            return fail(node[i],
                        tr("%1: the name '%2' is used twice; give each server its own 'name'")
                            .arg(itemWhere, instance.name));
        }
        names.insert(instance.name);
        out->append(instance);
    }
    return true;
}

bool EndpointConfigParser::argoCdInstance(const YAML::Node &node, const QString &where,
                                          ArgoCdInstance *out)
{
    *out = ArgoCdInstance::defaults();
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping (url or service, token)").arg(where));
    if (!checkKeys(node,
                   {QStringLiteral("name"), QStringLiteral("url"), QStringLiteral("service"),
                    QStringLiteral("token"), QStringLiteral("tokenFile"),
                    QStringLiteral("pathPrefix"), QStringLiteral("headers"), QStringLiteral("tls")},
                   where))
        return false;
    ServiceEndpoint *endpoint = &out->endpoint;
    const YAML::Node urlNode = node["url"];
    const YAML::Node serviceNode = node["service"];
    if (!isAbsent(urlNode) && serviceNode.IsDefined())
        return fail(serviceNode, tr("%1: set 'url' or 'service', not both").arg(where));
    if (!isAbsent(urlNode)) {
        endpoint->mode = ServiceEndpoint::Mode::Direct;
        if (!url(urlNode, where, endpoint))
            return false;
        out->name = QUrl(endpoint->url).host();
    } else {
        const YAML::Node tlsNode = node["tls"];
        if (tlsNode.IsDefined()) {
            return fail(tlsNode,
                        tr("%1.tls: only used with 'url'; through the service proxy the "
                           "kubeconfig's TLS settings apply")
                            .arg(where));
        }
        if (!service(serviceNode, where, endpoint))
            return false;
    }
    const YAML::Node name = node["name"];
    if (!isAbsent(name) && !string(name, where + QStringLiteral(".name"), &out->name))
        return false;
    if (!isAbsent(node["pathPrefix"]) && !pathPrefix(node["pathPrefix"], where, endpoint))
        return false;
    if (!bearerToken(node, where, "token", "tokenFile", endpoint))
        return false;
    if (!isAbsent(node["tls"]) && !tls(node["tls"], where, endpoint))
        return false;
    const YAML::Node headerNode = node["headers"];
    if (!isAbsent(headerNode) && !headers(headerNode, where, endpoint))
        return false;
    for (const auto &header : std::as_const(endpoint->headers)) {
        const QString lower = header.first.toLower();
        if (lower == QLatin1String("authorization") || lower == QLatin1String("cookie")) {
            return fail(headerNode,
                        tr("%1.headers: '%2' is set by the client from 'token' or 'tokenFile'")
                            .arg(where, header.first));
        }
    }
    return true;
}

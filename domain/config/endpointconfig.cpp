// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpointconfig_p.h"
#include "secretredaction.h"
#include "yamlkeys.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace {

// RFC 9110 token characters: what a header name may hold.
bool isHeaderName(const QString &name)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(name).hasMatch();
}

// A Service port: a number, or an IANA service name as Kubernetes validates port names.
bool isServicePort(const QString &text)
{
    bool isNumber = false;
    const int port = text.toInt(&isNumber);
    if (isNumber)
        return port >= 1 && port <= 65535;
    static const QRegularExpression name(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    static const QRegularExpression letter(QStringLiteral("[a-z]"));
    return text.size() <= 15 && name.match(text).hasMatch() && letter.match(text).hasMatch()
        && !text.contains(QStringLiteral("--"));
}

} // namespace

bool EndpointConfigParser::isDnsLabel(const QString &text)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return label.match(text).hasMatch();
}

bool EndpointConfigParser::isAbsent(const YAML::Node &node)
{
    return !node.IsDefined() || node.IsNull();
}

EndpointConfigParser::EndpointConfigParser(const QString &fileName) :
    m_fileName(fileName), m_baseDir(QFileInfo(fileName).absolutePath())
{ }

bool EndpointConfigParser::fail(const YAML::Node &node, const QString &what)
{
    return fail(node.Mark(), what);
}

bool EndpointConfigParser::fail(const YAML::Mark &mark, const QString &what)
{
    m_error = QStringLiteral("%1:%2: %3").arg(m_fileName).arg(mark.line + 1).arg(what);
    return false;
}

bool EndpointConfigParser::checkKeys(const YAML::Node &map, const QStringList &allowed,
                                     const QString &where)
{
    YAML::Mark at;
    const QString problem = YamlKeys::check(map, allowed, where, &at);
    return problem.isEmpty() || fail(at, problem);
}

bool EndpointConfigParser::string(const YAML::Node &node, const QString &field, QString *out)
{
    if (!node.IsScalar())
        return fail(node, tr("%1: must be a string").arg(field));
    *out = QString::fromStdString(node.Scalar());
    if (out->isEmpty())
        return fail(node, tr("%1: must not be empty").arg(field));
    return true;
}

bool EndpointConfigParser::secret(const YAML::Node &node, const QString &field, QString *out)
{
    if (!node.IsScalar() || node.Scalar().empty())
        return fail(node, tr("%1: must be a non-empty string").arg(field));
    *out = QString::fromStdString(node.Scalar());
    return true;
}

bool EndpointConfigParser::path(const YAML::Node &node, const QString &field, QString *out)
{
    QString text;
    if (!string(node, field, &text))
        return false;
    if (text.startsWith(QStringLiteral("~/")))
        text = QDir::home().filePath(text.mid(2));
    *out = QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(text));
    return true;
}

bool EndpointConfigParser::boolean(const YAML::Node &node, const QString &field, bool *out)
{
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, *out))
        return fail(node, tr("%1: must be true or false").arg(field));
    return true;
}

bool EndpointConfigParser::url(const YAML::Node &node, const QString &where, ServiceEndpoint *out)
{
    const QString field = where + QStringLiteral(".url");
    // Checked first: the text holds a password, so it is not quoted.
    if (node.IsScalar()
        && !QUrl(QString::fromStdString(node.Scalar()), QUrl::StrictMode).userInfo().isEmpty())
        return fail(node, tr("%1: must not contain credentials; use basicAuth").arg(field));
    return pageUrl(node, field, &out->url);
}

bool EndpointConfigParser::pageUrl(const YAML::Node &node, const QString &field, QString *out)
{
    QString text;
    if (!string(node, field, &text))
        return false;
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.userInfo().isEmpty())
        return fail(node, tr("%1: must not contain credentials").arg(field));
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))
        || parsed.host().isEmpty()) {
        return fail(
            node,
            tr("%1: '%2' is not an http or https URL").arg(field, SecretRedaction::url(text)));
    }
    if (parsed.hasQuery() || parsed.hasFragment())
        return fail(node,
                    tr("%1: '%2' must not have a query or fragment")
                        .arg(field, SecretRedaction::url(text)));
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    *out = text;
    return true;
}

bool EndpointConfigParser::pathPrefix(const YAML::Node &node, const QString &where,
                                      ServiceEndpoint *out)
{
    const QString field = where + QStringLiteral(".pathPrefix");
    QString text;
    if (!string(node, field, &text))
        return false;
    if (!text.startsWith(QLatin1Char('/')) || text.contains(QLatin1Char('?'))
        || text.contains(QLatin1Char('#'))) {
        return fail(node, tr("%1: '%2' must be a path starting with '/'").arg(field, text));
    }
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    out->pathPrefix = text;
    return true;
}

bool EndpointConfigParser::headers(const YAML::Node &node, const QString &where,
                                   ServiceEndpoint *out)
{
    const QString field = where + QStringLiteral(".headers");
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping of header names to values").arg(field));
    QSet<QString> seen;
    for (const auto &item : node) {
        const QString name
            = item.first.IsScalar() ? QString::fromStdString(item.first.Scalar()) : QString();
        if (!isHeaderName(name))
            return fail(item.first, tr("%1: '%2' is not a valid header name").arg(field, name));
        if (seen.contains(name.toLower()))
            return fail(item.first, tr("%1: duplicate header '%2'").arg(field, name));
        seen.insert(name.toLower());
        static const QStringList reserved
            = {QStringLiteral("host"), QStringLiteral("content-length"),
               QStringLiteral("content-type"), QStringLiteral("transfer-encoding")};
        if (reserved.contains(name.toLower()))
            return fail(item.first, tr("%1: '%2' is set by the client").arg(field, name));
        // Values are often tenant ids, but may be credentials: never quoted.
        const QString valueField = field + QLatin1Char('.') + name;
        if (!item.second.IsScalar())
            return fail(item.second, tr("%1: must be a string").arg(valueField));
        const QString value = QString::fromStdString(item.second.Scalar());
        if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')))
            return fail(item.second, tr("%1: must not contain line breaks").arg(valueField));
        out->headers.append({name, value});
    }
    return true;
}

bool EndpointConfigParser::basicAuth(const YAML::Node &node, const QString &where,
                                     ServiceEndpoint *out)
{
    const QString field = where + QStringLiteral(".basicAuth");
    if (!node.IsMap()) {
        return fail(node,
                    tr("%1: must be a mapping with 'username' and 'password' or 'passwordFile'")
                        .arg(field));
    }
    if (!checkKeys(node,
                   {QStringLiteral("username"), QStringLiteral("password"),
                    QStringLiteral("passwordFile")},
                   field))
        return false;
    if (isAbsent(node["username"]))
        return fail(node, tr("%1: 'username' is missing").arg(field));
    if (!string(node["username"], field + QStringLiteral(".username"), &out->username))
        return false;
    const YAML::Node password = node["password"];
    const YAML::Node passwordFile = node["passwordFile"];
    if (!isAbsent(password) && !isAbsent(passwordFile))
        return fail(passwordFile, tr("%1: set password or passwordFile, not both").arg(field));
    if (!isAbsent(password))
        return secret(password, field + QStringLiteral(".password"), &out->password);
    if (!isAbsent(passwordFile))
        return path(passwordFile, field + QStringLiteral(".passwordFile"), &out->passwordFile);
    return fail(node, tr("%1: 'password' or 'passwordFile' is missing").arg(field));
}

bool EndpointConfigParser::tls(const YAML::Node &node, const QString &where, ServiceEndpoint *out)
{
    const QString field = where + QStringLiteral(".tls");
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping").arg(field));
    if (!checkKeys(node,
                   {QStringLiteral("ca"), QStringLiteral("cert"), QStringLiteral("key"),
                    QStringLiteral("insecureSkipVerify"), QStringLiteral("serverName")},
                   field))
        return false;
    const struct
    {
        const char *key;
        QString *target;
    } files[] = {{"ca", &out->caFile}, {"cert", &out->certFile}, {"key", &out->keyFile}};
    for (const auto &file : files) {
        const YAML::Node value = node[file.key];
        if (!isAbsent(value)
            && !path(value, field + QLatin1Char('.') + QLatin1String(file.key), file.target))
            return false;
    }
    if (out->certFile.isEmpty() != out->keyFile.isEmpty())
        return fail(node, tr("%1: 'cert' and 'key' must be set together").arg(field));
    const YAML::Node insecure = node["insecureSkipVerify"];
    if (!isAbsent(insecure)
        && !boolean(insecure, field + QStringLiteral(".insecureSkipVerify"),
                    &out->insecureSkipVerify))
        return false;
    const YAML::Node serverName = node["serverName"];
    if (!isAbsent(serverName)
        && !string(serverName, field + QStringLiteral(".serverName"), &out->serverName))
        return false;
    return true;
}

bool EndpointConfigParser::service(const YAML::Node &node, const QString &where,
                                   ServiceEndpoint *out)
{
    const QString field = where + QStringLiteral(".service");
    if (isAbsent(node))
        return true; // `prometheus: {}`: the defaults
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping (namespace, name, port, scheme)").arg(field));
    if (!checkKeys(node,
                   {QStringLiteral("namespace"), QStringLiteral("name"), QStringLiteral("port"),
                    QStringLiteral("scheme")},
                   field))
        return false;
    const YAML::Node ns = node["namespace"];
    if (!isAbsent(ns)) {
        if (!string(ns, field + QStringLiteral(".namespace"), &out->serviceNamespace))
            return false;
        if (!isDnsLabel(out->serviceNamespace)) {
            return fail(ns,
                        tr("%1.namespace: '%2' is not a valid namespace name")
                            .arg(field, out->serviceNamespace));
        }
    }
    const YAML::Node name = node["name"];
    if (!isAbsent(name)) {
        if (!string(name, field + QStringLiteral(".name"), &out->serviceName))
            return false;
        if (!isDnsLabel(out->serviceName)) {
            return fail(
                name, tr("%1.name: '%2' is not a valid service name").arg(field, out->serviceName));
        }
    }
    const YAML::Node port = node["port"];
    if (!isAbsent(port)) {
        if (!string(port, field + QStringLiteral(".port"), &out->servicePort))
            return false;
        if (!isServicePort(out->servicePort)) {
            return fail(port,
                        tr("%1.port: '%2' is not a port number (1-65535) or port name")
                            .arg(field, out->servicePort));
        }
    }
    const YAML::Node scheme = node["scheme"];
    if (!isAbsent(scheme)) {
        if (!string(scheme, field + QStringLiteral(".scheme"), &out->serviceScheme))
            return false;
        if (out->serviceScheme != QStringLiteral("http")
            && out->serviceScheme != QStringLiteral("https")) {
            return fail(scheme,
                        tr("%1.scheme: '%2' must be http or https").arg(field, out->serviceScheme));
        }
    }
    return true;
}

bool EndpointConfigParser::parse(const YAML::Node &node, const QString &where, ServiceEndpoint *out)
{
    *out = ServiceEndpoint();
    if (isAbsent(node))
        return true; // the implicit default
    out->isImplicit = false;
    bool enabled = true;
    if (node.IsScalar() && YAML::convert<bool>::decode(node, enabled)) {
        // `prometheus: false` turns metrics off; `true` asks for the defaults explicitly.
        out->mode = enabled ? ServiceEndpoint::Mode::ServiceProxy : ServiceEndpoint::Mode::Disabled;
        return true;
    }
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping, or false to turn metrics off").arg(where));
    if (!checkKeys(node,
                   {QStringLiteral("url"), QStringLiteral("pathPrefix"), QStringLiteral("headers"),
                    QStringLiteral("bearerToken"), QStringLiteral("bearerTokenFile"),
                    QStringLiteral("basicAuth"), QStringLiteral("tls"), QStringLiteral("service")},
                   where))
        return false;

    const YAML::Node urlNode = node["url"];
    const YAML::Node serviceNode = node["service"];
    if (!isAbsent(urlNode) && serviceNode.IsDefined())
        return fail(serviceNode, tr("%1: set 'url' or 'service', not both").arg(where));
    if (!isAbsent(urlNode)) {
        out->mode = ServiceEndpoint::Mode::Direct;
        if (!url(urlNode, where, out))
            return false;
    } else {
        // The kubeconfig's credentials and TLS settings reach the API server; settings for a
        // direct connection would silently do nothing.
        for (const char *key : {"bearerToken", "bearerTokenFile", "basicAuth", "tls"}) {
            const YAML::Node unused = node[key];
            if (unused.IsDefined()) {
                return fail(unused,
                            tr("%1.%2: only used with 'url'; through the service proxy "
                               "the kubeconfig's credentials apply")
                                .arg(where, QLatin1String(key)));
            }
        }
        if (!service(serviceNode, where, out))
            return false;
    }
    if (!isAbsent(node["pathPrefix"]) && !pathPrefix(node["pathPrefix"], where, out))
        return false;

    const YAML::Node basic = node["basicAuth"];
    if ((!isAbsent(node["bearerToken"]) || !isAbsent(node["bearerTokenFile"])) && !isAbsent(basic))
        return fail(basic, tr("%1: set a bearer token or basicAuth, not both").arg(where));
    if (!bearerToken(node, where, "bearerToken", "bearerTokenFile", out))
        return false;
    if (!isAbsent(basic) && !basicAuth(basic, where, out))
        return false;
    if (!isAbsent(node["tls"]) && !tls(node["tls"], where, out))
        return false;

    const YAML::Node headerNode = node["headers"];
    if (!isAbsent(headerNode) && !headers(headerNode, where, out))
        return false;
    // The API server consumes Authorization itself, so through the proxy it never arrives.
    const bool hasAuth = !out->bearerToken.isEmpty() || !out->bearerTokenFile.isEmpty()
        || out->hasBasicAuth() || out->mode == ServiceEndpoint::Mode::ServiceProxy;
    for (const auto &header : std::as_const(out->headers)) {
        if (hasAuth
            && header.first.compare(QStringLiteral("Authorization"), Qt::CaseInsensitive) == 0) {
            return fail(headerNode,
                        tr("%1.headers: 'Authorization' cannot be combined with a "
                           "bearer token, basicAuth or the service proxy")
                            .arg(where));
        }
    }
    return true;
}

bool EndpointConfigParser::bearerToken(const YAML::Node &node, const QString &where,
                                       const char *tokenKey, const char *fileKey,
                                       ServiceEndpoint *out)
{
    const YAML::Node token = node[tokenKey];
    const YAML::Node tokenFile = node[fileKey];
    const QString tokenName = QLatin1String(tokenKey);
    const QString fileName = QLatin1String(fileKey);
    if (!isAbsent(token) && !isAbsent(tokenFile))
        return fail(tokenFile, tr("%1: set %2 or %3, not both").arg(where, tokenName, fileName));
    if (!isAbsent(token) && !secret(token, where + QLatin1Char('.') + tokenName, &out->bearerToken))
        return false;
    return isAbsent(tokenFile)
        || path(tokenFile, where + QLatin1Char('.') + fileName, &out->bearerTokenFile);
}

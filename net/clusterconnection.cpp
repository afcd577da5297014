// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterconnection.h"

#include "boundedfile.h"
#include "execcredential.h"
#include "secretredaction.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace {

class Resolver
{
    Q_DECLARE_TR_FUNCTIONS(Kubeconfig)

public:
    explicit Resolver(ClusterConnection *out) : m_out(out) { }

    bool context(const Kubeconfig &config, const QString &requested, const KubeContext **context);
    bool cluster(const KubeCluster &cluster);
    bool user(const KubeUser &user);
    QString error() const { return m_error; }

private:
    bool fail(const QString &file, const QString &entry, const QString &what)
    {
        m_error = QStringLiteral("%1: %2: %3").arg(file, entry, what);
        return false;
    }
    static QString entry(const char *kind, const QString &name)
    {
        return QStringLiteral("%1 \"%2\"").arg(QLatin1String(kind), name);
    }
    bool readFile(const QString &path, const QString &file, const QString &entry, const char *field,
                  QByteArray *out);
    bool exec(const KubeUser &user, KubeExecConfig config);

    ClusterConnection *m_out;
    QString m_error;
};

bool Resolver::readFile(const QString &path, const QString &file, const QString &entry,
                        const char *field, QByteArray *out)
{
    QString problem;
    if (!BoundedFile::read(path, BoundedFile::credentialLimit, out, &problem)) {
        return fail(file, entry,
                    tr("cannot read %1 %2: %3").arg(QLatin1String(field), path, problem));
    }
    return true;
}

bool Resolver::context(const Kubeconfig &config, const QString &requested,
                       const KubeContext **context)
{
    const QString files = config.files().join(QStringLiteral(", "));
    const QString name = requested.isEmpty() ? config.currentContext() : requested;
    if (name.isEmpty()) {
        m_error = tr("No context given and no current-context set in %1").arg(files);
        return false;
    }
    *context = config.context(name);
    if (!*context) {
        m_error = tr("Context \"%1\" not found in %2").arg(name, files);
        return false;
    }
    const KubeContext &c = **context;
    const QString where = entry("context", c.name);
    if (c.cluster.isEmpty())
        return fail(c.sourceFile, where, tr("no cluster given"));
    if (!config.cluster(c.cluster))
        return fail(c.sourceFile, where, tr("cluster \"%1\" not found").arg(c.cluster));
    if (!c.user.isEmpty() && !config.user(c.user))
        return fail(c.sourceFile, where, tr("user \"%1\" not found").arg(c.user));
    static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    if (!c.namespaceName.isEmpty()
        && (c.namespaceName.size() > 63 || !dnsLabel.match(c.namespaceName).hasMatch())) {
        return fail(c.sourceFile, where,
                    tr("namespace \"%1\" is not a valid DNS label").arg(c.namespaceName));
    }
    m_out->contextName = c.name;
    m_out->clusterName = c.cluster;
    m_out->userName = c.user;
    m_out->namespaceName = c.effectiveNamespace();
    return true;
}

bool Resolver::cluster(const KubeCluster &cluster)
{
    const QString &file = cluster.sourceFile;
    const QString where = entry("cluster", cluster.name);
    m_out->clusterSourceFile = file;
    if (cluster.server.isEmpty())
        return fail(file, where, tr("no server found"));
    if (!cluster.certificateAuthorityData.isEmpty()) {
        m_out->caPem = cluster.certificateAuthorityData;
        if (!cluster.certificateAuthority.isEmpty()) {
            m_out->warnings << QStringLiteral("%1: %2: %3")
                                   .arg(file, where,
                                        tr("both certificate-authority and "
                                           "certificate-authority-data are given; "
                                           "the data is used"));
        }
    } else if (!cluster.certificateAuthority.isEmpty()
               && !readFile(cluster.certificateAuthority, file, where, "certificate-authority",
                            &m_out->caPem)) {
        return false;
    }
    if (cluster.insecureSkipTlsVerify && !m_out->caPem.isEmpty()) {
        return fail(file, where,
                    tr("certificate-authority and insecure-skip-tls-verify cannot both be set"));
    }
    // client-go's DefaultServerURL: a bare host:port gets https when TLS is configured.
    QString server = cluster.server;
    QUrl url(server, QUrl::StrictMode);
    if (url.scheme().isEmpty() || url.host().isEmpty()) {
        const bool tls = !m_out->caPem.isEmpty() || cluster.insecureSkipTlsVerify;
        server = (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + server;
        url = QUrl(server, QUrl::StrictMode);
    }
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QStringLiteral("https") && scheme != QStringLiteral("http")) || url.hasQuery()
        || url.hasFragment()) {
        return fail(file, where,
                    tr("server \"%1\" is not an http or https URL")
                        .arg(SecretRedaction::url(cluster.server)));
    }
    while (server.endsWith(QLatin1Char('/')))
        server.chop(1);
    m_out->server = server;
    m_out->insecureSkipTlsVerify = cluster.insecureSkipTlsVerify;
    m_out->tlsServerName = cluster.tlsServerName;
    m_out->disableCompression = cluster.disableCompression;
    m_out->execClusterConfig = cluster.execExtension;
    if (!cluster.proxyUrl.isEmpty()) {
        const QUrl proxy(cluster.proxyUrl, QUrl::StrictMode);
        const QString proxyScheme = proxy.scheme();
        if (!proxy.isValid() || proxy.host().isEmpty()
            || (proxyScheme != QStringLiteral("http") && proxyScheme != QStringLiteral("https")
                && proxyScheme != QStringLiteral("socks5"))) {
            return fail(file, where,
                        tr("proxy-url \"%1\" must be an http, https or socks5 URL")
                            .arg(SecretRedaction::url(cluster.proxyUrl)));
        }
        m_out->proxyUrl = cluster.proxyUrl;
        SecretRedaction::remember(proxy.password());
    }
    return true;
}

bool Resolver::exec(const KubeUser &user, KubeExecConfig config)
{
    const QString &file = user.sourceFile;
    const QString where = entry("user", user.name) + QStringLiteral(": exec");
    if (config.command.isEmpty())
        return fail(file, where, tr("command must be specified"));
    if (config.apiVersion.isEmpty())
        return fail(file, where, tr("apiVersion must be specified"));
    if (config.apiVersion != ExecCredentialApi::v1
        && config.apiVersion != ExecCredentialApi::v1beta1) {
        return fail(file, where,
                    tr("invalid apiVersion \"%1\"; use %2 or %3")
                        .arg(config.apiVersion, ExecCredentialApi::v1, ExecCredentialApi::v1beta1));
    }
    for (qsizetype i = 0; i < config.env.size(); ++i) {
        if (config.env.at(i).first.isEmpty())
            return fail(file, where, tr("env[%1] has no name").arg(i));
    }
    if (config.interactiveMode.isEmpty()) {
        if (config.apiVersion == ExecCredentialApi::v1) {
            return fail(file, where,
                        tr("interactiveMode must be specified for %1").arg(ExecCredentialApi::v1));
        }
        config.interactiveMode = QStringLiteral("IfAvailable");
    }
    const QString mode = config.interactiveMode;
    if (mode != QStringLiteral("Never") && mode != QStringLiteral("IfAvailable")
        && mode != QStringLiteral("Always")) {
        return fail(
            file, where,
            tr("invalid interactiveMode \"%1\"; use Never, IfAvailable or Always").arg(mode));
    }
    if (mode == QStringLiteral("Always")) {
        // A GUI has no terminal for the plugin to prompt on; client-go fails the same way
        // when stdin is not a terminal.
        QString text = tr("interactiveMode is Always, but this application cannot run an "
                          "interactive plugin; log in with the plugin in a terminal first or "
                          "set interactiveMode to IfAvailable");
        if (!config.installHint.isEmpty())
            text += QLatin1Char('\n') + config.installHint;
        return fail(file, where, text);
    }
    m_out->exec = config;
    return true;
}

bool Resolver::user(const KubeUser &user)
{
    const QString &file = user.sourceFile;
    const QString where = entry("user", user.name);
    m_out->userSourceFile = file;
    if (!user.authProvider.isEmpty()) {
        if (user.exec)
            return fail(file, where, tr("auth-provider and exec cannot both be set"));
        return fail(file, where,
                    tr("the auth-provider \"%1\" is not supported; use an exec credential "
                       "plugin instead")
                        .arg(user.authProvider));
    }
    const bool hasToken = !user.token.isEmpty() || !user.tokenFile.isEmpty();
    const bool hasBasic = !user.username.isEmpty() || !user.password.isEmpty();
    if (hasToken && hasBasic) {
        return fail(file, where,
                    tr("more than one authentication method found (token and basic auth); "
                       "only one is allowed"));
    }
    const bool hasCert = !user.clientCertificate.isEmpty() || !user.clientCertificateData.isEmpty();
    const bool hasKey = !user.clientKey.isEmpty() || !user.clientKeyData.isEmpty();
    if (hasCert && !hasKey)
        return fail(file, where, tr("client-certificate given without client-key"));
    if (hasKey && !hasCert)
        return fail(file, where, tr("client-key given without client-certificate"));
    if (hasCert) {
        if (!user.clientCertificateData.isEmpty()) {
            m_out->clientCertificatePem = user.clientCertificateData;
        } else if (!readFile(user.clientCertificate, file, where, "client-certificate",
                             &m_out->clientCertificatePem)) {
            return false;
        }
        if (!user.clientKeyData.isEmpty()) {
            m_out->clientKeyPem = user.clientKeyData;
        } else if (!readFile(user.clientKey, file, where, "client-key", &m_out->clientKeyPem)) {
            return false;
        }
        if (!user.clientCertificateData.isEmpty() && !user.clientCertificate.isEmpty()) {
            m_out->warnings
                << QStringLiteral("%1: %2: %3")
                       .arg(file, where,
                            tr("both client-certificate and client-certificate-data are given; the "
                               "data is used"));
        }
    }
    m_out->token = user.token;
    SecretRedaction::remember(user.token);
    SecretRedaction::remember(user.password);
    if (user.token.isEmpty())
        m_out->tokenFile = user.tokenFile;
    m_out->username = user.username;
    m_out->password = user.password;
    if (user.exec && !exec(user, *user.exec))
        return false;
    return true;
}

} // namespace

bool ClusterConnection::resolve(const Kubeconfig &config, const QString &contextName,
                                ClusterConnection *out, QString *error)
{
    ClusterConnection connection;
    Resolver resolver(&connection);
    const KubeContext *context = nullptr;
    bool ok = resolver.context(config, contextName, &context)
        && resolver.cluster(*config.cluster(context->cluster));
    if (ok && !context->user.isEmpty())
        ok = resolver.user(*config.user(context->user));
    if (!ok) {
        *error = resolver.error();
        return false;
    }
    *out = connection;
    return true;
}

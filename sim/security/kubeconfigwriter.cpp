// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/kubeconfigwriter.h"

#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rdsim {

namespace {

// yaml-cpp leaves "true", "123" or "yes" unquoted, and client-go (YAML 1.1, via JSON) would
// then read a bool or a number where it expects a string and refuse the whole file.
bool looksTyped(const QString &text)
{
    static const QRegularExpression typed(QStringLiteral(
        "^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|"
        "on|On|ON|off|Off|OFF|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|"
        "0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    return typed.match(text).hasMatch();
}

struct Text
{
    QString value;
};

YAML::Emitter &operator<<(YAML::Emitter &out, const Text &text)
{
    if (looksTyped(text.value))
        out << YAML::DoubleQuoted;
    return out << text.value.toStdString();
}

Text str(const QString &text)
{
    return Text {text};
}

std::string base64(const QByteArray &data)
{
    return data.toBase64().toStdString();
}

QString contextNameOf(const KubeconfigEntry &entry)
{
    if (!entry.contextName.isEmpty())
        return entry.contextName;
    return entry.clusterName + QLatin1Char('-') + entry.userName;
}

void emitClusters(YAML::Emitter &out, const QList<KubeconfigEntry> &entries)
{
    out << YAML::Key << "clusters" << YAML::Value << YAML::BeginSeq;
    QStringList seen;
    for (const KubeconfigEntry &entry : entries) {
        // Several users share one cluster entry.
        if (seen.contains(entry.clusterName))
            continue;
        seen.append(entry.clusterName);
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << str(entry.clusterName);
        out << YAML::Key << "cluster" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "server" << YAML::Value << str(entry.server);
        if (!entry.caPem.isEmpty())
            out << YAML::Key << "certificate-authority-data" << YAML::Value << base64(entry.caPem);
        out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitUsers(YAML::Emitter &out, const QList<KubeconfigEntry> &entries)
{
    out << YAML::Key << "users" << YAML::Value << YAML::BeginSeq;
    QStringList seen;
    for (const KubeconfigEntry &entry : entries) {
        if (seen.contains(entry.userName))
            continue;
        seen.append(entry.userName);
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << str(entry.userName);
        out << YAML::Key << "user" << YAML::Value << YAML::BeginMap;
        if (!entry.clientCertificatePem.isEmpty())
            out << YAML::Key << "client-certificate-data" << YAML::Value
                << base64(entry.clientCertificatePem);
        if (!entry.clientKeyPem.isEmpty())
            out << YAML::Key << "client-key-data" << YAML::Value << base64(entry.clientKeyPem);
        if (!entry.token.isEmpty())
            out << YAML::Key << "token" << YAML::Value << str(entry.token);
        // client-go refuses a token together with basic auth ("more than one authentication
        // method found"), so basic auth is written only for users without a token.
        if (entry.token.isEmpty() && !entry.username.isEmpty()) {
            out << YAML::Key << "username" << YAML::Value << str(entry.username);
            out << YAML::Key << "password" << YAML::Value << str(entry.password);
        }
        out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitContexts(YAML::Emitter &out, const QList<KubeconfigEntry> &entries)
{
    out << YAML::Key << "contexts" << YAML::Value << YAML::BeginSeq;
    for (const KubeconfigEntry &entry : entries) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << str(contextNameOf(entry));
        out << YAML::Key << "context" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "cluster" << YAML::Value << str(entry.clusterName);
        out << YAML::Key << "user" << YAML::Value << str(entry.userName);
        if (!entry.namespaceName.isEmpty())
            out << YAML::Key << "namespace" << YAML::Value << str(entry.namespaceName);
        out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

} // namespace

QByteArray KubeconfigWriter::render(const QList<KubeconfigEntry> &entries,
                                    const QString &currentContext)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << "v1";
    out << YAML::Key << "kind" << YAML::Value << "Config";
    out << YAML::Key << "preferences" << YAML::Value << YAML::Flow << YAML::BeginMap
        << YAML::EndMap;
    emitClusters(out, entries);
    emitUsers(out, entries);
    emitContexts(out, entries);
    out << YAML::Key << "current-context" << YAML::Value << str(currentContext);
    out << YAML::EndMap;
    QByteArray text(out.c_str(), int(out.size()));
    text.append('\n');
    return text;
}

bool KubeconfigWriter::write(const QString &path, const QList<KubeconfigEntry> &entries,
                             const QString &currentContext, QString *error)
{
    const QByteArray text = render(entries, currentContext);
    const QByteArray nativePath = path.toLocal8Bit();
    const auto fail = [&](const char *what) {
        if (error)
            *error = QStringLiteral("%1: %2: %3")
                         .arg(path, QLatin1String(what), QString::fromLocal8Bit(strerror(errno)));
        return false;
    };
    // Created 0600 from the first byte: the file holds tokens and private keys. An existing
    // file keeps its inode, so it is tightened with fchmod before anything is written.
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail("cannot open for writing");
    if (::fchmod(fd, 0600) != 0) {
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return fail("cannot restrict permissions");
    }
    qsizetype written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.constData() + written, size_t(text.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int saved = errno;
            ::close(fd);
            errno = saved;
            return fail("write failed");
        }
        written += n;
    }
    if (::close(fd) != 0)
        return fail("close failed");
    return true;
}

} // namespace rdsim

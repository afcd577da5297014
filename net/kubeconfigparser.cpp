// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeconfigparser.h"

#include "yamlguard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <yaml-cpp/yaml.h>

namespace {

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

bool isAbsent(const YAML::Node &node)
{
    return !node.IsDefined() || node.IsNull();
}

QJsonValue yamlToJson(const YAML::Node &node)
{
    if (isAbsent(node))
        return QJsonValue(QJsonValue::Null);
    if (node.IsMap()) {
        QJsonObject object;
        for (const auto &item : node)
            object.insert(fromStd(item.first.as<std::string>()), yamlToJson(item.second));
        return object;
    }
    if (node.IsSequence()) {
        QJsonArray array;
        for (const auto &item : node)
            array.append(yamlToJson(item));
        return array;
    }
    if (!node.IsScalar())
        return QJsonValue(QJsonValue::Null);
    const std::string &text = node.Scalar();
    if (node.Tag() == "?") { // plain scalar: it may be a number or a bool
        bool b = false;
        if (YAML::convert<bool>::decode(node, b))
            return b;
        bool ok = false;
        const qint64 i = fromStd(text).toLongLong(&ok);
        if (ok)
            return i;
        const double d = fromStd(text).toDouble(&ok);
        if (ok)
            return d;
    }
    return fromStd(text);
}

// Reads the fields of one file; each helper reports the first problem into m_error.
class FileParser
{
    Q_DECLARE_TR_FUNCTIONS(Kubeconfig)

public:
    explicit FileParser(const QString &path) : m_path(path), m_dir(QFileInfo(path).absolutePath())
    { }

    bool parse(const YAML::Node &root, KubeconfigFile *out);
    QString error() const { return m_error; }

private:
    bool fail(const YAML::Node &node, const QString &what)
    {
        m_error = QStringLiteral("%1:%2: %3").arg(m_path).arg(node.Mark().line + 1).arg(what);
        return false;
    }
    QString entry(const char *kind, const QString &name) const
    {
        return QStringLiteral("%1 \"%2\"").arg(QLatin1String(kind), name);
    }
    bool string(const YAML::Node &map, const char *key, const QString &where, QString *out);
    bool boolean(const YAML::Node &map, const char *key, const QString &where, bool *out);
    bool base64(const YAML::Node &map, const char *key, const QString &where, QByteArray *out);
    bool stringList(const YAML::Node &map, const char *key, const QString &where, QStringList *out);
    QString resolve(const QString &path) const
    {
        if (path.isEmpty() || QDir::isAbsolutePath(path))
            return path;
        return QDir::cleanPath(m_dir + QLatin1Char('/') + path);
    }

    template<typename Entry, typename Fn>
    bool namedList(const YAML::Node &root, const char *key, const char *kind, const char *body,
                   QList<Entry> *out, Fn parseBody);
    bool cluster(const YAML::Node &node, KubeCluster *cluster);
    bool user(const YAML::Node &node, KubeUser *user);
    bool exec(const YAML::Node &node, const QString &where, KubeExecConfig *exec);
    bool context(const YAML::Node &node, KubeContext *context);

    QString m_path;
    QString m_dir;
    QString m_error;
};

bool FileParser::string(const YAML::Node &map, const char *key, const QString &where, QString *out)
{
    const YAML::Node node = map[key];
    if (isAbsent(node))
        return true;
    if (!node.IsScalar())
        return fail(node, tr("%1: %2 must be a string").arg(where, QLatin1String(key)));
    *out = fromStd(node.Scalar());
    return true;
}

bool FileParser::boolean(const YAML::Node &map, const char *key, const QString &where, bool *out)
{
    const YAML::Node node = map[key];
    if (isAbsent(node))
        return true;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, *out))
        return fail(node, tr("%1: %2 must be true or false").arg(where, QLatin1String(key)));
    return true;
}

bool FileParser::base64(const YAML::Node &map, const char *key, const QString &where,
                        QByteArray *out)
{
    QString text;
    if (!string(map, key, where, &text))
        return false;
    if (text.isEmpty())
        return true;
    // Go's decoder for []byte skips line breaks; other whitespace is invalid there too.
    text.remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(map[key], tr("%1: %2 is not valid base64").arg(where, QLatin1String(key)));
    *out = *decoded;
    return true;
}

bool FileParser::stringList(const YAML::Node &map, const char *key, const QString &where,
                            QStringList *out)
{
    const YAML::Node node = map[key];
    if (isAbsent(node))
        return true;
    bool ok = node.IsSequence();
    if (ok) {
        for (const auto &item : node) {
            if (!item.IsScalar()) {
                ok = false;
                break;
            }
            *out << fromStd(item.Scalar());
        }
    }
    if (!ok)
        return fail(node, tr("%1: %2 must be a list of strings").arg(where, QLatin1String(key)));
    return true;
}

template<typename Entry, typename Fn>
bool FileParser::namedList(const YAML::Node &root, const char *key, const char *kind,
                           const char *body, QList<Entry> *out, Fn parseBody)
{
    const YAML::Node list = root[key];
    if (isAbsent(list))
        return true;
    if (!list.IsSequence())
        return fail(list, tr("%1 must be a list").arg(QLatin1String(key)));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node item = list[i];
        const QString position = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
        if (!item.IsMap())
            return fail(item, tr("%1 must be a map").arg(position));
        Entry entry;
        if (!string(item, "name", position, &entry.name))
            return false;
        if (entry.name.isEmpty())
            return fail(item, tr("%1 has no name").arg(position));
        for (const Entry &seen : std::as_const(*out)) {
            if (seen.name == entry.name) {
                return fail(
                    item,
                    tr("%1 is defined twice in this file").arg(this->entry(kind, entry.name)));
            }
        }
        entry.sourceFile = m_path;
        const YAML::Node content = item[body];
        if (!isAbsent(content)) {
            if (!content.IsMap()) {
                return fail(content,
                            tr("%1: %2 must be a map")
                                .arg(this->entry(kind, entry.name), QLatin1String(body)));
            }
            if (!(this->*parseBody)(content, &entry))
                return false;
        }
        *out << entry;
    }
    return true;
}

bool FileParser::cluster(const YAML::Node &node, KubeCluster *cluster)
{
    const QString where = entry("cluster", cluster->name);
    if (!string(node, "server", where, &cluster->server)
        || !string(node, "certificate-authority", where, &cluster->certificateAuthority)
        || !base64(node, "certificate-authority-data", where, &cluster->certificateAuthorityData)
        || !boolean(node, "insecure-skip-tls-verify", where, &cluster->insecureSkipTlsVerify)
        || !string(node, "tls-server-name", where, &cluster->tlsServerName)
        || !string(node, "proxy-url", where, &cluster->proxyUrl)
        || !boolean(node, "disable-compression", where, &cluster->disableCompression)) {
        return false;
    }
    cluster->certificateAuthority = resolve(cluster->certificateAuthority);
    const YAML::Node extensions = node["extensions"];
    if (!isAbsent(extensions) && extensions.IsSequence()) {
        for (const auto &extension : extensions) {
            if (!extension.IsMap())
                continue;
            const YAML::Node name = extension["name"];
            if (!isAbsent(name) && name.IsScalar()
                && name.Scalar() == "client.authentication.k8s.io/exec") {
                cluster->execExtension = yamlToJson(extension["extension"]).toObject();
            }
        }
    }
    return true;
}

bool FileParser::exec(const YAML::Node &node, const QString &where, KubeExecConfig *exec)
{
    const QString execWhere = where + QStringLiteral(": exec");
    if (!node.IsMap())
        return fail(node, tr("%1 must be a map").arg(execWhere));
    if (!string(node, "command", execWhere, &exec->command)
        || !stringList(node, "args", execWhere, &exec->args)
        || !string(node, "apiVersion", execWhere, &exec->apiVersion)
        || !string(node, "installHint", execWhere, &exec->installHint)
        || !boolean(node, "provideClusterInfo", execWhere, &exec->provideClusterInfo)
        || !string(node, "interactiveMode", execWhere, &exec->interactiveMode)) {
        return false;
    }
    if (exec->command.contains(QLatin1Char('/')))
        exec->command = resolve(exec->command);
    const YAML::Node env = node["env"];
    if (isAbsent(env))
        return true;
    if (!env.IsSequence())
        return fail(env, tr("%1: env must be a list").arg(execWhere));
    for (std::size_t i = 0; i < env.size(); ++i) {
        const YAML::Node item = env[i];
        const QString position = QStringLiteral("%1: env[%2]").arg(execWhere).arg(i);
        if (!item.IsMap())
            return fail(item, tr("%1 must be a map with name and value").arg(position));
        QString name;
        QString value;
        if (!string(item, "name", position, &name) || !string(item, "value", position, &value))
            return false;
        exec->env.append({name, value});
    }
    return true;
}

bool FileParser::user(const YAML::Node &node, KubeUser *user)
{
    const QString where = entry("user", user->name);
    if (!string(node, "client-certificate", where, &user->clientCertificate)
        || !base64(node, "client-certificate-data", where, &user->clientCertificateData)
        || !string(node, "client-key", where, &user->clientKey)
        || !base64(node, "client-key-data", where, &user->clientKeyData)
        || !string(node, "token", where, &user->token)
        || !string(node, "tokenFile", where, &user->tokenFile)
        || !string(node, "username", where, &user->username)
        || !string(node, "password", where, &user->password)) {
        return false;
    }
    user->clientCertificate = resolve(user->clientCertificate);
    user->clientKey = resolve(user->clientKey);
    user->tokenFile = resolve(user->tokenFile);
    const YAML::Node execNode = node["exec"];
    if (!isAbsent(execNode)) {
        KubeExecConfig config;
        if (!exec(execNode, where, &config))
            return false;
        user->exec = config;
    }
    const YAML::Node provider = node["auth-provider"];
    if (!isAbsent(provider)) {
        if (!provider.IsMap())
            return fail(provider, tr("%1: auth-provider must be a map").arg(where));
        if (!string(provider, "name", where + QStringLiteral(": auth-provider"),
                    &user->authProvider)) {
            return false;
        }
        if (user->authProvider.isEmpty())
            return fail(provider, tr("%1: auth-provider has no name").arg(where));
    }
    return true;
}

bool FileParser::context(const YAML::Node &node, KubeContext *context)
{
    const QString where = entry("context", context->name);
    return string(node, "cluster", where, &context->cluster)
        && string(node, "user", where, &context->user)
        && string(node, "namespace", where, &context->namespaceName);
}

bool FileParser::parse(const YAML::Node &root, KubeconfigFile *out)
{
    out->path = m_path;
    if (isAbsent(root))
        return true; // an empty file is an empty config
    if (!root.IsMap()) {
        m_error = tr("%1: not a kubeconfig: the top level is not a map").arg(m_path);
        return false;
    }
    return namedList(root, "clusters", "cluster", "cluster", &out->clusters, &FileParser::cluster)
        && namedList(root, "users", "user", "user", &out->users, &FileParser::user)
        && namedList(root, "contexts", "context", "context", &out->contexts, &FileParser::context)
        && string(root, "current-context", QStringLiteral("current-context"), &out->currentContext);
}

} // namespace

bool KubeconfigParser::parse(const QByteArray &content, const QString &path, KubeconfigFile *out,
                             QString *error)
{
    // Aliases, depth and size are bounded before yaml-cpp builds a node: a cyclic alias
    // would make every traversal endless, a "billion laughs" would exhaust memory.
    if (!YamlGuard::check(content, path, error))
        return false;
    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception &e) {
        *error = QCoreApplication::translate("Kubeconfig", "%1:%2:%3: invalid YAML: %4")
                     .arg(path)
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(fromStd(e.msg));
        return false;
    }
    FileParser parser(path);
    try {
        if (parser.parse(root, out))
            return true;
        *error = parser.error();
    } catch (const YAML::Exception &e) {
        // Conversions above check types first; this only catches what yaml-cpp still throws.
        *error = QCoreApplication::translate("Kubeconfig", "%1:%2: %3")
                     .arg(path)
                     .arg(e.mark.line + 1)
                     .arg(fromStd(e.msg));
    }
    return false;
}

bool KubeconfigParser::parseFile(const QString &path, KubeconfigFile *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Kubeconfig", "%1: cannot read the file: %2")
                     .arg(path, file.errorString());
        return false;
    }
    // Not /dev/zero, not a log file by mistake: a kubeconfig is small.
    const QByteArray content = file.read(YamlGuard::maxBytes + 1);
    if (content.size() > YamlGuard::maxBytes) {
        *error
            = QCoreApplication::translate("Kubeconfig", "%1: larger than %2 MiB: not a kubeconfig")
                  .arg(path)
                  .arg(YamlGuard::maxBytes / 1024 / 1024);
        return false;
    }
    return parse(content, path, out, error);
}

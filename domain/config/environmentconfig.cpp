// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentconfig.h"

#include "yamldocument.h"

#include "endpointconfig_p.h"
#include "linkvariables.h"
#include "secretredaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <numeric>

namespace {

const QStringList &environmentKeys()
{
    static const QStringList keys = {
        QStringLiteral("name"),       QStringLiteral("context"),   QStringLiteral("namespaces"),
        QStringLiteral("order"),      QStringLiteral("colour"),    QStringLiteral("readOnly"),
        QStringLiteral("prometheus"), QStringLiteral("protected"), QStringLiteral("links"),
        QStringLiteral("onGateFail"), QStringLiteral("argocd"),    QStringLiteral("safetyNets"),
    };
    return keys;
}

} // namespace

// Reads one document; every helper reports the first problem into m_error.
class EnvironmentConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentConfig)

public:
    explicit EnvironmentConfigParser(const QString &fileName) : m_fileName(fileName) { }

    bool parse(const QByteArray &yaml, EnvironmentConfig *out);
    QString error() const { return m_error; }

private:
    bool fail(const YAML::Mark &mark, const QString &what)
    {
        m_error = QStringLiteral("%1:%2: %3").arg(m_fileName).arg(mark.line + 1).arg(what);
        return false;
    }
    bool checkKeys(const YAML::Node &map, const QStringList &allowed, const QString &where);
    bool string(const YAML::Node &node, const QString &field, QString *out);
    bool environment(const YAML::Node &node, int index, EnvironmentSpec *spec);
    // The fields of environments[i] that take more than one check; where is "environments[i]"
    // and each *out is left alone when its field is absent.
    bool namespaces(const YAML::Node &node, const QString &where, QStringList *out);
    bool order(const YAML::Node &node, const QString &where, int *out);
    bool colour(const YAML::Node &node, const QString &where, QString *out);
    bool links(const YAML::Node &node, const QString &where, QList<EnvironmentLink> *out);
    // An optional true/false; *out is left alone when absent.
    bool boolean(const YAML::Node &node, const QString &field, bool *out);
    // onGateFail: notify (default) or pause.
    bool gateFailAction(const YAML::Node &node, const QString &field, bool *pause);

    QString m_fileName;
    QString m_error;
};

bool EnvironmentConfigParser::checkKeys(const YAML::Node &map, const QStringList &allowed,
                                        const QString &where)
{
    QSet<QString> seen;
    for (const auto &item : map) {
        const QString key
            = item.first.IsScalar() ? QString::fromStdString(item.first.Scalar()) : QString();
        const QString prefix = where.isEmpty() ? QString() : where + QStringLiteral(": ");
        if (!allowed.contains(key)) {
            return fail(item.first.Mark(),
                        prefix
                            + tr("unknown key '%1' (expected one of: %2)")
                                  .arg(key, allowed.join(QStringLiteral(", "))));
        }
        if (seen.contains(key))
            return fail(item.first.Mark(), prefix + tr("duplicate key '%1'").arg(key));
        seen.insert(key);
    }
    return true;
}

bool EnvironmentConfigParser::string(const YAML::Node &node, const QString &field, QString *out)
{
    if (!node.IsScalar())
        return fail(node.Mark(), tr("%1: must be a string").arg(field));
    *out = QString::fromStdString(node.Scalar());
    return true;
}

bool EnvironmentConfigParser::environment(const YAML::Node &node, int index, EnvironmentSpec *spec)
{
    const QString where = QStringLiteral("environments[%1]").arg(index);
    if (!node.IsMap())
        return fail(node.Mark(), tr("%1: must be a mapping with at least a 'name'").arg(where));
    if (!checkKeys(node, environmentKeys(), where))
        return false;

    const YAML::Node name = node["name"];
    if (YamlDocument::isAbsent(name))
        return fail(node.Mark(), tr("%1: 'name' is missing").arg(where));
    if (!string(name, where + QStringLiteral(".name"), &spec->name))
        return false;
    if (spec->name.trimmed().isEmpty())
        return fail(name.Mark(), tr("%1.name: must not be empty").arg(where));

    const YAML::Node context = node["context"];
    spec->context = spec->name;
    if (!YamlDocument::isAbsent(context)) {
        if (!string(context, where + QStringLiteral(".context"), &spec->context))
            return false;
        if (spec->context.isEmpty())
            return fail(context.Mark(), tr("%1.context: must not be empty").arg(where));
    }

    spec->order = index;
    if (!namespaces(node["namespaces"], where, &spec->namespaces)
        || !order(node["order"], where, &spec->order)
        || !colour(node["colour"], where, &spec->colour))
        return false;

    if (!boolean(node["readOnly"], where + QStringLiteral(".readOnly"), &spec->readOnly)
        || !boolean(node["protected"], where + QStringLiteral(".protected"), &spec->isProtected)
        || !gateFailAction(node["onGateFail"], where + QStringLiteral(".onGateFail"),
                           &spec->pauseOnGateFail))
        return false;

    if (!links(node["links"], where + QStringLiteral(".links"), &spec->links))
        return false;

    EndpointConfigParser endpoints(m_fileName);
    if (!endpoints.parse(node["prometheus"], where + QStringLiteral(".prometheus"),
                         &spec->prometheus)) {
        m_error = endpoints.error();
        return false;
    }
    if (!endpoints.parseArgoCd(node["argocd"], where + QStringLiteral(".argocd"), &spec->argocd)
        || !endpoints.parseSafetyNets(node["safetyNets"], where + QStringLiteral(".safetyNets"),
                                      &spec->safetyNets)) {
        m_error = endpoints.error();
        return false;
    }
    return true;
}

bool EnvironmentConfigParser::gateFailAction(const YAML::Node &node, const QString &field,
                                             bool *pause)
{
    if (YamlDocument::isAbsent(node))
        return true;
    const QString text = node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
    if (text != QLatin1String("notify") && text != QLatin1String("pause"))
        return fail(node.Mark(), tr("%1: '%2' is not notify or pause").arg(field, text));
    *pause = text == QLatin1String("pause");
    return true;
}

bool EnvironmentConfigParser::namespaces(const YAML::Node &node, const QString &where,
                                         QStringList *out)
{
    if (YamlDocument::isAbsent(node))
        return true;
    if (!node.IsSequence())
        return fail(node.Mark(), tr("%1.namespaces: must be a list of namespace names").arg(where));
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const QString field = QStringLiteral("%1.namespaces[%2]").arg(where).arg(i);
        QString ns;
        if (!string(item, field, &ns))
            return false;
        if (ns.isEmpty())
            return fail(item.Mark(), tr("%1: must not be empty").arg(field));
        if (out->contains(ns))
            return fail(item.Mark(), tr("%1: '%2' is listed twice").arg(field, ns));
        out->append(ns);
    }
    return true;
}

bool EnvironmentConfigParser::order(const YAML::Node &node, const QString &where, int *out)
{
    if (YamlDocument::isAbsent(node))
        return true;
    bool ok = node.IsScalar();
    if (ok)
        *out = QString::fromStdString(node.Scalar()).toInt(&ok);
    if (!ok) {
        return fail(
            node.Mark(),
            tr("%1.order: '%2' is not an integer")
                .arg(where,
                     QString::fromStdString(node.IsScalar() ? node.Scalar() : std::string())));
    }
    return true;
}

bool EnvironmentConfigParser::colour(const YAML::Node &node, const QString &where, QString *out)
{
    if (YamlDocument::isAbsent(node))
        return true;
    QString text;
    if (!string(node, where + QStringLiteral(".colour"), &text))
        return false;
    static const QRegularExpression pattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!pattern.match(text).hasMatch()) {
        return fail(node.Mark(),
                    tr("%1.colour: '%2' is not a colour of the form #rrggbb").arg(where, text));
    }
    *out = text.toLower();
    return true;
}

bool EnvironmentConfigParser::parse(const QByteArray &yaml, EnvironmentConfig *out)
{
    YAML::Node root;
    if (!YamlDocument::parse(yaml, m_fileName, &root, &m_error))
        return false;
    if (YamlDocument::isAbsent(root)) {
        m_error = QStringLiteral("%1: %2").arg(m_fileName,
                                               tr("the file is empty; expected an "
                                                  "'environments' list"));
        return false;
    }
    if (!root.IsMap())
        return fail(root.Mark(), tr("expected a mapping with an 'environments' list"));
    // charts:, gates:, gateInterval:, history: and promotion: are read by ChartConfig,
    // GateConfig, HistoryConfig and PromotionConfig from the same file.
    if (!checkKeys(root,
                   {QStringLiteral("environments"), QStringLiteral("charts"),
                    QStringLiteral("history"), QStringLiteral("gates"),
                    QStringLiteral("gateInterval"), QStringLiteral("promotion")},
                   QString()))
        return false;
    const YAML::Node list = root["environments"];
    if (YamlDocument::isAbsent(list))
        return fail(root.Mark(), tr("'environments' is missing"));
    if (!list.IsSequence() || list.size() == 0)
        return fail(list.Mark(), tr("environments: must be a non-empty list"));

    QHash<QString, int> firstLine;
    EnvironmentConfig config;
    config.m_sourceFile = m_fileName;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node node = list[i];
        EnvironmentSpec spec;
        if (!environment(node, int(i), &spec))
            return false;
        const YAML::Node name = node["name"];
        if (firstLine.contains(spec.name)) {
            return fail(name.Mark(),
                        tr("environments[%1].name: '%2' is already defined on line %3")
                            .arg(i)
                            .arg(spec.name)
                            .arg(firstLine.value(spec.name)));
        }
        firstLine.insert(spec.name, name.Mark().line + 1);
        const YAML::Node context = node["context"];
        config.m_contextLines.append((YamlDocument::isAbsent(context) ? name : context).Mark().line
                                     + 1);
        config.m_entryIndexes.append(int(i));
        config.m_environments.append(spec);
    }

    // Sort by order; ties keep the file's order.
    QList<int> index(config.m_environments.size());
    std::iota(index.begin(), index.end(), 0);
    std::stable_sort(index.begin(), index.end(), [&](int a, int b) {
        return config.m_environments.at(a).order < config.m_environments.at(b).order;
    });
    EnvironmentConfig sorted;
    sorted.m_sourceFile = config.m_sourceFile;
    for (int i : std::as_const(index)) {
        sorted.m_environments.append(config.m_environments.at(i));
        sorted.m_contextLines.append(config.m_contextLines.at(i));
        sorted.m_entryIndexes.append(config.m_entryIndexes.at(i));
    }
    *out = sorted;
    return true;
}

bool EnvironmentConfigParser::boolean(const YAML::Node &node, const QString &field, bool *out)
{
    if (YamlDocument::isAbsent(node))
        return true;
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
        return fail(node.Mark(), tr("%1: must be true or false").arg(field));
    *out = value;
    return true;
}

bool EnvironmentConfigParser::links(const YAML::Node &node, const QString &where,
                                    QList<EnvironmentLink> *out)
{
    if (YamlDocument::isAbsent(node))
        return true;
    if (!node.IsSequence())
        return fail(node.Mark(), tr("%1: must be a list of {name, url}").arg(where));
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("url")};
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const QString field = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!item.IsMap())
            return fail(item.Mark(), tr("%1: must be a map with name and url").arg(field));
        if (!checkKeys(item, keys, field))
            return false;
        EnvironmentLink link;
        if (YamlDocument::isAbsent(item["name"]) || YamlDocument::isAbsent(item["url"]))
            return fail(item.Mark(), tr("%1: needs both name and url").arg(field));
        if (!string(item["name"], field + QStringLiteral(".name"), &link.name)
            || !string(item["url"], field + QStringLiteral(".url"), &link.url))
            return false;
        // Only web pages: a link must not start a program or open a local file.
        if (!link.url.startsWith(QLatin1String("https://"))
            && !link.url.startsWith(QLatin1String("http://")))
            return fail(item["url"].Mark(),
                        tr("%1.url: '%2' is not an http or https address")
                            .arg(field, SecretRedaction::url(link.url)));
        // An unknown variable is a config error now, not a dead menu entry later.
        QString problem;
        if (!LinkVariables::check(link.url, &problem))
            return fail(item["url"].Mark(), QStringLiteral("%1.url: %2").arg(field, problem));
        out->append(link);
    }
    return true;
}

bool EnvironmentConfig::fromYaml(const QByteArray &yaml, const QString &fileName,
                                 EnvironmentConfig *out, QString *error)
{
    EnvironmentConfigParser parser(fileName);
    if (parser.parse(yaml, out))
        return true;
    *error = parser.error();
    return false;
}

bool EnvironmentConfig::fromFile(const QString &path, EnvironmentConfig *out, QString *error)
{
    QByteArray text;
    return YamlDocument::read(path, &text, error) && fromYaml(text, path, out, error);
}

QString EnvironmentConfig::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("release-dashboard/config.yaml"));
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionconfig.h"

#include "yamldocument.h"
#include "yamlkeys.h"

#include <QHash>

#include <yaml-cpp/yaml.h>

namespace {

// Reads the block; the first problem ends it, with its line.
class PromotionParser
{
public:
    explicit PromotionParser(const QString &fileName) : m_fileName(fileName) { }

    bool rows(const YAML::Node &node, PromotionSettings *out);
    QString error() const { return m_error; }

private:
    bool row(const YAML::Node &node, const QString &where, PromotionRowSpec *out);
    bool workloads(const YAML::Node &node, const QString &where, PromotionRowSpec *out);
    bool keys(const YAML::Node &node, const QStringList &allowed, const QString &where);
    bool fail(const YAML::Mark &mark, const QString &what)
    {
        m_error = QStringLiteral("%1:%2: %3").arg(m_fileName).arg(mark.line + 1).arg(what);
        return false;
    }

    QString m_fileName;
    QString m_error;
    QHash<QString, QString> m_rowOfName; // row name -> "rows[i]"
    QHash<QString, QString> m_rowOfWorkload; // "environment/namespace/name" -> "rows[i]"
};

bool PromotionParser::keys(const YAML::Node &node, const QStringList &allowed, const QString &where)
{
    YAML::Mark at;
    const QString problem = YamlKeys::check(node, allowed, where, &at);
    return problem.isEmpty() || fail(at, problem);
}

bool PromotionParser::workloads(const YAML::Node &node, const QString &where, PromotionRowSpec *out)
{
    if (!node.IsMap() || node.size() == 0)
        return fail(
            node.Mark(),
            PromotionConfig::tr("%1: must be a mapping of ENVIRONMENT: NAMESPACE/NAME").arg(where));
    for (const auto &item : node) {
        const QString environment = YamlDocument::trimmedScalar(item.first);
        const QString field = where + QLatin1Char('.') + environment;
        const QString workload = YamlDocument::trimmedScalar(item.second);
        const QStringList parts = workload.split(QLatin1Char('/'));
        if (environment.isEmpty())
            return fail(item.first.Mark(),
                        PromotionConfig::tr("%1: an environment name is missing").arg(where));
        if (out->workloads.contains(environment))
            return fail(item.first.Mark(),
                        PromotionConfig::tr("%1: duplicate environment").arg(field));
        if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
            return fail(item.second.Mark(),
                        PromotionConfig::tr("%1: '%2' is not of the form NAMESPACE/NAME")
                            .arg(field, workload));
        const QString key = environment + QLatin1Char('/') + workload;
        if (m_rowOfWorkload.contains(key))
            return fail(item.second.Mark(),
                        PromotionConfig::tr("%1: %2 is already in %3")
                            .arg(field, workload, m_rowOfWorkload.value(key)));
        m_rowOfWorkload.insert(key, where.section(QLatin1Char('.'), 1, 1));
        out->workloads.insert(environment, workload);
    }
    return true;
}

bool PromotionParser::row(const YAML::Node &node, const QString &where, PromotionRowSpec *out)
{
    if (!node.IsMap())
        return fail(
            node.Mark(),
            PromotionConfig::tr("%1: must be a mapping with 'name' and 'workloads'").arg(where));
    if (!keys(node, {QStringLiteral("name"), QStringLiteral("workloads")}, where))
        return false;
    for (const char *required : {"name", "workloads"}) {
        if (YamlDocument::isAbsent(node[required]))
            return fail(
                node.Mark(),
                PromotionConfig::tr("%1: '%2' is missing").arg(where, QLatin1String(required)));
    }
    out->line = node.Mark().line + 1;
    out->name = YamlDocument::trimmedScalar(node["name"]);
    if (out->name.isEmpty())
        return fail(node["name"].Mark(),
                    PromotionConfig::tr("%1.name: must be a non-empty string").arg(where));
    const QString shortWhere = where.section(QLatin1Char('.'), 1, 1);
    if (m_rowOfName.contains(out->name))
        return fail(node["name"].Mark(),
                    PromotionConfig::tr("%1.name: '%2' is already the name of %3")
                        .arg(where, out->name, m_rowOfName.value(out->name)));
    m_rowOfName.insert(out->name, shortWhere);
    return workloads(node["workloads"], where + QStringLiteral(".workloads"), out);
}

bool PromotionParser::rows(const YAML::Node &block, PromotionSettings *out)
{
    if (!block.IsMap())
        return fail(block.Mark(),
                    PromotionConfig::tr("promotion: must be a mapping with a list of rows"));
    if (!keys(block, {QStringLiteral("rows")}, QStringLiteral("promotion")))
        return false;
    const YAML::Node list = block["rows"];
    if (YamlDocument::isAbsent(list))
        return true;
    if (!list.IsSequence())
        return fail(list.Mark(),
                    PromotionConfig::tr("promotion.rows: must be a list of rows with a name and "
                                        "workloads"));
    for (std::size_t i = 0; i < list.size(); ++i) {
        PromotionRowSpec spec;
        if (!row(list[i], QStringLiteral("promotion.rows[%1]").arg(i), &spec))
            return false;
        out->rows.append(spec);
    }
    return true;
}

} // namespace

bool PromotionConfig::fromYaml(const QByteArray &yaml, const QString &fileName,
                               PromotionSettings *out, QString *error)
{
    *out = PromotionSettings();
    YAML::Node root;
    if (!YamlDocument::parse(yaml, fileName, &root, error))
        return false;
    const YAML::Node block = root.IsMap() ? root["promotion"] : YAML::Node();
    if (YamlDocument::isAbsent(block))
        return true;
    PromotionParser parser(fileName);
    PromotionSettings settings;
    if (!parser.rows(block, &settings)) {
        *error = parser.error();
        return false;
    }
    *out = settings;
    return true;
}

bool PromotionConfig::fromFile(const QString &path, PromotionSettings *out, QString *error)
{
    QByteArray text;
    return YamlDocument::read(path, &text, error) && fromYaml(text, path, out, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartconfig.h"

#include "yamldocument.h"
#include "yamlkeys.h"

#include "chartconfig_p.h"
#include "chartvariables.h"

#include <QFile>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {

QString scalarText(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

} // namespace

bool ChartConfigParser::fail(const YAML::Node &node, const QString &what)
{
    return fail(node.Mark(), what);
}

bool ChartConfigParser::fail(const YAML::Mark &mark, const QString &what)
{
    m_error = QStringLiteral("%1:%2: %3").arg(m_fileName).arg(mark.line + 1).arg(what);
    return false;
}

bool ChartConfigParser::checkKeys(const YAML::Node &map, const QStringList &allowed,
                                  const QString &where)
{
    YAML::Mark at;
    const QString problem = YamlKeys::check(map, allowed, where, &at);
    return problem.isEmpty() || fail(at, problem);
}

bool ChartConfigParser::string(const YAML::Node &node, const QString &field, QString *out)
{
    if (!node.IsScalar())
        return fail(node, tr("%1: must be a string").arg(field));
    *out = QString::fromStdString(node.Scalar()).trimmed();
    if (out->isEmpty())
        return fail(node, tr("%1: must not be empty").arg(field));
    return true;
}

bool ChartConfigParser::thresholds(const YAML::Node &node, const QString &where, ChartSpec *out)
{
    if (!node.IsSequence())
        return fail(node, tr("%1: must be a list of {max: N} or {min: N}").arg(where));
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const QString field = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!item.IsMap())
            return fail(item, tr("%1: must be {max: N} or {min: N}").arg(field));
        if (!checkKeys(item,
                       {QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("label")},
                       field))
            return false;
        const bool hasMax = !isAbsent(item["max"]);
        if (hasMax == !isAbsent(item["min"]))
            return fail(item, tr("%1: needs exactly one of 'max' and 'min'").arg(field));
        const YAML::Node number = hasMax ? item["max"] : item["min"];
        const QString key = hasMax ? QStringLiteral("max") : QStringLiteral("min");
        bool ok = false;
        const double value = scalarText(number).toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            return fail(number,
                        tr("%1.%2: '%3' is not a number")
                            .arg(field, key, number.IsScalar() ? scalarText(number) : QString()));
        }
        ChartThreshold threshold;
        threshold.value = value;
        threshold.source = ChartThreshold::Source::Config;
        threshold.comparison = hasMax ? ChartThreshold::Comparison::LessOrEqual
                                      : ChartThreshold::Comparison::GreaterOrEqual;
        if (!isAbsent(item["label"])
            && !string(item["label"], field + QStringLiteral(".label"), &threshold.text))
            return false;
        out->thresholds.append(threshold);
    }
    return true;
}

bool ChartConfigParser::variables(const YAML::Node &node, const QString &where,
                                  QList<std::pair<QString, QString>> *out)
{
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping of names to values").arg(where));
    const QStringList reserved = ChartVariables::rolloutNames() + ChartVariables::roleNames();
    QSet<QString> seen;
    for (const auto &item : node) {
        const QString name = scalarText(item.first);
        if (!ChartVariables::isValidName(name))
            return fail(item.first,
                        tr("%1: '%2' is not a variable name (letters, digits, '_', "
                           "'.', '-'; not starting with a digit)")
                            .arg(where, name));
        if (reserved.contains(name))
            return fail(
                item.first,
                tr("%1: '%2' is set by the dashboard and cannot be redefined").arg(where, name));
        if (seen.contains(name))
            return fail(item.first, tr("%1: duplicate variable '%2'").arg(where, name));
        seen.insert(name);
        if (!item.second.IsScalar())
            return fail(item.second, tr("%1.%2: must be a string").arg(where, name));
        out->append({name, QString::fromStdString(item.second.Scalar())});
    }
    return true;
}

bool ChartConfigParser::stringList(const YAML::Node &node, const QString &where,
                                   const QString &what, QStringList *out)
{
    if (!node.IsSequence())
        return fail(node, tr("%1: must be a list of %2").arg(where, what));
    for (std::size_t i = 0; i < node.size(); ++i) {
        QString item;
        if (!string(node[i], QStringLiteral("%1[%2]").arg(where).arg(i), &item))
            return false;
        out->append(item);
    }
    return true;
}

bool ChartConfigParser::checkReferences(const YAML::Node &node, const QString &where,
                                        const QString &query,
                                        const QList<std::pair<QString, QString>> &variables,
                                        bool splitByRole)
{
    const QStringList roleNames = ChartVariables::roleNames();
    QStringList known = ChartVariables::rolloutNames();
    for (const auto &[name, value] : variables)
        known.append(name);
    if (splitByRole)
        known += roleNames;
    std::sort(known.begin(), known.end());

    // The query and every variable it reaches, checked where each is written.
    QList<std::pair<QString, QString>> texts = {{QStringLiteral("query"), query}};
    for (const auto &[name, value] : variables)
        texts.append({QStringLiteral("variables.") + name, value});
    QHash<QString, QStringList> referenced;
    for (const auto &[field, text] : texts) {
        const YAML::Node at = field == QLatin1String("query")
            ? node["query"]
            : node["variables"][field.mid(10).toStdString()];
        const QString fieldName = where + QLatin1Char('.') + field;
        QStringList names;
        QString error;
        if (!ChartVariables::references(text, &names, &error))
            return fail(at, fieldName + QStringLiteral(": ") + error);
        for (const QString &name : std::as_const(names)) {
            if (!splitByRole && roleNames.contains(name))
                return fail(
                    at, tr("%1: {{%2}} is only set when splitByRole is true").arg(fieldName, name));
            if (!known.contains(name))
                return fail(at,
                            tr("%1: unknown variable {{%2}} (known: %3)")
                                .arg(fieldName, name, known.join(QStringLiteral(", "))));
        }
        referenced.insert(field, names);
    }

    // A trial substitution finds variables that refer to themselves.
    ChartVariables trial;
    for (const QString &name : std::as_const(known))
        trial.insert(name, QStringLiteral("x"));
    trial.insert(variables);
    QString substituted;
    QString error;
    if (!trial.substitute(query, &substituted, &error))
        return fail(node["query"], where + QStringLiteral(".query: ") + error);

    if (splitByRole) {
        // Without a role variable both roles would run the same query.
        QSet<QString> reached;
        QStringList pending = referenced.value(QStringLiteral("query"));
        while (!pending.isEmpty()) {
            const QString name = pending.takeFirst();
            if (reached.contains(name))
                continue;
            reached.insert(name);
            pending += referenced.value(QStringLiteral("variables.") + name);
        }
        const bool usesRole = std::any_of(roleNames.cbegin(), roleNames.cend(),
                                          [&](const QString &n) { return reached.contains(n); });
        if (!usesRole)
            return fail(node["query"],
                        tr("%1.query: with splitByRole the query must use {{hash}}, "
                           "{{pod_regex}} or {{role}}, or both roles draw the same series")
                            .arg(where));
    }
    return true;
}

bool ChartConfigParser::chart(const YAML::Node &node, const QString &where, ChartSpec *out)
{
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping with 'title' and 'query'").arg(where));
    if (!checkKeys(node,
                   {QStringLiteral("title"), QStringLiteral("query"), QStringLiteral("unit"),
                    QStringLiteral("splitByRole"), QStringLiteral("thresholds"),
                    QStringLiteral("variables"), QStringLiteral("environments")},
                   where))
        return false;
    for (const char *required : {"title", "query"}) {
        if (isAbsent(node[required]))
            return fail(node, tr("%1: '%2' is missing").arg(where, QLatin1String(required)));
    }
    out->origin = ChartSpec::Origin::Config;
    if (!string(node["title"], where + QStringLiteral(".title"), &out->title)
        || !string(node["query"], where + QStringLiteral(".query"), &out->query))
        return false;
    const YAML::Node unit = node["unit"];
    if (!isAbsent(unit) && (!unit.IsScalar() || !ChartUnits::parse(scalarText(unit), &out->unit)))
        return fail(
            unit,
            tr("%1.unit: '%2' is not a unit (expected one of: %3)")
                .arg(where, scalarText(unit), ChartUnits::names().join(QStringLiteral(", "))));
    const YAML::Node split = node["splitByRole"];
    if (!isAbsent(split)
        && (!split.IsScalar() || !YAML::convert<bool>::decode(split, out->splitByRole)))
        return fail(split, tr("%1.splitByRole: must be true or false").arg(where));
    if (!isAbsent(node["thresholds"])
        && !thresholds(node["thresholds"], where + QStringLiteral(".thresholds"), out))
        return false;
    if (!isAbsent(node["variables"])
        && !variables(node["variables"], where + QStringLiteral(".variables"), &out->variables))
        return false;
    if (!isAbsent(node["environments"])
        && !stringList(node["environments"], where + QStringLiteral(".environments"),
                       tr("environment names"), &out->environments))
        return false;
    return checkReferences(node, where, out->query, out->variables, out->splitByRole);
}

bool ChartConfigParser::parse(const YAML::Node &node, const QString &where, QList<ChartSpec> *out)
{
    out->clear();
    if (isAbsent(node))
        return true;
    if (!node.IsSequence())
        return fail(node, tr("%1: must be a list of charts").arg(where));
    for (std::size_t i = 0; i < node.size(); ++i) {
        ChartSpec spec;
        if (!chart(node[i], QStringLiteral("%1[%2]").arg(where).arg(i), &spec))
            return false;
        spec.id = QStringLiteral("config/%1").arg(i);
        spec.description = tr("Configured in %1").arg(m_fileName);
        out->append(spec);
    }
    return true;
}

bool ChartConfig::fromYaml(const QByteArray &yaml, const QString &fileName, QList<ChartSpec> *out,
                           QString *error)
{
    YAML::Node root;
    if (!YamlDocument::parse(yaml, fileName, &root, error))
        return false;
    ChartConfigParser parser(fileName);
    const YAML::Node charts = root.IsMap() ? root["charts"] : YAML::Node();
    if (parser.parse(charts, QStringLiteral("charts"), out))
        return true;
    *error = parser.error();
    return false;
}

bool ChartConfig::fromFile(const QString &path, QList<ChartSpec> *out, QString *error)
{
    QByteArray text;
    return YamlDocument::read(path, &text, error) && fromYaml(text, path, out, error);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateconfig.h"

#include "chartconfig_p.h"
#include "durationparser.h"
#include "yamldocument.h"

#include <QSet>

#include <cmath>

namespace {

// Reads one gate of the list; the node checks (keys, strings, variables, references) are the
// chart config's, so both report problems alike.
class GateConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(GateConfig)

public:
    explicit GateConfigParser(const QString &fileName) : m_nodes(fileName) { }

    bool parse(const YAML::Node &root, GateSettings *out);
    QString error() const { return m_nodes.error(); }

private:
    bool gate(const YAML::Node &node, const QString &where, GateSpec *out);
    bool bounds(const YAML::Node &node, const QString &where, GateSpec *out);
    bool relative(const YAML::Node &node, const QString &where, GateSpec *out);
    bool number(const YAML::Node &node, const QString &field, std::optional<double> *out);
    bool percentage(const YAML::Node &node, const QString &field, std::optional<double> *out);
    bool duration(const YAML::Node &node, const QString &field, qint64 lowMs, qint64 highMs,
                  qint64 *out);
    bool workloads(const YAML::Node &node, const QString &where, GateSpec *out);
    bool minSamples(const YAML::Node &node, const QString &field, GateSpec *out);

    ChartConfigParser m_nodes;
};

bool GateConfigParser::number(const YAML::Node &node, const QString &field,
                              std::optional<double> *out)
{
    bool ok = false;
    const double value = YamlDocument::trimmedScalar(node).toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return m_nodes.fail(
            node, tr("%1: '%2' is not a number").arg(field, YamlDocument::trimmedScalar(node)));
    *out = value;
    return true;
}

bool GateConfigParser::percentage(const YAML::Node &node, const QString &field,
                                  std::optional<double> *out)
{
    const QString text = YamlDocument::trimmedScalar(node);
    bool ok = false;
    const double value
        = text.endsWith(QLatin1Char('%')) ? text.chopped(1).trimmed().toDouble(&ok) : 0;
    if (!ok || !std::isfinite(value) || value < 0 || value > 1000)
        return m_nodes.fail(
            node, tr("%1: '%2' is not a percentage such as 10% (0% to 1000%)").arg(field, text));
    *out = value / 100.0;
    return true;
}

bool GateConfigParser::duration(const YAML::Node &node, const QString &field, qint64 lowMs,
                                qint64 highMs, qint64 *out)
{
    const QString text = YamlDocument::trimmedScalar(node);
    const std::optional<qint64> nanoseconds = parseGoDuration(text);
    const qint64 ms = nanoseconds ? *nanoseconds / 1000000 : -1;
    if (!nanoseconds || ms < lowMs || ms > highMs)
        return m_nodes.fail(node,
                            tr("%1: '%2' is not a duration from %3 to %4 (such as 30s, 10m, 1h)")
                                .arg(field, text, compactDuration(lowMs), compactDuration(highMs)));
    *out = ms;
    return true;
}

bool GateConfigParser::relative(const YAML::Node &node, const QString &where, GateSpec *out)
{
    if (!node.IsMap())
        return m_nodes.fail(node,
                            tr("%1: must be a mapping with maxIncrease or maxDecrease").arg(where));
    if (!m_nodes.checkKeys(node, {QStringLiteral("maxIncrease"), QStringLiteral("maxDecrease")},
                           where))
        return false;
    if (!YamlDocument::isAbsent(node["maxIncrease"])
        && !percentage(node["maxIncrease"], where + QStringLiteral(".maxIncrease"),
                       &out->maxIncrease))
        return false;
    if (!YamlDocument::isAbsent(node["maxDecrease"])
        && !percentage(node["maxDecrease"], where + QStringLiteral(".maxDecrease"),
                       &out->maxDecrease))
        return false;
    if (!out->isRelative())
        return m_nodes.fail(node, tr("%1: needs maxIncrease or maxDecrease").arg(where));
    return true;
}

bool GateConfigParser::bounds(const YAML::Node &node, const QString &where, GateSpec *out)
{
    if (!YamlDocument::isAbsent(node["max"])
        && !number(node["max"], where + QStringLiteral(".max"), &out->max))
        return false;
    if (!YamlDocument::isAbsent(node["min"])
        && !number(node["min"], where + QStringLiteral(".min"), &out->min))
        return false;
    if (out->max && out->min && *out->min > *out->max)
        return m_nodes.fail(
            node["min"], tr("%1.min: %2 is above max %3").arg(where).arg(*out->min).arg(*out->max));
    if (!YamlDocument::isAbsent(node["relative"])
        && !relative(node["relative"], where + QStringLiteral(".relative"), out))
        return false;
    if (!out->max && !out->min && !out->isRelative())
        return m_nodes.fail(node, tr("%1: needs a bound: max, min or relative").arg(where));
    return true;
}

bool GateConfigParser::workloads(const YAML::Node &node, const QString &where, GateSpec *out)
{
    if (!m_nodes.stringList(node, where, tr("NAMESPACE/NAME workloads"), &out->workloads))
        return false;
    for (int i = 0; i < out->workloads.size(); ++i) {
        const QStringList parts = out->workloads.at(i).split(QLatin1Char('/'));
        if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
            return m_nodes.fail(node[std::size_t(i)],
                                tr("%1[%2]: '%3' is not of the form NAMESPACE/NAME")
                                    .arg(where)
                                    .arg(i)
                                    .arg(out->workloads.at(i)));
    }
    return true;
}

bool GateConfigParser::minSamples(const YAML::Node &node, const QString &field, GateSpec *out)
{
    bool ok = false;
    const int value = YamlDocument::trimmedScalar(node).toInt(&ok);
    if (!ok || value < 1 || value > out->pointsInWindow())
        return m_nodes.fail(node,
                            tr("%1: must be a whole number from 1 to %2 (the points in the "
                               "window at the step)")
                                .arg(field)
                                .arg(out->pointsInWindow()));
    out->minSamples = value;
    return true;
}

bool GateConfigParser::gate(const YAML::Node &node, const QString &where, GateSpec *out)
{
    if (!node.IsMap())
        return m_nodes.fail(node, tr("%1: must be a mapping with 'name' and 'query'").arg(where));
    if (!m_nodes.checkKeys(node,
                           {QStringLiteral("name"), QStringLiteral("query"), QStringLiteral("max"),
                            QStringLiteral("min"), QStringLiteral("relative"),
                            QStringLiteral("window"), QStringLiteral("step"),
                            QStringLiteral("minSamples"), QStringLiteral("variables"),
                            QStringLiteral("environments"), QStringLiteral("workloads")},
                           where))
        return false;
    for (const char *required : {"name", "query"}) {
        if (YamlDocument::isAbsent(node[required]))
            return m_nodes.fail(node,
                                tr("%1: '%2' is missing").arg(where, QLatin1String(required)));
    }
    out->line = node.Mark().line + 1;
    if (!m_nodes.string(node["name"], where + QStringLiteral(".name"), &out->name)
        || !m_nodes.string(node["query"], where + QStringLiteral(".query"), &out->query)
        || !bounds(node, where, out))
        return false;
    if (!YamlDocument::isAbsent(node["window"])
        && !duration(node["window"], where + QStringLiteral(".window"), 30 * 1000, 24 * 3600 * 1000,
                     &out->windowMs))
        return false;
    if (!YamlDocument::isAbsent(node["step"])
        && !duration(node["step"], where + QStringLiteral(".step"), 1000, out->windowMs,
                     &out->stepMs))
        return false;
    if (out->stepMs > out->windowMs)
        return m_nodes.fail(node, tr("%1: the step is longer than the window").arg(where));
    if (!YamlDocument::isAbsent(node["minSamples"])
        && !minSamples(node["minSamples"], where + QStringLiteral(".minSamples"), out))
        return false;
    if (!YamlDocument::isAbsent(node["variables"])
        && !m_nodes.variables(node["variables"], where + QStringLiteral(".variables"),
                              &out->variables))
        return false;
    if (!YamlDocument::isAbsent(node["environments"])
        && !m_nodes.stringList(node["environments"], where + QStringLiteral(".environments"),
                               tr("environment names"), &out->environments))
        return false;
    if (!YamlDocument::isAbsent(node["workloads"])
        && !workloads(node["workloads"], where + QStringLiteral(".workloads"), out))
        return false;
    return m_nodes.checkReferences(node, where, out->query, out->variables, true);
}

bool GateConfigParser::parse(const YAML::Node &root, GateSettings *out)
{
    *out = GateSettings();
    if (!root.IsMap())
        return true;
    const YAML::Node interval = root["gateInterval"];
    if (!YamlDocument::isAbsent(interval)
        && !duration(interval, QStringLiteral("gateInterval"), 10 * 1000, 3600 * 1000,
                     &out->intervalMs))
        return false;
    const YAML::Node gates = root["gates"];
    if (YamlDocument::isAbsent(gates))
        return true;
    if (!gates.IsSequence())
        return m_nodes.fail(gates, tr("gates: must be a list of gates"));
    QSet<QString> names;
    for (std::size_t i = 0; i < gates.size(); ++i) {
        GateSpec spec;
        const QString where = QStringLiteral("gates[%1]").arg(i);
        if (!gate(gates[i], where, &spec))
            return false;
        if (names.contains(spec.name))
            return m_nodes.fail(
                gates[i]["name"],
                tr("%1.name: '%2' is already the name of another gate").arg(where, spec.name));
        names.insert(spec.name);
        out->gates.append(spec);
    }
    return true;
}

} // namespace

bool GateConfig::fromYaml(const QByteArray &yaml, const QString &fileName, GateSettings *out,
                          QString *error)
{
    *out = GateSettings();
    YAML::Node root;
    if (!YamlDocument::parse(yaml, fileName, &root, error))
        return false;
    GateConfigParser parser(fileName);
    if (parser.parse(root, out))
        return true;
    *out = GateSettings();
    *error = parser.error();
    return false;
}

bool GateConfig::fromFile(const QString &path, GateSettings *out, QString *error)
{
    QByteArray text;
    return YamlDocument::read(path, &text, error) && fromYaml(text, path, out, error);
}

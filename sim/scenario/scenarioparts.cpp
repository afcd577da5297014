// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of a cluster that describe its contents and behaviour: objects, manifests,
// metric behaviours and injected faults.
#include "scenario/scenarioparser.h"
#include "scenario/scenariosafetynets.h"
#include "scenario/yamlconvert.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <climits>

namespace rdsim {

namespace {

const QStringList kMetricKeys = {
    QStringLiteral("namespace"),
    QStringLiteral("rollout"),
    QStringLiteral("requestRate"),
    QStringLiteral("errorRatio"),
    QStringLiteral("latencyP99Ms"),
    QStringLiteral("cpuCores"),
    QStringLiteral("memoryMiB"),
    QStringLiteral("canaryErrorRatio"),
    QStringLiteral("canaryLatencyP99Ms"),
    QStringLiteral("regressAfterSeconds"),
    QStringLiteral("canaryRestartsPerHour"),
    QStringLiteral("orderRate"),
    QStringLiteral("orderFailureRatio"),
    QStringLiteral("canaryOrderFailureRatio"),
    QStringLiteral("falco"),
};
const QStringList kFaultKeys = {
    QStringLiteral("kind"),     QStringLiteral("status"),    QStringLiteral("retryAfter"),
    QStringLiteral("path"),     QStringLiteral("method"),    QStringLiteral("times"),
    QStringLiteral("everyNth"), QStringLiteral("watchOnly"), QStringLiteral("listOnly"),
    QStringLiteral("delayMs"),
};
const QStringList kMethods = {
    QStringLiteral("GET"),     QStringLiteral("POST"),   QStringLiteral("PUT"),
    QStringLiteral("PATCH"),   QStringLiteral("DELETE"), QStringLiteral("HEAD"),
    QStringLiteral("OPTIONS"),
};

QString metadataField(const QJsonObject &object, const char *field)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QLatin1String(field))
        .toString();
}

// "Rollout shop/checkout", or "Namespace shop" for cluster-scoped kinds.
QString displayName(const QJsonObject &object)
{
    const QString ns = metadataField(object, "namespace");
    const QString name = metadataField(object, "name");
    return object.value(QStringLiteral("kind")).toString() + QLatin1Char(' ')
        + (ns.isEmpty() ? name : ns + QLatin1Char('/') + name);
}

int lineOr(const YAML::Node &node, int fallback)
{
    const int line = YamlConvert::lineOf(node);
    return line > 0 ? line : fallback;
}

} // namespace

void ScenarioParser::parseObjects(const MapReader &cluster, ClusterScenario *out)
{
    const QString key = QStringLiteral("objects");
    if (!cluster.has(key))
        return;
    const YAML::Node objects = cluster.value(key);
    m_source.requireSequence(objects, cluster.childPath(key), cluster.keyLine(key));
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const YAML::Node node = objects[i];
        const QString path = YamlSource::index(cluster.childPath(key), int(i));
        const int line = lineOr(node, cluster.keyLine(key));
        if (!node.IsMap())
            m_source.fail(line, path, QStringLiteral("expected a mapping (a Kubernetes object)"));
        const QJsonObject object = YamlConvert::toJson(node).toObject();
        if (!ManifestLoader::isList(object)) {
            addObject(object, m_source.location(line), path, out);
            continue;
        }
        const YAML::Node items = node[std::string("items")];
        for (std::size_t j = 0; j < items.size(); ++j) {
            const QString itemPath = YamlSource::index(path + QStringLiteral(".items"), int(j));
            const int itemLine = lineOr(items[j], line);
            if (!items[j].IsMap())
                m_source.fail(itemLine, itemPath,
                              QStringLiteral("expected a mapping (a Kubernetes object)"));
            addObject(YamlConvert::toJson(items[j]).toObject(), m_source.location(itemLine),
                      itemPath, out);
        }
    }
}

void ScenarioParser::addObject(QJsonObject object, const QString &origin, const QString &path,
                               ClusterScenario *out)
{
    const auto fail = [&origin, &path](const QString &what) {
        throw YamlError {origin + (path.isEmpty() ? QString() : QStringLiteral(": ") + path)
                         + QStringLiteral(": ") + what};
    };
    const QString problem = ManifestLoader::checkObject(&object);
    if (!problem.isEmpty())
        fail(problem);
    const QString display = displayName(object);
    const QString key
        = object.value(QStringLiteral("apiVersion")).toString() + QLatin1Char(' ') + display;
    const auto previous = m_objectKeys.constFind(key);
    if (previous != m_objectKeys.constEnd())
        fail(QStringLiteral("%1 is already defined at %2").arg(display, previous.value()));
    m_objectKeys.insert(key, origin);
    out->objects.append(object);
    out->objectOrigins.append(origin);
}

void ScenarioParser::parseManifests(const MapReader &cluster, ClusterScenario *out)
{
    const QString key = QStringLiteral("manifests");
    const QStringList entries = cluster.stringList(key);
    for (int i = 0; i < entries.size(); ++i) {
        const QString path = YamlSource::index(cluster.childPath(key), i);
        const int line = lineOr(cluster.value(key)[i], cluster.keyLine(key));
        // Relative to the scenario file, so a scenario and its manifests move together. Not
        // cleaned: "dir/../x" must follow a symlinked dir as the file system does.
        QString resolved = entries.at(i);
        if (QFileInfo(resolved).isRelative() && m_baseDir != QLatin1String("."))
            resolved = m_baseDir + QLatin1Char('/') + resolved;
        const QFileInfo info(resolved);
        if (!info.exists())
            m_source.fail(line, path,
                          QStringLiteral("no such file or directory: %1").arg(resolved));
        QList<QJsonObject> objects;
        QStringList origins;
        QString error;
        const bool ok = info.isDir()
            ? ManifestLoader::loadDirectory(resolved, &objects, &error, &origins)
            : ManifestLoader::loadFile(resolved, &objects, &error, &origins);
        if (!ok)
            throw YamlError {error}; // names the manifest file and its line
        for (int k = 0; k < objects.size(); ++k)
            addObject(objects.at(k), origins.at(k), QString(), out);
    }
}

void ScenarioParser::parseMetrics(const MapReader &cluster, ClusterScenario *out)
{
    const QString key = QStringLiteral("metrics");
    if (!cluster.has(key))
        return;
    const YAML::Node metrics = cluster.value(key);
    m_source.requireSequence(metrics, cluster.childPath(key), cluster.keyLine(key));
    QStringList seen;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        const QString path = YamlSource::index(cluster.childPath(key), int(i));
        const int line = lineOr(metrics[i], cluster.keyLine(key));
        const MetricBehaviour behaviour = parseMetric(metrics[i], path, line, *out);
        const QString id = behaviour.ns + QLatin1Char('/') + behaviour.rollout;
        const int previous = int(seen.indexOf(id));
        if (previous >= 0)
            m_source.fail(line, path,
                          QStringLiteral("metrics for Rollout %1 are already given in %2")
                              .arg(id, YamlSource::index(cluster.childPath(key), previous)));
        seen.append(id);
        out->metrics.append(behaviour);
    }
}

MetricBehaviour ScenarioParser::parseMetric(const YAML::Node &node, const QString &path, int line,
                                            const ClusterScenario &cluster)
{
    const MapReader reader(m_source, node, path, line, kMetricKeys);
    reader.require(QStringLiteral("namespace"));
    reader.require(QStringLiteral("rollout"));
    MetricBehaviour behaviour;
    behaviour.ns = reader.string(QStringLiteral("namespace"));
    behaviour.rollout = reader.string(QStringLiteral("rollout"));
    // A Deployment's pods behave by the entry too: a Flagger canary's target Deployment runs
    // the version under test, so its pods take the canary values.
    bool found = false;
    for (const QJsonObject &object : cluster.objects) {
        const QString kind = object.value(QStringLiteral("kind")).toString();
        found = found
            || ((kind == QLatin1String("Rollout") || kind == QLatin1String("Deployment"))
                && metadataField(object, "namespace") == behaviour.ns
                && metadataField(object, "name") == behaviour.rollout);
    }
    if (!found)
        reader.fail(QStringLiteral("rollout"),
                    QStringLiteral("no Rollout or Deployment %1/%2 in cluster '%3'")
                        .arg(behaviour.ns, behaviour.rollout, cluster.name));

    const auto nonNegative = [&reader](const char *key, double fallback) {
        const QString name = QLatin1String(key);
        const double value = reader.number(name, fallback);
        if (value < 0)
            reader.fail(name, QStringLiteral("must not be negative"));
        return value;
    };
    const auto ratio = [&reader](const char *key, double fallback) {
        const QString name = QLatin1String(key);
        const double value = reader.number(name, fallback);
        if (reader.has(name) && (value < 0 || value > 1))
            reader.fail(name, QStringLiteral("must be between 0 and 1"));
        return value;
    };
    behaviour.requestRate = nonNegative("requestRate", behaviour.requestRate);
    behaviour.errorRatio = ratio("errorRatio", behaviour.errorRatio);
    behaviour.latencyP99Ms = nonNegative("latencyP99Ms", behaviour.latencyP99Ms);
    behaviour.cpuCores = nonNegative("cpuCores", behaviour.cpuCores);
    behaviour.memoryMiB = nonNegative("memoryMiB", behaviour.memoryMiB);
    behaviour.canaryErrorRatio = ratio("canaryErrorRatio", behaviour.canaryErrorRatio);
    behaviour.orderRate = nonNegative("orderRate", behaviour.orderRate);
    behaviour.orderFailureRatio = ratio("orderFailureRatio", behaviour.orderFailureRatio);
    behaviour.canaryOrderFailureRatio
        = ratio("canaryOrderFailureRatio", behaviour.canaryOrderFailureRatio);
    behaviour.falco = SafetyNetScenarioParser(m_source).falco(reader);
    if (reader.has(QStringLiteral("canaryLatencyP99Ms")))
        behaviour.canaryLatencyP99Ms = nonNegative("canaryLatencyP99Ms", 0);
    const auto nonNegativeInt = [&reader](const char *key) {
        const QString name = QLatin1String(key);
        const qint64 value = reader.integer(name, 0);
        if (value < 0 || value > INT_MAX)
            reader.fail(name, QStringLiteral("must not be negative"));
        return int(value);
    };
    behaviour.regressAfterSeconds = nonNegativeInt("regressAfterSeconds");
    behaviour.canaryRestartsPerHour = nonNegativeInt("canaryRestartsPerHour");
    return behaviour;
}

void ScenarioParser::parseFaults(const MapReader &cluster, ClusterScenario *out)
{
    const QString key = QStringLiteral("faults");
    if (!cluster.has(key))
        return;
    const YAML::Node faults = cluster.value(key);
    m_source.requireSequence(faults, cluster.childPath(key), cluster.keyLine(key));
    for (std::size_t i = 0; i < faults.size(); ++i) {
        out->faults.append(parseFault(faults[i], YamlSource::index(cluster.childPath(key), int(i)),
                                      lineOr(faults[i], cluster.keyLine(key))));
    }
}

FaultRule ScenarioParser::parseFault(const YAML::Node &node, const QString &path, int line)
{
    const MapReader reader(m_source, node, path, line, kFaultKeys);
    reader.require(QStringLiteral("kind"));
    FaultRule rule;
    const QString kindName = reader.string(QStringLiteral("kind"));
    const std::optional<FaultRule::Kind> kind = FaultRule::kindFromName(kindName);
    if (!kind) {
        QStringList names;
        for (FaultRule::Kind k :
             {FaultRule::Kind::Drop, FaultRule::Kind::Delay, FaultRule::Kind::Status,
              FaultRule::Kind::Truncate, FaultRule::Kind::Malformed, FaultRule::Kind::Expire})
            names.append(FaultRule::kindName(k));
        reader.fail(QStringLiteral("kind"),
                    QStringLiteral("unknown fault kind '%1' (expected one of: %2)")
                        .arg(kindName, names.join(QStringLiteral(", "))));
    }
    rule.kind = *kind;

    const auto bounded = [&reader](const char *key, qint64 fallback, qint64 low, qint64 high,
                                   const QString &what) {
        const QString name = QLatin1String(key);
        const qint64 value = reader.integer(name, fallback);
        if (reader.has(name) && (value < low || value > high))
            reader.fail(name, what);
        return int(value);
    };
    rule.status = bounded("status", rule.status, 100, 599,
                          QStringLiteral("must be an HTTP status between 100 and 599"));
    rule.retryAfterSeconds = bounded("retryAfter", rule.retryAfterSeconds, 0, 86400,
                                     QStringLiteral("must be between 0 and 86400 seconds"));
    rule.remaining = bounded("times", rule.remaining, 1, INT_MAX,
                             QStringLiteral("must be at least 1 (leave it out for always)"));
    rule.everyNth
        = bounded("everyNth", rule.everyNth, 1, INT_MAX, QStringLiteral("must be at least 1"));
    rule.delayMs = bounded("delayMs", rule.delayMs, 0, 3600000,
                           QStringLiteral("must be between 0 and 3600000"));
    if (rule.kind == FaultRule::Kind::Delay && rule.delayMs <= 0)
        m_source.fail(line, path, QStringLiteral("a delay fault needs delayMs greater than 0"));

    const QString pattern = reader.string(QStringLiteral("path"));
    rule.path = QRegularExpression(pattern);
    if (!rule.path.isValid())
        reader.fail(
            QStringLiteral("path"),
            QStringLiteral("invalid regular expression: %1 at offset %2")
                .arg(rule.path.errorString(), QString::number(rule.path.patternErrorOffset())));
    rule.method = reader.string(QStringLiteral("method")).toUpper();
    if (!rule.method.isEmpty() && !kMethods.contains(rule.method))
        reader.fail(QStringLiteral("method"),
                    QStringLiteral("unknown HTTP method '%1'")
                        .arg(reader.string(QStringLiteral("method"))));
    rule.watchOnly = reader.boolean(QStringLiteral("watchOnly"), false);
    rule.listOnly = reader.boolean(QStringLiteral("listOnly"), false);
    if (rule.watchOnly && rule.listOnly)
        reader.fail(QStringLiteral("listOnly"),
                    QStringLiteral("watchOnly and listOnly cannot both be true"));
    return rule;
}

} // namespace rdsim

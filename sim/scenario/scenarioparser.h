// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/scenario.h"
#include "scenario/yamlreader.h"

#include <QHash>

namespace rdsim {

// Reads a scenario document into a Scenario, throwing YamlError with "file:line: path: what"
// on the first problem. Used by Scenario::fromYaml().
class ScenarioParser
{
public:
    ScenarioParser(const YamlSource &source, const QString &baseDir);
    Scenario parse(const YAML::Node &root);

private:
    ClusterScenario parseCluster(const YAML::Node &node, const QString &path, int line);
    void parseUsers(const MapReader &cluster, ClusterScenario *out);
    UserSpec parseUser(const YAML::Node &node, const QString &path, int line);
    PolicyRule parseRule(const YAML::Node &node, const QString &path, int line);
    void parseObjects(const MapReader &cluster, ClusterScenario *out);
    void addObject(QJsonObject object, const QString &origin, const QString &path,
                   ClusterScenario *out);
    void parseManifests(const MapReader &cluster, ClusterScenario *out);
    void parseMetrics(const MapReader &cluster, ClusterScenario *out);
    MetricBehaviour parseMetric(const YAML::Node &node, const QString &path, int line,
                                const ClusterScenario &cluster);
    void parseFaults(const MapReader &cluster, ClusterScenario *out);
    FaultRule parseFault(const YAML::Node &node, const QString &path, int line);

    const YamlSource &m_source;
    QString m_baseDir;
    QHash<QString, QString> m_objectKeys; // "kind ns/name" -> "file:line", per cluster
};

} // namespace rdsim

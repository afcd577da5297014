// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenario.h"

#include "scenario/scenarioargocd.h"
#include "scenario/scenarioguard.h"
#include "scenario/scenarioparser.h"
#include "scenario/scenariosafetynets.h"
#include "scenario/yamlconvert.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace rdsim {

namespace {

const QStringList kTopKeys
    = {QStringLiteral("clock"), QStringLiteral("clusters"), QStringLiteral("images")};
const QStringList kClockKeys = {QStringLiteral("speed")};
const QStringList kClusterKeys = {
    QStringLiteral("name"),    QStringLiteral("port"),         QStringLiteral("namespaces"),
    QStringLiteral("users"),   QStringLiteral("objects"),      QStringLiteral("manifests"),
    QStringLiteral("metrics"), QStringLiteral("faults"),       QStringLiteral("argocd"),
    QStringLiteral("serves"),  QStringLiteral("withoutKinds"),
};
const QStringList kUserKeys = {
    QStringLiteral("name"),     QStringLiteral("token"),
    QStringLiteral("password"), QStringLiteral("clientCertificate"),
    QStringLiteral("groups"),   QStringLiteral("rules"),
};
const QStringList kRuleKeys = {
    QStringLiteral("verbs"),      QStringLiteral("apiGroups"),     QStringLiteral("resources"),
    QStringLiteral("namespaces"), QStringLiteral("resourceNames"),
};
// The verbs RBAC knows; anything else is a typo that would silently grant nothing.
const QStringList kVerbs = {
    QStringLiteral("*"),           QStringLiteral("get"),    QStringLiteral("list"),
    QStringLiteral("watch"),       QStringLiteral("create"), QStringLiteral("update"),
    QStringLiteral("patch"),       QStringLiteral("delete"), QStringLiteral("deletecollection"),
    QStringLiteral("impersonate"), QStringLiteral("bind"),   QStringLiteral("escalate"),
    QStringLiteral("use"),
};

bool isDnsLabel(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && label.match(name).hasMatch();
}

} // namespace

ScenarioParser::ScenarioParser(const YamlSource &source, const QString &baseDir) :
    m_source(source), m_baseDir(baseDir)
{ }

Scenario ScenarioParser::parse(const YAML::Node &root)
{
    const int rootLine = qMax(1, YamlConvert::lineOf(root));
    if (root.IsNull())
        m_source.fail(1, QString(), QStringLiteral("the scenario is empty"));
    const MapReader top(m_source, root, QString(), rootLine, kTopKeys);

    Scenario scenario;
    if (top.has(QStringLiteral("clock"))) {
        const MapReader clock(m_source, top.value(QStringLiteral("clock")), QStringLiteral("clock"),
                              top.keyLine(QStringLiteral("clock")), kClockKeys);
        scenario.clockSpeed = clock.number(QStringLiteral("speed"), 1.0);
        if (scenario.clockSpeed <= 0)
            clock.fail(QStringLiteral("speed"), QStringLiteral("must be greater than 0"));
    }

    top.require(QStringLiteral("clusters"));
    const YAML::Node clusters = top.value(QStringLiteral("clusters"));
    const int clustersLine = top.keyLine(QStringLiteral("clusters"));
    m_source.requireSequence(clusters, QStringLiteral("clusters"), clustersLine);
    if (clusters.size() == 0)
        m_source.fail(clustersLine, QStringLiteral("clusters"),
                      QStringLiteral("at least one cluster is required"));
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const YAML::Node node = clusters[i];
        const QString path = YamlSource::index(QStringLiteral("clusters"), int(i));
        const int line = YamlConvert::lineOf(node);
        ClusterScenario cluster = parseCluster(node, path, line);
        for (const ClusterScenario &other : std::as_const(scenario.clusters)) {
            const MapReader reader(m_source, node, path, line, kClusterKeys);
            if (other.name == cluster.name)
                reader.fail(QStringLiteral("name"),
                            QStringLiteral("duplicate cluster name '%1'").arg(cluster.name));
            if (cluster.port != 0 && other.port == cluster.port)
                reader.fail(QStringLiteral("port"),
                            QStringLiteral("port %1 is already used by cluster '%2'")
                                .arg(QString::number(cluster.port), other.name));
        }
        scenario.clusters.append(cluster);
    }
    scenario.images = SafetyNetScenarioParser(m_source).images(top);
    for (ClusterScenario &cluster : scenario.clusters)
        cluster.imageScans = scenario.images;
    return scenario;
}

ClusterScenario ScenarioParser::parseCluster(const YAML::Node &node, const QString &path, int line)
{
    const MapReader reader(m_source, node, path, line, kClusterKeys);
    m_objectKeys.clear();
    ClusterScenario cluster;
    reader.require(QStringLiteral("name"));
    cluster.name = reader.string(QStringLiteral("name"));
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9-]+$"));
    if (!namePattern.match(cluster.name).hasMatch())
        reader.fail(QStringLiteral("name"),
                    QStringLiteral("'%1' is not a valid cluster name (use a-z, 0-9 and '-')")
                        .arg(cluster.name));
    const qint64 port = reader.integer(QStringLiteral("port"), 0);
    if (port < 0 || port > 65535)
        reader.fail(QStringLiteral("port"), QStringLiteral("must be between 0 and 65535"));
    cluster.port = int(port);

    const QStringList namespaces = reader.stringList(QStringLiteral("namespaces"));
    for (int i = 0; i < namespaces.size(); ++i) {
        const QString &ns = namespaces.at(i);
        const QString itemPath
            = YamlSource::index(reader.childPath(QStringLiteral("namespaces")), i);
        const int itemLine = YamlConvert::lineOf(reader.value(QStringLiteral("namespaces"))[i]);
        if (!isDnsLabel(ns))
            m_source.fail(itemLine, itemPath,
                          QStringLiteral("'%1' is not a valid namespace name").arg(ns));
        if (cluster.namespaces.contains(ns))
            m_source.fail(itemLine, itemPath, QStringLiteral("duplicate namespace '%1'").arg(ns));
        cluster.namespaces.append(ns);
    }

    parseUsers(reader, &cluster);
    parseObjects(reader, &cluster);
    parseManifests(reader, &cluster);
    parseMetrics(reader, &cluster);
    parseFaults(reader, &cluster);
    cluster.unservedKinds = SafetyNetScenarioParser(m_source).unservedKinds(reader);
    if (reader.has(QStringLiteral("argocd")))
        cluster.argocd = ArgoCdScenarioParser(m_source).parse(reader);
    return cluster;
}

void ScenarioParser::parseUsers(const MapReader &cluster, ClusterScenario *out)
{
    const QString key = QStringLiteral("users");
    cluster.require(key);
    const YAML::Node users = cluster.value(key);
    m_source.requireSequence(users, cluster.childPath(key), cluster.keyLine(key));
    if (users.size() == 0)
        m_source.fail(cluster.keyLine(key), cluster.childPath(key),
                      QStringLiteral("at least one user is required"));
    for (std::size_t i = 0; i < users.size(); ++i) {
        const QString path = YamlSource::index(cluster.childPath(key), int(i));
        const int line = YamlConvert::lineOf(users[i]);
        const UserSpec user = parseUser(users[i], path, line);
        for (const UserSpec &other : std::as_const(out->users)) {
            const MapReader reader(m_source, users[i], path, line, kUserKeys);
            if (other.name == user.name)
                reader.fail(QStringLiteral("name"),
                            QStringLiteral("duplicate user name '%1'").arg(user.name));
            if (!user.token.isEmpty() && other.token == user.token)
                reader.fail(QStringLiteral("token"),
                            QStringLiteral("token is already used by user '%1'").arg(other.name));
        }
        out->users.append(user);
    }
}

UserSpec ScenarioParser::parseUser(const YAML::Node &node, const QString &path, int line)
{
    const MapReader reader(m_source, node, path, line, kUserKeys);
    UserSpec user;
    reader.require(QStringLiteral("name"));
    user.name = reader.string(QStringLiteral("name"));
    if (user.name.isEmpty())
        reader.fail(QStringLiteral("name"), QStringLiteral("must not be empty"));
    user.token = reader.string(QStringLiteral("token"));
    user.password = reader.string(QStringLiteral("password"));
    user.clientCertificate = reader.boolean(QStringLiteral("clientCertificate"), false);
    if (user.token.isEmpty() && user.password.isEmpty() && !user.clientCertificate)
        m_source.fail(line, path,
                      QStringLiteral("user '%1' has no credential (token, password or "
                                     "clientCertificate: true)")
                          .arg(user.name));
    user.groups = reader.stringList(QStringLiteral("groups"));

    const QString rulesKey = QStringLiteral("rules");
    const YAML::Node rules = reader.value(rulesKey);
    if (reader.has(rulesKey))
        m_source.requireSequence(rules, reader.childPath(rulesKey), reader.keyLine(rulesKey));
    for (std::size_t i = 0; reader.has(rulesKey) && i < rules.size(); ++i) {
        const int ruleLine = YamlConvert::lineOf(rules[i]);
        user.rules.append(parseRule(rules[i], YamlSource::index(reader.childPath(rulesKey), int(i)),
                                    ruleLine > 0 ? ruleLine : reader.keyLine(rulesKey)));
    }
    return user;
}

PolicyRule ScenarioParser::parseRule(const YAML::Node &node, const QString &path, int line)
{
    const MapReader reader(m_source, node, path, line, kRuleKeys);
    PolicyRule rule;
    const auto required = [&reader](const QString &key, const QString &what) {
        reader.require(key);
        const QStringList list = reader.stringList(key);
        if (list.isEmpty())
            reader.fail(key, what);
        return list;
    };
    rule.verbs = required(QStringLiteral("verbs"), QStringLiteral("at least one verb is required"));
    for (int i = 0; i < rule.verbs.size(); ++i) {
        if (!kVerbs.contains(rule.verbs.at(i)))
            m_source.fail(YamlConvert::lineOf(reader.value(QStringLiteral("verbs"))[i]),
                          YamlSource::index(reader.childPath(QStringLiteral("verbs")), i),
                          QStringLiteral("unknown verb '%1'").arg(rule.verbs.at(i)));
    }
    rule.apiGroups = required(QStringLiteral("apiGroups"),
                              QStringLiteral("at least one API group is required (\"\" is the "
                                             "core group)"));
    rule.resources = required(QStringLiteral("resources"),
                              QStringLiteral("at least one resource is required"));
    rule.resourceNames = reader.stringList(QStringLiteral("resourceNames"));
    rule.namespaces = reader.stringList(QStringLiteral("namespaces"));
    return rule;
}

bool Scenario::fromFile(const QString &path, Scenario *out, QString *error)
{
    QByteArray yaml;
    QString problem;
    if (!ScenarioGuard::readFile(path, &yaml, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    return fromYaml(yaml, path, out, error);
}

bool Scenario::fromYaml(const QByteArray &yaml, const QString &fileName, Scenario *out,
                        QString *error)
{
    const YamlSource source(fileName);
    QString problem;
    if (!ScenarioGuard::check(yaml, fileName, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(yaml.toStdString());
        if (documents.size() > 1)
            source.fail(YamlConvert::lineOf(documents.at(1)), QString(),
                        QStringLiteral("a scenario is a single YAML document"));
        const YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
        ScenarioParser parser(source, QFileInfo(fileName).path());
        Scenario scenario = parser.parse(root);
        if (out)
            *out = scenario;
        return true;
    } catch (const YAML::Exception &e) {
        if (error)
            *error = source.location(YamlConvert::errorLine(e, yaml)) + QStringLiteral(": ")
                + YamlConvert::toQString(e.msg);
    } catch (const YamlError &e) {
        if (error)
            *error = e.message;
    }
    return false;
}

Scenario Scenario::minimal()
{
    UserSpec admin;
    admin.name = QStringLiteral("admin");
    // Random per run: the built-in scenario has no file that could publish a fixed token.
    const quint64 a = QRandomGenerator::system()->generate64();
    const quint64 b = QRandomGenerator::system()->generate64();
    admin.token = QStringLiteral("rd-sim-%1%2")
                      .arg(a, 16, 16, QLatin1Char('0'))
                      .arg(b, 16, 16, QLatin1Char('0'));
    admin.clientCertificate = true;
    admin.groups = {QStringLiteral("system:masters")};
    admin.rules = {
        PolicyRule {{QStringLiteral("*")}, {QStringLiteral("*")}, {QStringLiteral("*")}, {}, {}}};

    ClusterScenario cluster;
    cluster.name = QStringLiteral("sim");
    cluster.namespaces = {QStringLiteral("default")};
    cluster.users = {admin};

    Scenario scenario;
    scenario.clusters = {cluster};
    return scenario;
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenarioargocd.h"

#include "argocd/argocdlive.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "scenario/yamlconvert.h"

#include <QRegularExpression>
#include <QSet>

namespace rdsim {

namespace {

const QStringList kBlockKeys {QStringLiteral("namespace"),   QStringLiteral("port"),
                              QStringLiteral("syncSeconds"), QStringLiteral("selfHealSeconds"),
                              QStringLiteral("accounts"),    QStringLiteral("repos"),
                              QStringLiteral("applications")};
const QStringList kAccountKeys {QStringLiteral("name"), QStringLiteral("token"),
                                QStringLiteral("expired"), QStringLiteral("groups"),
                                QStringLiteral("policies")};
const QStringList kPolicyKeys {QStringLiteral("resource"), QStringLiteral("action"),
                               QStringLiteral("object")};
const QStringList kRepoKeys {QStringLiteral("url"), QStringLiteral("helm"),
                             QStringLiteral("commits")};
const QStringList kCommitKeys {QStringLiteral("sha"),     QStringLiteral("version"),
                               QStringLiteral("author"),  QStringLiteral("date"),
                               QStringLiteral("message"), QStringLiteral("tags"),
                               QStringLiteral("images")};
const QStringList kAppKeys {QStringLiteral("name"),       QStringLiteral("project"),
                            QStringLiteral("source"),     QStringLiteral("destination"),
                            QStringLiteral("syncPolicy"), QStringLiteral("labels"),
                            QStringLiteral("resources"),  QStringLiteral("history")};
const QStringList kSourceKeys {QStringLiteral("repoURL"), QStringLiteral("path"),
                               QStringLiteral("chart"), QStringLiteral("targetRevision"),
                               QStringLiteral("kustomize")};
const QStringList kResourceKeys {QStringLiteral("kind"), QStringLiteral("namespace"),
                                 QStringLiteral("name")};

} // namespace

void ArgoCdScenarioParser::forEach(const MapReader &parent, const QString &key,
                                   const QStringList &keys, const ItemReader &read) const
{
    if (!parent.has(key))
        return;
    const YAML::Node list = parent.value(key);
    m_source.requireSequence(list, parent.childPath(key), parent.keyLine(key));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const int line = YamlConvert::lineOf(list[i]);
        read(MapReader(m_source, list[i], YamlSource::index(parent.childPath(key), int(i)),
                       line > 0 ? line : parent.keyLine(key), keys));
    }
}

QHash<QString, QString> ArgoCdScenarioParser::stringMap(const MapReader &item,
                                                        const QString &key) const
{
    QHash<QString, QString> result;
    if (!item.has(key))
        return result;
    const YAML::Node node = item.value(key);
    if (!node.IsMap())
        item.fail(key, QStringLiteral("expected a mapping"));
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString name = YamlConvert::toQString(it->first.as<std::string>());
        result.insert(name,
                      m_source.string(it->second, YamlSource::join(item.childPath(key), name),
                                      item.keyLine(key)));
    }
    return result;
}

ArgoCdConfig ArgoCdScenarioParser::parse(const MapReader &cluster)
{
    const QString key = QStringLiteral("argocd");
    const MapReader block(m_source, cluster.value(key), cluster.childPath(key),
                          cluster.keyLine(key), kBlockKeys);
    ArgoCdConfig config;
    config.enabled = true;
    config.ns = block.string(QStringLiteral("namespace"), config.ns);
    if (block.has(QStringLiteral("port"))) {
        config.port = int(block.integer(QStringLiteral("port"), 0));
        if (config.port < 0 || config.port > 65535)
            block.fail(QStringLiteral("port"), QStringLiteral("must be between 0 and 65535"));
    }
    config.syncSeconds = block.number(QStringLiteral("syncSeconds"), config.syncSeconds);
    config.selfHealSeconds
        = block.number(QStringLiteral("selfHealSeconds"), config.selfHealSeconds);
    if (config.syncSeconds < 0 || config.selfHealSeconds < 0)
        block.fail(config.syncSeconds < 0 ? QStringLiteral("syncSeconds")
                                          : QStringLiteral("selfHealSeconds"),
                   QStringLiteral("must not be negative"));
    forEach(block, QStringLiteral("accounts"), kAccountKeys,
            [&](const MapReader &item) { config.accounts << account(item); });
    forEach(block, QStringLiteral("repos"), kRepoKeys,
            [&](const MapReader &item) { config.repos << repo(item); });
    forEach(block, QStringLiteral("applications"), kAppKeys,
            [&](const MapReader &item) { config.applications << application(item, config); });
    check(config, block);
    return config;
}

ArgoCdAccount ArgoCdScenarioParser::account(const MapReader &item) const
{
    ArgoCdAccount account;
    item.require(QStringLiteral("name"));
    item.require(QStringLiteral("token"));
    account.name = item.string(QStringLiteral("name"));
    account.token = item.string(QStringLiteral("token"));
    if (account.token.isEmpty())
        item.fail(QStringLiteral("token"), QStringLiteral("must not be empty"));
    account.expired = item.boolean(QStringLiteral("expired"), false);
    account.groups = item.stringList(QStringLiteral("groups"));
    forEach(item, QStringLiteral("policies"), kPolicyKeys, [&](const MapReader &policy) {
        for (const QString &part : kPolicyKeys)
            policy.require(part);
        account.policies << ArgoCdPolicy {policy.string(QStringLiteral("resource")),
                                          policy.string(QStringLiteral("action")),
                                          policy.string(QStringLiteral("object"))};
    });
    return account;
}

ArgoCdRepo ArgoCdScenarioParser::repo(const MapReader &item) const
{
    ArgoCdRepo repo;
    item.require(QStringLiteral("url"));
    repo.url = item.string(QStringLiteral("url"));
    repo.helm = item.boolean(QStringLiteral("helm"), false);
    forEach(item, QStringLiteral("commits"), kCommitKeys,
            [&](const MapReader &commit) { repo.commits << this->commit(commit, repo.helm); });
    return repo;
}

ArgoCdCommit ArgoCdScenarioParser::commit(const MapReader &item, bool helm) const
{
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{40}$"));
    ArgoCdCommit commit;
    const QString key = helm ? QStringLiteral("version") : QStringLiteral("sha");
    item.require(key);
    commit.revision = item.string(key);
    if (!helm && !sha.match(commit.revision).hasMatch())
        item.fail(
            key,
            QStringLiteral("'%1' is not a 40-character lower-case hex SHA").arg(commit.revision));
    item.require(QStringLiteral("date"));
    commit.date = item.string(QStringLiteral("date"));
    if (VirtualClock::fromRfc3339(commit.date) < 0)
        item.fail(QStringLiteral("date"),
                  QStringLiteral("'%1' is not an RFC 3339 time").arg(commit.date));
    commit.author = item.string(QStringLiteral("author"));
    commit.message = item.string(QStringLiteral("message"));
    commit.tags = item.stringList(QStringLiteral("tags"));
    if (item.has(QStringLiteral("images"))) {
        const YAML::Node images = item.value(QStringLiteral("images"));
        if (!images.IsMap())
            item.fail(QStringLiteral("images"),
                      QStringLiteral("expected a mapping of application name to images"));
        for (auto it = images.begin(); it != images.end(); ++it) {
            const QString app = YamlConvert::toQString(it->first.as<std::string>());
            commit.images.insert(
                app,
                m_source.stringList(it->second,
                                    YamlSource::join(item.childPath(QStringLiteral("images")), app),
                                    item.keyLine(QStringLiteral("images"))));
        }
    }
    return commit;
}

ArgoCdApplicationSpec ArgoCdScenarioParser::application(const MapReader &item,
                                                        const ArgoCdConfig &config) const
{
    ArgoCdApplicationSpec app;
    item.require(QStringLiteral("name"));
    item.require(QStringLiteral("source"));
    app.name = item.string(QStringLiteral("name"));
    app.project = item.string(QStringLiteral("project"), app.project);
    const MapReader source(m_source, item.value(QStringLiteral("source")),
                           item.childPath(QStringLiteral("source")),
                           item.keyLine(QStringLiteral("source")), kSourceKeys);
    source.require(QStringLiteral("repoURL"));
    app.repoURL = source.string(QStringLiteral("repoURL"));
    if (!config.repo(app.repoURL))
        source.fail(QStringLiteral("repoURL"),
                    QStringLiteral("'%1' is not one of argocd.repos").arg(app.repoURL));
    app.path = source.string(QStringLiteral("path"));
    app.chart = source.string(QStringLiteral("chart"));
    app.targetRevision = source.string(QStringLiteral("targetRevision"), app.targetRevision);
    if (config.repo(app.repoURL)->helm && app.chart.isEmpty())
        source.fail(QStringLiteral("repoURL"),
                    QStringLiteral("a Helm chart repository needs 'chart'"));
    if (source.has(QStringLiteral("kustomize"))) {
        const MapReader kustomize(m_source, source.value(QStringLiteral("kustomize")),
                                  source.childPath(QStringLiteral("kustomize")),
                                  source.keyLine(QStringLiteral("kustomize")),
                                  {QStringLiteral("images")});
        app.kustomizeImages = kustomize.stringList(QStringLiteral("images"));
    }
    const QHash<QString, QString> destination = stringMap(item, QStringLiteral("destination"));
    for (auto it = destination.cbegin(); it != destination.cend(); ++it) {
        if (it.key() != QLatin1String("server") && it.key() != QLatin1String("namespace"))
            item.fail(QStringLiteral("destination"),
                      QStringLiteral("unknown key '%1'").arg(it.key()));
    }
    app.destinationServer = destination.value(QStringLiteral("server"), app.destinationServer);
    app.destinationNamespace = destination.value(QStringLiteral("namespace"));
    if (item.has(QStringLiteral("syncPolicy"))) {
        const MapReader policy(m_source, item.value(QStringLiteral("syncPolicy")),
                               item.childPath(QStringLiteral("syncPolicy")),
                               item.keyLine(QStringLiteral("syncPolicy")),
                               {QStringLiteral("automated")});
        if (policy.has(QStringLiteral("automated"))) {
            const MapReader automated(m_source, policy.value(QStringLiteral("automated")),
                                      policy.childPath(QStringLiteral("automated")),
                                      policy.keyLine(QStringLiteral("automated")),
                                      {QStringLiteral("prune"), QStringLiteral("selfHeal")});
            app.automated = true;
            app.prune = automated.boolean(QStringLiteral("prune"), false);
            app.selfHeal = automated.boolean(QStringLiteral("selfHeal"), false);
        }
    }
    app.labels = stringMap(item, QStringLiteral("labels"));
    forEach(item, QStringLiteral("resources"), kResourceKeys, [&](const MapReader &resource) {
        for (const QString &part : kResourceKeys)
            resource.require(part);
        const QString kind = resource.string(QStringLiteral("kind"));
        const ResourceType *type = ArgoCdLive::typeOf(kind);
        if (!type || !type->namespaced)
            resource.fail(
                QStringLiteral("kind"),
                QStringLiteral("kind '%1' is not a namespaced kind rd-sim serves").arg(kind));
        app.resources << ArgoCdResourceRef {type->group, type->version, kind,
                                            resource.string(QStringLiteral("namespace")),
                                            resource.string(QStringLiteral("name"))};
    });
    if (app.resources.isEmpty())
        item.fail(QStringLiteral("resources"), QStringLiteral("at least one resource is required"));
    app.history = item.stringList(QStringLiteral("history"));
    for (const QString &revision : std::as_const(app.history)) {
        bool known = false;
        for (const ArgoCdCommit &commit : config.repo(app.repoURL)->commits)
            known = known || commit.revision == revision;
        if (!known)
            item.fail(QStringLiteral("history"),
                      QStringLiteral("'%1' is not a revision of %2").arg(revision, app.repoURL));
    }
    return app;
}

// Checks across entries: unique names and tokens, and commits that name real applications.
void ArgoCdScenarioParser::check(const ArgoCdConfig &config, const MapReader &block) const
{
    QSet<QString> names;
    QSet<QString> tokens;
    for (const ArgoCdAccount &account : config.accounts) {
        if (names.contains(account.name))
            block.fail(QStringLiteral("accounts"),
                       QStringLiteral("duplicate account name '%1'").arg(account.name));
        if (tokens.contains(account.token))
            block.fail(QStringLiteral("accounts"),
                       QStringLiteral("account '%1': token is already used").arg(account.name));
        names.insert(account.name);
        tokens.insert(account.token);
    }
    QSet<QString> apps;
    for (const ArgoCdApplicationSpec &app : config.applications) {
        if (apps.contains(app.name))
            block.fail(QStringLiteral("applications"),
                       QStringLiteral("duplicate application name '%1'").arg(app.name));
        apps.insert(app.name);
    }
    for (const ArgoCdRepo &repo : config.repos) {
        for (const ArgoCdCommit &commit : repo.commits) {
            for (auto it = commit.images.cbegin(); it != commit.images.cend(); ++it) {
                if (!apps.contains(it.key()))
                    block.fail(QStringLiteral("repos"),
                               QStringLiteral("%1 commit %2: images for unknown application '%3'")
                                   .arg(repo.url, commit.revision, it.key()));
            }
        }
    }
}

} // namespace rdsim

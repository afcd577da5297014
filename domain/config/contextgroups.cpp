// SPDX-License-Identifier: GPL-3.0-or-later
#include "contextgroups.h"

#include <yaml-cpp/yaml.h>

#include <QHash>
#include <QSet>

QList<ContextGroup> ContextGroups::group(const QList<KubeContextInfo> &contexts,
                                         const QString &currentContext)
{
    QList<ContextGroup> groups;
    QHash<QString, qsizetype> byServer;
    QHash<qsizetype, QSet<QString>> clusterNames;
    for (const KubeContextInfo &context : contexts) {
        // A context without a server cannot be matched to others: a group of its own.
        const QString key
            = context.server.isEmpty() ? QStringLiteral("\x1f") + context.name : context.server;
        auto it = byServer.constFind(key);
        if (it == byServer.cend()) {
            it = byServer.insert(key, groups.size());
            groups.append(ContextGroup {context.server, {}, QString(), QString()});
        }
        groups[*it].contexts.append(context.name);
        clusterNames[*it].insert(context.cluster);
    }
    QSet<QString> usedNames;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        ContextGroup &group = groups[i];
        if (group.contexts.contains(currentContext)) {
            group.chosen = currentContext;
        } else {
            group.chosen = group.contexts.first();
            for (const QString &name : std::as_const(group.contexts)) {
                if (name.size() < group.chosen.size())
                    group.chosen = name;
            }
        }
        const QSet<QString> &names = clusterNames[i];
        const QString cluster = names.size() == 1 ? *names.cbegin() : QString();
        const bool readable = !cluster.isEmpty() && cluster.size() <= 32
            && !cluster.contains(QLatin1Char(':')) && !cluster.contains(QLatin1Char('/'));
        // A lone context keeps its own name (what kubectl users call it); several contexts
        // of one cluster are named after the cluster they share.
        const bool shared = group.contexts.size() > 1;
        group.environmentName
            = shared && readable && !usedNames.contains(cluster) ? cluster : group.chosen;
        usedNames.insert(group.environmentName);
    }
    return groups;
}

QList<EnvironmentSpec> ContextGroups::environments(const QList<ContextGroup> &groups)
{
    QList<EnvironmentSpec> specs;
    for (const ContextGroup &group : groups) {
        EnvironmentSpec spec;
        spec.name = group.environmentName.isEmpty() ? group.chosen : group.environmentName;
        spec.context = group.chosen;
        spec.order = int(specs.size());
        specs.append(spec);
    }
    return specs;
}

QByteArray ContextGroups::toYaml(const QList<EnvironmentSpec> &environments)
{
    YAML::Emitter out;
    out << YAML::Comment("Release Dashboard environments: one per cluster. See docs/cli.md.");
    out << YAML::BeginMap << YAML::Key << "environments" << YAML::Value << YAML::BeginSeq;
    for (const EnvironmentSpec &spec : environments) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << spec.name.toStdString();
        out << YAML::Key << "context" << YAML::Value << spec.context.toStdString();
        if (!spec.colour.isEmpty())
            out << YAML::Key << "colour" << YAML::Value << spec.colour.toStdString();
        if (spec.readOnly)
            out << YAML::Key << "readOnly" << YAML::Value << true;
        if (spec.isProtected)
            out << YAML::Key << "protected" << YAML::Value << true;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return QByteArray(out.c_str(), qsizetype(out.size())) + '\n';
}

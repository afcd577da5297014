// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutTreePrinter::json: the plugin's tree as the JSON of `get rollout NAME -o json`.
#include "rollouttreeprinter.h"

#include "rolloutprinter.h"

#include <QJsonArray>

using Kind = RolloutTreeNode::Kind;

namespace {

// Where a child goes in its parent's object: "pods", "replicaSets", ...
QString childKey(Kind kind)
{
    switch (kind) {
    case Kind::ReplicaSet:
        return QStringLiteral("replicaSets");
    case Kind::Pod:
        return QStringLiteral("pods");
    case Kind::Experiment:
        return QStringLiteral("experiments");
    case Kind::AnalysisRun:
        return QStringLiteral("analysisRuns");
    case Kind::Job:
        return QStringLiteral("jobs");
    case Kind::Rollout:
    case Kind::Revision:
        break;
    }
    return QStringLiteral("revisions");
}

// The keys a node of this kind always has, empty when it has no such children.
QStringList childKeys(Kind kind)
{
    switch (kind) {
    case Kind::Rollout:
        return {QStringLiteral("revisions")};
    case Kind::Revision:
        return {QStringLiteral("replicaSets"), QStringLiteral("experiments"),
                QStringLiteral("analysisRuns")};
    case Kind::ReplicaSet:
    case Kind::Job:
        return {QStringLiteral("pods")};
    case Kind::Experiment:
        return {QStringLiteral("replicaSets"), QStringLiteral("analysisRuns")};
    case Kind::AnalysisRun:
        return {QStringLiteral("jobs")};
    case Kind::Pod:
        break;
    }
    return {};
}

QJsonObject nodeJson(const RolloutTreeNode &node, const QDateTime &now)
{
    QJsonObject object;
    if (node.kind == Kind::Revision) {
        object.insert(QStringLiteral("revision"), node.revision);
    } else {
        object.insert(QStringLiteral("kind"), node.kindName());
        object.insert(QStringLiteral("name"), node.name);
        object.insert(QStringLiteral("status"), node.status);
        object.insert(QStringLiteral("icon"), node.icon);
        object.insert(QStringLiteral("iconMeaning"), PluginIcon::meaning(node.icon));
        object.insert(QStringLiteral("created"),
                      node.created.isValid() ? QJsonValue(node.created.toString(Qt::ISODate))
                                             : QJsonValue());
        object.insert(QStringLiteral("age"),
                      node.created.isValid()
                          ? RolloutPrinter::humanDuration(node.created.secsTo(now))
                          : QString());
        object.insert(QStringLiteral("info"), QJsonArray::fromStringList(node.info));
    }
    if (node.kind == Kind::ReplicaSet || node.kind == Kind::Job)
        object.insert(QStringLiteral("images"), QJsonArray::fromStringList(node.images));
    if (node.kind == Kind::ReplicaSet)
        object.insert(QStringLiteral("template"), node.templateName);
    if (node.kind == Kind::Experiment || node.kind == Kind::AnalysisRun)
        object.insert(QStringLiteral("message"), node.message);
    if (node.kind == Kind::ReplicaSet || node.kind == Kind::AnalysisRun
        || node.kind == Kind::Experiment)
        object.insert(QStringLiteral("revision"), node.revision);
    QHash<QString, QJsonArray> children;
    for (const RolloutTreeNode &child : node.children)
        children[childKey(child.kind)].append(nodeJson(child, now));
    for (const QString &key : childKeys(node.kind))
        object.insert(key, children.value(key));
    return object;
}

} // namespace

QJsonObject RolloutTreePrinter::json(const RolloutDetail &detail, const QDateTime &now)
{
    const RolloutTreeNode root = RolloutTree::build(detail, now);
    QJsonObject object = nodeJson(root, now);
    object.insert(QStringLiteral("namespace"), detail.rollout.metadata.namespaceName);
    object.insert(QStringLiteral("message"), root.message);
    QJsonArray images;
    for (const ImageInfo &image : RolloutTree::images(detail)) {
        images.append(
            QJsonObject {{QStringLiteral("image"), image.image},
                         {QStringLiteral("tags"), QJsonArray::fromStringList(image.tags)}});
    }
    object.insert(QStringLiteral("images"), images);
    const QString step = RolloutTree::experimentStepState(detail, now);
    if (!step.isEmpty())
        object.insert(QStringLiteral("experimentStep"), step);
    if (!detail.notices.isEmpty())
        object.insert(QStringLiteral("notices"), QJsonArray::fromStringList(detail.notices));
    return object;
}

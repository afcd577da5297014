// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasetmodel.h"

#include "detailtext.h"
#include "experimentrows.h"
#include "podrows.h"

#include <QStringList>

using Tone = DetailRoles::Tone;

namespace {

using M = ReplicaSetModel;

QString rolesText(const ReplicaSetTags &tags)
{
    QStringList names;
    for (const QString &tag : tags.names())
        names.append(DetailText::roleName(tag));
    return names.join(QStringLiteral(", "));
}

QString replicaSetKey(const ReplicaSet &rs)
{
    return rs.metadata.uid.isEmpty() ? rs.metadata.name : rs.metadata.uid;
}

void fillImagesAndDelay(DetailRow &row, const ReplicaSet &rs, const QDateTime &now)
{
    QStringList images;
    QStringList shortImages;
    for (const ContainerSpec &container : rs.podTemplate.containers) {
        images.append(container.image);
        shortImages.append(DetailText::shortImage(container.image));
    }
    row.cell(M::Images) = {shortImages.join(QStringLiteral(", ")), images.join(QLatin1Char('\n'))};
    const QString delay = scaleDownDelay(rs, now);
    DetailCell &scaleDown = row.cell(M::ScaleDown);
    if (delay == QLatin1String("passed"))
        scaleDown.text = ReplicaSetModel::tr("passed");
    else if (!delay.isEmpty())
        scaleDown.text = ReplicaSetModel::tr("in %1").arg(delay);
    if (!delay.isEmpty())
        scaleDown.toolTip = ReplicaSetModel::tr("Scaled down at %1")
                                .arg(DetailText::timestamp(rs.scaleDownDeadline()));
}

DetailRow replicaSetRow(const ReplicaSet &rs, const ReplicaSetTags &tags, const QList<Pod> &pods,
                        const QDateTime &now)
{
    const QString health = replicaSetHealth(rs);
    const qint32 desired = rs.specReplicas.value_or(rs.replicas);
    DetailRow row(M::ColumnCount);
    row.cell(M::Name) = {rs.metadata.name,
                         ReplicaSetModel::tr("%1\nPod template hash: %2\nCreated: %3")
                             .arg(rs.metadata.name, rs.podTemplateHash(),
                                  DetailText::timestamp(rs.metadata.creationTimestamp))};
    row.cell(M::Revision).text = rs.revision() > 0 ? QString::number(rs.revision()) : QString();
    const QStringList tagNames = tags.names();
    DetailCell &role = row.cell(M::Role);
    role.text = rolesText(tags);
    if (!tagNames.isEmpty()) {
        role.tone = DetailText::roleTone(tagNames.first());
        role.bold = true;
    }
    DetailCell &status = row.cell(M::Status);
    status.text = DetailText::healthName(health);
    status.symbol = DetailText::healthSymbolPhase(health);
    row.cell(M::Ready) = {ReplicaSetModel::tr("%1/%2").arg(rs.readyReplicas).arg(desired),
                          ReplicaSetModel::tr("%1 ready, %2 available, %3 desired")
                              .arg(rs.readyReplicas)
                              .arg(rs.availableReplicas)
                              .arg(desired)};
    const qint32 restarts = PodRows::totalRestarts(pods);
    if (restarts > 0) {
        row.cell(M::Restarts).text = QString::number(restarts);
        row.cell(M::Restarts).tone = Tone::Warning;
    }
    row.cell(M::Age).text = DetailText::age(rs.metadata.creationTimestamp, now);
    fillImagesAndDelay(row, rs, now);
    // Scaled-down history is quiet; what serves traffic stands out.
    if (desired == 0 && rs.replicas == 0) {
        for (int column :
             {int(M::Name), int(M::Revision), int(M::Ready), int(M::Age), int(M::Images)})
            row.cell(column).tone = Tone::Muted;
    }
    return row;
}

} // namespace

ReplicaSetModel::ReplicaSetModel(QObject *parent) : KeyedTreeModel(parent) { }

void ReplicaSetModel::setReplicaSets(const QList<ReplicaSet> &replicaSets,
                                     const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                                     const QList<ReplicaSetTags> &tags, const QDateTime &now,
                                     DetailUpdate how)
{
    Node wanted;
    appendReplicaSets(&wanted, replicaSets, podsByReplicaSetUid, tags, now);
    apply(std::move(wanted), how);
}

void ReplicaSetModel::setReplicaSetsAndExperiments(const QList<ReplicaSet> &replicaSets,
                                                   const QList<ReplicaSetTags> &tags,
                                                   const RolloutDetail &detail,
                                                   const QDateTime &now, DetailUpdate how)
{
    Node wanted;
    appendReplicaSets(&wanted, replicaSets, detail.podsByReplicaSetUid, tags, now);
    const ExperimentRows::ReplicaSetColumns columns {Name,     Revision, Role,   Status,     Ready,
                                                     Restarts, Age,      Images, ColumnCount};
    const PodRows::Columns podColumns {Name, Status, Ready, Restarts, Age};
    for (const ExperimentDetail &entry : detail.experiments) {
        const Experiment &experiment = entry.experiment;
        DetailRow row = ExperimentRows::experimentRow(entry, detail, now, columns);
        qint32 restarts = 0;
        for (const ReplicaSet &rs : entry.replicaSets)
            restarts += PodRows::totalRestarts(detail.podsByReplicaSetUid.value(rs.metadata.uid));
        if (restarts > 0)
            row.cell(Restarts) = {QString::number(restarts), QString(), Tone::Warning};
        Node *node = wanted.append(QStringLiteral("experiment:") + experiment.metadata.uid,
                                   std::move(row));
        node->append(ExperimentRows::stateKey, ExperimentRows::stateRow(entry, detail, now));
        for (const ReplicaSet &rs : entry.replicaSets) {
            const QList<Pod> pods = detail.podsByReplicaSetUid.value(rs.metadata.uid);
            DetailRow rsRow = replicaSetRow(rs, ReplicaSetTags {}, pods, now);
            const QString templateName = experimentTemplateName(rs.metadata);
            if (!templateName.isEmpty())
                rsRow.cell(Role).text = QStringLiteral("Σ:") + templateName;
            rsRow.expandedByDefault = !experiment.isCompleted();
            Node *rsNode = node->append(replicaSetKey(rs), std::move(rsRow));
            for (const Pod &pod : pods)
                rsNode->append(PodRows::key(pod), PodRows::row(pod, now, podColumns));
        }
        ExperimentRows::appendAnalyses(node, entry, columns);
    }
    apply(std::move(wanted), how);
}

void ReplicaSetModel::appendReplicaSets(Node *wanted, const QList<ReplicaSet> &replicaSets,
                                        const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                                        const QList<ReplicaSetTags> &tags,
                                        const QDateTime &now) const
{
    const auto tagsAt
        = [&](qsizetype i) { return i < tags.size() ? tags.at(i) : ReplicaSetTags {}; };
    bool hasCanary = false;
    for (qsizetype i = 0; i < replicaSets.size(); ++i)
        hasCanary = hasCanary || tagsAt(i).canary;
    const PodRows::Columns podColumns {Name, Status, Ready, Restarts, Age};
    for (qsizetype i = 0; i < replicaSets.size(); ++i) {
        const ReplicaSet &rs = replicaSets.at(i);
        const ReplicaSetTags rsTags = tagsAt(i);
        const QList<Pod> pods = podsByReplicaSetUid.value(rs.metadata.uid);
        DetailRow row = replicaSetRow(rs, rsTags, pods, now);
        row.expandedByDefault = rsTags.canary || (!hasCanary && rsTags.stable) || rsTags.preview;
        Node *node = wanted->append(replicaSetKey(rs), std::move(row));
        for (const Pod &pod : pods)
            node->append(PodRows::key(pod), PodRows::row(pod, now, podColumns));
    }
}

QModelIndex ReplicaSetModel::indexOfReplicaSet(const QString &name) const
{
    for (int i = 0; i < rowCount(); ++i) {
        const QModelIndex row = index(i, Name);
        if (row.data().toString() == name)
            return row;
    }
    return QModelIndex();
}

QVariant ReplicaSetModel::rowData(const Node &node, int column, int role) const
{
    return node.row.data(column, role);
}

QVariant ReplicaSetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    return columnTitle(section);
}

QString ReplicaSetModel::columnTitle(int column)
{
    switch (column) {
    case Name:
        return tr("ReplicaSet / pod");
    case Revision:
        return tr("Rev.");
    case Role:
        return tr("Role");
    case Status:
        return tr("Status");
    case Ready:
        return tr("Ready");
    case Restarts:
        return tr("Restarts");
    case Age:
        return tr("Age");
    case Images:
        return tr("Images");
    case ScaleDown:
        return tr("Scale-down");
    default:
        return QString();
    }
}

PodListModel::PodListModel(QObject *parent) : KeyedTreeModel(parent) { }

void PodListModel::setPods(const QList<Pod> &pods, const QDateTime &now, DetailUpdate how)
{
    Node wanted;
    for (const Pod &pod : pods)
        wanted.append(PodRows::key(pod),
                      PodRows::row(pod, now, {Name, Status, Ready, Restarts, Age}));
    apply(std::move(wanted), how);
}

QVariant PodListModel::rowData(const Node &node, int column, int role) const
{
    return node.row.data(column, role);
}

QVariant PodListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    // The pod columns are named as in the ReplicaSets' tree, but for the first.
    static constexpr int treeColumn[]
        = {ReplicaSetModel::Name, ReplicaSetModel::Status, ReplicaSetModel::Ready,
           ReplicaSetModel::Restarts, ReplicaSetModel::Age};
    if (section == Name)
        return tr("Pod");
    return section > Name && section < Count
        ? QVariant(ReplicaSetModel::columnTitle(treeColumn[section]))
        : QVariant();
}

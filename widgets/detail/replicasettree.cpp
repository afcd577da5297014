// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasettree.h"

#include "detailstyle.h"
#include "podrows.h"
#include "replicasetstatus.h"
#include "treesync.h"

#include <QHeaderView>

namespace {

QString rolesText(const ReplicaSetTags &tags)
{
    QStringList names;
    for (const QString &tag : tags.names())
        names.append(DetailStyle::roleName(tag));
    return names.join(QStringLiteral(", "));
}

QStringList images(const ReplicaSet &rs)
{
    QStringList list;
    for (const ContainerSpec &container : rs.podTemplate.containers)
        list.append(container.image);
    return list;
}

} // namespace

ReplicaSetTree::ReplicaSetTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("replicaSetTree"));
    setColumnCount(Count);
    setHeaderLabels({tr("ReplicaSet / pod"), tr("Rev."), tr("Role"), tr("Status"), tr("Ready"),
                     tr("Restarts"), tr("Age"), tr("Images"), tr("Scale-down")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setTextElideMode(Qt::ElideMiddle);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setSectionResizeMode(Images, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    setColumnWidth(Name, 30 * digit);
    setColumnWidth(Revision, 5 * digit);
    setColumnWidth(Role, 10 * digit);
    setColumnWidth(Status, 15 * digit);
    setColumnWidth(Ready, 7 * digit);
    setColumnWidth(Restarts, 9 * digit);
    setColumnWidth(Age, 7 * digit);
    setColumnWidth(ScaleDown, 11 * digit);
}

void ReplicaSetTree::setReplicaSets(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                                    const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                                    const QDateTime &now)
{
    QStringList keys;
    bool hasCanary = false;
    for (const ReplicaSet &rs : replicaSets) {
        keys.append(rs.metadata.uid.isEmpty() ? rs.metadata.name : rs.metadata.uid);
        hasCanary = hasCanary || replicaSetTags(rollout, rs).canary;
    }
    const PodRows::Columns podColumns {Name, Status, Ready, Restarts, Age, -1};
    TreeSync::syncChildren(this, nullptr, keys, [&](QTreeWidgetItem *item, int row, bool created) {
        const ReplicaSet &rs = replicaSets.at(row);
        const ReplicaSetTags tags = replicaSetTags(rollout, rs);
        const QList<Pod> pods = podsByReplicaSetUid.value(rs.metadata.uid);
        const QString health = replicaSetHealth(rs);
        const qint32 desired = rs.specReplicas.value_or(rs.replicas);

        TreeSync::setText(item, Name, rs.metadata.name);
        TreeSync::setToolTip(item, Name,
                             tr("%1\nPod template hash: %2\nCreated: %3")
                                 .arg(rs.metadata.name, rs.podTemplateHash(),
                                      DetailStyle::timestamp(rs.metadata.creationTimestamp)));
        TreeSync::setText(item, Revision,
                          rs.revision() > 0 ? QString::number(rs.revision()) : QString());
        TreeSync::setText(item, Role, rolesText(tags));
        const QStringList tagNames = tags.names();
        TreeSync::setForeground(
            item, Role, tagNames.isEmpty() ? QColor() : DetailStyle::roleColour(tagNames.first()));
        TreeSync::setBold(item, Role, !tagNames.isEmpty());
        TreeSync::setText(item, Status, DetailStyle::healthName(health));
        TreeSync::setIcon(item, Status,
                          TreeSync::phaseIcon(DetailStyle::healthSymbolPhase(health)));
        TreeSync::setText(item, Ready, tr("%1/%2").arg(rs.readyReplicas).arg(desired));
        TreeSync::setToolTip(item, Ready,
                             tr("%1 ready, %2 available, %3 desired")
                                 .arg(rs.readyReplicas)
                                 .arg(rs.availableReplicas)
                                 .arg(desired));
        const qint32 restarts = PodRows::totalRestarts(pods);
        TreeSync::setText(item, Restarts, restarts > 0 ? QString::number(restarts) : QString());
        TreeSync::setForeground(item, Restarts,
                                restarts > 0 ? DetailStyle::warningColour() : QColor());
        TreeSync::setText(item, Age, DetailStyle::age(rs.metadata.creationTimestamp, now));
        const QStringList imageList = images(rs);
        QStringList shortImages;
        for (const QString &image : imageList)
            shortImages.append(DetailStyle::shortImage(image));
        TreeSync::setText(item, Images, shortImages.join(QStringLiteral(", ")));
        TreeSync::setToolTip(item, Images, imageList.join(QLatin1Char('\n')));
        const QString delay = scaleDownDelay(rs, now);
        QString delayText;
        if (delay == QLatin1String("passed"))
            delayText = tr("passed");
        else if (!delay.isEmpty())
            delayText = tr("in %1").arg(delay);
        TreeSync::setText(item, ScaleDown, delayText);
        TreeSync::setToolTip(
            item, ScaleDown,
            delay.isEmpty()
                ? QString()
                : tr("Scaled down at %1").arg(DetailStyle::timestamp(rs.scaleDownDeadline())));
        // Scaled-down history is quiet; what serves traffic stands out.
        const QColor muted = palette().color(QPalette::Disabled, QPalette::Text);
        for (int column : {int(Name), int(Revision), int(Ready), int(Age), int(Images)})
            TreeSync::setForeground(item, column,
                                    desired == 0 && rs.replicas == 0 ? muted : QColor());

        PodRows::sync(this, item, pods, now, podColumns);
        if (created)
            item->setExpanded(tags.canary || (!hasCanary && tags.stable) || tags.preview);
    });
}

QTreeWidgetItem *ReplicaSetTree::itemForReplicaSet(const QString &name) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->text(Name) == name)
            return topLevelItem(i);
    }
    return nullptr;
}

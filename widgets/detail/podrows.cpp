// SPDX-License-Identifier: GPL-3.0-or-later
#include "podrows.h"

#include "detailstyle.h"
#include "podstatus.h"
#include "treesync.h"

#include <QTreeWidget>

void PodRows::sync(QTreeWidget *tree, QTreeWidgetItem *parent, const QList<Pod> &pods,
                   const QDateTime &now, const Columns &columns)
{
    QStringList keys;
    keys.reserve(pods.size());
    for (const Pod &pod : pods)
        keys.append(pod.metadata.uid.isEmpty() ? pod.metadata.name : pod.metadata.uid);
    TreeSync::syncChildren(tree, parent, keys, [&](QTreeWidgetItem *item, int row, bool) {
        fill(item, pods.at(row), now, columns);
    });
}

void PodRows::fill(QTreeWidgetItem *item, const Pod &pod, const QDateTime &now,
                   const Columns &columns)
{
    const PodStatusSummary status = podStatus(pod);
    TreeSync::setText(item, columns.name, pod.metadata.name);
    QStringList tip {pod.metadata.name};
    if (!pod.nodeName.isEmpty())
        tip.append(tr("Node: %1").arg(pod.nodeName));
    if (!pod.podIP.isEmpty())
        tip.append(tr("IP: %1").arg(pod.podIP));
    if (!pod.message.isEmpty())
        tip.append(pod.message);
    TreeSync::setToolTip(item, columns.name, tip.join(QLatin1Char('\n')));
    if (columns.status >= 0) {
        TreeSync::setText(item, columns.status, DetailStyle::podStatusName(status.status));
        TreeSync::setToolTip(item, columns.status, status.status);
        const QColor colour = DetailStyle::podStatusColour(status.status);
        TreeSync::setForeground(item, columns.status, colour);
        // The fleet table's symbols: a tick for a ready pod, a ring while it is not, a cross
        // for a failure.
        QString symbol = QStringLiteral("Healthy");
        if (colour == DetailStyle::failedColour())
            symbol = QStringLiteral("Degraded");
        else if (colour.isValid() || status.readyContainers < status.totalContainers)
            symbol = QStringLiteral("Progressing");
        if (status.status == QLatin1String("Completed"))
            symbol = QStringLiteral("Healthy");
        TreeSync::setIcon(item, columns.status, TreeSync::phaseIcon(symbol));
    }
    if (columns.ready >= 0) {
        TreeSync::setText(item, columns.ready, status.readyText());
        const bool allReady = status.readyContainers == status.totalContainers;
        TreeSync::setForeground(item, columns.ready,
                                allReady ? QColor() : DetailStyle::warningColour());
    }
    if (columns.restarts >= 0) {
        TreeSync::setText(item, columns.restarts, QString::number(status.restarts));
        TreeSync::setForeground(item, columns.restarts,
                                status.restarts > 0 ? DetailStyle::warningColour() : QColor());
        TreeSync::setToolTip(
            item, columns.restarts,
            status.lastRestart.isValid()
                ? tr("Last restart %1 ago").arg(DetailStyle::age(status.lastRestart, now))
                : QString());
    }
    if (columns.age >= 0) {
        TreeSync::setText(item, columns.age, DetailStyle::age(pod.metadata.creationTimestamp, now));
        TreeSync::setToolTip(item, columns.age,
                             DetailStyle::timestamp(pod.metadata.creationTimestamp));
    }
    if (columns.node >= 0)
        TreeSync::setText(item, columns.node, pod.nodeName);
}

qint32 PodRows::totalRestarts(const QList<Pod> &pods)
{
    qint32 total = 0;
    for (const Pod &pod : pods)
        total += podStatus(pod).restarts;
    return total;
}

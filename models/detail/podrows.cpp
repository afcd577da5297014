// SPDX-License-Identifier: GPL-3.0-or-later
#include "podrows.h"

#include "detailtext.h"
#include "podstatus.h"

#include <QStringList>

#include <algorithm>

using Tone = DetailRoles::Tone;

DetailRow PodRows::row(const Pod &pod, const QDateTime &now, const Columns &columns)
{
    const PodStatusSummary status = podStatus(pod);
    DetailRow row(
        1 + std::max({columns.name, columns.status, columns.ready, columns.restarts, columns.age}));
    DetailCell &name = row.cell(columns.name);
    name.text = pod.metadata.name;
    QStringList tip {pod.metadata.name};
    if (!pod.nodeName.isEmpty())
        tip.append(tr("Node: %1").arg(pod.nodeName));
    if (!pod.podIP.isEmpty())
        tip.append(tr("IP: %1").arg(pod.podIP));
    if (!pod.message.isEmpty())
        tip.append(pod.message);
    name.toolTip = tip.join(QLatin1Char('\n'));

    DetailCell &state = row.cell(columns.status);
    state.text = DetailText::podStatusName(status.status);
    state.toolTip = status.status;
    state.tone = DetailText::podStatusTone(status.status);
    // The fleet table's symbols: a tick for a ready pod, a ring while it is not, a cross
    // for a failure.
    state.symbol = QStringLiteral("Healthy");
    if (state.tone == Tone::Failed)
        state.symbol = QStringLiteral("Degraded");
    else if (state.tone != Tone::Default || status.readyContainers < status.totalContainers)
        state.symbol = QStringLiteral("Progressing");
    if (status.status == QLatin1String("Completed"))
        state.symbol = QStringLiteral("Healthy");

    DetailCell &ready = row.cell(columns.ready);
    ready.text = status.readyText();
    if (status.readyContainers != status.totalContainers)
        ready.tone = Tone::Warning;

    DetailCell &restarts = row.cell(columns.restarts);
    restarts.text = QString::number(status.restarts);
    if (status.restarts > 0)
        restarts.tone = Tone::Warning;
    if (status.lastRestart.isValid())
        restarts.toolTip = tr("Last restart %1 ago").arg(DetailText::age(status.lastRestart, now));

    DetailCell &age = row.cell(columns.age);
    age.text = DetailText::age(pod.metadata.creationTimestamp, now);
    age.toolTip = DetailText::timestamp(pod.metadata.creationTimestamp);
    return row;
}

qint32 PodRows::totalRestarts(const QList<Pod> &pods)
{
    qint32 total = 0;
    for (const Pod &pod : pods)
        total += podStatus(pod).restarts;
    return total;
}

QString PodRows::key(const Pod &pod)
{
    return pod.metadata.uid.isEmpty() ? pod.metadata.name : pod.metadata.uid;
}

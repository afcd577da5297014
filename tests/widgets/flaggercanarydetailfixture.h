// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Realistic Flagger canary details for the detail view's tests: canaries decoded from the
// fixtures of tests/data/domain (as the informers decode them), their words as the store
// derives them (FlaggerStatus), and the primary and canary Deployments with a ReplicaSet and
// pods each.

#include "flaggercanarydetail.h"
#include "flaggerstatus.h"
#include "jsondecoder.h"

#include <QAbstractItemModel>

#include "../domain/testdata.h"
#include "../models/workloadbuilders.h"

namespace FlaggerCanaryFixture {

inline QDateTime now()
{
    return QDateTime(QDate(2026, 12, 1), QTime(9, 15), Qt::UTC);
}

inline FlaggerCanary decodedCanary(const QString &file)
{
    const Decoded<FlaggerCanary> decoded = decodeObject<FlaggerCanary>(domainTestData(file));
    if (!decoded.isOk())
        qFatal("%s: %s", qPrintable(file), qPrintable(decoded.report.error));
    return decoded.value;
}

// A ReplicaSet of the Deployment with `ready` pods, each a child of it.
inline ReplicaSet ownedReplicaSet(const Deployment &owner, const QString &hash, qint64 revision,
                                  qint32 ready, const QString &image)
{
    ReplicaSet rs;
    rs.metadata = Build::meta(owner.metadata.namespaceName, owner.metadata.name + '-' + hash);
    rs.metadata.labels.insert(QStringLiteral("pod-template-hash"), hash);
    rs.metadata.annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"),
                                   QString::number(revision));
    rs.metadata.ownerReferences
        = {Build::controllerOf(QStringLiteral("Deployment"), owner.metadata)};
    rs.specReplicas = ready;
    rs.replicas = ready;
    rs.readyReplicas = ready;
    rs.availableReplicas = ready;
    rs.podTemplate.containers = {Build::container(image)};
    return rs;
}

inline DeploymentDetail deploymentDetail(const QString &name, qint32 replicas, const QString &hash,
                                         const QString &image, const QStringList &podSuffixes)
{
    DeploymentDetail detail;
    detail.environment = QStringLiteral("staging");
    detail.deployment
        = Build::deployment(QStringLiteral("test"), name, replicas, replicas, replicas);
    detail.deployment.podTemplate.containers = {Build::container(image)};
    detail.phase = QStringLiteral("Healthy");
    detail.strategy = QStringLiteral("RollingUpdate");
    const ReplicaSet rs = ownedReplicaSet(detail.deployment, hash, 1, replicas, image);
    detail.replicaSets = {rs};
    QList<Pod> pods;
    for (const QString &suffix : podSuffixes)
        pods.append(Build::pod(rs, suffix));
    detail.podsByReplicaSetUid.insert(rs.metadata.uid, pods);
    return detail;
}

// The detail the store assembles for a canary: its words from FlaggerStatus, the primary at
// 6.0.0 with three pods and the target at 6.0.1 with one.
inline FlaggerCanaryDetail detailOf(const FlaggerCanary &canary)
{
    FlaggerCanaryDetail detail;
    detail.environment = QStringLiteral("staging");
    detail.environmentColour = QStringLiteral("#1565c0");
    detail.canary = canary;
    const RolloutPhaseInfo phase = FlaggerStatus::phase(canary);
    detail.phase = phase.phase;
    detail.message = phase.message;
    detail.strategy = canary.spec.analysis && canary.spec.analysis->iterations > 0
        ? QStringLiteral("FlaggerBlueGreen")
        : QStringLiteral("FlaggerCanary");
    const QString target = canary.spec.targetRef.name;
    detail.primary = deploymentDetail(
        target + QStringLiteral("-primary"), 3, QStringLiteral("7d8c9b6f5"),
        QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.0"),
        {QStringLiteral("a1b2c"), QStringLiteral("d3e4f"), QStringLiteral("g5h6i")});
    detail.target = deploymentDetail(target, 1, QStringLiteral("5b9d4f7c8"),
                                     QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"),
                                     {QStringLiteral("x9y8z")});
    Event warning = Build::event(QStringLiteral("podinfo.1"), QStringLiteral("Canary"),
                                 canary.metadata, now().addSecs(-60));
    warning.type = QStringLiteral("Warning");
    warning.reason = QStringLiteral("Synced");
    warning.message = QStringLiteral("Halt advancement podinfo-primary.test waiting for rollout "
                                     "confirmation");
    detail.events = {warning};
    return detail;
}

inline FlaggerCanaryDetail progressing()
{
    return detailOf(decodedCanary(QStringLiteral("flagger-canary-stepweight.json")));
}

// Every text and tooltip of a model, any depth.
inline QStringList modelTexts(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            texts << index.data().toString() << index.data(Qt::ToolTipRole).toString();
        }
        texts += modelTexts(model, model->index(row, 0, parent));
    }
    return texts;
}

} // namespace FlaggerCanaryFixture

// SPDX-License-Identifier: GPL-3.0-or-later
// The Deployment detail view from hand-built details: what its header says, its ReplicaSets
// and pods, its events, the stale box and notices, and that an update of the same
// Deployment keeps what the user expanded.
#include "deploymentdetailview.h"

#include "replicasetmodel.h"
#include "replicasettree.h"
#include "rollouteventsmodel.h"
#include "rollouteventsview.h"

#include "../models/workloadbuilders.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>

namespace {
QDateTime now()
{
    return QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC);
}

ReplicaSet ownedReplicaSet(const Deployment &owner, const QString &hash, qint64 revision,
                           qint32 ready)
{
    ReplicaSet rs;
    rs.metadata = Build::meta(owner.metadata.namespaceName, owner.metadata.name + '-' + hash);
    rs.metadata.creationTimestamp = now().addSecs(-3600 * revision);
    rs.metadata.labels.insert(QStringLiteral("pod-template-hash"), hash);
    rs.metadata.annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"),
                                   QString::number(revision));
    rs.metadata.ownerReferences
        = {Build::controllerOf(QStringLiteral("Deployment"), owner.metadata)};
    rs.specReplicas = ready;
    rs.replicas = ready;
    rs.readyReplicas = ready;
    rs.availableReplicas = ready;
    return rs;
}

DeploymentDetail webDetail()
{
    DeploymentDetail detail;
    detail.environment = QStringLiteral("prod");
    detail.environmentColour = QStringLiteral("#b71c1c");
    detail.deployment = Build::deployment("shop", "web", 3, 2, 2);
    detail.phase = QStringLiteral("Progressing");
    detail.message = QStringLiteral("Waiting for deployment \"web\" rollout to finish: 2 of 3 "
                                    "updated replicas are available...");
    detail.revision = 7;
    detail.strategy = QStringLiteral("RollingUpdate");
    const ReplicaSet current = ownedReplicaSet(detail.deployment, "v7", 7, 2);
    const ReplicaSet old = ownedReplicaSet(detail.deployment, "v6", 6, 1);
    detail.replicaSets = {current, old};
    detail.podsByReplicaSetUid.insert(current.metadata.uid,
                                      {Build::pod(current, "a"), Build::pod(current, "b")});
    detail.podsByReplicaSetUid.insert(old.metadata.uid, {Build::pod(old, "c")});
    Event warning
        = Build::event("web.1", "Deployment", detail.deployment.metadata, now().addSecs(-30));
    warning.type = QStringLiteral("Warning");
    detail.events = {warning};
    return detail;
}
} // namespace

class TestDeploymentDetailView : public QObject
{
    Q_OBJECT

private slots:
    void header()
    {
        DeploymentDetailView view;
        view.setDetail(webDetail(), now());
        QCOMPARE(view.titleText(), QStringLiteral("shop / web"));
        QCOMPARE(view.contextText(),
                 QStringLiteral("Deployment \u00b7 Rolling update \u00b7 revision 7"));
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Progressing")),
                 qPrintable(view.statusText()));
        QVERIFY(view.statusText().contains(QStringLiteral("2 of 3 updated replicas")));
        QCOMPARE(view.factsText(),
                 QStringLiteral("3 desired \u00b7 2 updated \u00b7 2 ready \u00b7 2 available "
                                "\u00b7 max surge 25% \u00b7 max unavailable 25%"));
        QCOMPARE(view.staleText(), QString());
        QCOMPARE(view.noticesText(), QString());
    }

    void helmOriginInTheHeader()
    {
        DeploymentDetail detail = webDetail();
        detail.deployment.metadata.labels
            = StringMap({{QStringLiteral("helm.sh/chart"), QStringLiteral("storefront-3.2.0")}});
        detail.deployment.metadata.annotations = StringMap(
            {{QStringLiteral("meta.helm.sh/release-name"), QStringLiteral("storefront-dev")}});
        DeploymentDetailView view;
        view.setDetail(detail, now());
        QCOMPARE(view.contextText(),
                 QStringLiteral("Deployment \u00b7 Rolling update \u00b7 revision 7 \u00b7 Helm "
                                "chart storefront 3.2.0 (release storefront-dev)"));
    }

    void replicaSetsPodsAndEvents()
    {
        DeploymentDetailView view;
        view.setDetail(webDetail(), now());
        const ReplicaSetModel *model = view.replicaSetTree()->replicaSetModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, ReplicaSetModel::Name).data().toString(),
                 QStringLiteral("web-v7"));
        QCOMPARE(model->index(1, ReplicaSetModel::Name).data().toString(),
                 QStringLiteral("web-v6"));
        QCOMPARE(model->rowCount(model->index(0, 0)), 2);
        QCOMPARE(model->index(0, ReplicaSetModel::Name, model->index(0, 0)).data().toString(),
                 QStringLiteral("web-v7-a"));
        QCOMPARE(model->rowCount(model->index(1, 0)), 1);
        QCOMPARE(view.eventsView()->eventsModel()->rowCount(), 1);
        // No roles or scale-down for a Deployment; the names get the room.
        QVERIFY(view.replicaSetTree()->isColumnHidden(ReplicaSetModel::Role));
        QVERIFY(view.replicaSetTree()->isColumnHidden(ReplicaSetModel::ScaleDown));
        QVERIFY(view.replicaSetTree()->columnWidth(ReplicaSetModel::Name)
                > ReplicaSetTree().columnWidth(ReplicaSetModel::Name));
        QCOMPARE(view.tabs()->tabText(0), QStringLiteral("ReplicaSets (2)"));
        QCOMPARE(view.tabs()->tabText(1), QStringLiteral("Events (1, 1 warning)"));
    }

    void updatesKeepExpansion()
    {
        DeploymentDetailView view;
        view.resize(900, 600);
        view.show();
        DeploymentDetail detail = webDetail();
        view.setDetail(detail, now());
        ReplicaSetTree *tree = view.replicaSetTree();
        const QModelIndex old = tree->indexOfReplicaSet(QStringLiteral("web-v6"));
        QVERIFY(old.isValid());
        // Shown first, the newest ReplicaSet's pods are open.
        QVERIFY(tree->isExpanded(tree->indexOfReplicaSet(QStringLiteral("web-v7"))));
        QVERIFY(!tree->isExpanded(old));
        tree->collapseAll();
        tree->expand(old);

        // The same Deployment one pod later: updated in place, the user's expansion stays.
        const QString oldUid = detail.replicaSets.at(1).metadata.uid;
        detail.podsByReplicaSetUid[oldUid].append(Build::pod(detail.replicaSets.at(1), "d"));
        view.setDetail(detail, now().addSecs(5));
        const QModelIndex after = tree->indexOfReplicaSet(QStringLiteral("web-v6"));
        QVERIFY(tree->isExpanded(after));
        QVERIFY(!tree->isExpanded(tree->indexOfReplicaSet(QStringLiteral("web-v7"))));
        QCOMPARE(tree->model()->rowCount(after), 2);

        // Disconnected: the box says since when and why; pods that may not be listed say so.
        detail.staleSince = now();
        detail.staleReason = QStringLiteral("connection refused");
        detail.notices = {QStringLiteral("Pods are not shown: listing pods in this environment "
                                         "is forbidden.")};
        view.setDetail(detail, now());
        QVERIFY(view.staleText().contains(QStringLiteral("prod is not connected")));
        QVERIFY(view.staleText().endsWith(QStringLiteral("connection refused")));
        QCOMPARE(view.noticesText(), detail.notices.constFirst());
    }

    void aNewRevisionOpens()
    {
        DeploymentDetailView view;
        view.show();
        // The Deployment arrives before its ReplicaSets (they come from another informer).
        DeploymentDetail detail = webDetail();
        const QList<ReplicaSet> replicaSets = detail.replicaSets;
        detail.replicaSets.clear();
        view.setDetail(detail, now());
        detail.replicaSets = {replicaSets.at(1)};
        view.setDetail(detail, now());
        ReplicaSetTree *tree = view.replicaSetTree();
        QVERIFY(tree->isExpanded(tree->indexOfReplicaSet(QStringLiteral("web-v6"))));
        tree->collapseAll();
        view.setDetail(detail, now());
        QVERIFY(!tree->isExpanded(tree->indexOfReplicaSet(QStringLiteral("web-v6"))));
        // A new revision's ReplicaSet opens when it appears.
        detail.replicaSets = replicaSets;
        view.setDetail(detail, now());
        QVERIFY(tree->isExpanded(tree->indexOfReplicaSet(QStringLiteral("web-v7"))));
        QVERIFY(!tree->isExpanded(tree->indexOfReplicaSet(QStringLiteral("web-v6"))));
    }
};

QTEST_MAIN(TestDeploymentDetailView)
#include "tst_deploymentdetailview.moc"

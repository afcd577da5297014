// SPDX-License-Identifier: GPL-3.0-or-later
// ReplicaSetModel and PodListModel over a sequence of values, as the detail view feeds them
// once a second: ReplicaSets and pods inserted, changed, removed and reordered arrive as
// row inserts, data changes, removals and moves (never a reset, so the view keeps its
// state), checked by QAbstractItemModelTester from before the first value and by the
// printed tree.
#include "replicasetmodel.h"

#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-02T10:20:00Z"), Qt::ISODate);

ReplicaSet replicaSet(const QString &name, int revision, int replicas)
{
    ReplicaSet rs;
    rs.metadata.name = name;
    rs.metadata.uid = QStringLiteral("uid-") + name;
    rs.metadata.creationTimestamp = now.addSecs(-600 * revision);
    rs.metadata.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                                   QString::number(revision));
    rs.specReplicas = replicas;
    rs.replicas = replicas;
    rs.readyReplicas = replicas;
    rs.availableReplicas = replicas;
    rs.podTemplate.containers.append(ContainerSpec());
    rs.podTemplate.containers[0].name = QStringLiteral("app");
    rs.podTemplate.containers[0].image
        = QStringLiteral("registry.example.com/shop/app:") + QString::number(revision);
    return rs;
}

Pod pod(const QString &name, int restarts = 0)
{
    Pod p;
    p.metadata.name = name;
    p.metadata.uid = QStringLiteral("uid-") + name;
    p.metadata.creationTimestamp = now.addSecs(-60);
    p.phase = QStringLiteral("Running");
    ContainerSpec spec;
    spec.name = QStringLiteral("app");
    p.spec.containers.append(spec);
    ContainerStatus status;
    status.name = QStringLiteral("app");
    status.ready = true;
    status.restartCount = restarts;
    status.state.kind = ContainerState::Kind::Running;
    p.containerStatuses.append(status);
    Condition ready;
    ready.type = QStringLiteral("Ready");
    ready.status = QStringLiteral("True");
    p.conditions.append(ready);
    return p;
}

ReplicaSetTags canary()
{
    ReplicaSetTags tags;
    tags.canary = true;
    return tags;
}

ReplicaSetTags stable()
{
    ReplicaSetTags tags;
    tags.stable = true;
    return tags;
}

const QList<int> shown = {ReplicaSetModel::Name, ReplicaSetModel::Revision, ReplicaSetModel::Role,
                          ReplicaSetModel::Ready, ReplicaSetModel::Restarts};

} // namespace

class TestReplicaSetModel : public QObject
{
    Q_OBJECT

private slots:
    void updatesInPlace()
    {
        ReplicaSetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        QList<ReplicaSet> sets = {replicaSet(QStringLiteral("app-2"), 2, 1),
                                  replicaSet(QStringLiteral("app-1"), 1, 2)};
        QHash<QString, QList<Pod>> pods;
        pods[QStringLiteral("uid-app-2")] = {pod(QStringLiteral("app-2-a"))};
        pods[QStringLiteral("uid-app-1")]
            = {pod(QStringLiteral("app-1-a")), pod(QStringLiteral("app-1-b"), 1)};
        model.setReplicaSets(sets, pods, {canary(), stable()}, now);
        // Only the first column has children, as QTreeView expects.
        QCOMPARE(model.rowCount(model.index(1, ReplicaSetModel::Revision)), 0);
        QVERIFY(!model.index(0, 0, model.index(1, ReplicaSetModel::Revision)).isValid());
        QCOMPARE(printTree(model, shown),
                 QStringLiteral("app-2 | 2 | canary | 1/1\n"
                                "  app-2-a |  |  | 1/1 | 0\n"
                                "app-1 | 1 | stable | 2/2 | 1\n"
                                "  app-1-a |  |  | 1/1 | 0\n"
                                "  app-1-b |  |  | 1/1 | 1\n"));
        QCOMPARE(log.take(), QStringList({QStringLiteral("insert 0-1 in top")}));
        // The canary opens; the stable one does not while there is a canary.
        QVERIFY(model.index(0, 0).data(DetailRoles::ExpandedByDefaultRole).toBool());
        QVERIFY(!model.index(1, 0).data(DetailRoles::ExpandedByDefaultRole).toBool());
        QCOMPARE(model.index(1, 0).data(DetailRoles::KeyRole),
                 QVariant(QStringLiteral("uid-app-1")));

        // The same value again: nothing to say.
        model.setReplicaSets(sets, pods, {canary(), stable()}, now);
        QCOMPARE(log.take(), QStringList());

        // A pod restarts (its row and its ReplicaSet's total change), a pod goes, one comes.
        pods[QStringLiteral("uid-app-1")]
            = {pod(QStringLiteral("app-1-b"), 2), pod(QStringLiteral("app-1-c"))};
        model.setReplicaSets(sets, pods, {canary(), stable()}, now);
        QCOMPARE(
            log.take(),
            QStringList({QStringLiteral("change 1-1 in top"), QStringLiteral("remove 0-0 in app-1"),
                         QStringLiteral("change 0-0 in app-1"),
                         QStringLiteral("insert 1-1 in app-1")}));
        QCOMPARE(printTree(model, shown),
                 QStringLiteral("app-2 | 2 | canary | 1/1\n"
                                "  app-2-a |  |  | 1/1 | 0\n"
                                "app-1 | 1 | stable | 2/2 | 2\n"
                                "  app-1-b |  |  | 1/1 | 2\n"
                                "  app-1-c |  |  | 1/1 | 0\n"));

        // A new revision arrives on top; the old canary becomes stable, the old stable
        // scales down and moves below... as the controller lists them: newest first.
        sets.prepend(replicaSet(QStringLiteral("app-3"), 3, 1));
        pods[QStringLiteral("uid-app-3")] = {pod(QStringLiteral("app-3-a"))};
        model.setReplicaSets(sets, pods, {canary(), stable(), {}}, now);
        QCOMPARE(
            log.take(),
            QStringList({QStringLiteral("insert 0-0 in top"), QStringLiteral("change 1-1 in top"),
                         QStringLiteral("change 2-2 in top")}));
        QCOMPARE(printTree(model, {ReplicaSetModel::Name, ReplicaSetModel::Role}),
                 QStringLiteral("app-3 | canary\n"
                                "  app-3-a\n"
                                "app-2 | stable\n"
                                "  app-2-a\n"
                                "app-1\n"
                                "  app-1-b\n"
                                "  app-1-c\n"));

        // Reordered (the oldest first) and one gone: moves and a removal, no reset.
        model.setReplicaSets({sets.at(2), sets.at(0)}, pods, {{}, canary()}, now);
        QCOMPARE(log.take(),
                 QStringList({QStringLiteral("remove 1-1 in top"),
                              QStringLiteral("move 1-1 to 0 in top")}));
        QCOMPARE(printTree(model, {ReplicaSetModel::Name}),
                 QStringLiteral("app-1\n"
                                "  app-1-b\n"
                                "  app-1-c\n"
                                "app-3\n"
                                "  app-3-a\n"));
        // Another rollout: a reset.
        model.setReplicaSets({}, {}, {}, now, DetailUpdate::Reset);
        QCOMPARE(log.take(), QStringList({QStringLiteral("reset")}));
        QCOMPARE(model.rowCount(), 0);
    }

    void replicaSetRowShowsItsState()
    {
        ReplicaSetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ReplicaSet old = replicaSet(QStringLiteral("app-1"), 1, 0);
        old.metadata.annotations.insert(QStringLiteral("scale-down-deadline"),
                                        QStringLiteral("2024-05-02T10:19:00Z"));
        model.setReplicaSets({old}, {}, {}, now);
        QCOMPARE(rowTexts(model.index(0, 0)),
                 QStringList({QStringLiteral("app-1"), QStringLiteral("1"), QString(),
                              QStringLiteral("Scaled down"), QStringLiteral("0/0"), QString(),
                              QStringLiteral("10m"), QStringLiteral("app:1"),
                              QStringLiteral("passed")}));
        // Scaled-down history is muted; the full image is in the tooltip.
        QCOMPARE(model.index(0, ReplicaSetModel::Name).data(DetailRoles::ToneRole),
                 QVariant(int(DetailRoles::Tone::Muted)));
        QCOMPARE(model.index(0, ReplicaSetModel::Images).data(Qt::ToolTipRole),
                 QVariant(QStringLiteral("registry.example.com/shop/app:1")));
        QCOMPARE(model.index(0, ReplicaSetModel::Status).data(DetailRoles::SymbolRole),
                 QVariant(QStringLiteral("Unknown")));
        QCOMPARE(model.indexOfReplicaSet(QStringLiteral("app-1")), model.index(0, 0));
        QVERIFY(!model.indexOfReplicaSet(QStringLiteral("app-9")).isValid());
    }

    void podList()
    {
        PodListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        model.setPods({pod(QStringLiteral("a")), pod(QStringLiteral("b"))}, now);
        QCOMPARE(printTree(model),
                 QStringLiteral("a | Running | 1/1 | 0 | 60s\n"
                                "b | Running | 1/1 | 0 | 60s\n"));
        model.setPods({pod(QStringLiteral("b"), 3), pod(QStringLiteral("a"))}, now);
        QCOMPARE(log.take(),
                 QStringList({QStringLiteral("insert 0-1 in top"),
                              QStringLiteral("move 1-1 to 0 in top"),
                              QStringLiteral("change 0-0 in top")}));
        QCOMPARE(printTree(model),
                 QStringLiteral("b | Running | 1/1 | 3 | 60s\n"
                                "a | Running | 1/1 | 0 | 60s\n"));
        QCOMPARE(model.index(0, PodListModel::Restarts).data(DetailRoles::ToneRole),
                 QVariant(int(DetailRoles::Tone::Warning)));
        QCOMPARE(model.headerData(PodListModel::Name, Qt::Horizontal),
                 QVariant(QStringLiteral("Pod")));
    }

    // A scaled-down or deleted pod keeps its phase Running for its grace period; the row says
    // Terminating, as kubectl does, in place.
    void terminatingPodIsShownTerminating()
    {
        PodListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        model.setPods({pod(QStringLiteral("a")), pod(QStringLiteral("b"))}, now);
        log.take();
        Pod terminating = pod(QStringLiteral("b"));
        terminating.metadata.deletionTimestamp = now.addSecs(30);
        model.setPods({pod(QStringLiteral("a")), terminating}, now);
        QCOMPARE(log.take(), QStringList({QStringLiteral("change 1-1 in top")}));
        QCOMPARE(printTree(model),
                 QStringLiteral("a | Running | 1/1 | 0 | 60s\n"
                                "b | Terminating | 1/1 | 0 | 60s\n"));
        const QModelIndex status = model.index(1, PodListModel::Status);
        QCOMPARE(status.data(DetailRoles::ToneRole), QVariant(int(DetailRoles::Tone::Warning)));
        QCOMPARE(status.data(DetailRoles::SymbolRole), QVariant(QStringLiteral("Progressing")));
    }
};

QTEST_MAIN(TestReplicaSetModel)
#include "tst_replicasetmodel.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// A DetailTreeView keeps what the user did across in-place updates of its model: expansion,
// selection and the current row survive ReplicaSets and pods arriving, leaving and moving;
// rows that arrive take the model's defaults (expanded canary, spanned messages).
#include "analysisrunsmodel.h"
#include "detailtreeview.h"
#include "replicasetmodel.h"

#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QTest>

namespace {

const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-02T10:20:00Z"), Qt::ISODate);

ReplicaSet replicaSet(const QString &name)
{
    ReplicaSet rs;
    rs.metadata.name = name;
    rs.metadata.uid = QStringLiteral("uid-") + name;
    return rs;
}

Pod pod(const QString &name)
{
    Pod p;
    p.metadata.name = name;
    p.metadata.uid = QStringLiteral("uid-") + name;
    return p;
}

ReplicaSetTags tags(bool canary)
{
    ReplicaSetTags t;
    t.canary = canary;
    t.stable = !canary;
    return t;
}

} // namespace

class TestDetailTreeView : public QObject
{
    Q_OBJECT

private slots:
    void selectionAndExpansionSurviveUpdates()
    {
        // The view takes a model without a parent; this one stays the test's.
        QObject owner;
        ReplicaSetModel &model = *new ReplicaSetModel(&owner);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        DetailTreeView view(&model);
        QHash<QString, QList<Pod>> pods;
        pods[QStringLiteral("uid-b")] = {pod(QStringLiteral("b-1"))};
        pods[QStringLiteral("uid-a")]
            = {pod(QStringLiteral("a-1")), pod(QStringLiteral("a-2")), pod(QStringLiteral("a-3"))};
        model.setReplicaSets({replicaSet(QStringLiteral("b")), replicaSet(QStringLiteral("a"))},
                             pods, {tags(true), tags(false)}, now);
        // The canary starts open, the stable one closed; the user turns that round and
        // selects a pod of the stable one.
        QVERIFY(view.isExpanded(rowAt(&view, 0)));
        QVERIFY(!view.isExpanded(rowAt(&view, 1)));
        view.setExpanded(rowAt(&view, 0), false);
        view.setExpanded(rowAt(&view, 1), true);
        const QModelIndex selected = rowAt(&view, 2, rowAt(&view, 1));
        view.setCurrentIndex(selected);
        QCOMPARE(text(view.currentIndex(), 0), QStringLiteral("a-3"));

        // A new canary on top, pod a-1 gone, a-3 now first, b no longer a canary.
        pods[QStringLiteral("uid-c")] = {pod(QStringLiteral("c-1"))};
        pods[QStringLiteral("uid-a")] = {pod(QStringLiteral("a-3")), pod(QStringLiteral("a-2"))};
        model.setReplicaSets({replicaSet(QStringLiteral("c")), replicaSet(QStringLiteral("b")),
                              replicaSet(QStringLiteral("a"))},
                             pods, {tags(true), tags(false), tags(false)}, now);
        QCOMPARE(printTree(*view.model(), {ReplicaSetModel::Name}),
                 QStringLiteral("c\n  c-1\nb\n  b-1\na\n  a-3\n  a-2\n"));
        QVERIFY(view.isExpanded(rowAt(&view, 0))); // new: its default
        QVERIFY(!view.isExpanded(rowAt(&view, 1))); // closed by the user
        QVERIFY(view.isExpanded(rowAt(&view, 2))); // opened by the user
        QCOMPARE(text(view.currentIndex(), 0), QStringLiteral("a-3"));
        QCOMPARE(view.currentIndex(), rowAt(&view, 0, rowAt(&view, 2)));
        QVERIFY(view.selectionModel()->isSelected(view.currentIndex()));
        QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
    }

    void messageRowsSpanTheColumns()
    {
        QObject owner;
        AnalysisRunsModel &model = *new AnalysisRunsModel(&owner);
        DetailTreeView view(&model);
        AnalysisRun run;
        run.metadata.name = QStringLiteral("run");
        run.metadata.uid = QStringLiteral("uid-run");
        model.setRuns({run}, now);
        QVERIFY(!view.isFirstColumnSpanned(0, rowAt(&view, 0)));
        // The message arrives later, as its own row: spanned when it appears.
        run.phase = QStringLiteral("Failed");
        run.message = QStringLiteral("Metric \"error-rate\" assessed Failed");
        model.setRuns({run}, now);
        QCOMPARE(text(rowAt(&view, 0, rowAt(&view, 0)), 0), run.message);
        QVERIFY(view.isFirstColumnSpanned(0, rowAt(&view, 0)));
    }
};

QTEST_MAIN(TestDetailTreeView)
#include "tst_detailtreeview.moc"

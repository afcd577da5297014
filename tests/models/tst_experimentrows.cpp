// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail's models show Experiments and analysis Jobs: the ReplicaSets tree lists
// each experiment with what its step is doing, its ReplicaSets (Σ:<template>) and pods and its
// analyses; the analysis tree lists each Job below the metric that made it, with its pods and
// the plugin's icon meaning. Fixtures from tests/data/experiments, filed by the real store.
#include "../support/experimentfixture.h"
#include "../support/modelrows.h"
#include "analysisrunsmodel.h"
#include "detailtext.h"
#include "replicasetmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

using RS = ReplicaSetModel;
using AR = AnalysisRunsModel;

void showReplicaSets(ReplicaSetModel &model, const ExperimentFixture &f,
                     DetailUpdate how = DetailUpdate::InPlace)
{
    QList<ReplicaSetTags> tags;
    for (const ReplicaSet &rs : f.detail.replicaSets)
        tags.append(replicaSetTags(f.detail.rollout, rs));
    model.setReplicaSetsAndExperiments(f.detail.replicaSets, tags, f.detail, f.now, how);
}

void showRuns(AnalysisRunsModel &model, const ExperimentFixture &f)
{
    model.setRuns(f.detail.allAnalysisRuns(), f.now, DetailUpdate::InPlace, f.detail.jobsByRunUid,
                  f.detail.podsByJobUid);
}

} // namespace

class TestExperimentRows : public QObject
{
    Q_OBJECT

private slots:
    void experimentInTheReplicaSetsTree()
    {
        const ExperimentFixture f(QStringLiteral("experiment-running.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        ReplicaSetModel model;
        QAbstractItemModelTester tester(&model);
        showReplicaSets(model, f);
        const QString tree
            = printTree(model, {RS::Name, RS::Role, RS::Status, RS::Ready, RS::Images});
        QCOMPARE(tree,
                 QStringLiteral(
                     "checkout-5d8f9c7b66 | canary | Healthy | 1/1 | checkout:2.4.0\n"
                     "  checkout-5d8f9c7b66-h5j8d |  | Running | 1/1\n"
                     "checkout-7c9f6d8b54 | stable | Healthy | 4/4 | checkout:2.3.0\n"
                     "  checkout-7c9f6d8b54-4vq2n |  | Running | 1/1\n"
                     "  checkout-7c9f6d8b54-8kx7p |  | Running | 1/1\n"
                     "  checkout-7c9f6d8b54-c2m9w |  | Running | 1/1\n"
                     "  checkout-7c9f6d8b54-t6r3z |  | Running | 1/1\n"
                     "checkout-5d8f9c7b66-3-1 | current experiment | Running | 2/2 | "
                     "checkout:2.3.0 (Σ:baseline), checkout:2.4.0 (Σ:canary)\n"
                     "  Step 2 of 4: experiment checkout-5d8f9c7b66-3-1 has run 5m of 10m, 5m "
                     "left\n"
                     "  checkout-5d8f9c7b66-3-1-baseline | Σ:baseline | Healthy | 1/1 | "
                     "checkout:2.3.0\n"
                     "    checkout-5d8f9c7b66-3-1-baseline-x2b7q |  | Running | 1/1\n"
                     "  checkout-5d8f9c7b66-3-1-canary | Σ:canary | Healthy | 1/1 | "
                     "checkout:2.4.0\n"
                     "    checkout-5d8f9c7b66-3-1-canary-m4k9s |  | Running | 1/1\n"
                     "  latency | analysis latency-probe, required for completion | Running\n"));
        const QModelIndex experiment = model.index(2, RS::Name);
        QVERIFY(isBold(experiment, RS::Role)); // the current step stands out
        QCOMPARE(experiment.siblingAtColumn(RS::Status).data(DetailRoles::SymbolRole).toString(),
                 DetailText::analysisSymbolPhase(QStringLiteral("Running")));
        QCOMPARE(experiment.siblingAtColumn(RS::Status).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("◌ in progress (the kubectl plugin's icon)"));
        const QModelIndex state = model.index(0, 0, experiment);
        QVERIFY(state.data(DetailRoles::FirstColumnSpannedRole).toBool());
        QCOMPARE(state.data(DetailRoles::KeyRole).toString(), QStringLiteral("#state"));
    }

    // The experiment finishing is an in-place update of its rows, never a reset.
    void finishingIsAnUpdateInPlace()
    {
        ExperimentFixture f(QStringLiteral("experiment-running.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        ReplicaSetModel model;
        showReplicaSets(model, f, DetailUpdate::Reset);
        ModelSignalLog log(&model);
        f.detail.experiments.first().experiment.phase = QStringLiteral("Successful");
        showReplicaSets(model, f);
        const QStringList sent = log.take();
        QVERIFY(!sent.contains(QStringLiteral("reset")));
        QVERIFY(!sent.isEmpty());
        QCOMPARE(text(model.index(2, 0), RS::Status), QStringLiteral("Successful"));
        QCOMPARE(text(model.index(2, 0), RS::Role), QStringLiteral("current experiment"));
    }

    void finishedExperimentIsQuiet()
    {
        const ExperimentFixture f(QStringLiteral("experiment-finished.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        ReplicaSetModel model;
        QAbstractItemModelTester tester(&model);
        showReplicaSets(model, f);
        const QModelIndex experiment = model.index(2, RS::Name);
        QCOMPARE(rowTexts(experiment).mid(0, 5),
                 QStringList({"search-8f7e6d5c4-7-1", "7", "experiment", "Successful", "0/2"}));
        // Not the current step (the rollout is at the pause after it): its duration, no countdown.
        QVERIFY2(text(model.index(0, 0, experiment), 0)
                     .startsWith(QLatin1String(
                         "Runs for 5m once its pods are available; available since ")),
                 qPrintable(text(model.index(0, 0, experiment), 0)));
        QVERIFY(!isBold(experiment, RS::Role));
        QCOMPARE(text(model.index(1, 0, experiment), RS::Status), QStringLiteral("Scaled down"));
    }

    void jobsBelowTheirMetric()
    {
        const ExperimentFixture f(QStringLiteral("experiment-running.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        AnalysisRunsModel model;
        QAbstractItemModelTester tester(&model);
        showRuns(model, f);
        // The experiment's run is listed although the rollout has none of its own.
        const QModelIndex run = model.indexOfRun(QStringLiteral("checkout-5d8f9c7b66-3-1-latency"));
        QVERIFY(run.isValid());
        const QModelIndex metric = model.indexOfMetric(run, QStringLiteral("probe"));
        QVERIFY(metric.isValid());
        const QString done = QStringLiteral("job:job-probe-1");
        const QModelIndex first = model.indexOfKey(done, metric);
        const QModelIndex second = model.indexOfKey(QStringLiteral("job:job-probe-2"), metric);
        QVERIFY(first.isValid() && second.isValid());
        QCOMPARE(rowTexts(first).mid(0, 4),
                 QStringList({"7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918.probe.1", "Successful",
                              "0 active, 1 succeeded, 0 failed",
                              "registry.example.com/tools/latency-probe:1.4"}));
        QCOMPARE(text(second, AR::Phase), QStringLiteral("Running"));
        QCOMPARE(model.rowCount(first), 1); // its pod
        QCOMPARE(text(model.index(0, AR::Phase, first), AR::Phase), QStringLiteral("Completed"));
    }

    void failedJobSaysWhy()
    {
        const ExperimentFixture f(QStringLiteral("job-analysis-failed.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        AnalysisRunsModel model;
        QAbstractItemModelTester tester(&model);
        showRuns(model, f);
        const QModelIndex run = model.indexOfRun(QStringLiteral("payments-7d6c5b4a3-5-1"));
        const QModelIndex metric = model.indexOfMetric(run, QStringLiteral("smoke-test"));
        const QModelIndex job = model.indexOfKey(QStringLiteral("job:job-smoke-1"), metric);
        QVERIFY(job.isValid());
        QCOMPARE(text(job, AR::Phase), QStringLiteral("Failed"));
        QCOMPARE(job.siblingAtColumn(AR::Phase).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("✖ failed (the kubectl plugin's icon)\n"
                                "Job has reached the specified backoff limit"));
        QVERIFY(job.data(DetailRoles::ExpandedByDefaultRole).toBool());
        QCOMPARE(text(model.index(0, 0, job), AR::Phase), QStringLiteral("Error"));
    }
};

QTEST_MAIN(TestExperimentRows)
#include "tst_experimentrows.moc"

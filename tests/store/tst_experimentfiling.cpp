// SPDX-License-Identifier: GPL-3.0-or-later
// Experiments and analysis Jobs in the store: an Experiment under its Rollout with its
// ReplicaSets, pods and AnalysisRuns, a Job under its AnalysisRun with its pods, which
// rollout's detail a change of any of them touches, and the notices when they cannot be
// listed.
#include "../support/experimentfixture.h"

#include <QTest>

namespace {

QStringList namesOf(const QList<ReplicaSet> &sets)
{
    QStringList names;
    for (const ReplicaSet &set : sets)
        names.append(set.metadata.name);
    return names;
}

template<typename T> T named(const QList<T> &list, const QString &name)
{
    for (const T &object : list) {
        if (object.metadata.name == name)
            return object;
    }
    return T();
}

} // namespace

class TestExperimentFiling : public QObject
{
    Q_OBJECT

private slots:
    void experimentIsFiledUnderItsRollout()
    {
        const ExperimentFixture f(QStringLiteral("experiment-running.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        const RolloutDetail &d = f.detail;
        // The experiment's ReplicaSets are its own, not the rollout's.
        QCOMPARE(namesOf(d.replicaSets),
                 QStringList({"checkout-5d8f9c7b66", "checkout-7c9f6d8b54"}));
        QCOMPARE(d.experiments.size(), 1);
        const ExperimentDetail &e = d.experiments.first();
        QCOMPARE(e.experiment.metadata.name, QStringLiteral("checkout-5d8f9c7b66-3-1"));
        QCOMPARE(
            namesOf(e.replicaSets),
            QStringList({"checkout-5d8f9c7b66-3-1-baseline", "checkout-5d8f9c7b66-3-1-canary"}));
        for (const ReplicaSet &set : e.replicaSets)
            QCOMPARE(d.podsByReplicaSetUid.value(set.metadata.uid).size(), 1);
        // The experiment's run is its, not the rollout's.
        QVERIFY(d.analysisRuns.isEmpty());
        QCOMPARE(e.analysisRuns.size(), 1);
        const QString runUid = e.analysisRuns.first().metadata.uid;
        const QList<Job> jobs = d.jobsByRunUid.value(runUid);
        QCOMPARE(jobs.size(), 2);
        QVERIFY(jobs.at(0).metadata.name.endsWith(QLatin1String(".probe.1"))); // oldest first
        QVERIFY(jobs.at(1).metadata.name.endsWith(QLatin1String(".probe.2")));
        for (const Job &job : jobs)
            QCOMPARE(d.podsByJobUid.value(job.metadata.uid).size(), 1);
        QVERIFY(d.notices.isEmpty());
    }

    void jobIsFiledUnderTheRolloutsRun()
    {
        const ExperimentFixture f(QStringLiteral("job-analysis-failed.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QVERIFY(f.detail.experiments.isEmpty());
        QCOMPARE(f.detail.analysisRuns.size(), 1);
        const QList<Job> jobs
            = f.detail.jobsByRunUid.value(f.detail.analysisRuns.first().metadata.uid);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().analysisPhase(), QStringLiteral("Failed"));
        const QList<Pod> pods = f.detail.podsByJobUid.value(jobs.first().metadata.uid);
        QCOMPARE(pods.size(), 1);
        QCOMPARE(pods.first().phase, QStringLiteral("Failed"));
    }

    // Whatever part of the chain changes (the experiment, its ReplicaSet, a pod of it, its
    // run, a Job of the run, the Job's pod), the rollout's detail is named changed; an
    // Experiment of another rollout changes none.
    void anyChangeInTheChainNamesTheRollout()
    {
        ExperimentFixture f(QStringLiteral("experiment-running.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        EnvironmentStore &store
            = f.fleet.environmentFor(QLatin1String(ExperimentFixture::environment));
        const QString rolloutUid = f.detail.rollout.metadata.uid;
        const ExperimentDetail &e = f.detail.experiments.first();
        const AnalysisRun &run = e.analysisRuns.first();
        const Job job = f.detail.jobsByRunUid.value(run.metadata.uid).last();
        const Pod jobPod = f.detail.podsByJobUid.value(job.metadata.uid).first();
        const ReplicaSet set = e.replicaSets.first();
        const Pod setPod = f.detail.podsByReplicaSetUid.value(set.metadata.uid).first();

        const auto touched = [&](const WorkloadDeltaBatch &batch) {
            return store.apply(batch, f.now).rolloutDetails;
        };
        WorkloadDeltaBatch batch;
        Experiment finished = e.experiment;
        finished.phase = QStringLiteral("Successful");
        batch.upserts<Experiment>().append(finished);
        QCOMPARE(touched(batch), QSet<QString> {rolloutUid});

        batch = WorkloadDeltaBatch();
        Job done = job;
        Condition complete;
        complete.type = QStringLiteral("Complete");
        complete.status = QStringLiteral("True");
        done.conditions.append(complete);
        batch.upserts<Job>().append(done);
        QCOMPARE(touched(batch), QSet<QString> {rolloutUid});
        const RolloutDetail after
            = f.fleet.rolloutDetail(QLatin1String(ExperimentFixture::environment), rolloutUid);
        QCOMPARE(after.experiments.first().experiment.phase, QStringLiteral("Successful"));
        QCOMPARE(
            named(after.jobsByRunUid.value(run.metadata.uid), job.metadata.name).analysisPhase(),
            QStringLiteral("Successful"));

        batch = WorkloadDeltaBatch();
        batch.deletes<Pod>().append(ObjectIndex<Pod>::keyOf(jobPod));
        QCOMPARE(touched(batch), QSet<QString> {rolloutUid});
        batch = WorkloadDeltaBatch();
        batch.deletes<Pod>().append(ObjectIndex<Pod>::keyOf(setPod));
        QCOMPARE(touched(batch), QSet<QString> {rolloutUid});
        batch = WorkloadDeltaBatch();
        batch.upserts<AnalysisRun>().append(run);
        QCOMPARE(touched(batch), QSet<QString> {rolloutUid});
        batch = WorkloadDeltaBatch();
        batch.upserts<ReplicaSet>().append(set);
        QVERIFY(touched(batch).contains(rolloutUid));

        batch = WorkloadDeltaBatch();
        Experiment other = e.experiment;
        other.metadata.name = QStringLiteral("other-1");
        other.metadata.uid = QStringLiteral("other-uid");
        other.metadata.ownerReferences.first().uid = QStringLiteral("another-rollout");
        batch.upserts<Experiment>().append(other);
        QVERIFY(!touched(batch).contains(rolloutUid));

        // Deleting the experiment takes its ReplicaSets out of the rollout's detail with it.
        batch = WorkloadDeltaBatch();
        batch.deletes<Experiment>().append(ObjectIndex<Experiment>::keyOf(e.experiment));
        QCOMPARE(touched(batch), QSet<QString> {rolloutUid});
        QVERIFY(f.fleet.rolloutDetail(QLatin1String(ExperimentFixture::environment), rolloutUid)
                    .experiments.isEmpty());
    }

    void forbiddenKindsAreNoticesNotFailures()
    {
        ExperimentFixture f(QStringLiteral("experiment-running.json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        EnvironmentStore &store
            = f.fleet.environmentFor(QLatin1String(ExperimentFixture::environment));
        WorkloadDeltaBatch batch;
        batch.detailStatus = QList<DetailKindStatus>(DetailKindCount);
        batch.detailStatus[int(DetailKind::Experiments)].problem
            = DetailKindStatus::Problem::Forbidden;
        batch.detailStatus[int(DetailKind::Jobs)].problem = DetailKindStatus::Problem::NotServed;
        const EnvironmentStore::Change change = store.apply(batch, f.now);
        QVERIFY(change.rolloutDetails.contains(f.detail.rollout.metadata.uid));
        const RolloutDetail d = f.fleet.rolloutDetail(QLatin1String(ExperimentFixture::environment),
                                                      f.detail.rollout.metadata.uid);
        QVERIFY(d.isValid());
        QVERIFY(d.experiments.isEmpty());
        QVERIFY(d.jobsByRunUid.isEmpty());
        QCOMPARE(d.replicaSets.size(), 2); // the rest of the detail stays
        QCOMPARE(d.notices,
                 QStringList({QStringLiteral("Experiments are not shown: listing experiments in "
                                             "this environment is forbidden."),
                              QStringLiteral("Analysis jobs are not shown: this environment does "
                                             "not serve Jobs.")}));
    }
};

QTEST_GUILESS_MAIN(TestExperimentFiling)
#include "tst_experimentfiling.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail's data path against the demo fleet (resources/scenarios/demo.yaml):
// the simulator's controllers make the pods, AnalysisRuns and Events; FleetFetcher lists
// and watches them, FleetModel assembles RolloutDetail. The clock is frozen and stepped by
// hand before the fetcher starts, so the store holds still while the test compares.
#include "detaildescription.h"
#include "fleetsim.h"
#include "serverjson.h"

#include "fleetmodel.h"
#include "podstatus.h"

#include "controllers/clustercontrollers.h"
#include "core/virtualclock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace ServerJson;

namespace {
const QString Prod = QStringLiteral("prod");
const QString Gateway = QStringLiteral("payments-gateway");

// The detail as names, so a mismatch prints readably: "rs:<name>", "pod:<rs>/<name>",
// "run:<name>", "event:<name>", "notice:<text>", in the detail's order.
QStringList describe(const RolloutDetail &detail)
{
    QStringList lines
        = DetailDescription::replicaSets(detail.replicaSets, detail.podsByReplicaSetUid);
    for (const AnalysisRun &run : detail.analysisRuns)
        lines.append(QStringLiteral("run:") + run.metadata.name);
    return lines + DetailDescription::eventsAndNotices(detail.events, detail.notices);
}
} // namespace

class TestRolloutDetailPipeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_sim;
    Kubeconfig m_kubeconfig;

    ObjectStore &store() { return m_sim->cluster(Prod)->store(); }
    QList<QJsonObject> list(const char *group, const char *plural)
    {
        return store().list(
            *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural)));
    }
    QJsonObject rollout(const QString &name)
    {
        return store()
            .get(FleetSim::rollouts(), QStringLiteral("payments"), name)
            .value_or(QJsonObject());
    }
    QString uidOf(const QString &name) { return text(rollout(name), "metadata.uid"); }
    // What the detail of the rollout must list, read from the simulator's store: the
    // ReplicaSets it controls, newest revision first; their pods by name; its AnalysisRuns,
    // newest first; the Events about any of them, newest first, at most 100.
    QStringList expected(const QString &name, bool pods = true, bool events = true)
    {
        const QString uid = uidOf(name);
        QList<QJsonObject> sets;
        for (const QJsonObject &rs : list("apps", "replicasets")) {
            if (controllerUid(rs) == uid)
                sets.append(rs);
        }
        const auto revision = [](const QJsonObject &rs) {
            return at(rs, QStringLiteral("metadata.annotations"))
                .toObject()
                .value(QStringLiteral("rollout.argoproj.io/revision"))
                .toString()
                .toLongLong();
        };
        std::sort(sets.begin(), sets.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            return revision(a) > revision(b);
        });
        QStringList lines;
        QStringList involved {uid};
        for (const QJsonObject &rs : std::as_const(sets)) {
            const QString rsName = text(rs, "metadata.name");
            lines.append(QStringLiteral("rs:") + rsName);
            involved.append(text(rs, "metadata.uid"));
            QStringList podNames;
            for (const QJsonObject &pod : list("", "pods")) {
                if (controllerUid(pod) == text(rs, "metadata.uid")) {
                    podNames.append(text(pod, "metadata.name"));
                    involved.append(text(pod, "metadata.uid"));
                }
            }
            podNames.sort();
            for (const QString &pod : std::as_const(podNames)) {
                if (pods)
                    lines.append(QStringLiteral("pod:") + rsName + QLatin1Char('/') + pod);
            }
        }
        QList<QJsonObject> runs;
        for (const QJsonObject &run : list("argoproj.io", "analysisruns")) {
            if (controllerUid(run) == uid) {
                runs.append(run);
                involved.append(text(run, "metadata.uid"));
            }
        }
        std::sort(runs.begin(), runs.end(), newerFirst("metadata.creationTimestamp"));
        for (const QJsonObject &run : std::as_const(runs))
            lines.append(QStringLiteral("run:") + text(run, "metadata.name"));
        QList<QJsonObject> about;
        for (const QJsonObject &event : list("", "events")) {
            if (involved.contains(text(event, "involvedObject.uid")))
                about.append(event);
        }
        std::sort(about.begin(), about.end(), newerFirst("lastTimestamp"));
        for (qsizetype i = 0; events && i < std::min<qsizetype>(about.size(), 100); ++i)
            lines.append(QStringLiteral("event:") + text(about.at(i), "metadata.name"));
        return lines;
    }

    void createEvent(const QString &name, const QJsonObject &about, const QString &kind,
                     int secondsFromNow)
    {
        DetailDescription::createEvent(*m_sim, store(), name, about, kind, secondsFromNow);
    }

    struct Pipeline
    {
        FleetFetcher fetcher;
        FleetModel model;
        QAbstractItemModelTester tester {&model};
        FleetMirror mirror {&fetcher};

        Pipeline(const Kubeconfig &kubeconfig, const QString &context) :
            fetcher(kubeconfig, {FleetSim::environment(Prod, context)})
        {
            model.setEnvironments({FleetSim::environment(Prod, context)});
            fetcher.setOptions(FleetSim::fastOptions());
            QObject::connect(&fetcher, &FleetFetcher::workloadsChanged, &model,
                             &FleetModel::applyBatch);
            fetcher.start();
        }
    };

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<WorkloadDeltaBatch>();
        Scenario scenario;
        QString error;
        QVERIFY2(Scenario::fromFile(QStringLiteral(RD_SOURCE_DIR "/resources/scenarios/demo.yaml"),
                                    &scenario, &error),
                 qPrintable(error));
        // auditor may read the workloads and AnalysisRuns of prod, but not pods, events,
        // Experiments or Jobs.
        UserSpec auditor;
        auditor.name = QStringLiteral("auditor");
        auditor.token = QStringLiteral("prod-auditor-token");
        auditor.rules
            = {PolicyRule {{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")},
                           {QStringLiteral("argoproj.io"), QStringLiteral("apps")},
                           {QStringLiteral("rollouts"), QStringLiteral("analysisruns"),
                            QStringLiteral("replicasets"), QStringLiteral("deployments")},
                           {},
                           {}}};
        for (ClusterScenario &cluster : scenario.clusters) {
            if (cluster.name == Prod)
                cluster.users.append(auditor);
        }
        SimulatorOptions options;
        options.frozen = true;
        m_sim = std::make_unique<Simulator>(scenario, options);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        for (SimCluster *cluster : m_sim->clusters())
            cluster->server().setBookmarkIntervalMs(200);
        KubeconfigSource source;
        source.explicitPath = m_sim->kubeconfigPath();
        QVERIFY2(KubeconfigLoader::load(source, &m_kubeconfig, &error), qPrintable(error));

        // Play the demo until payments-gateway runs its background analysis with the canary
        // at 30 %: pods in the stable and the canary ReplicaSet.
        for (int second = 0; second < 600; ++second) {
            m_sim->reconcileOnce();
            if (at(rollout(Gateway), QStringLiteral("status.currentStepIndex")).toInt() == 3)
                break;
            m_sim->clock().advance(1000);
        }
        QCOMPARE(at(rollout(Gateway), QStringLiteral("status.currentStepIndex")).toInt(), 3);
        // The controllers write Events about Rollouts and ReplicaSets; add some about a pod
        // and an AnalysisRun of the gateway, and about a pod of another rollout.
        QJsonObject gatewayPod;
        QJsonObject otherPod;
        for (const QJsonObject &pod : list("", "pods")) {
            const QString name = text(pod, "metadata.name");
            if (name.startsWith(Gateway))
                gatewayPod = pod;
            else if (name.startsWith(QStringLiteral("checkout")))
                otherPod = pod;
        }
        QVERIFY(!gatewayPod.isEmpty() && !otherPod.isEmpty());
        QJsonObject run;
        for (const QJsonObject &r : list("argoproj.io", "analysisruns")) {
            if (controllerUid(r) == uidOf(Gateway))
                run = r;
        }
        QVERIFY(!run.isEmpty());
        createEvent(QStringLiteral("pod.newest"), gatewayPod, QStringLiteral("Pod"), 3600);
        createEvent(QStringLiteral("run.second"), run, QStringLiteral("AnalysisRun"), 1800);
        createEvent(QStringLiteral("other.pod"), otherPod, QStringLiteral("Pod"), 7200);
    }

    void cleanupTestCase() { m_sim.reset(); }

    void detailMatchesTheServer()
    {
        Pipeline p(m_kubeconfig, Prod);
        QTRY_COMPARE(p.mirror.lastKind(Prod), ConnectionState::Live);
        const QString uid = uidOf(Gateway);
        QTRY_COMPARE(describe(p.model.store().rolloutDetail(Prod, uid)), expected(Gateway));

        const RolloutDetail detail = p.model.store().rolloutDetail(Prod, uid);
        QCOMPARE(detail.rollout.metadata.name, Gateway);
        // Revision 2 (3.1.0) at 30 % of 5 replicas, revision 1 (3.0.2) the rest, beside the
        // pods it scaled down on the way, which are Terminating for their grace period.
        QCOMPARE(detail.replicaSets.size(), 2);
        QCOMPARE(detail.replicaSets.at(0).revision(), 2);
        QCOMPARE(detail.replicaSets.at(0).podTemplate.containers.at(0).image,
                 QStringLiteral("ghcr.io/acme/payments-gateway:3.1.0"));
        QCOMPARE(detail.podsByReplicaSetUid.value(detail.replicaSets.at(0).metadata.uid).size(), 2);
        int stableLive = 0;
        for (const Pod &pod :
             detail.podsByReplicaSetUid.value(detail.replicaSets.at(1).metadata.uid)) {
            if (pod.metadata.deletionTimestamp.isValid())
                QCOMPARE(podStatus(pod).status, QStringLiteral("Terminating"));
            else
                ++stableLive;
        }
        QCOMPARE(stableLive, 4);
        // One background run for both templates, still running.
        QCOMPARE(detail.analysisRuns.size(), 1);
        QCOMPARE(detail.analysisRuns.at(0).phase, QStringLiteral("Running"));
        QCOMPARE(detail.analysisRuns.at(0).metrics.size(), 2);
        QVERIFY(detail.events.size() > 2);
        QCOMPARE(detail.events.at(0).metadata.name, QStringLiteral("pod.newest"));
        QCOMPARE(detail.events.at(1).metadata.name, QStringLiteral("run.second"));
        QCOMPARE(detail.notices, QStringList());
        // Pods, runs and events add no rows: one per Rollout, Flagger canary and Deployment of
        // prod, except the Deployments a canary manages (its target and <target>-primary).
        const QList<QJsonObject> canaries = list("flagger.app", "canaries");
        QSet<QString> managed;
        for (const QJsonObject &canary : canaries) {
            const QString target = text(canary, "spec.targetRef.name");
            managed << target << target + QStringLiteral("-primary");
        }
        QVERIFY(!canaries.isEmpty()); // prod's query-parser
        int deployments = 0;
        for (const QJsonObject &deployment : list("apps", "deployments"))
            deployments += managed.contains(text(deployment, "metadata.name")) ? 0 : 1;
        // Waited for: a canary's Deployments are rows until the canaries are read (Flagger
        // made the primary before the first request).
        QTRY_COMPARE_WITH_TIMEOUT(
            p.model.rowCount(),
            int(list("argoproj.io", "rollouts").size() + canaries.size()) + deployments, 10000);
        p.fetcher.stop();
    }

    void deletedPodLeavesTheDetail()
    {
        Pipeline p(m_kubeconfig, Prod);
        const QString uid = uidOf(Gateway);
        QTRY_COMPARE(describe(p.model.store().rolloutDetail(Prod, uid)), expected(Gateway));
        QTRY_COMPARE(p.mirror.lastKind(Prod), ConnectionState::Live);
        QSignalSpy changed(&p.model, &FleetModel::rolloutDetailsChanged);
        const RolloutDetail before = p.model.store().rolloutDetail(Prod, uid);
        const Pod victim
            = before.podsByReplicaSetUid.value(before.replicaSets.at(0).metadata.uid).at(1);
        const StoreResult result
            = store().remove(FleetSim::pods(), QStringLiteral("payments"), victim.metadata.name);
        QVERIFY2(result.ok(), qPrintable(result.error.message));

        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), Prod);
        QCOMPARE(changed.at(0).at(1).toStringList(), QStringList {uid});
        const RolloutDetail after = p.model.store().rolloutDetail(Prod, uid);
        QCOMPARE(describe(after), expected(Gateway));
        QCOMPARE(after.podsByReplicaSetUid.value(after.replicaSets.at(0).metadata.uid).size(), 1);
        QVERIFY(!describe(after).contains(QStringLiteral("pod:")
                                          + before.replicaSets.at(0).metadata.name
                                          + QLatin1Char('/') + victim.metadata.name));
        // Nothing else moved in the frozen fleet.
        QTest::qWait(300);
        QCOMPARE(changed.size(), 1);
        p.fetcher.stop();
    }

    void forbiddenPodsAndEventsKeepTheEnvironmentLive()
    {
        Pipeline p(m_kubeconfig, QStringLiteral("prod-auditor"));
        const QString uid = uidOf(Gateway);
        QTRY_COMPARE(p.mirror.lastKind(Prod), ConnectionState::Live);
        QStringList wanted = expected(Gateway, false, false);
        wanted.append(QStringLiteral("notice:Pods are not shown: listing pods in this "
                                     "environment is forbidden."));
        wanted.append(QStringLiteral("notice:Events are not shown: listing events in this "
                                     "environment is forbidden."));
        // Nor may it list Experiments or Jobs (issue 16): notices too, nothing fails.
        wanted.append(QStringLiteral("notice:Experiments are not shown: listing experiments in "
                                     "this environment is forbidden."));
        wanted.append(QStringLiteral("notice:Analysis jobs are not shown: listing jobs in this "
                                     "environment is forbidden."));
        QTRY_COMPARE(describe(p.model.store().rolloutDetail(Prod, uid)), wanted);
        QCOMPARE(p.model.store().detailStatus(Prod).at(int(DetailKind::Pods)).problem,
                 DetailKindStatus::Problem::Forbidden);
        QCOMPARE(p.model.store().detailStatus(Prod).at(int(DetailKind::AnalysisRuns)).problem,
                 DetailKindStatus::Problem::None);
        QCOMPARE(p.model.store().rolloutDetail(Prod, uid).analysisRuns.size(), 1);
        // Still Live after the forbidden informers retried a few times.
        QTRY_VERIFY(p.fetcher.informerStats(Prod).at(3).failures >= 3);
        QCOMPARE(p.mirror.lastKind(Prod), ConnectionState::Live);
        for (const ConnectionState &state : p.mirror.states(Prod))
            QVERIFY2(!state.isError(), qPrintable(state.reason));
        p.fetcher.stop();
    }
};

QTEST_GUILESS_MAIN(TestRolloutDetailPipeline)
#include "tst_rolloutdetailpipeline.moc"

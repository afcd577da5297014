// SPDX-License-Identifier: GPL-3.0-or-later
// A Deployment's detail against the demo fleet (resources/scenarios/demo.yaml, the dev
// cluster's storefront): the simulator's Deployment controller makes the ReplicaSets and
// pods, FleetFetcher watches them (the pod-template-hash informers), the store assembles
// DeploymentDetail. The clock is frozen and stepped by hand, so the store holds still while
// the test compares.
#include "detaildescription.h"
#include "fleetsim.h"
#include "serverjson.h"

#include "fleetmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace ServerJson;

namespace {
const QString Dev = QStringLiteral("dev");
const QString Storefront = QStringLiteral("storefront");

// The detail as names, in its order: "rs:<name>", "pod:<rs>/<name>", "event:<name>".
QStringList describe(const DeploymentDetail &detail)
{
    return DetailDescription::replicaSets(detail.replicaSets, detail.podsByReplicaSetUid)
        + DetailDescription::eventsAndNotices(detail.events, detail.notices);
}
} // namespace

class TestDeploymentDetailPipeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_sim;
    Kubeconfig m_kubeconfig;

    ObjectStore &store() { return m_sim->cluster(Dev)->store(); }
    QJsonObject deployment()
    {
        return store()
            .get(FleetSim::deployments(), QStringLiteral("shop"), Storefront)
            .value_or(QJsonObject());
    }
    QList<QJsonObject> podsOf(const QString &replicaSetUid)
    {
        QList<QJsonObject> pods;
        for (const QJsonObject &pod : store().list(FleetSim::pods())) {
            if (controllerUid(pod) == replicaSetUid)
                pods.append(pod);
        }
        return pods;
    }

    // What the detail must list, read from the simulator's store: the ReplicaSets the
    // Deployment controls, newest revision first, their pods by name, and the Events about
    // any of them, newest first.
    QStringList expected()
    {
        const QString uid = text(deployment(), "metadata.uid");
        QList<QJsonObject> sets;
        for (const QJsonObject &rs : store().list(FleetSim::replicaSets())) {
            if (controllerUid(rs) == uid)
                sets.append(rs);
        }
        const auto revision = [](const QJsonObject &rs) {
            return at(rs, QStringLiteral("metadata.annotations"))
                .toObject()
                .value(QStringLiteral("deployment.kubernetes.io/revision"))
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
            for (const QJsonObject &pod : podsOf(text(rs, "metadata.uid"))) {
                podNames.append(text(pod, "metadata.name"));
                involved.append(text(pod, "metadata.uid"));
            }
            podNames.sort();
            for (const QString &pod : std::as_const(podNames))
                lines.append(QStringLiteral("pod:") + rsName + QLatin1Char('/') + pod);
        }
        QList<QJsonObject> about;
        for (const QJsonObject &event : store().list(FleetSim::events())) {
            if (involved.contains(text(event, "involvedObject.uid")))
                about.append(event);
        }
        std::sort(about.begin(), about.end(), newerFirst("lastTimestamp"));
        for (const QJsonObject &event : std::as_const(about))
            lines.append(QStringLiteral("event:") + text(event, "metadata.name"));
        return lines;
    }

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
        SimulatorOptions options;
        options.frozen = true;
        m_sim = std::make_unique<Simulator>(scenario, options);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        KubeconfigSource source;
        source.explicitPath = m_sim->kubeconfigPath();
        QVERIFY2(KubeconfigLoader::load(source, &m_kubeconfig, &error), qPrintable(error));
        // Until the storefront's pods are ready.
        for (int second = 0; second < 120; ++second) {
            m_sim->reconcileOnce();
            if (at(deployment(), QStringLiteral("status.readyReplicas")).toInt() == 3)
                break;
            m_sim->clock().advance(1000);
        }
        QCOMPARE(at(deployment(), QStringLiteral("status.readyReplicas")).toInt(), 3);
        DetailDescription::createEvent(*m_sim, store(), QStringLiteral("storefront.scaled"),
                                       deployment(), QStringLiteral("Deployment"), 60);
    }

    void cleanupTestCase() { m_sim.reset(); }

    void detailMatchesTheServer()
    {
        FleetFetcher fetcher(m_kubeconfig, {FleetSim::environment(Dev, Dev)});
        FleetModel model;
        QAbstractItemModelTester tester(&model);
        model.setEnvironments({FleetSim::environment(Dev, Dev)});
        fetcher.setOptions(FleetSim::fastOptions());
        connect(&fetcher, &FleetFetcher::workloadsChanged, &model, &FleetModel::applyBatch);
        QSignalSpy changed(&model, &FleetModel::deploymentDetailsChanged);
        fetcher.start();

        const QString uid = text(deployment(), "metadata.uid");
        QTRY_COMPARE(describe(model.store().deploymentDetail(Dev, uid)), expected());
        const DeploymentDetail detail = model.store().deploymentDetail(Dev, uid);
        QCOMPARE(detail.deployment.metadata.name, Storefront);
        QCOMPARE(detail.replicaSets.size(), 1);
        QCOMPARE(detail.podsByReplicaSetUid.value(detail.replicaSets.at(0).metadata.uid).size(), 3);
        QCOMPARE(detail.phase, QStringLiteral("Healthy"));
        QCOMPARE(detail.events.constFirst().metadata.name, QStringLiteral("storefront.scaled"));
        QVERIFY(!changed.isEmpty());

        // A pod goes: the Deployment's detail is reported changed and loses it.
        changed.clear();
        const QString rsUid = detail.replicaSets.at(0).metadata.uid;
        const QJsonObject victim = podsOf(rsUid).constFirst();
        QVERIFY(store()
                    .remove(FleetSim::pods(), QStringLiteral("shop"), text(victim, "metadata.name"))
                    .ok());
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(changed.constLast().at(1).toStringList(), QStringList {uid});
        QTRY_COMPARE(describe(model.store().deploymentDetail(Dev, uid)), expected());
        QCOMPARE(model.store().deploymentDetail(Dev, uid).podsByReplicaSetUid.value(rsUid).size(),
                 2);
        fetcher.stop();
    }
};

QTEST_GUILESS_MAIN(TestDeploymentDetailPipeline)
#include "tst_deploymentdetailpipeline.moc"

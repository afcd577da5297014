// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllerfixture.h"

#include "controllers/jsonutil.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

QJsonObject deployment(int replicas)
{
    QJsonObject d = parse(R"({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "api", "namespace": "shop"},
        "spec": {
            "selector": {"matchLabels": {"app": "api"}},
            "template": {"metadata": {"labels": {"app": "api"}},
                         "spec": {"containers": [{"name": "api", "image": "api:1.0"}]}}
        }
    })");
    QJsonObject spec = d.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    d.insert(QStringLiteral("spec"), spec);
    return d;
}

QString nameOf(const QJsonObject &object)
{
    return at(object, QStringLiteral("metadata.name")).toString();
}

} // namespace

class TestDeploymentController : public QObject
{
    Q_OBJECT

private slots:
    void createsReplicaSetAndBecomesAvailable();
    void rollingUpdateRespectsSurgeAndUnavailable();
    void recreateWaitsForTerminatingPods();
};

void TestDeploymentController::createsReplicaSetAndBecomesAvailable()
{
    Cluster c;
    c.create(deployments(), deployment(4));
    c.pass();
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("api"));
    QCOMPARE(sets.size(), 1);
    const QJsonObject rs = sets.first();
    const QString hash = at(rs, QStringLiteral("metadata.labels.pod-template-hash")).toString();
    QCOMPARE(hash.size() >= 8, true);
    QCOMPARE(nameOf(rs), QStringLiteral("api-") + hash);
    QCOMPARE(annotation(rs, QStringLiteral("deployment.kubernetes.io/revision")),
             QStringLiteral("1"));
    QCOMPARE(at(rs, QStringLiteral("spec.replicas")).toInt(), 4);
    QCOMPARE(at(rs, QStringLiteral("spec.template.metadata.labels.pod-template-hash")).toString(),
             hash);
    QCOMPARE(at(rs, QStringLiteral("metadata.ownerReferences.0.kind")).toString(),
             QStringLiteral("Deployment"));
    QCOMPARE(c.podsOf(nameOf(rs)).size(), 4);
    QCOMPARE(at(c.podsOf(nameOf(rs)).first(), QStringLiteral("status.phase")).toString(),
             QStringLiteral("Pending"));

    c.advance(6);
    const QJsonObject d = c.get(deployments(), QStringLiteral("api"));
    const QJsonObject status = d.value(QLatin1String("status")).toObject();
    QCOMPARE(status.value(QLatin1String("observedGeneration")).toInt(), 1);
    QCOMPARE(status.value(QLatin1String("replicas")).toInt(), 4);
    QCOMPARE(status.value(QLatin1String("updatedReplicas")).toInt(), 4);
    QCOMPARE(status.value(QLatin1String("readyReplicas")).toInt(), 4);
    QCOMPARE(status.value(QLatin1String("availableReplicas")).toInt(), 4);
    QCOMPARE(status.contains(QLatin1String("unavailableReplicas")), false);
    QCOMPARE(annotation(d, QStringLiteral("deployment.kubernetes.io/revision")),
             QStringLiteral("1"));
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    QCOMPARE(conditions.size(), 2);
    QJsonObject available;
    QJsonObject progressing;
    for (const QJsonValue &v : conditions) {
        if (v.toObject().value(QLatin1String("type")).toString() == QLatin1String("Available"))
            available = v.toObject();
        else
            progressing = v.toObject();
    }
    QCOMPARE(available.value(QLatin1String("status")).toString(), QStringLiteral("True"));
    QCOMPARE(available.value(QLatin1String("reason")).toString(),
             QStringLiteral("MinimumReplicasAvailable"));
    QCOMPARE(available.value(QLatin1String("message")).toString(),
             QStringLiteral("Deployment has minimum availability."));
    QCOMPARE(progressing.value(QLatin1String("status")).toString(), QStringLiteral("True"));
    QCOMPARE(progressing.value(QLatin1String("reason")).toString(),
             QStringLiteral("NewReplicaSetAvailable"));
    QCOMPARE(progressing.value(QLatin1String("message")).toString(),
             QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(nameOf(rs)));
    QCOMPARE(c.events(QStringLiteral("ScalingReplicaSet"), QStringLiteral("api")),
             QStringList {QStringLiteral("Scaled up replica set %1 to 4 from 0").arg(nameOf(rs))});
}

void TestDeploymentController::rollingUpdateRespectsSurgeAndUnavailable()
{
    Cluster c;
    c.create(deployments(), deployment(4));
    QVERIFY(c.waitFor([&] {
        return at(c.get(deployments(), QStringLiteral("api")),
                  QStringLiteral("status.availableReplicas"))
                   .toInt()
            == 4;
    }));
    c.updateSpec(deployments(), QStringLiteral("api"), [](QJsonObject &d) {
        QJsonObject spec = d.value(QLatin1String("spec")).toObject();
        QJsonObject tmpl = spec.value(QLatin1String("template")).toObject();
        QJsonObject podSpec = tmpl.value(QLatin1String("spec")).toObject();
        podSpec.insert(
            QStringLiteral("containers"),
            parse(R"({"c": [{"name": "api", "image": "api:2.0"}]})").value(QLatin1String("c")));
        tmpl.insert(QStringLiteral("spec"), podSpec);
        spec.insert(QStringLiteral("template"), tmpl);
        d.insert(QStringLiteral("spec"), spec);
    });
    c.pass();
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("api"));
    QCOMPARE(sets.size(), 2);
    const QString oldRs = nameOf(sets.at(0));
    const QString newRs = nameOf(sets.at(1));
    QCOMPARE(annotation(c.replicaSet(newRs), QStringLiteral("deployment.kubernetes.io/revision")),
             QStringLiteral("2"));
    // maxSurge 25% of 4 = 1 extra pod, maxUnavailable 25% of 4 = 1 pod.
    QCOMPARE(c.specReplicas(newRs), 1);
    QCOMPARE(c.specReplicas(oldRs), 3);
    QJsonObject progressing;
    for (const QJsonValue &v :
         at(c.get(deployments(), QStringLiteral("api")), QStringLiteral("status.conditions"))
             .toArray()) {
        if (v.toObject().value(QLatin1String("type")).toString() == QLatin1String("Progressing"))
            progressing = v.toObject();
    }
    QCOMPARE(progressing.value(QLatin1String("reason")).toString(),
             QStringLiteral("NewReplicaSetCreated"));
    QCOMPARE(progressing.value(QLatin1String("message")).toString(),
             QStringLiteral("Created new replica set \"%1\"").arg(newRs));

    QVERIFY(c.waitFor([&] { return c.specReplicas(oldRs) == 0 && c.availableReplicas(newRs) == 4; },
                      60));
    c.pass();
    const QJsonObject status
        = at(c.get(deployments(), QStringLiteral("api")), QStringLiteral("status")).toObject();
    QCOMPARE(status.value(QLatin1String("updatedReplicas")).toInt(), 4);
    QCOMPARE(status.value(QLatin1String("replicas")).toInt(), 4);
    QCOMPARE(status.value(QLatin1String("observedGeneration")).toInt(), 2);
    const QStringList scaling
        = c.events(QStringLiteral("ScalingReplicaSet"), QStringLiteral("api"));
    QCOMPARE(scaling.at(1), QStringLiteral("Scaled up replica set %1 to 1 from 0").arg(newRs));
    QCOMPARE(scaling.at(2), QStringLiteral("Scaled down replica set %1 to 3 from 4").arg(oldRs));
    QCOMPARE(scaling.last(), QStringLiteral("Scaled down replica set %1 to 0 from 1").arg(oldRs));
}

void TestDeploymentController::recreateWaitsForTerminatingPods()
{
    Cluster c;
    QJsonObject recreate = deployment(2);
    JsonUtil::setAt(recreate, "spec.strategy",
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("Recreate")}});
    c.create(deployments(), recreate);
    QVERIFY(c.waitFor([&] {
        return at(c.get(deployments(), QStringLiteral("api")),
                  QStringLiteral("status.availableReplicas"))
                   .toInt()
            == 2;
    }));
    c.updateSpec(deployments(), QStringLiteral("api"),
                 [](QJsonObject &d) { setFirstContainerImage(d, QStringLiteral("api:2.0")); });
    c.pass(2);
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("api"));
    QCOMPARE(sets.size(), 2);
    const QString oldRs = nameOf(sets.at(0));
    const QString newRs = nameOf(sets.at(1));
    QCOMPARE(c.specReplicas(oldRs), 0);
    QCOMPARE(c.podsOf(oldRs, Cluster::Pods::Terminating).size(), 2);
    // The old ReplicaSet counts no pods, but Recreate waits until its pods are gone.
    QCOMPARE(at(c.replicaSet(oldRs), QStringLiteral("status.replicas")).toInt(), 0);
    c.advance(25);
    QCOMPARE(c.specReplicas(newRs), 0);
    QVERIFY(c.podsOf(newRs).isEmpty());
    QVERIFY(c.waitFor([&] { return c.specReplicas(newRs) == 2; }, 10));
    QVERIFY(c.podsOf(oldRs).isEmpty());
}

QTEST_GUILESS_MAIN(TestDeploymentController)
#include "tst_deploymentcontroller.moc"

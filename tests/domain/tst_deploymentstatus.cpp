// SPDX-License-Identifier: GPL-3.0-or-later
// `kubectl rollout status deployment/<name>` messages, branch by branch.
#include "deploymentstatus.h"
#include "jsondecoder.h"
#include "testdata.h"

#include <QTest>

#include <functional>

using State = DeploymentRolloutStatus::State;
Q_DECLARE_METATYPE(State)

namespace {

Deployment complete()
{
    Deployment d;
    d.metadata.name = QStringLiteral("cart");
    d.metadata.generation = 4;
    d.observedGeneration = 4;
    d.specReplicas = 3;
    d.replicas = d.updatedReplicas = d.readyReplicas = d.availableReplicas = 3;
    Condition available;
    available.type = QStringLiteral("Available");
    available.status = QStringLiteral("True");
    Condition progressing;
    progressing.type = QStringLiteral("Progressing");
    progressing.status = QStringLiteral("True");
    progressing.reason = QStringLiteral("NewReplicaSetAvailable");
    d.conditions = {available, progressing};
    return d;
}

} // namespace

class TestDeploymentStatus : public QObject
{
    Q_OBJECT

private slots:
    void status_data()
    {
        QTest::addColumn<Deployment>("deployment");
        QTest::addColumn<State>("state");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const std::function<void(Deployment &)> &change,
                            State state, const char *message) {
            Deployment d = complete();
            change(d);
            QTest::newRow(name) << d << state << QString::fromUtf8(message);
        };
        row(
            "complete", [](Deployment &) {}, State::Complete,
            "deployment \"cart\" successfully rolled out");
        row(
            "spec not observed", [](Deployment &d) { d.metadata.generation = 5; },
            State::WaitingForObservation, "Waiting for deployment spec update to be observed...");
        row(
            "deadline exceeded",
            [](Deployment &d) {
                d.conditions[1].status = QStringLiteral("False");
                d.conditions[1].reason = QStringLiteral("ProgressDeadlineExceeded");
                d.updatedReplicas = 1;
            },
            State::Failed, "deployment \"cart\" exceeded its progress deadline");
        row(
            "updating", [](Deployment &d) { d.updatedReplicas = 1; }, State::Progressing,
            "Waiting for deployment \"cart\" rollout to finish: 1 out of 3 new replicas have been "
            "updated...");
        row(
            "old replicas terminating", [](Deployment &d) { d.replicas = 5; }, State::Progressing,
            "Waiting for deployment \"cart\" rollout to finish: 2 old replicas are pending "
            "termination...");
        row(
            "becoming available", [](Deployment &d) { d.availableReplicas = 2; },
            State::Progressing,
            "Waiting for deployment \"cart\" rollout to finish: 2 of 3 updated replicas are "
            "available...");
        row(
            "nil replicas skips the update check",
            [](Deployment &d) {
                d.specReplicas.reset();
                d.replicas = d.updatedReplicas = d.availableReplicas = 0;
            },
            State::Complete, "deployment \"cart\" successfully rolled out");
    }

    void status()
    {
        QFETCH(Deployment, deployment);
        QFETCH(State, state);
        QFETCH(QString, message);
        const DeploymentRolloutStatus result = deploymentStatus(deployment);
        QCOMPARE(result.state, state);
        QCOMPARE(result.message, message);
        QCOMPARE(result.isDone(), state == State::Complete);
    }

    void fixtures()
    {
        const QList<Deployment> list
            = decodeList<Deployment>(domainTestData(QStringLiteral("deployments.json"))).items;
        QCOMPARE(list.size(), 2);
        const DeploymentRolloutStatus cart = deploymentStatus(list.at(0));
        QCOMPARE(cart.message,
                 QStringLiteral("Waiting for deployment \"cart\" rollout to finish: 2 "
                                "out of 3 new replicas have been updated..."));
        QVERIFY(cart.available);
        QVERIFY(!cart.paused);
        const DeploymentRolloutStatus inventory = deploymentStatus(list.at(1));
        QCOMPARE(inventory.state, State::Complete);
        QVERIFY(inventory.paused);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentStatus)
#include "tst_deploymentstatus.moc"

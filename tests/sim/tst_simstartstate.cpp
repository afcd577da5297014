// SPDX-License-Identifier: GPL-3.0-or-later
// A running simulator is in its scenario's starting state when start() returns: the demo's
// mid-release rollouts already roll out their new revision, so a client that asks at once
// (`release-dashboard --demo pause payments-api -n payments --env staging`) finds the canary
// the demo describes, not the loaded objects before the first controller pass.
#include "frozendemo.h"

#include "core/objectstore.h"

#include <QTest>

class TestSimStartState : public QObject
{
    Q_OBJECT

private slots:
    void midReleaseRolloutsRollOutWhenStartReturns()
    {
        rdsim::Scenario scenario;
        QString error;
        QVERIFY2(rdsim::DemoScenario::load(&scenario, &error), qPrintable(error));
        // Read at once: the controller thread (every 100 ms) has had no time to catch up.
        rdsim::Simulator simulator(scenario, rdsim::SimulatorOptions());
        QVERIFY2(simulator.start(&error), qPrintable(error));
        rdsim::SimCluster *staging = simulator.cluster(QStringLiteral("staging"));
        QVERIFY(staging);
        const std::optional<QJsonObject> rollout
            = staging->store().get(servedKind("argoproj.io", "rollouts"),
                                   QStringLiteral("payments"), QStringLiteral("payments-api"));
        QVERIFY(rollout);
        const QString stable = valueAt(*rollout, QStringLiteral("status.stableRS")).toString();
        const QString current
            = valueAt(*rollout, QStringLiteral("status.currentPodHash")).toString();
        QVERIFY2(!stable.isEmpty() && !current.isEmpty() && stable != current,
                 qPrintable(QStringLiteral("stable '%1', current '%2'").arg(stable, current)));
        simulator.stop();
    }
};

QTEST_GUILESS_MAIN(TestSimStartState)
#include "tst_simstartstate.moc"

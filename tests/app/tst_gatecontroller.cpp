// SPDX-License-Identifier: GPL-3.0-or-later
// The window's live quality gates against the demo fleet on the simulator's virtual clock:
// prod shop/checkout's canary starts failing 6 % of its orders three minutes in, rd-sim's
// Prometheus serves the shop's orders_total, and the demo's "order success rate" gate fails
// with the right value, bound and message. With onGateFail: pause the rollout is paused
// once, audited as the gate's doing; without it the failure is only announced.
// The client's headers first: the simulator's WatchEvent would make the decoder's ambiguous.
#include "jsondecoder.h"

#include "auditrecord.h"
#include "democharts.h"
#include "demoserver.h"
#include "fleetfetcher.h"
#include "fleetmodel.h"
#include "gatecontroller.h"

#include "../fetchers/demosim.h"

#include <QSignalSpy>
#include <QTemporaryDir>

namespace {

constexpr int answerTimeoutMs = 30000;
const QString orderGate = QStringLiteral("order success rate");

} // namespace

class TestGateController : public QObject
{
    Q_OBJECT

    DemoSim m_sim;
    QTemporaryDir m_dir;

    // The demo's environments; prod pauses on a failed gate unless `pause` is false.
    static QList<EnvironmentSpec> environments(bool pause)
    {
        QList<EnvironmentSpec> specs = DemoServer::environmentConfig().environments();
        for (EnvironmentSpec &spec : specs) {
            if (spec.name == QLatin1String("prod"))
                spec.pauseOnGateFail = pause;
        }
        return specs;
    }

    QString auditPath() const { return m_dir.filePath(QStringLiteral("audit.jsonl")); }

    struct Live
    {
        FleetModel model;
        std::unique_ptr<FleetFetcher> fetcher;
        std::unique_ptr<GateController> gates;
        QString uid; // prod shop/checkout
    };

    bool watch(Live *live, bool pause)
    {
        const QList<EnvironmentSpec> specs = environments(pause);
        live->model.setEnvironments(specs);
        live->fetcher = std::make_unique<FleetFetcher>(m_sim.kubeconfig(), specs);
        connect(live->fetcher.get(), &FleetFetcher::workloadsChanged, &live->model,
                &FleetModel::applyBatch);
        live->gates = std::make_unique<GateController>(&live->model);
        live->gates->setClock(
            [this] { return m_sim.simulator().clock().now().toMSecsSinceEpoch(); });
        live->gates->setSettings(DemoCharts::gates());
        live->gates->setFleet(m_sim.kubeconfig(), specs, auditPath());
        live->fetcher->start();
        const QJsonObject rollout = m_sim.rollout(QStringLiteral("prod"), QStringLiteral("shop"),
                                                  QStringLiteral("checkout"));
        live->uid = rollout.value(QStringLiteral("metadata"))
                        .toObject()
                        .value(QStringLiteral("uid"))
                        .toString();
        return QTest::qWaitFor(
            [&] {
                return live->model.store()
                    .rolloutDetail(QStringLiteral("prod"), live->uid)
                    .isValid();
            },
            answerTimeoutMs);
    }

    static const GateResult *gate(const Live &live, const QString &name)
    {
        const GateReport *report = live.gates->report(QStringLiteral("prod"), live.uid);
        return report ? report->gate(name) : nullptr;
    }

    static bool judgedAs(Live &live, GateOutcome outcome)
    {
        live.gates->evaluateAll();
        return QTest::qWaitFor(
            [&] {
                const GateResult *result = gate(live, orderGate);
                return result && result->outcome == outcome;
            },
            5000);
    }

    int auditedGatePauses() const
    {
        int count = 0;
        for (const AuditRecord &record : readAuditFile(auditPath()).records) {
            if (record.stage == AuditRecord::Stage::Outcome
                && record.client == QLatin1String("gate"))
                ++count;
        }
        return count;
    }

    bool paused()
    {
        return m_sim
            .rollout(QStringLiteral("prod"), QStringLiteral("shop"), QStringLiteral("checkout"))
            .value(QStringLiteral("spec"))
            .toObject()
            .value(QStringLiteral("paused"))
            .toBool();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        // The canary at 10 % a minute in.
        m_sim.step(60);
    }

    void aNewCanaryIsInconclusive()
    {
        Live live;
        QVERIFY(watch(&live, true));
        QVERIFY(judgedAs(live, GateOutcome::Inconclusive));
        QVERIFY(gate(live, orderGate)->message.startsWith(QStringLiteral("too little data: ")));
        QCOMPARE(live.gates->report(QStringLiteral("prod"), live.uid)->verdict(),
                 GateOutcome::Inconclusive);
    }

    void passesWhileTheOrdersAreFine()
    {
        m_sim.step(30); // its orders are still fine
        Live live;
        QVERIFY(watch(&live, true));
        const bool passed = judgedAs(live, GateOutcome::Pass);
        const GateResult *result = gate(live, orderGate);
        QVERIFY2(passed, result ? qPrintable(result->message) : "not judged");
        QVERIFY(*result->value > 0.99);
        QCOMPARE(result->bound, QStringLiteral("min 0.97, stable − 2 %"));
        QVERIFY(!paused());
    }

    void failureIsAnnouncedWithoutPausing()
    {
        // Three minutes in the canary fails 6 % of its orders; two more fill the window.
        m_sim.step(210);
        Live live;
        QVERIFY(watch(&live, false));
        QSignalSpy failed(live.gates.get(), &GateController::gateFailed);
        QVERIFY(judgedAs(live, GateOutcome::Fail));
        const GateResult *result = gate(live, orderGate);
        QVERIFY2(*result->value < 0.97 && *result->value > 0.93,
                 qPrintable(QString::number(*result->value)));
        QVERIFY(*result->stableValue > 0.99);
        QCOMPARE(result->message,
                 QStringLiteral("canary %1 is below the minimum 0.97")
                     .arg(QString::number(*result->value, 'g', 4)));
        QVERIFY(result->query.contains(QStringLiteral("orders_total")));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(4).toBool(), false); // not pausing
        QTest::qWait(500);
        QVERIFY(!paused());
        QCOMPARE(auditedGatePauses(), 0);
    }

    void failurePausesOnceAudited()
    {
        Live live;
        QVERIFY(watch(&live, true));
        QSignalSpy failed(live.gates.get(), &GateController::gateFailed);
        QSignalSpy finished(live.gates.get(), &GateController::autoPauseFinished);
        QVERIFY(judgedAs(live, GateOutcome::Fail));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, answerTimeoutMs);
        const auto result = finished.first().first().value<RolloutActionResult>();
        QCOMPARE(result.result, AuditRecord::Result::Succeeded);
        QCOMPARE(finished.first().at(1).toString(), live.uid); // for the window's attribution
        QCOMPARE(finished.first().at(2).toString(), orderGate);
        QVERIFY(paused());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(4).toBool(), true);
        const QList<AuditRecord> records = readAuditFile(auditPath()).records;
        QCOMPARE(auditedGatePauses(), 1);
        QVERIFY2(records.last().reason.startsWith(
                     QStringLiteral("gate 'order success rate' failed: canary ")),
                 qPrintable(records.last().reason));
        QCOMPARE(records.last().action, QStringLiteral("pause"));
        // Judged again (the rollout is paused now, the canary still failing): no second
        // announcement, no second pause.
        QSignalSpy ready(live.gates.get(), &GateController::reportReady);
        live.gates->evaluateAll();
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, answerTimeoutMs);
        QTest::qWait(300);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(auditedGatePauses(), 1);
    }
};

QTEST_MAIN(TestGateController)
#include "tst_gatecontroller.moc"

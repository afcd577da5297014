// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutStepsModel over a rollout as it moves (tests/data/detail/paused-canary.json): the
// countdown ticks, the next step starts, an abort is seen, and a blue-green rollout's rows;
// each change arrives in place (under QAbstractItemModelTester from before the first value)
// and is compared as a printed list.
#include "rolloutstepsmodel.h"

#include "rolloutstatus.h"

#include "../support/modelrows.h"
#include "../widgets/detailfixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

QString states(const RolloutStepsModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, 0).data(RolloutStepsModel::StateRole).toString());
    return list.join(u' ');
}

} // namespace

class TestRolloutStepsModel : public QObject
{
    Q_OBJECT

private slots:
    // A person's pause, and the window's own (onGateFail: pause), which names itself.
    void manualPauseSaysWhose()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("paused-canary.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        Rollout rollout = fixture.detail.rollout;
        rollout.spec.paused = true;
        RolloutStepsModel model;
        model.setRollout(rollout, fixture.now, {}, true);
        QVERIFY2(printTree(model).contains(QStringLiteral(
                     "5 | Pause 5m \u2014 paused by a person: Resume continues here\n")),
                 qPrintable(printTree(model)));
        RolloutObservations observations;
        observations.manualPauseBy = QStringLiteral("the dashboard (gate \u201Cx\u201D failed)");
        model.setRollout(rollout, fixture.now, observations, true);
        QVERIFY2(printTree(model).contains(
                     QStringLiteral("5 | Pause 5m \u2014 paused by the dashboard (gate "
                                    "\u201Cx\u201D failed): Resume continues here\n")),
                 qPrintable(printTree(model)));
    }

    void canaryMovesOn()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("paused-canary.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        RolloutStepsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        Rollout rollout = fixture.detail.rollout;
        model.setRollout(rollout, fixture.now, {}, true);
        QCOMPARE(printTree(model),
                 QStringLiteral("1 | Set weight 10 %\n"
                                "2 | Pause 2m\n"
                                "3 | Analysis: error-rate, latency\n"
                                "4 | Set weight 20 %\n"
                                "5 | Pause 5m \u2014 3m 12s left\n"
                                "6 | Set weight 50 %\n"
                                "7 | Pause until promoted\n"
                                "8 | Set weight 100 %\n"
                                " | Background analysis: error-rate, from step 3 \u2014 Running\n"
                                " | Traffic routing: istio\n"));
        QCOMPARE(log.take(), QStringList({QStringLiteral("insert 0-9 in top")}));
        QCOMPARE(states(model),
                 QStringLiteral("done done done done current pending pending pending  "));
        QCOMPARE(model.currentStepIndex(), model.index(4, 0));
        QCOMPARE(model.index(4, 0).data(DetailRoles::SymbolRole),
                 QVariant(QLatin1String(DetailRoles::markerCurrent)));
        QCOMPARE(model.index(0, 1).data(DetailRoles::ToneRole),
                 QVariant(int(DetailRoles::Tone::Muted)));

        // A second later only the countdown's row changes.
        model.updateCountdown(fixture.now.addSecs(1));
        QCOMPARE(log.take(), QStringList({QStringLiteral("change 4-4 in top")}));
        QCOMPARE(text(model.index(4, 0), 1), QStringLiteral("Pause 5m \u2014 3m 11s left"));

        // The next step starts: two rows change.
        rollout.status.currentStepIndex = 5;
        rollout.status.pauseConditions.clear();
        rollout.status.controllerPause = false;
        model.setRollout(rollout, fixture.now.addSecs(1), {}, true);
        QCOMPARE(log.take(),
                 QStringList(
                     {QStringLiteral("change 4-4 in top"), QStringLiteral("change 5-5 in top")}));
        QCOMPARE(states(model),
                 QStringLiteral("done done done done done current pending pending  "));

        // Aborted, the step not seen: a row on top says so, no step is current.
        rollout.status.abort = true;
        model.setRollout(rollout, fixture.now.addSecs(2), {}, true);
        QCOMPARE(log.take().first(), QStringLiteral("insert 0-0 in top"));
        QCOMPARE(text(model.index(0, 0), 1),
                 QStringLiteral("Aborted before this window was watching: the step is not known"));
        QVERIFY(!model.currentStepIndex().isValid());
    }

    void blueGreen()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("bluegreen.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        RolloutStepsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRollout(fixture.detail.rollout, fixture.now, {}, false);
        QCOMPARE(printTree(model, {RolloutStepsModel::Text}).section(u'\n', 0, 0),
                 QStringLiteral("Auto-promotion after 5m \u2014 due to end %1 (no countdown: "
                                "not connected)")
                     .arg(RolloutSituationText::clockTime(pauseEndTime(fixture.detail.rollout),
                                                          fixture.now)));
        QCOMPARE(model.currentStepIndex(), model.index(0, 0));
        QCOMPARE(model.index(0, 0).data(Qt::AccessibleTextRole),
                 QVariant(QStringLiteral("current step")));
        QCOMPARE(model.rowCount(), 6);
    }
};

QTEST_MAIN(TestRolloutStepsModel)
#include "tst_rolloutstepsmodel.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// A Flagger canary's detail end to end on the demo fleet (a real window, offscreen, the
// simulator's clock played forward by hand): staging's search/search-suggest is analysed and
// then waits for the confirm-promotion gate, prod's search/query-parser fails three
// success-rate checks and is rolled back. Selecting either row shows the canary detail, which
// follows the canary as Flagger moves it, shows both Deployments with their pods and never a
// webhook's metadata value; selecting a Rollout leaves it. Suspend and Resume go through the
// window's action runner to the API server and are confirmed by the watched canary.
#include "flaggerdemofixture.h"

#include "detailstyle.h"
#include "flaggeranalysismodel.h"
#include "flaggercanaryactionbar.h"
#include "flaggercanarydetailcontroller.h"
#include "flaggercanarydetailview.h"
#include "flaggercanaryheader.h"
#include "flaggerdeploymentsection.h"
#include "replicasettree.h"
#include "themecolours.h"

#include "../widgets/flaggercanarydetailfixture.h"

#include <QLabel>
#include <QToolButton>

namespace {

constexpr int kWaitMs = 30000;

} // namespace

class TestFlaggerCanaryWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void waitsForPromotionInStaging();
    void rolledBackInProd();
    void suspendAndResume();
    void promoteOpensTheGate();

private:
    FlaggerDemoFixture m_f;
};

void TestFlaggerCanaryWindow::init()
{
    m_f.init();
}

void TestFlaggerCanaryWindow::cleanup()
{
    m_f.cleanup();
}

void TestFlaggerCanaryWindow::waitsForPromotionInStaging()
{
    QVERIFY(selectCanary(m_f.window.get(), QStringLiteral("staging"),
                         QStringLiteral("search-suggest")));
    FlaggerCanaryDetailView *view = detailPane(m_f.window)->canaryView();
    auto *controller = m_f.window->findChild<FlaggerCanaryDetailController *>(
        QStringLiteral("flaggerCanaryDetailController"));
    QVERIFY(controller);
    QCOMPARE(controller->selectedUid(), view->detail().canary.metadata.uid);
    QCOMPARE(view->header()->titleText(), QStringLiteral("search / search-suggest"));
    QCOMPARE(view->header()->environmentText(), QStringLiteral("staging"));

    // Flagger initializes the primary, analyses 20/40/60 % and holds at the gate.
    QVERIFY2(playUntil(*m_f.demo,
                       [&] {
                           return view->detail().canary.status.phase
                               == QLatin1String("WaitingPromotion");
                       }),
             qPrintable(view->detail().canary.status.phase));
    QCOMPARE(view->header()->statusText(),
             QStringLiteral("Paused \u2014 waiting for the confirm-promotion gate"));
    // Flagger's status says weight 0 at the gate; the router stays at the max weight.
    QVERIFY2(view->header()->progressText().startsWith(
                 QStringLiteral("Canary at the max weight 60% while it waits for promotion")),
             qPrintable(view->header()->progressText()));
    QCOMPARE(view->header()->failedChecksText(), QStringLiteral("Failed checks: 0 of 5"));

    // Both Deployments with their ReplicaSets and pods: the primary runs the stable 1.8.3,
    // the target the 1.9.0 under analysis.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return view->primarySection()->tree()->replicaSetModel()->rowCount() > 0
                && view->canarySection()->tree()->replicaSetModel()->rowCount() > 0;
        },
        kWaitMs));
    QVERIFY2(view->primarySection()->headingText().startsWith(
                 QStringLiteral("Primary search-suggest-primary")),
             qPrintable(view->primarySection()->headingText()));
    QVERIFY2(view->primarySection()->summaryText().contains(QStringLiteral("search-suggest:1.8.3")),
             qPrintable(view->primarySection()->summaryText()));
    QVERIFY2(view->canarySection()->summaryText().contains(QStringLiteral("search-suggest:1.9.0")),
             qPrintable(view->canarySection()->summaryText()));

    // The webhooks by their URLs, never their metadata's commands.
    const QString analysis
        = FlaggerCanaryFixture::modelTexts(view->analysisModel()).join(QLatin1Char('\n'));
    QVERIFY(analysis.contains(QStringLiteral("http://flagger-loadtester.search/gate/check")));
    QVERIFY(!analysis.contains(QStringLiteral("curl -sf")));
    QVERIFY(!analysis.contains(QStringLiteral("hey -z")));
    QVERIFY(view->eventsView() != nullptr);

    // Another kind of row: the canary's controller lets go, the rollout's view is shown.
    fleetTable(m_f.window)->clearSelection();
    QVERIFY(selectDemoRow(m_f.window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                          QStringLiteral("payments-api")));
    QVERIFY(!detailPane(m_f.window)->isShowingCanary());
    QCOMPARE(controller->selectedUid(), QString());
}

void TestFlaggerCanaryWindow::rolledBackInProd()
{
    QVERIFY(selectCanary(m_f.window.get(), QStringLiteral("prod"), QStringLiteral("query-parser")));
    FlaggerCanaryDetailView *view = detailPane(m_f.window)->canaryView();
    const FlaggerCanaryHeader *header = view->header();
    const QColor red = ThemeColours::foreground(DetailStyle::failedColour());

    // 8 % errors: the success-rate check fails, and the header counts it in red.
    QVERIFY2(playUntil(*m_f.demo, [&] { return view->detail().canary.status.failedChecks > 0; }),
             qPrintable(view->detail().canary.status.phase));
    QCOMPARE(
        header->failedChecksText(),
        QStringLiteral("Failed checks: %1 of 3").arg(view->detail().canary.status.failedChecks));
    QCOMPARE(header->failedChecksColour(), red);

    // The third one rolls it back; Flagger resets the count, the header says why it is 0.
    QVERIFY2(
        playUntil(*m_f.demo,
                  [&] { return view->detail().canary.status.phase == QLatin1String("Failed"); }),
        qPrintable(view->detail().canary.status.phase));
    QVERIFY2(header->statusText().startsWith(QStringLiteral("Degraded \u2014 Rolled back")),
             qPrintable(header->statusText()));
    QCOMPARE(header->failedChecksText(),
             QStringLiteral("Failed checks: reset by the rollback (threshold 3)"));
    QCOMPARE(header->failedChecksColour(), red);
    QVERIFY2(header->conditionsText().startsWith(QStringLiteral("Promoted: False")),
             qPrintable(header->conditionsText()));
}

void TestFlaggerCanaryWindow::suspendAndResume()
{
    QVERIFY(selectCanary(m_f.window.get(), QStringLiteral("staging"),
                         QStringLiteral("search-suggest")));
    FlaggerCanaryDetailView *view = detailPane(m_f.window)->canaryView();
    FlaggerCanaryActionBar *bar = view->actionBar();
    bar->setConfirmFunction([](FlaggerAction) { return true; }); // a protected environment
    QToolButton *suspend = bar->button(FlaggerAction::Pause);
    QToolButton *resume = bar->button(FlaggerAction::Resume);
    QVERIFY(!resume->isEnabled()); // not suspended
    QTRY_VERIFY_WITH_TIMEOUT(suspend->isEnabled(), kWaitMs);

    // Through the runner, the executor and the API server; the watch brings spec.suspend back.
    QTest::mouseClick(suspend, Qt::LeftButton);
    QVERIFY(!suspend->isEnabled()); // on its way
    QTRY_COMPARE_WITH_TIMEOUT(bar->message(), QStringLiteral("Suspended."), kWaitMs);
    QVERIFY(view->detail().canary.spec.suspend);
    QVERIFY(!bar->isErrorMessage());
    QVERIFY(view->header()->flagsText().startsWith(QStringLiteral("Suspended")));
    QCOMPARE(view->header()->statusText(), QStringLiteral("Paused \u2014 suspended"));
    QVERIFY(!suspend->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), kWaitMs);
    QTest::mouseClick(resume, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(bar->message(), QStringLiteral("Resumed."), kWaitMs);
    QVERIFY(!view->detail().canary.spec.suspend);
    QCOMPARE(view->header()->flagsText(), QString());
}

void TestFlaggerCanaryWindow::promoteOpensTheGate()
{
    QVERIFY(selectCanary(m_f.window.get(), QStringLiteral("staging"),
                         QStringLiteral("search-suggest")));
    FlaggerCanaryDetailView *view = detailPane(m_f.window)->canaryView();
    FlaggerCanaryActionBar *bar = view->actionBar();
    QList<FlaggerAction> asked;
    bar->setConfirmFunction([&](FlaggerAction action) {
        asked.append(action);
        return true;
    });
    QToolButton *promote = bar->button(FlaggerAction::Promote);
    QToolButton *rollback = bar->button(FlaggerAction::Rollback);
    QVERIFY2(playUntil(*m_f.demo,
                       [&] {
                           return view->detail().canary.status.phase
                               == QLatin1String("WaitingPromotion");
                       }),
             qPrintable(view->detail().canary.status.phase));
    // search-suggest has a confirm-promotion webhook but no rollback one: the button says so.
    QTRY_VERIFY_WITH_TIMEOUT(promote->isEnabled(), kWaitMs);
    QVERIFY(bar->button(FlaggerAction::Halt)->isEnabled()); // its gate can be closed again
    QVERIFY(!rollback->isEnabled());
    QVERIFY2(rollback->defaultAction()->toolTip().contains(QStringLiteral("rollback")),
             qPrintable(rollback->defaultAction()->toolTip()));

    // Through the service proxy to the load tester's /gate/open; Flagger promotes at its next
    // check, which the watched canary shows.
    QTest::mouseClick(promote, Qt::LeftButton);
    QVERIFY(!promote->isEnabled()); // on its way
    QVERIFY2(
        playUntil(*m_f.demo,
                  [&] { return view->detail().canary.status.phase == QLatin1String("Succeeded"); }),
        qPrintable(view->detail().canary.status.phase));
    // Confirmed when Flagger starts promoting (the phase leaves the gate), said as such.
    QTRY_COMPARE_WITH_TIMEOUT(
        bar->message(),
        QStringLiteral("Promotion started: Flagger copies the canary's version to the primary."),
        kWaitMs);
    QVERIFY(!bar->isErrorMessage());
    QVERIFY(asked.isEmpty()); // staging is not a protected environment
}

QTEST_MAIN(TestFlaggerCanaryWindow)
#include "tst_flaggercanarywindow.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The Flagger canary detail view from realistic details (flaggercanarydetailfixture.h). What the
// header says in each state (progressing at 30 of 50 with 1 of 5 failed checks, waiting for
// promotion, rolled back after the threshold, suspended, blue/green iteration 3 of 10), the
// failed checks' colour, the analysis spec, that webhook metadata values never appear, and
// that an update of the same canary keeps the selected pod.
#include "flaggercanarydetailview.h"

#include "detailstyle.h"
#include "detailtreeview.h"
#include "flaggeranalysismodel.h"
#include "flaggeranalysistext.h"
#include "flaggercanaryheader.h"
#include "flaggerdeploymentsection.h"
#include "replicasettree.h"
#include "rollouteventsmodel.h"
#include "rollouteventsview.h"
#include "themecolours.h"

#include "flaggercanarydetailfixture.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTabWidget>
#include <QTest>

using namespace FlaggerCanaryFixture;

namespace {

// The Value of the top-level analysis row whose Item is `item` (an empty string if none).
QString analysisValue(const FlaggerAnalysisModel *model, const QString &item)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, FlaggerAnalysisModel::Item).data().toString() == item)
            return model->index(row, FlaggerAnalysisModel::Value).data().toString();
    }
    return QString();
}

QString htmlOf(const FlaggerCanaryDetailView &view, const char *label)
{
    return view.findChild<QLabel *>(QLatin1String(label))->text();
}

} // namespace

class TestFlaggerCanaryDetailView : public QObject
{
    Q_OBJECT

private slots:
    void progressingAtThirtyOfFifty();
    void waitingForPromotion();
    void failedAfterTheThreshold();
    void suspended();
    void longScheduleShortened();
    void blueGreenIteration();
    void analysisSpec();
    void webhookMetadataValuesNeverShown();
    void deploymentsAndEvents();
    void missingPrimaryAndStale();
    void updateKeepsTheSelectedPod();
};

void TestFlaggerCanaryDetailView::progressingAtThirtyOfFifty()
{
    FlaggerCanaryDetailView view;
    view.setDetail(progressing(), now());
    const FlaggerCanaryHeader *header = view.header();
    QCOMPARE(header->environmentText(), QStringLiteral("staging"));
    QCOMPARE(header->titleText(), QStringLiteral("test / podinfo"));
    QCOMPARE(header->contextText(),
             QStringLiteral("Canary (Flagger) \u00b7 provider istio \u00b7 "
                            "target Deployment podinfo"));
    QCOMPARE(header->statusText(),
             QStringLiteral("Progressing \u2014 Canary weight 30% \u00b7 1 of 5 failed checks"));
    QCOMPARE(header->progressText(),
             QStringLiteral("Canary weight 30% of 50% max \u00b7 weights 10% \u2192 20% \u2192 "
                            "30% \u2192 40% \u2192 50%"));
    // The current position in the schedule is bold; nothing else is.
    const QString html = htmlOf(view, "canaryProgress");
    QVERIFY2(html.contains(QStringLiteral("<b>30%</b>")), qPrintable(html));
    QCOMPARE(html.count(QStringLiteral("<b>")), 1);
    QCOMPARE(header->failedChecksText(), QStringLiteral("Failed checks: 1 of 5"));
    QCOMPARE(header->failedChecksColour(), ThemeColours::foreground(DetailStyle::failedColour()));
    // lastTransitionTime 09:12:30Z, shown at 09:15.
    QVERIFY2(
        header->transitionText().startsWith(QStringLiteral("Flagger phase Progressing since ")),
        qPrintable(header->transitionText()));
    QVERIFY2(header->transitionText().endsWith(QStringLiteral("(2m30s ago)")),
             qPrintable(header->transitionText()));
    QVERIFY2(header->conditionsText().startsWith(
                 QStringLiteral("Promoted: Unknown \u00b7 Progressing \u2014 New revision "
                                "detected, progressing canary analysis.")),
             qPrintable(header->conditionsText()));
    QCOMPARE(header->flagsText(), QString());
    QCOMPARE(header->staleText(), QString());
}

void TestFlaggerCanaryDetailView::waitingForPromotion()
{
    FlaggerCanary canary = decodedCanary(QStringLiteral("flagger-canary-stepweight.json"));
    canary.status.phase = QStringLiteral("WaitingPromotion");
    canary.status.failedChecks = 0;
    canary.status.canaryWeight = 50;
    FlaggerCanaryDetailView view;
    view.setDetail(detailOf(canary), now());
    QCOMPARE(view.header()->statusText(),
             QStringLiteral("Paused \u2014 waiting for the confirm-promotion gate"));
    QVERIFY(htmlOf(view, "canaryProgress").contains(QStringLiteral("<b>50%</b>")));
    QCOMPARE(view.header()->failedChecksText(), QStringLiteral("Failed checks: 0 of 5"));
    // No failed check: the palette's text colour, not red.
    QCOMPARE(view.header()->failedChecksColour(),
             view.header()->palette().color(QPalette::WindowText));
    QVERIFY(view.header()->failedChecksColour()
            != ThemeColours::foreground(DetailStyle::failedColour()));
}

void TestFlaggerCanaryDetailView::failedAfterTheThreshold()
{
    // Flagger's rollback writes Failed with the weight and the failed checks reset to 0.
    FlaggerCanary canary = decodedCanary(QStringLiteral("flagger-canary-stepweight.json"));
    canary.status.phase = QStringLiteral("Failed");
    canary.status.failedChecks = 0;
    canary.status.canaryWeight = 0;
    FlaggerCanaryDetailView view;
    view.setDetail(detailOf(canary), now());
    QCOMPARE(view.header()->statusText(), QStringLiteral("Degraded \u2014 Rolled back"));
    QCOMPARE(view.header()->failedChecksText(),
             QStringLiteral("Failed checks: reset by the rollback (threshold 5)"));
    QCOMPARE(view.header()->failedChecksColour(),
             ThemeColours::foreground(DetailStyle::failedColour()));
    // Weight 0 is no position in the schedule.
    QVERIFY(!htmlOf(view, "canaryProgress").contains(QStringLiteral("<b>")));
    QVERIFY(
        view.header()->progressText().startsWith(QStringLiteral("Canary weight 0% of 50% max")));

    // A status written with the count kept says how many.
    canary.status.failedChecks = 5;
    view.setDetail(detailOf(canary), now());
    QCOMPARE(view.header()->statusText(),
             QStringLiteral("Degraded \u2014 Rolled back after 5 failed checks"));
    QCOMPARE(view.header()->failedChecksText(), QStringLiteral("Failed checks: 5 of 5"));
    QCOMPARE(view.header()->failedChecksColour(),
             ThemeColours::foreground(DetailStyle::failedColour()));
}

void TestFlaggerCanaryDetailView::suspended()
{
    FlaggerCanary canary = decodedCanary(QStringLiteral("flagger-canary-stepweight.json"));
    canary.spec.suspend = true;
    canary.spec.skipAnalysis = true;
    FlaggerCanaryDetailView view;
    view.setDetail(detailOf(canary), now());
    QCOMPARE(view.header()->statusText(), QStringLiteral("Paused \u2014 suspended"));
    QCOMPARE(view.header()->flagsText(),
             QStringLiteral("Suspended: Flagger does not reconcile this canary (spec.suspend)\n"
                            "Analysis skipped: a new revision is promoted without checks "
                            "(spec.skipAnalysis)"));
    QVERIFY(htmlOf(view, "canaryFlags")
                .contains(ThemeColours::foreground(DetailStyle::warningColour()).name()));
}

void TestFlaggerCanaryDetailView::longScheduleShortened()
{
    FlaggerCanary canary = decodedCanary(QStringLiteral("flagger-canary-stepweight.json"));
    canary.spec.analysis->stepWeight = 1;
    canary.spec.analysis->maxWeight = 100;
    canary.status.canaryWeight = 50;
    FlaggerCanaryDetailView view;
    view.setDetail(detailOf(canary), now());
    QCOMPARE(view.header()->progressText(),
             QStringLiteral("Canary weight 50% of 100% max \u00b7 weights 1% \u2192 \u2026 "
                            "\u2192 49% \u2192 50% \u2192 51% \u2192 \u2026 \u2192 100%"));
    QVERIFY(htmlOf(view, "canaryProgress").contains(QStringLiteral("<b>50%</b>")));
}

void TestFlaggerCanaryDetailView::blueGreenIteration()
{
    FlaggerCanaryDetailView view;
    view.setDetail(detailOf(decodedCanary(QStringLiteral("flagger-canary-bluegreen.json"))), now());
    QCOMPARE(view.header()->titleText(), QStringLiteral("payments / billing"));
    QVERIFY2(view.header()->contextText().startsWith(QStringLiteral("Blue-green (Flagger)")),
             qPrintable(view.header()->contextText()));
    QCOMPARE(view.header()->progressText(), QStringLiteral("Iteration 3 of 10"));
    QCOMPARE(view.header()->failedChecksText(), QStringLiteral("Failed checks: 0 of 2"));
    QCOMPARE(view.header()->statusText(),
             QStringLiteral("Progressing \u2014 Iteration 3 of 10 \u00b7 0 of 2 failed checks"));
    const FlaggerAnalysisModel *model = view.analysisModel();
    QCOMPARE(analysisValue(model, QStringLiteral("Traffic")),
             FlaggerAnalysisText::weights(view.detail().canary));
    QVERIFY(analysisValue(model, QStringLiteral("Traffic")).startsWith(QStringLiteral("10 ")));
    QCOMPARE(analysisValue(model, QStringLiteral("On deletion")),
             QStringLiteral("The target is reverted (revertOnDeletion)"));
}

void TestFlaggerCanaryDetailView::analysisSpec()
{
    const FlaggerCanaryDetail detail = progressing();
    const FlaggerAnalysis &analysis = *detail.canary.spec.analysis;
    FlaggerCanaryDetailView view;
    view.setDetail(detail, now());
    const FlaggerAnalysisModel *model = view.analysisModel();
    // The sentences are FlaggerAnalysisText's (tested with it); here, that each is shown.
    QCOMPARE(analysisValue(model, QStringLiteral("Interval")),
             FlaggerAnalysisText::interval(analysis));
    QCOMPARE(analysisValue(model, QStringLiteral("Threshold")),
             QStringLiteral("Rolls back after 5 failed checks"));
    QCOMPARE(analysisValue(model, QStringLiteral("Traffic")),
             FlaggerAnalysisText::weights(detail.canary));
    QCOMPARE(model->indexOfKey(QStringLiteral("traffic"))
                 .siblingAtColumn(FlaggerAnalysisModel::Value)
                 .data(Qt::ToolTipRole)
                 .toString(),
             QStringLiteral("Canary weights: 10% \u2192 20% \u2192 30% \u2192 40% \u2192 50%"));
    QCOMPARE(analysisValue(model, QStringLiteral("Ready thresholds")),
             QStringLiteral("primary 90% \u00b7 canary 100%"));
    QCOMPARE(analysisValue(model, QStringLiteral("Provider")), QStringLiteral("istio"));
    QCOMPARE(analysisValue(model, QStringLiteral("Service")),
             QStringLiteral("podinfo:9898 (http)"));
    QCOMPARE(analysisValue(model, QStringLiteral("Autoscaler")),
             QStringLiteral("HorizontalPodAutoscaler podinfo"));

    const QModelIndex metrics = model->indexOfKey(QStringLiteral("metrics"));
    QCOMPARE(metrics.data().toString(), QStringLiteral("Metrics (3)"));
    QCOMPARE(model->rowCount(metrics), 3);
    for (int row = 0; row < 3; ++row) {
        const QModelIndex metric = model->index(row, FlaggerAnalysisModel::Item, metrics);
        QCOMPARE(metric.data().toString(),
                 FlaggerAnalysisText::metric(analysis.metrics.at(row), QStringLiteral("test")));
        QVERIFY(metric.data(DetailRoles::FirstColumnSpannedRole).toBool());
    }
    QVERIFY(model->index(2, 0, metrics)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("quantile = 0.99")));

    // Webhooks in the order Flagger calls them, each with its URL.
    const QModelIndex webhooks = model->indexOfKey(QStringLiteral("webhooks"));
    QStringList names;
    for (int row = 0; row < model->rowCount(webhooks); ++row)
        names << model->index(row, FlaggerAnalysisModel::Item, webhooks).data().toString();
    QCOMPARE(
        names,
        QStringList({"start-gate", "acceptance-test", "load-test", "promotion-gate", "rollback"}));
    const QString acceptance
        = model->index(1, FlaggerAnalysisModel::Value, webhooks).data().toString();
    QVERIFY2(acceptance.contains(QStringLiteral("http://flagger-loadtester.test/")),
             qPrintable(acceptance));
    QVERIFY2(acceptance.endsWith(QStringLiteral(" \u00b7 timeout 30s \u00b7 metadata: cmd, type")),
             qPrintable(acceptance));
    QVERIFY(model->index(0, FlaggerAnalysisModel::Value, webhooks)
                .data()
                .toString()
                .contains(QStringLiteral("http://flagger-loadtester.test/gate/check")));
    QVERIFY(model->index(4, FlaggerAnalysisModel::Value, webhooks)
                .data()
                .toString()
                .contains(QStringLiteral("alerts muted")));
    const QModelIndex alerts = model->indexOfKey(QStringLiteral("alerts"));
    QCOMPARE(model->rowCount(alerts), 2);
    QCOMPARE(view.tabs()->tabText(1), QStringLiteral("Analysis (3 metrics)"));
}

void TestFlaggerCanaryDetailView::webhookMetadataValuesNeverShown()
{
    FlaggerCanaryDetailView view;
    view.setDetail(progressing(), now());
    QStringList shown = modelTexts(view.analysisModel());
    for (const QLabel *label : view.findChildren<QLabel *>())
        shown << label->text() << label->toolTip();
    const QString all = shown.join(QLatin1Char('\n'));
    // The fixture's metadata: {type: bash, cmd: "curl -sd 'test' ... | grep token"} and
    // {cmd: "hey -z 1m ..."}.
    for (const char *value : {"bash", "curl -sd", "grep token", "hey -z", "podinfo-canary"})
        QVERIFY2(!all.contains(QLatin1String(value)), value);
    QVERIFY(all.contains(QStringLiteral("metadata: cmd, type")));
}

void TestFlaggerCanaryDetailView::deploymentsAndEvents()
{
    FlaggerCanaryDetailView view;
    view.setDetail(progressing(), now());
    QCOMPARE(view.primarySection()->headingText(),
             QStringLiteral("Primary podinfo-primary \u2014 Healthy"));
    QCOMPARE(view.canarySection()->headingText(), QStringLiteral("Canary podinfo \u2014 Healthy"));
    QCOMPARE(view.primarySection()->summaryText(),
             QStringLiteral("3 desired \u00b7 3 ready \u00b7 3 available \u00b7 Images: "
                            "ghcr.io/stefanprodan/podinfo:6.0.0"));
    const ReplicaSetModel *primary = view.primarySection()->tree()->replicaSetModel();
    QCOMPARE(primary->rowCount(), 1);
    QCOMPARE(primary->index(0, ReplicaSetModel::Name).data().toString(),
             QStringLiteral("podinfo-primary-7d8c9b6f5"));
    QCOMPARE(primary->rowCount(primary->index(0, 0)), 3);
    // The newest ReplicaSet opens, as in the Deployment detail.
    ReplicaSetTree *tree = view.canarySection()->tree();
    QVERIFY(tree->isExpanded(tree->indexOfReplicaSet(QStringLiteral("podinfo-5b9d4f7c8"))));
    QVERIFY(tree->isColumnHidden(ReplicaSetModel::Role));
    QCOMPARE(view.tabs()->tabText(0), QStringLiteral("Primary and canary (4 pods)"));
    QCOMPARE(view.eventsView()->eventsModel()->rowCount(), 1);
    QCOMPARE(view.tabs()->tabText(2), QStringLiteral("Events (1, 1 warning)"));
}

void TestFlaggerCanaryDetailView::missingPrimaryAndStale()
{
    FlaggerCanaryDetail detail = progressing();
    detail.canary.status.phase = QStringLiteral("Initializing");
    detail.primary = DeploymentDetail();
    detail.staleSince = now().addSecs(-120);
    detail.staleReason = QStringLiteral("connection refused");
    detail.notices = {QStringLiteral("Events are not shown: listing events is forbidden.")};
    FlaggerCanaryDetailView view;
    view.setDetail(detail, now());
    QCOMPARE(view.primarySection()->summaryText(),
             QStringLiteral("Not made yet: Flagger creates it while initializing the canary"));
    QCOMPARE(view.primarySection()->tree()->replicaSetModel()->rowCount(), 0);
    QVERIFY2(view.header()->staleText().startsWith(QStringLiteral("Stale since ")),
             qPrintable(view.header()->staleText()));
    QVERIFY(view.header()->staleText().endsWith(QStringLiteral("\nconnection refused")));
    QCOMPARE(view.header()->noticesText(), detail.notices.constFirst());
}

void TestFlaggerCanaryDetailView::updateKeepsTheSelectedPod()
{
    FlaggerCanaryDetailView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    FlaggerCanaryDetail detail = progressing();
    view.setDetail(detail, now());
    ReplicaSetTree *tree = view.primarySection()->tree();
    const QModelIndex rs = tree->indexOfReplicaSet(QStringLiteral("podinfo-primary-7d8c9b6f5"));
    const QModelIndex pod = tree->model()->index(1, 0, rs);
    const QString podKey = pod.data(DetailRoles::KeyRole).toString();
    tree->selectionModel()->setCurrentIndex(
        pod, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view.tabs()->setCurrentIndex(1);

    // Flagger moves to 40 %, a pod before the selected one goes away, the canary gets a pod.
    detail.canary.status.canaryWeight = 40;
    DeploymentDetail &primary = detail.primary;
    const QString rsUid = primary.replicaSets.constFirst().metadata.uid;
    primary.podsByReplicaSetUid[rsUid].removeFirst();
    DeploymentDetail &target = detail.target;
    const ReplicaSet &canaryRs = target.replicaSets.constFirst();
    target.podsByReplicaSetUid[canaryRs.metadata.uid].append(Build::pod(canaryRs, "w7v6u"));
    view.setDetail(detail, now().addSecs(60));

    const QModelIndex current = tree->selectionModel()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(DetailRoles::KeyRole).toString(), podKey);
    QCOMPARE(tree->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view.tabs()->currentIndex(), 1);
    QVERIFY(htmlOf(view, "canaryProgress").contains(QStringLiteral("<b>40%</b>")));

    // Another canary starts from the top.
    FlaggerCanaryDetail other
        = detailOf(decodedCanary(QStringLiteral("flagger-canary-bluegreen.json")));
    view.setDetail(other, now());
    QVERIFY(!view.primarySection()->tree()->selectionModel()->currentIndex().isValid());
}

QTEST_MAIN(TestFlaggerCanaryDetailView)
#include "tst_flaggercanarydetailview.moc"

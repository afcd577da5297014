// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail view on realistic rollouts decoded from tests/data/detail/: what the
// header, steps, ReplicaSets, analysis and events show; the pause countdown with an
// injected clock; the actions' states, confirmations, shortcuts and signals; and that
// refreshing with the same or a slightly changed detail keeps expansion, selection and
// scrolling.
#include "../support/modelrows.h"
#include "analysisrunsview.h"
#include "detailfixture.h"
#include "detailtreeview.h"
#include "replicasetpanel.h"
#include "replicasetsview.h"
#include "replicasettree.h"
#include "rolloutactionbar.h"
#include "rolloutdetailview.h"
#include "rollouteventsview.h"
#include "rolloutheader.h"
#include "rolloutstepsmodel.h"
#include "rolloutstepsview.h"
#include "undorevisiondialog.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

namespace {

const QColor red(0xc6, 0x28, 0x28);
const QColor amber(0xc2, 0x7c, 0x0e);

struct Parts
{
    RolloutHeader *header;
    RolloutStepsView *steps;
    ReplicaSetsView *replicaSets;
    AnalysisRunsView *analysis;
    RolloutEventsView *events;
    QTabWidget *tabs;
    QLabel *notices;
    QTimer *countdown;
};

Parts parts(const RolloutDetailView &view)
{
    return Parts {view.findChild<RolloutHeader *>(QStringLiteral("rolloutHeader")),
                  view.findChild<RolloutStepsView *>(QStringLiteral("stepsView")),
                  view.findChild<ReplicaSetsView *>(QStringLiteral("replicaSetsView")),
                  view.findChild<AnalysisRunsView *>(QStringLiteral("analysisTree")),
                  view.findChild<RolloutEventsView *>(QStringLiteral("eventsTree")),
                  view.findChild<QTabWidget *>(QStringLiteral("detailTabs")),
                  view.findChild<QLabel *>(QStringLiteral("notices")),
                  view.findChild<QTimer *>(QStringLiteral("countdownTimer"))};
}

// A view showing a fixture at the fixture's time; the clock is a variable the test moves.
struct Setup
{
    explicit Setup(const QString &fixtureName) : fixture(DetailFixture::load(fixtureName))
    {
        now = fixture.now;
        view.setClock([this] { return now; });
        view.resize(1280, 450);
        view.setDetail(fixture.detail);
    }

    DetailFixture fixture;
    QDateTime now;
    RolloutDetailView view;
};

RolloutActionStates allEnabled()
{
    RolloutActionStates states;
    for (RolloutAction action : allRolloutActions())
        states.insert(action, RolloutActionState {true, true, QString(), false});
    return states;
}

} // namespace

class TestRolloutDetailView : public QObject
{
    Q_OBJECT

private slots:
    void fixturesDecode_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"paused-canary.json", "aborted-canary.json", "bluegreen.json",
                                 "inconclusive-canary.json"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void fixturesDecode()
    {
        QFETCH(QString, name);
        const DetailFixture fixture = DetailFixture::load(name);
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        QVERIFY(fixture.detail.isValid());
    }

    void placeholderWithoutRollout()
    {
        RolloutDetailView view;
        auto *placeholder = view.findChild<QLabel *>(QStringLiteral("detailPlaceholder"));
        QVERIFY(placeholder);
        QVERIFY(placeholder->isVisibleTo(&view));
        QCOMPARE(placeholder->text(),
                 QStringLiteral("Select a rollout to see its steps, ReplicaSets and analysis"));
        view.setActionStates(allEnabled());
        // Nothing to act on yet, whatever the states say.
        QVERIFY(!view.action(RolloutAction::Pause)->isEnabled());

        Setup setup(QStringLiteral("paused-canary.json"));
        QVERIFY(!setup.view.findChild<QLabel *>(QStringLiteral("detailPlaceholder"))
                     ->isVisibleTo(&setup.view));
        setup.view.clear();
        QVERIFY(!setup.view.detail().isValid());
        QVERIFY(setup.view.findChild<QLabel *>(QStringLiteral("detailPlaceholder"))
                    ->isVisibleTo(&setup.view));
        QVERIFY(!parts(setup.view).countdown->isActive());
    }

    void pausedCanaryHeader()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        const Parts p = parts(setup.view);
        QCOMPARE(p.header->environmentText(), QStringLiteral("prod"));
        QCOMPARE(p.header->titleText(), QStringLiteral("shop-prod / search"));
        QCOMPARE(p.header->contextText(), QStringLiteral("Canary \u00b7 revision 7"));
        QCOMPARE(p.header->statusText(), QStringLiteral("Pause 5m \u2014 3m 12s left"));
        QCOMPARE(p.header->staleText(), QString());
        QCOMPARE(p.header->factsText(),
                 QStringLiteral("Step 5 of 8 \u00b7 Weight 20 % desired \u00b7 10 % actual \u00b7 "
                                "Pods: 10 desired, 12 current, 2 updated, 12 ready, 12 available"));
        QCOMPARE(p.header->imagesText(),
                 QStringLiteral("Images: envoyproxy/envoy:v1.29.1 (canary, stable) \u00b7 "
                                "registry.example.com/shop/search:1.10.0 (canary) \u00b7 "
                                "registry.example.com/shop/search:1.9.2 (stable)"));
        QCOMPARE(p.header->errorConditions(), QStringList());
        QVERIFY(!p.header->findChild<QLabel *>(QStringLiteral("errorConditions"))
                     ->isVisibleTo(&setup.view));
        QVERIFY(!p.notices->isVisibleTo(&setup.view));
        // The status is coloured as in the fleet table.
        QVERIFY(p.header->findChild<QLabel *>(QStringLiteral("headerStatus"))
                    ->text()
                    .contains(QStringLiteral("color:#c27c0e")));
    }

    void pausedCanarySteps()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        const RolloutStepsView *steps = parts(setup.view).steps;
        QCOMPARE(steps->title(), QStringLiteral("Steps \u00b7 5 of 8"));
        QCOMPARE(
            columnTexts(steps->tree(), RolloutStepsModel::Text),
            QStringList(
                {QStringLiteral("Set weight 10 %"), QStringLiteral("Pause 2m"),
                 QStringLiteral("Analysis: error-rate, latency"), QStringLiteral("Set weight 20 %"),
                 QStringLiteral("Pause 5m \u2014 3m 12s left"), QStringLiteral("Set weight 50 %"),
                 QStringLiteral("Pause until promoted"), QStringLiteral("Set weight 100 %"),
                 QStringLiteral("Background analysis: error-rate, from step 3 "
                                "\u2014 Running"),
                 QStringLiteral("Traffic routing: istio")}));
        QCOMPARE(columnTexts(steps->tree(), RolloutStepsModel::Marker).mid(0, 8),
                 QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                              QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"),
                              QStringLiteral("7"), QStringLiteral("8")}));
        QStringList states;
        for (int i = 0; i < 8; ++i)
            states.append(rowAt(steps->tree(), i).data(RolloutStepsModel::StateRole).toString());
        QCOMPARE(states,
                 QStringList({QStringLiteral("done"), QStringLiteral("done"),
                              QStringLiteral("done"), QStringLiteral("done"),
                              QStringLiteral("current"), QStringLiteral("pending"),
                              QStringLiteral("pending"), QStringLiteral("pending")}));
        const QModelIndex current = steps->currentStepIndex();
        QCOMPARE(current, rowAt(steps->tree(), 4));
        QVERIFY(isBold(current, RolloutStepsModel::Text));
        QVERIFY(!current.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(current.data(Qt::AccessibleTextRole).toString(), QStringLiteral("current step"));
        // Completed steps are greyed, the coming ones are not.
        const QColor grey = steps->palette().color(QPalette::Disabled, QPalette::Text);
        QCOMPARE(foreground(rowAt(steps->tree(), 0), RolloutStepsModel::Text), grey);
        QVERIFY(!rowAt(steps->tree(), 5).siblingAtColumn(1).data(Qt::ForegroundRole).isValid());
        // The plugin's own label is in the tooltip.
        QCOMPARE(
            rowAt(steps->tree(), 4).siblingAtColumn(RolloutStepsModel::Text).data(Qt::ToolTipRole),
            QStringLiteral("Pause 5m \u2014 3m 12s left\npause: 5m"));
    }

    void countdownFollowsTheClock()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        const Parts p = parts(setup.view);
        QVERIFY(p.countdown->isActive());
        QCOMPARE(p.countdown->interval(), 1000);
        setup.now = setup.now.addSecs(5);
        // The timer, not another setDetail, moves the text.
        QTRY_COMPARE(text(p.steps->currentStepIndex(), RolloutStepsModel::Text),
                     QStringLiteral("Pause 5m \u2014 3m 07s left"));
        QCOMPARE(p.header->statusText(), QStringLiteral("Pause 5m \u2014 3m 07s left"));
        // Once the pause has run out the controller moves on; until then the view says so and
        // the timer stops.
        setup.now = QDateTime::fromString(QStringLiteral("2024-05-02T10:23:12Z"), Qt::ISODate);
        QTRY_COMPARE(text(p.steps->currentStepIndex(), RolloutStepsModel::Text),
                     QStringLiteral("Pause 5m \u2014 resuming\u2026"));
        QTRY_VERIFY(!p.countdown->isActive());
        // No timer for a rollout that is not in a timed pause.
        Setup aborted(QStringLiteral("aborted-canary.json"));
        QVERIFY(!parts(aborted.view).countdown->isActive());
        Setup inconclusive(QStringLiteral("inconclusive-canary.json"));
        QVERIFY(!parts(inconclusive.view).countdown->isActive());
        // Selecting the paused rollout again restarts it.
        aborted.view.setDetail(setup.fixture.detail);
        aborted.now = setup.fixture.now;
        aborted.view.setDetail(setup.fixture.detail);
        QVERIFY(parts(aborted.view).countdown->isActive());
    }

    void canaryReplicaSets()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        const Parts p = parts(setup.view);
        QVERIFY(!p.replicaSets->isBlueGreenLayout());
        const ReplicaSetTree *tree = p.replicaSets->tree();
        QCOMPARE(tree->model()->rowCount(), 4);
        QCOMPARE(rowTexts(rowAt(tree, 0)),
                 QStringList({QStringLiteral("search-7f9c6d5b8"), QStringLiteral("7"),
                              QStringLiteral("canary"), QStringLiteral("Healthy"),
                              QStringLiteral("2/2"), QStringLiteral("1"), QStringLiteral("15m"),
                              QStringLiteral("search:1.10.0, envoy:v1.29.1"), QString()}));
        QCOMPARE(
            rowTexts(rowAt(tree, 1)),
            QStringList({QStringLiteral("search-5d4c3b2a1"), QStringLiteral("6"), QString(),
                         QStringLiteral("Scaled down"), QStringLiteral("0/0"), QString(),
                         QStringLiteral("19h"), QStringLiteral("search:1.10.0-rc1, envoy:v1.29.1"),
                         QStringLiteral("passed")}));
        // The full image names are in the tooltip.
        QCOMPARE(rowAt(tree, 1).siblingAtColumn(ReplicaSetModel::Images).data(Qt::ToolTipRole),
                 QStringLiteral(
                     "registry.example.com/shop/search:1.10.0-rc1\nenvoyproxy/envoy:v1.29.1"));
        QCOMPARE(rowTexts(rowAt(tree, 2)).mid(0, 6),
                 QStringList({QStringLiteral("search-6b8d9c7f4"), QStringLiteral("5"),
                              QStringLiteral("stable"), QStringLiteral("Healthy"),
                              QStringLiteral("10/10"), QString()}));
        QCOMPARE(text(rowAt(tree, 3), ReplicaSetModel::Revision), QStringLiteral("4"));
        // The canary starts expanded with its pods; the stable one does not.
        QVERIFY(tree->isExpanded(rowAt(tree, 0)));
        QVERIFY(!tree->isExpanded(rowAt(tree, 2)));
        QCOMPARE(tree->model()->rowCount(rowAt(tree, 2)), 10);
        // Pods by name.
        QCOMPARE(text(rowAt(tree, 0, rowAt(tree, 0)), ReplicaSetModel::Name),
                 QStringLiteral("search-7f9c6d5b8-m4q9z"));
        const QModelIndex pod = rowAt(tree, 1, rowAt(tree, 0));
        QCOMPARE(text(pod, ReplicaSetModel::Name), QStringLiteral("search-7f9c6d5b8-x7k2p"));
        QCOMPARE(text(pod, ReplicaSetModel::Status), QStringLiteral("Running"));
        QCOMPARE(text(pod, ReplicaSetModel::Ready), QStringLiteral("2/2"));
        QCOMPARE(text(pod, ReplicaSetModel::Restarts), QStringLiteral("1"));
        QCOMPARE(text(pod, ReplicaSetModel::Age), QStringLiteral("14m"));
        QCOMPARE(foreground(pod, ReplicaSetModel::Restarts), amber);
        QCOMPARE(p.tabs->tabText(0), QStringLiteral("ReplicaSets (4)"));
    }

    void analysisRuns()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        const Parts p = parts(setup.view);
        const AnalysisRunsView *tree = p.analysis;
        using M = AnalysisRunsModel;
        QCOMPARE(columnTexts(tree, M::Name),
                 QStringList({QStringLiteral("search-7f9c6d5b8-7-bg"),
                              QStringLiteral("search-7f9c6d5b8-7-2"),
                              QStringLiteral("search-5d4c3b2a1-6-2")}));
        const QModelIndex background = rowAt(tree, 0);
        QCOMPARE(rowTexts(background),
                 QStringList({QStringLiteral("search-7f9c6d5b8-7-bg"), QStringLiteral("Running"),
                              QStringLiteral("2 metrics: 1 running, 1 failed, 1 dry run"),
                              QString(), QStringLiteral("5m30s ago")}));
        QVERIFY(tree->isExpanded(background));
        QVERIFY(!tree->indexOfMessage(background).isValid());
        const QModelIndex errorRate = tree->indexOfMetric(background, QStringLiteral("error-rate"));
        QVERIFY(errorRate.isValid());
        QCOMPARE(rowTexts(errorRate),
                 QStringList({QStringLiteral("error-rate"), QStringLiteral("Running"),
                              QStringLiteral("4 successful, 1 failed"),
                              QStringLiteral("0.021, 0.008, 0.005"), QStringLiteral("59s ago")}));
        QVERIFY(!tree->isExpanded(errorRate));
        QVERIFY(!errorRate.data(Qt::ForegroundRole).isValid());
        QCOMPARE(tree->model()->rowCount(errorRate), M::shownMeasurements);
        const QModelIndex latency = tree->indexOfMetric(background, QStringLiteral("latency-p99"));
        QCOMPARE(rowTexts(latency),
                 QStringList({QStringLiteral("latency-p99 (dry run)"), QStringLiteral("Failed"),
                              QStringLiteral("3 failed"), QStringLiteral("812.5, 845.1, 903.7"),
                              QStringLiteral("59s ago")}));
        QCOMPARE(foreground(latency, M::Name), red);
        QCOMPARE(foreground(latency, M::Phase), red);
        // Why it failed, in a row of its own across the columns.
        const QModelIndex why = tree->indexOfMessage(latency);
        QVERIFY(why.isValid());
        QCOMPARE(why.row(), 0);
        QCOMPARE(text(why, 0), QStringLiteral("failed (3) > failureLimit (2)"));
        QVERIFY(tree->isFirstColumnSpanned(why.row(), latency));
        QCOMPARE(foreground(why, 0), red);
        // A failed metric starts open on its latest measurements, newest first.
        QVERIFY(tree->isExpanded(latency));
        QCOMPARE(tree->model()->rowCount(latency), 4);
        QCOMPARE(rowTexts(rowAt(tree, 1, latency)),
                 QStringList({QStringLiteral("Measurement 3"), QStringLiteral("Failed"), QString(),
                              QStringLiteral("903.7"), QStringLiteral("59s ago")}));
        QCOMPARE(foreground(rowAt(tree, 1, latency), M::Values), red);
        QCOMPARE(text(rowAt(tree, 3, latency), M::Name), QStringLiteral("Measurement 1"));

        const QModelIndex successful = rowAt(tree, 1);
        QCOMPARE(text(successful, M::Summary), QStringLiteral("2 metrics: 2 successful"));
        QVERIFY(!tree->isExpanded(successful));

        // An old revision's failed run: red, its message explains the metric.
        const QModelIndex failed = rowAt(tree, 2);
        QCOMPARE(text(failed, M::Phase), QStringLiteral("Failed"));
        QCOMPARE(foreground(failed, M::Phase), red);
        const QModelIndex runMessage = tree->indexOfMessage(failed);
        QCOMPARE(text(runMessage, 0),
                 QStringLiteral("Metric \"error-rate\" assessed Failed due to failed (1) > "
                                "failureLimit (0)"));
        QCOMPARE(foreground(runMessage, 0), red);
        // The metric has nothing to add to the run's message: no second copy.
        const QModelIndex failedMetric = tree->indexOfMetric(failed, QStringLiteral("error-rate"));
        QVERIFY(!tree->indexOfMessage(failedMetric).isValid());
        QCOMPARE(tree->model()->rowCount(failedMetric), 1);
        QCOMPARE(p.tabs->tabText(1), QStringLiteral("Analysis (3)"));
        // The current revision's analysis is still running: that is what the tab shows.
        QCOMPARE(p.tabs->tabToolTip(1), QStringLiteral("Current revision's analysis: Running"));
    }

    void events()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        const Parts p = parts(setup.view);
        const RolloutEventsView *tree = p.events;
        using M = RolloutEventsModel;
        QCOMPARE(tree->model()->rowCount(), 7);
        QCOMPARE(
            columnTexts(tree, M::Reason),
            QStringList({QStringLiteral("RolloutPaused"), QStringLiteral("RolloutStepCompleted"),
                         QStringLiteral("BackOff"), QStringLiteral("AnalysisRunSuccessful"),
                         QStringLiteral("AnalysisRunRunning"), QStringLiteral("SuccessfulCreate"),
                         QStringLiteral("RolloutUpdated")}));
        QCOMPARE(rowTexts(rowAt(tree, 2)),
                 QStringList({QStringLiteral("8m58s ago"), QStringLiteral("Warning"),
                              QStringLiteral("BackOff"), QStringLiteral("Pod 7f9c6d5b8-x7k2p"),
                              QStringLiteral("Back-off restarting failed container search in pod "
                                             "search-7f9c6d5b8-x7k2p_shop-prod"),
                              QStringLiteral("\u00d73")}));
        QCOMPARE(foreground(rowAt(tree, 2), M::Type), red);
        QVERIFY(isBold(rowAt(tree, 2), M::Type));
        QVERIFY(rowAt(tree, 2).siblingAtColumn(M::Message).data(Qt::BackgroundRole).isValid());
        // The rollout's own name is not repeated on every row; the tooltip has it all.
        QCOMPARE(rowAt(tree, 2).siblingAtColumn(M::Object).data(Qt::ToolTipRole),
                 QStringLiteral("Pod/search-7f9c6d5b8-x7k2p"));
        QCOMPARE(text(rowAt(tree, 0), M::Object), QStringLiteral("this rollout"));
        QVERIFY(tree->wordWrap());
        QCOMPARE(text(rowAt(tree, 0), M::Type), QStringLiteral("Normal"));
        QVERIFY(!rowAt(tree, 0).siblingAtColumn(M::Message).data(Qt::BackgroundRole).isValid());
        QCOMPARE(p.tabs->tabText(2), QStringLiteral("Events (7, 1 warning)"));
    }

    void abortedCanary()
    {
        Setup setup(QStringLiteral("aborted-canary.json"));
        const Parts p = parts(setup.view);
        const QString message = QStringLiteral(
            "Metric \"success-rate\" assessed Failed due to failed (3) > failureLimit (2)");
        // The weights the cluster shows, not the wish: traffic is back on stable.
        QCOMPARE(p.header->statusText(),
                 QStringLiteral("Aborted \u2014 all traffic on the stable version"));
        QCOMPARE(p.header->factsText(),
                 QStringLiteral("Weight 0 % desired \u00b7 0 % actual \u00b7 Pods: 5 "
                                "desired, 5 current, 0 updated, 5 ready, 5 available"));
        // The reason of the abort stands out above everything else.
        const QStringList errors = p.header->errorConditions();
        QCOMPARE(errors.size(), 2);
        const QDateTime abortedAt
            = QDateTime::fromString(QStringLiteral("2024-05-03T14:12:45Z"), Qt::ISODate);
        QCOMPARE(
            errors.at(0),
            QStringLiteral("Aborted 7m15s ago (%1).")
                .arg(abortedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))));
        QCOMPARE(errors.at(1), message);
        auto *errorBox = p.header->findChild<QLabel *>(QStringLiteral("errorConditions"));
        QVERIFY(errorBox->isVisibleTo(&setup.view));
        QCOMPARE(errorBox->text(), errors.join(QLatin1Char('\n')));
        QVERIFY(errorBox->textInteractionFlags() & Qt::TextSelectableByMouse);

        // The controller reset the index to 0: without having seen the step the abort
        // happened at, the list claims none (issue 9: it said "Set weight 20 % — aborted").
        QVERIFY(!p.steps->currentStepIndex().isValid());
        QCOMPARE(text(rowAt(p.steps->tree(), 0), RolloutStepsModel::Text),
                 QStringLiteral("Aborted before this window was watching: the step is not known"));
        QCOMPARE(foreground(rowAt(p.steps->tree(), 0), RolloutStepsModel::Text), red);
        // Seen at step 3 (0-based 2): that step is marked, the ones before it done.
        RolloutDetail seen = setup.fixture.detail;
        seen.observations.abortedAtStep = 2;
        setup.view.setDetail(seen);
        const QModelIndex current = p.steps->currentStepIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.row(), 2);
        QVERIFY(
            text(current, RolloutStepsModel::Text).endsWith(QStringLiteral("\u2014 aborted here")));
        QCOMPARE(foreground(current, RolloutStepsModel::Text), red);
        QCOMPARE(rowAt(p.steps->tree(), 0).data(RolloutStepsModel::StateRole),
                 QVariant(QStringLiteral("done")));

        const QModelIndex run = rowAt(p.analysis, 0);
        QCOMPARE(text(p.analysis->indexOfMessage(run), 0), message);
        const QModelIndex metric = p.analysis->indexOfMetric(run, QStringLiteral("success-rate"));
        QCOMPARE(rowTexts(metric),
                 QStringList({QStringLiteral("success-rate"), QStringLiteral("Failed"),
                              QStringLiteral("2 successful, 3 failed"),
                              QStringLiteral("0.71, 0.68, 0.64"), QStringLiteral("7m59s ago")}));
        QCOMPARE(foreground(metric, AnalysisRunsModel::Phase), red);
        QCOMPARE(p.tabs->tabToolTip(1), QStringLiteral("Current revision's analysis: Failed"));
        QCOMPARE(p.tabs->tabText(2), QStringLiteral("Events (3, 2 warnings)"));
        QCOMPARE(text(rowAt(p.replicaSets->tree(), 0), ReplicaSetModel::ScaleDown),
                 QStringLiteral("passed"));

        QVERIFY(p.notices->isVisibleTo(&setup.view));
        QCOMPARE(p.notices->text(),
                 QStringLiteral("Pod logs are not shown: reading pods/log in namespace shop-prod "
                                "is forbidden."));
    }

    void blueGreen()
    {
        Setup setup(QStringLiteral("bluegreen.json"));
        const Parts p = parts(setup.view);
        QCOMPARE(p.header->contextText(), QStringLiteral("Blue-green \u00b7 revision 4"));
        QCOMPARE(p.header->statusText(),
                 QStringLiteral("Waiting for promotion \u2014 automatic in 3m 30s"));
        QCOMPARE(p.header->factsText(),
                 QStringLiteral("Pods: 3 desired, 5 current, 2 updated, 5 ready, 5 available"));
        QVERIFY(p.countdown->isActive());

        QCOMPARE(p.steps->title(), QStringLiteral("Blue-green promotion"));
        QCOMPARE(
            columnTexts(p.steps->tree(), RolloutStepsModel::Text),
            QStringList({QStringLiteral("Auto-promotion after 5m \u2014 3m 30s left"),
                         QStringLiteral("Pre-promotion analysis: smoke-test \u2014 Successful"),
                         QStringLiteral("Post-promotion analysis: error-rate, latency"),
                         QStringLiteral("Preview replicas: 2"),
                         QStringLiteral("Scale-down delay: 30s"),
                         QStringLiteral("Services: catalog-active (active), catalog-preview "
                                        "(preview)")}));
        QCOMPARE(p.steps->currentStepIndex(), rowAt(p.steps->tree(), 0));

        // Active and preview side by side, older revisions below.
        QVERIFY(p.replicaSets->isBlueGreenLayout());
        const ReplicaSetPanel *active = p.replicaSets->activePanel();
        const ReplicaSetPanel *preview = p.replicaSets->previewPanel();
        QCOMPARE(active->title(),
                 QStringLiteral("Active \u00b7 revision 3 \u00b7 catalog-4a3b2c1d0"));
        QCOMPARE(active->summary(),
                 QStringLiteral("Healthy \u00b7 3/3 ready \u00b7 "
                                "registry.example.com/shop/catalog:4.1.3"));
        QCOMPARE(columnTexts(active->podTree(), 0),
                 QStringList({QStringLiteral("catalog-4a3b2c1d0-b2c8d"),
                              QStringLiteral("catalog-4a3b2c1d0-h3j4k"),
                              QStringLiteral("catalog-4a3b2c1d0-r5t6y")}));
        QCOMPARE(preview->title(),
                 QStringLiteral("Preview \u00b7 revision 4 \u00b7 catalog-8e7d6c5b4"));
        QCOMPARE(active->geometry().top(), preview->geometry().top());
        QVERIFY(active->geometry().right() < preview->geometry().left());
        QCOMPARE(preview->podTree()->model()->rowCount(), 2);
        QCOMPARE(
            rowTexts(rowAt(preview->podTree(), 0)),
            QStringList({QStringLiteral("catalog-8e7d6c5b4-m4q9z"), QStringLiteral("Running"),
                         QStringLiteral("1/1"), QStringLiteral("0"), QStringLiteral("6m25s")}));
        QCOMPARE(rowAt(preview->podTree(), 0).data(Qt::ToolTipRole),
                 QStringLiteral("catalog-8e7d6c5b4-m4q9z\nNode: node-b\nIP: 10.244.1.11"));
        QCOMPARE(columnTexts(p.replicaSets->tree(), ReplicaSetModel::Revision),
                 QStringList({QStringLiteral("2")}));

        // Promoted: both services select the new ReplicaSet.
        RolloutDetail promoted = setup.fixture.detail;
        RolloutStatus &status = promoted.rollout.status;
        status.activeSelector = status.previewSelector;
        status.stableRS = status.currentPodHash;
        status.pauseConditions.clear();
        status.controllerPause = false;
        status.phase = QStringLiteral("Healthy");
        status.message.clear();
        setup.view.setDetail(promoted);
        QCOMPARE(p.header->statusText(), QStringLiteral("Healthy"));
        QCOMPARE(active->title(),
                 QStringLiteral("Active \u00b7 revision 4 \u00b7 catalog-8e7d6c5b4"));
        QCOMPARE(preview->summary(),
                 QStringLiteral("The preview service points at the active ReplicaSet too: nothing "
                                "new to preview."));
        QCOMPARE(text(rowAt(p.steps->tree(), 0), RolloutStepsModel::Text),
                 QStringLiteral("Auto-promotion after 5m"));
        QVERIFY(!p.countdown->isActive());
        QCOMPARE(columnTexts(p.replicaSets->tree(), ReplicaSetModel::Revision),
                 QStringList({QStringLiteral("3"), QStringLiteral("2")}));
    }

    void inconclusiveCanary()
    {
        Setup setup(QStringLiteral("inconclusive-canary.json"));
        const Parts p = parts(setup.view);
        QCOMPARE(p.header->statusText(),
                 QStringLiteral("Analysis inconclusive \u2014 promote or abort"));
        QCOMPARE(text(p.steps->currentStepIndex(), RolloutStepsModel::Text),
                 QStringLiteral("Analysis: load-test \u2014 analysis inconclusive: promote or "
                                "abort"));
        const QModelIndex run = rowAt(p.analysis, 0);
        QCOMPARE(text(run, AnalysisRunsModel::Phase), QStringLiteral("Inconclusive"));
        QCOMPARE(foreground(run, AnalysisRunsModel::Phase), amber);
        const QModelIndex why = p.analysis->indexOfMessage(run);
        QCOMPARE(text(why, 0),
                 QStringLiteral("Metric \"load-test\" assessed Inconclusive due to "
                                "inconclusive (2) > inconclusiveLimit (1)"));
        QCOMPARE(foreground(why, 0), amber);
        const QModelIndex metric = p.analysis->indexOfMetric(run, QStringLiteral("load-test"));
        QCOMPARE(rowTexts(metric),
                 QStringList({QStringLiteral("load-test"), QStringLiteral("Inconclusive"),
                              QStringLiteral("1 successful, 2 inconclusive"),
                              QStringLiteral("1, 0, 1"), QStringLiteral("2m9s ago")}));
        QCOMPARE(foreground(metric, AnalysisRunsModel::Name), amber);
        QVERIFY(p.analysis->isExpanded(metric));
        QCOMPARE(p.tabs->tabToolTip(1),
                 QStringLiteral("Current revision's analysis: Inconclusive"));
        QCOMPARE(p.header->errorConditions(), QStringList());
    }

    void actionStates()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        RolloutDetailView &view = setup.view;
        const QStringList names
            = {QStringLiteral("pause"),       QStringLiteral("resume"), QStringLiteral("promote"),
               QStringLiteral("promoteFull"), QStringLiteral("abort"),  QStringLiteral("retry"),
               QStringLiteral("restart"),     QStringLiteral("undo")};
        const QList<RolloutAction> actions = allRolloutActions();
        for (int i = 0; i < actions.size(); ++i) {
            QCOMPARE(view.action(actions.at(i))->objectName(),
                     names.at(i) + QStringLiteral("Action"));
            auto *button = view.findChild<QToolButton *>(names.at(i) + QStringLiteral("Button"));
            QVERIFY(button);
            QCOMPARE(button->defaultAction(), view.action(actions.at(i)));
        }
        QCOMPARE(view.action(RolloutAction::Undo)->text(), QStringLiteral("Undo\u2026"));

        RolloutActionStates states = allEnabled();
        states[RolloutAction::Resume]
            = {true, false, QStringLiteral("The rollout is not paused."), false};
        states[RolloutAction::Retry] = {true, false,
                                        QStringLiteral("You may not patch rollouts/status in "
                                                       "namespace shop-prod."),
                                        false};
        states[RolloutAction::Restart] = {false, false, QString(), false};
        states[RolloutAction::Promote] = {true, true, QString(), true};
        view.setActionStates(states);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.actionStates(), states);

        QAction *pause = view.action(RolloutAction::Pause);
        QVERIFY(pause->isEnabled());
        QCOMPARE(
            pause->toolTip(),
            QStringLiteral("Pause the rollout where it is until it is resumed. (")
                + QKeySequence(QStringLiteral("Ctrl+Shift+P")).toString(QKeySequence::NativeText)
                + QLatin1Char(')'));
        QAction *resume = view.action(RolloutAction::Resume);
        QVERIFY(!resume->isEnabled());
        QCOMPARE(resume->toolTip(), QStringLiteral("The rollout is not paused."));
        auto *resumeButton = view.findChild<QToolButton *>(QStringLiteral("resumeButton"));
        QVERIFY(!resumeButton->isEnabled());
        QCOMPARE(resumeButton->toolTip(), QStringLiteral("The rollout is not paused."));
        QCOMPARE(view.action(RolloutAction::Retry)->toolTip(),
                 QStringLiteral("You may not patch rollouts/status in namespace shop-prod."));
        // Hidden in read-only mode.
        QVERIFY(!view.action(RolloutAction::Restart)->isVisible());
        QVERIFY(!view.findChild<QToolButton *>(QStringLiteral("restartButton"))->isVisible());
        QVERIFY(view.findChild<QToolButton *>(QStringLiteral("pauseButton"))->isVisible());
        // Pending: the progress text on the button, and no second click.
        QAction *promote = view.action(RolloutAction::Promote);
        QVERIFY(!promote->isEnabled());
        QCOMPARE(promote->text(), QStringLiteral("Promoting\u2026"));
        QCOMPARE(view.findChild<QToolButton *>(QStringLiteral("promoteButton"))->text(),
                 QStringLiteral("Promoting\u2026"));

        // The watch confirmed it: back to normal.
        states[RolloutAction::Promote].pending = false;
        states[RolloutAction::Restart].visible = true;
        view.setActionStates(states);
        QVERIFY(promote->isEnabled());
        QCOMPARE(promote->text(), QStringLiteral("Promote"));
        QVERIFY(view.findChild<QToolButton *>(QStringLiteral("restartButton"))->isVisible());
    }

    void actionMessage()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        auto *label = setup.view.findChild<QLabel *>(QStringLiteral("actionMessage"));
        QVERIFY(!label->isVisibleTo(&setup.view));
        setup.view.setActionMessage(QStringLiteral("Pausing\u2026"), false);
        QCOMPARE(setup.view.actionMessage(), QStringLiteral("Pausing\u2026"));
        QVERIFY(label->isVisibleTo(&setup.view));
        QVERIFY(label->palette().color(QPalette::WindowText) != red);
        const QString error = QStringLiteral(
            "Abort failed: rollouts.argoproj.io \"search\" is forbidden: User \"dev\" cannot patch "
            "resource \"rollouts/status\" in namespace \"shop-prod\"");
        setup.view.setActionMessage(error, true);
        QCOMPARE(label->text(), error);
        QCOMPARE(label->palette().color(QPalette::WindowText), red);
        QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
        setup.view.setActionMessage(QString(), false);
        QVERIFY(!label->isVisibleTo(&setup.view));
    }

    void abortAsksFirst()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        setup.view.setActionStates(allEnabled());
        QSignalSpy requested(&setup.view, &RolloutDetailView::actionRequested);
        QList<RolloutAction> asked;
        bool answer = false;
        setup.view.setConfirmFunction([&](RolloutAction action, qint64 *) {
            asked.append(action);
            return answer;
        });
        setup.view.action(RolloutAction::Abort)->trigger();
        QCOMPARE(asked, QList<RolloutAction>({RolloutAction::Abort}));
        QCOMPARE(requested.count(), 0);
        answer = true;
        setup.view.action(RolloutAction::Abort)->trigger();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<RolloutAction>(), RolloutAction::Abort);
        QCOMPARE(requested.at(0).at(1).toLongLong(), 0);
        // Promote full asks too; promote does not.
        setup.view.action(RolloutAction::PromoteFull)->trigger();
        setup.view.action(RolloutAction::Promote)->trigger();
        QCOMPARE(asked,
                 QList<RolloutAction>(
                     {RolloutAction::Abort, RolloutAction::Abort, RolloutAction::PromoteFull}));
        QCOMPARE(requested.count(), 3);
        QCOMPARE(requested.at(2).at(0).value<RolloutAction>(), RolloutAction::Promote);
    }

    void undoEmitsTheChosenRevision()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        setup.view.setActionStates(allEnabled());
        QSignalSpy requested(&setup.view, &RolloutDetailView::actionRequested);
        qint64 chosen = 5;
        setup.view.setConfirmFunction([&](RolloutAction action, qint64 *revision) {
            if (action == RolloutAction::Undo)
                *revision = chosen;
            return true;
        });
        setup.view.action(RolloutAction::Undo)->trigger();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<RolloutAction>(), RolloutAction::Undo);
        QCOMPARE(requested.at(0).at(1).toLongLong(), 5);
        // No revision chosen: nothing to do.
        chosen = 0;
        setup.view.action(RolloutAction::Undo)->trigger();
        QCOMPARE(requested.count(), 1);
    }

    void pauseRunsAtOnce()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        setup.view.setActionStates(allEnabled());
        QSignalSpy requested(&setup.view, &RolloutDetailView::actionRequested);
        int asked = 0;
        setup.view.setConfirmFunction([&](RolloutAction, qint64 *) {
            ++asked;
            return false;
        });
        setup.view.action(RolloutAction::Pause)->trigger();
        QCOMPARE(asked, 0);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<RolloutAction>(), RolloutAction::Pause);
        QCOMPARE(requested.at(0).at(1).toLongLong(), 0);
        // A disabled action does nothing, even when triggered from a menu.
        RolloutActionStates states = allEnabled();
        states[RolloutAction::Pause].enabled = false;
        setup.view.setActionStates(states);
        setup.view.action(RolloutAction::Pause)->trigger();
        QCOMPARE(requested.count(), 1);
    }

    void shortcuts()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        setup.view.setActionStates(allEnabled());
        setup.view.setConfirmFunction([](RolloutAction, qint64 *) { return true; });
        setup.view.show();
        QVERIFY(QTest::qWaitForWindowActive(&setup.view));
        QSignalSpy requested(&setup.view, &RolloutDetailView::actionRequested);
        QTest::keyClick(&setup.view, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<RolloutAction>(), RolloutAction::Pause);
        // From inside a list too.
        QTreeView *tree = parts(setup.view).replicaSets->tree();
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.at(1).at(0).value<RolloutAction>(), RolloutAction::Abort);
    }

    void refreshKeepsExpansionSelectionAndScroll()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        RolloutDetailView &view = setup.view;
        view.resize(1280, 330); // small enough that the ReplicaSets scroll
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const Parts p = parts(view);
        ReplicaSetTree *tree = p.replicaSets->tree();
        // The user closes the canary, opens the stable ReplicaSet, selects a pod, scrolls down.
        const QPersistentModelIndex canary = rowAt(tree, 0);
        const QPersistentModelIndex stable = rowAt(tree, 2);
        tree->setExpanded(canary, false);
        tree->setExpanded(stable, true);
        const QPersistentModelIndex pod = rowAt(tree, 7, stable);
        tree->setCurrentIndex(pod);
        tree->scrollTo(pod);
        QScrollBar *scroll = tree->verticalScrollBar();
        QVERIFY(scroll->maximum() > 0);
        scroll->setValue(scroll->maximum());
        const int position = scroll->value();
        QVERIFY(position > 0);
        const QPersistentModelIndex errorRate
            = p.analysis->indexOfMetric(rowAt(p.analysis, 0), QStringLiteral("error-rate"));
        p.analysis->setExpanded(errorRate, true);
        p.analysis->setExpanded(rowAt(p.analysis, 2), false);
        const int tab = 1;
        p.tabs->setCurrentIndex(tab);

        // The same value, as the model sends it ten times a second: nothing is rewritten.
        QSignalSpy treeChanges(tree->model(), &QAbstractItemModel::dataChanged);
        QSignalSpy analysisChanges(p.analysis->model(), &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 10; ++i)
            view.setDetail(setup.fixture.detail);
        QCOMPARE(treeChanges.count(), 0);
        QCOMPARE(analysisChanges.count(), 0);

        // Slightly changed: a pod restarted again, a new measurement, a new event, a second later.
        RolloutDetail changed = setup.fixture.detail;
        const QString canaryUid = changed.replicaSets.at(0).metadata.uid;
        changed.podsByReplicaSetUid[canaryUid][0].containerStatuses[0].restartCount = 2;
        Measurement measurement;
        measurement.phase = QStringLiteral("Successful");
        measurement.value = QStringLiteral("[0.007]");
        measurement.startedAt = setup.now.addSecs(-1);
        measurement.finishedAt = setup.now;
        changed.analysisRuns[0].metricResults[0].measurements.append(measurement);
        changed.analysisRuns[0].metricResults[0].successful += 1;
        changed.analysisRuns[0].metricResults[0].count += 1;
        Event event = changed.events.at(0);
        event.metadata.uid = QStringLiteral("ev-new");
        event.reason = QStringLiteral("RolloutResumed");
        changed.events.prepend(event);
        changed.rollout.metadata.resourceVersion = QStringLiteral("51008");
        setup.now = setup.now.addSecs(1);
        view.setDetail(changed);
        view.setDetail(changed);

        QCOMPARE(QModelIndex(canary), rowAt(tree, 0));
        QCOMPARE(QModelIndex(stable), rowAt(tree, 2));
        QVERIFY(!tree->isExpanded(canary));
        QVERIFY(tree->isExpanded(stable));
        QCOMPARE(tree->currentIndex(), QModelIndex(pod));
        QVERIFY(tree->selectionModel()->isSelected(pod));
        QCOMPARE(scroll->value(), position);
        QCOMPARE(text(rowAt(tree, 0, canary), ReplicaSetModel::Restarts), QStringLiteral("2"));
        QCOMPARE(text(canary, ReplicaSetModel::Restarts), QStringLiteral("3")); // 2 + 1
        QVERIFY(p.analysis->isExpanded(errorRate));
        QVERIFY(!p.analysis->isExpanded(rowAt(p.analysis, 2)));
        QCOMPARE(text(errorRate, AnalysisRunsModel::Values), QStringLiteral("0.008, 0.005, 0.007"));
        QCOMPARE(text(rowAt(p.analysis, 0, errorRate), AnalysisRunsModel::Values),
                 QStringLiteral("0.007"));
        QCOMPARE(text(rowAt(p.events, 0), RolloutEventsModel::Reason),
                 QStringLiteral("RolloutResumed"));
        QCOMPARE(p.tabs->currentIndex(), tab);
        QCOMPARE(p.tabs->tabText(2), QStringLiteral("Events (8, 1 warning)"));

        // Another rollout replaces the rows; coming back starts from the defaults again.
        view.setDetail(DetailFixture::load(QStringLiteral("aborted-canary.json")).detail);
        QCOMPARE(tree->model()->rowCount(), 2);
        view.setDetail(setup.fixture.detail);
        QVERIFY(tree->isExpanded(rowAt(tree, 0)));
    }

    void undoRevisionDialog()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("paused-canary.json"));
        UndoRevisionDialog dialog(fixture.detail, fixture.now);
        QTreeWidget *list = dialog.revisionList();
        // The current revision (7) is not offered; the previous one is preselected.
        QCOMPARE(columnTexts(list, 0),
                 QStringList({QStringLiteral("6"), QStringLiteral("5"), QStringLiteral("4")}));
        QCOMPARE(
            list->topLevelItem(1)->text(1),
            QStringLiteral("registry.example.com/shop/search:1.9.2, envoyproxy/envoy:v1.29.1"));
        QCOMPARE(dialog.revision(), 6);
        dialog.selectRevision(5);
        QCOMPARE(dialog.revision(), 5);
        QVERIFY(dialog.rollBackButton()->isEnabled());
        const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
        QPushButton *defaultButton = nullptr;
        for (QPushButton *button : buttons) {
            if (button->isDefault())
                defaultButton = button;
        }
        QVERIFY(defaultButton);
        QVERIFY(defaultButton != dialog.rollBackButton());
        dialog.selectRevision(99);
        QCOMPARE(dialog.revision(), 0);
        QVERIFY(!dialog.rollBackButton()->isEnabled());
    }

    // Renders the view as it sits under the fleet table. With RD_SCREENSHOT_DIR set the
    // pictures are written there for a person to look at.
    void screenshots_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"paused-canary", "aborted-canary", "bluegreen", "inconclusive-canary"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void screenshots()
    {
        QFETCH(QString, name);
        Setup setup(name + QStringLiteral(".json"));
        RolloutActionStates states = allEnabled();
        if (name == QLatin1String("aborted-canary")) {
            // What a failed action looks like.
            states[RolloutAction::Abort]
                = {true, false, QStringLiteral("The rollout is already aborted."), false};
            setup.view.setActionMessage(
                QStringLiteral("Retry failed: rollouts.argoproj.io \"payments\" is forbidden: "
                               "User \"dev\" cannot patch resource \"rollouts/status\" in "
                               "namespace \"shop-prod\""),
                true);
        }
        setup.view.setActionStates(states);
        setup.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&setup.view));
        const QPixmap pixmap = setup.view.grab();
        QCOMPARE(pixmap.size() / pixmap.devicePixelRatio(), QSize(1280, 450));
        const QString dir = qEnvironmentVariable("RD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(pixmap.save(dir + QStringLiteral("/view-") + name + QStringLiteral(".png")));
            auto *tabs = parts(setup.view).tabs;
            for (int tab = 1; tab < tabs->count(); ++tab) {
                tabs->setCurrentIndex(tab);
                QVERIFY(setup.view.grab().save(dir + QStringLiteral("/view-") + name
                                               + QStringLiteral("-tab") + QString::number(tab)
                                               + QStringLiteral(".png")));
            }
        }
    }
};

QTEST_MAIN(TestRolloutDetailView)
#include "tst_rolloutdetailview.moc"

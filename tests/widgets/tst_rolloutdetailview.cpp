// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail view on realistic rollouts decoded from tests/data/detail/: what the
// header, steps, ReplicaSets, analysis and events show, and the pause countdown with an
// injected clock. States (aborted, blue-green, inconclusive, refreshes) and actions have
// files of their own.
#include "rolloutdetailviewparts.h"

using namespace RolloutDetailViewTest;

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
        const int definitionRows = 5; // provider, query, conditions, limits, schedule
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
        // Its definition, then the latest measurements with the rule that judged each.
        QCOMPARE(tree->model()->rowCount(errorRate), definitionRows + M::shownMeasurements);
        QCOMPARE(rowTexts(rowAt(tree, definitionRows, errorRate)),
                 QStringList({QStringLiteral("Measurement 5"), QStringLiteral("Successful"),
                              QStringLiteral("Met successCondition: result[0] <= 0.01"),
                              QStringLiteral("0.005"), QStringLiteral("59s ago")}));
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
        // A failed metric starts open on its definition and latest measurements, newest first.
        QVERIFY(tree->isExpanded(latency));
        QCOMPARE(tree->model()->rowCount(latency), 1 + definitionRows + 3);
        QVERIFY(tree->isFirstColumnSpanned(
            tree->indexOfDefinition(latency, M::Definition::Conditions).row(), latency));
        const QModelIndex newest = rowAt(tree, 1 + definitionRows, latency);
        QCOMPARE(rowTexts(newest),
                 QStringList({QStringLiteral("Measurement 3"), QStringLiteral("Failed"),
                              QStringLiteral("Did not meet successCondition: result[0] < 500"),
                              QStringLiteral("903.7"), QStringLiteral("59s ago")}));
        QCOMPARE(foreground(newest, M::Values), red);
        QCOMPARE(text(rowAt(tree, 3 + definitionRows, latency), M::Name),
                 QStringLiteral("Measurement 1"));

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
        QCOMPARE(tree->model()->rowCount(failedMetric), definitionRows + 1);
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
        QCOMPARE(p.tabs->tabText(RolloutDetailTabs::EventsTab),
                 QStringLiteral("Events (7, 1 warning)"));
    }
};

QTEST_MAIN(TestRolloutDetailView)
#include "tst_rolloutdetailview.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail view in the states an on-call engineer meets: an aborted canary, a
// blue-green waiting for promotion, an inconclusive analysis; that refreshing with the same
// or a slightly changed detail keeps expansion, selection and scrolling; and screenshots.
#include "rolloutdetailviewparts.h"

using namespace RolloutDetailViewTest;

class TestRolloutDetailStates : public QObject
{
    Q_OBJECT

private slots:
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
        QCOMPARE(p.tabs->tabText(RolloutDetailTabs::EventsTab),
                 QStringLiteral("Events (3, 2 warnings)"));
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
        QCOMPARE(text(rowAt(p.analysis, 5, errorRate), AnalysisRunsModel::Values), // 5 defs
                 QStringLiteral("0.007"));
        QCOMPARE(text(rowAt(p.events, 0), RolloutEventsModel::Reason),
                 QStringLiteral("RolloutResumed"));
        QCOMPARE(p.tabs->currentIndex(), tab);
        QCOMPARE(p.tabs->tabText(RolloutDetailTabs::EventsTab),
                 QStringLiteral("Events (8, 1 warning)"));

        // Another rollout replaces the rows; coming back starts from the defaults again.
        view.setDetail(DetailFixture::load(QStringLiteral("aborted-canary.json")).detail);
        QCOMPARE(tree->model()->rowCount(), 2);
        view.setDetail(setup.fixture.detail);
        QVERIFY(tree->isExpanded(rowAt(tree, 0)));
    }

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

QTEST_MAIN(TestRolloutDetailStates)
#include "tst_rolloutdetailstates.moc"

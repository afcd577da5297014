// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail view's actions: their states and messages, what asks first, the undo
// revision, what runs at once, and the shortcuts.
#include "rolloutdetailviewparts.h"

using namespace RolloutDetailViewTest;

class TestRolloutDetailActions : public QObject
{
    Q_OBJECT

private slots:
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
};

QTEST_MAIN(TestRolloutDetailActions)
#include "tst_rolloutdetailactions.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The on-call path in the real window on the live demo fleet (issue 9): a filter never moves
// the selection to another rollout, every confirmation names environment, namespace and
// rollout with Cancel as default, a protected environment asks before all but pause, an
// abort's message follows the watched weights, a cluster that goes away turns its rows and
// detail stale with actions disabled, the row menu offers what a person expects, Ctrl+C
// copies the row, and the filter matches environments and says when nothing matches.

#include "oncallfixture.h"

namespace {

constexpr int timeoutMs = 30000;

} // namespace

class TestOnCallGui : public OnCallFixture
{
    Q_OBJECT

    int auditLines() const
    {
        QFile file(m_dir.filePath(QStringLiteral("audit.jsonl")));
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return int(file.readAll().count('\n'));
    }

    // Answers the next modal message box: records its texts and default button, then
    // presses Cancel (Escape).
    struct Asked
    {
        QString title;
        QString text;
        QString informative;
        QString defaultButton;
    };
    void answerNextBoxWithCancel(Asked *asked)
    {
        QTimer::singleShot(200, this, [asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked->title = box->windowTitle();
            asked->text = box->text();
            asked->informative = box->informativeText();
            asked->defaultButton = box->defaultButton() ? box->defaultButton()->text() : QString();
            QTest::keyClick(box, Qt::Key_Escape);
        });
    }

private slots:
    void initTestCase() { openWindow(); }
    void cleanupTestCase() { closeWindow(); }

    void filterNeverMovesTheSelection()
    {
        QVERIFY(select(QStringLiteral("prod"), QStringLiteral("search"),
                       QStringLiteral("search-indexer")));
        const int audited = auditLines();
        // Typing "checkout" hides the selected row: nothing else is shown or acted on.
        auto *edit = filterBar(m_window)->findChild<QLineEdit *>();
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("checkout"));
        QTRY_COMPARE(filterProxy(m_window)->filterText(), QStringLiteral("checkout"));
        QTRY_VERIFY(!detailPane(m_window)->isShowingRollout());
        QVERIFY(detailPane(m_window)->placeholderText().startsWith(
            QStringLiteral("prod / search / search-indexer is hidden by the filter.")));
        QVERIFY(detailController(m_window)->selected().isNull());
        QVERIFY(fleetTable(m_window)->selectionModel()->selectedRows().isEmpty());
        QVERIFY(!view()->detail().isValid());
        QVERIFY(!view()->action(RolloutAction::Pause)->isEnabled());
        // The pause shortcut reaches nothing.
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWait(300);
        QCOMPARE(auditLines(), audited);
        // Other rows changing (the demo keeps moving) do not pick one either.
        QTest::qWait(1500);
        QVERIFY(fleetTable(m_window)->selectionModel()->selectedRows().isEmpty());

        // Clearing the filter brings the user's pick back.
        edit->clear();
        QTRY_VERIFY(detailPane(m_window)->isShowingRollout());
        QCOMPARE(view()->detail().rollout.metadata.name, QStringLiteral("search-indexer"));
        QCOMPARE(view()->detail().environment, QStringLiteral("prod"));
    }

    void filterMatchesEnvironmentsAndSaysWhenEmpty()
    {
        auto *edit = filterBar(m_window)->findChild<QLineEdit *>();
        edit->setText(QStringLiteral("staging checkout"));
        QTRY_COMPARE(filterProxy(m_window)->rowCount(), 1);
        QCOMPARE(filterProxy(m_window)->index(0, 0).data(FleetModel::EnvironmentRole).toString(),
                 QStringLiteral("staging"));
        edit->setText(QStringLiteral("no-such-thing"));
        QTRY_COMPARE(filterProxy(m_window)->rowCount(), 0);
        QTRY_VERIFY(fleetTable(m_window)->emptyText().startsWith(
            QStringLiteral("Nothing matches \u201cno-such-thing\u201d")));
        edit->clear();
        QTRY_VERIFY(fleetTable(m_window)->emptyText().isEmpty());
    }

    void confirmationsNameEnvironmentNamespaceAndRollout()
    {
        QVERIFY(
            select(QStringLiteral("staging"), QStringLiteral("shop"), QStringLiteral("checkout")));
        const int audited = auditLines();
        // Restart asks first, even outside a protected environment.
        Asked asked;
        answerNextBoxWithCancel(&asked);
        QTRY_VERIFY_WITH_TIMEOUT(view()->action(RolloutAction::Restart)->isEnabled(), timeoutMs);
        view()->action(RolloutAction::Restart)->trigger();
        QCOMPARE(asked.text,
                 QStringLiteral("Restart every pod of rollout checkout in namespace "
                                "shop of environment staging?"));
        QCOMPARE(asked.title, QStringLiteral("Restart: staging / shop / checkout"));
        QVERIFY(!asked.informative.isEmpty());
        QCOMPARE(asked.defaultButton, QStringLiteral("Cancel"));
        QTest::qWait(300);
        QCOMPARE(auditLines(), audited); // cancelled: nothing sent, nothing recorded

        Asked abort;
        answerNextBoxWithCancel(&abort);
        view()->action(RolloutAction::Abort)->trigger();
        QCOMPARE(abort.text,
                 QStringLiteral("Abort rollout checkout in namespace shop of "
                                "environment staging?"));
        QCOMPARE(abort.defaultButton, QStringLiteral("Cancel"));
        QCOMPARE(auditLines(), audited);
    }

    void protectedEnvironmentAsksBeforeAllButPause()
    {
        // The demo's prod is `protected: true`.
        QVERIFY(select(QStringLiteral("prod"), QStringLiteral("payments"),
                       QStringLiteral("payments-gateway")));
        QVERIFY(view()->isEnvironmentProtected());
        QList<RolloutAction> asked;
        view()->setConfirmFunction([&](RolloutAction action, qint64 *) {
            asked.append(action);
            return false; // Cancel
        });
        // Every action but pause (which would be sent at once: it must stay one click).
        for (RolloutAction action : allRolloutActions()) {
            if (action != RolloutAction::Pause)
                view()->action(action)->trigger(); // disabled ones do nothing
        }
        QVERIFY(!rolloutActionNeedsConfirmation(RolloutAction::Pause, true));
        QVERIFY(asked.contains(RolloutAction::Promote)); // a plain promote asks in prod
        for (RolloutAction action : std::as_const(asked))
            QVERIFY(view()->action(action)->isEnabled());
        view()->setConfirmFunction({});
        // The header names the environment in its badge.
        QCOMPARE(view()->findChild<RolloutHeader *>()->environmentText(), QStringLiteral("prod"));
    }

    void abortMessageFollowsTheWatchedWeights()
    {
        QVERIFY(select(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("checkout")));
        view()->setConfirmFunction([](RolloutAction, qint64 *) { return true; });
        QTRY_VERIFY_WITH_TIMEOUT(view()->action(RolloutAction::Abort)->isEnabled(), timeoutMs);
        // Every message while the abort settles is checked against the weights shown with it.
        QStringList messages;
        bool claimedTooEarly = false;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            const QString message = view()->actionMessage();
            if (messages.isEmpty() || messages.constLast() != message)
                messages.append(message);
            const RolloutDetail &detail = view()->detail();
            if (message.startsWith(QStringLiteral("Aborted:"))
                && RolloutTrafficFacts::of(detail.rollout, detail.replicaSets).actualWeight > 0)
                claimedTooEarly = true;
        });
        watch.start(20);
        view()->action(RolloutAction::Abort)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(view()->actionMessage().startsWith(QStringLiteral("Aborted:")),
                                 timeoutMs);
        watch.stop();
        QVERIFY2(!claimedTooEarly, qPrintable(messages.join(QLatin1Char('|'))));
        QTRY_COMPARE_WITH_TIMEOUT(view()->actionMessage(),
                                  QStringLiteral("Aborted: all traffic on the stable version."),
                                  timeoutMs);
        QVERIFY(view()->detail().rollout.status.abort);
        QVERIFY(view()->detail().observations.abortedAtStep.has_value());
        view()->setConfirmFunction({});
    }

    void rowMenuAndCopy()
    {
        QVERIFY(select(QStringLiteral("staging"), QStringLiteral("payments"),
                       QStringLiteral("payments-api")));
        const QModelIndex index = rowOf(QStringLiteral("staging"), QStringLiteral("payments"),
                                        QStringLiteral("payments-api"));
        QMenu *menu = m_window->rowMenu(index);
        QStringList entries;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                entries.append(action->text());
        }
        QVERIFY2(entries.contains(QStringLiteral("Pause")), qPrintable(entries.join(',')));
        QVERIFY(entries.contains(QStringLiteral("Abort")));
        QVERIFY(entries.contains(QStringLiteral("Copy kubectl Command")));
        QVERIFY(entries.contains(QStringLiteral("Copy staging/payments/payments-api")));
        QVERIFY(entries.contains(QStringLiteral("Copy Row")));
        delete menu;

        // Copy kubectl Command > Pause: the plugin's command for this rollout and context.
        auto *copyMenu = view()->findChild<QMenu *>(QStringLiteral("copyCommandMenu"));
        QVERIFY(copyMenu);
        copyMenu->findChild<QAction *>(QStringLiteral("copy-pause"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("kubectl argo rollouts pause payments-api -n payments --context "
                                "staging"));

        // Ctrl+C copies the whole row, not one cell.
        fleetTable(m_window)->setFocus();
        QTest::keyClick(fleetTable(m_window), Qt::Key_C, Qt::ControlModifier);
        const QStringList cells = QGuiApplication::clipboard()->text().split(QLatin1Char('\t'));
        QVERIFY2(cells.size() > 5, qPrintable(cells.join('|')));
        QCOMPARE(cells.mid(0, 3),
                 QStringList({QStringLiteral("staging"), QStringLiteral("payments"),
                              QStringLiteral("payments-api")}));
    }

    void disconnectedClusterTurnsStale()
    {
        QVERIFY(select(QStringLiteral("prod"), QStringLiteral("payments"),
                       QStringLiteral("payments-gateway")));
        QTRY_VERIFY_WITH_TIMEOUT(view()->action(RolloutAction::Pause)->isEnabled(), timeoutMs);
        QString error;
        QVERIFY2(m_demo.setClusterOnline(QStringLiteral("prod"), false, &error), qPrintable(error));
        const QModelIndex row = rowOf(QStringLiteral("prod"), QStringLiteral("payments"),
                                      QStringLiteral("payments-gateway"));
        QTRY_VERIFY_WITH_TIMEOUT(row.siblingAtColumn(FleetModel::StatusColumn)
                                     .data()
                                     .toString()
                                     .startsWith(QStringLiteral("Stale since ")),
                                 timeoutMs);
        QCOMPARE(
            row.siblingAtColumn(FleetModel::NameColumn).data(Qt::ForegroundRole).value<QColor>(),
            QColor(0x8a, 0x8a, 0x8a));
        // The detail says so, counts nothing down and offers no action, but the command.
        QTRY_VERIFY(view()->detail().isStale());
        QVERIFY(view()->findChild<RolloutHeader *>()->staleText().startsWith(
            QStringLiteral("Stale since ")));
        QVERIFY(!view()->findChild<QTimer *>(QStringLiteral("countdownTimer"))->isActive());
        QAction *pause = view()->action(RolloutAction::Pause);
        QVERIFY(!pause->isEnabled());
        QVERIFY2(pause->toolTip().startsWith(QStringLiteral("prod is not connected")),
                 qPrintable(pause->toolTip()));
        QVERIFY(view()->copyCommandAction()->isEnabled());
        QTRY_VERIFY2(m_window->windowTitle().endsWith(QStringLiteral("not connected: prod")),
                     qPrintable(m_window->windowTitle()));
        // Other environments stay live.
        QCOMPARE(rowOf(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("cart"))
                     .data(FleetModel::StaleSinceRole)
                     .toDateTime(),
                 QDateTime());

        // Back online: live again, actions back.
        QVERIFY2(m_demo.setClusterOnline(QStringLiteral("prod"), true, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!view()->detail().isStale(), 60000);
        QTRY_VERIFY(!m_window->windowTitle().contains(QStringLiteral("not connected")));
        QTRY_VERIFY_WITH_TIMEOUT(!row.siblingAtColumn(FleetModel::StatusColumn)
                                      .data()
                                      .toString()
                                      .startsWith(QStringLiteral("Stale")),
                                 timeoutMs);
    }
};

QTEST_MAIN(TestOnCallGui)
#include "tst_oncallgui.moc"

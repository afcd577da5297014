// SPDX-License-Identifier: GPL-3.0-or-later
// Clicking through the rollout actions in the window on the live demo fleet: pause → resume
// and abort → retry reach the controller and come back through the watch ("Paused."), the
// audit file records them, and read-only mode offers no action at all.

#include "auditrecord.h"
#include "commandline.h"
#include "demofleet.h"
#include "detailpane.h"
#include "fleetmodel.h"
#include "fleetsetup.h"
#include "fleettableview.h"
#include "mainwindow.h"
#include "oncallfixture.h"
#include "rolloutdetailcontroller.h"
#include "rolloutdetailview.h"
#include <QAction>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {

constexpr int timeoutMs = 30000;

} // namespace

class TestRolloutActionsGui : public OnCallFixture
{
    Q_OBJECT

    static bool select(MainWindow *window, const QString &environment, const QString &ns,
                       const QString &name)
    {
        return selectDemoRow(window, environment, ns, name, timeoutMs);
    }

    static RolloutDetailView *view(MainWindow *window) { return detailPane(window)->rolloutView(); }

    QToolButton *button(const char *name) const
    {
        return view(m_window.get())->findChild<QToolButton *>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase() { openWindow(); }
    void cleanupTestCase() { closeWindow(); }

    void pauseThenResume()
    {
        QVERIFY(select(m_window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                       QStringLiteral("payments-api")));
        QToolButton *pause = button("pauseButton");
        QVERIFY(pause);
        QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), timeoutMs);
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view(m_window.get())->actionMessage(), QStringLiteral("Paused."),
                                  timeoutMs);
        QVERIFY(view(m_window.get())->detail().rollout.spec.paused);
        QVERIFY(!pause->isEnabled());

        QToolButton *resume = button("resumeButton");
        QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), timeoutMs);
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view(m_window.get())->actionMessage(), QStringLiteral("Resumed."),
                                  timeoutMs);
        QVERIFY(!view(m_window.get())->detail().rollout.spec.paused);
    }

    void abortThenRetry()
    {
        QVERIFY(select(m_window.get(), QStringLiteral("dev"), QStringLiteral("shop"),
                       QStringLiteral("checkout")));
        RolloutDetailView *detail = view(m_window.get());
        QList<RolloutAction> asked;
        detail->setConfirmFunction([&](RolloutAction action, qint64 *) {
            asked.append(action);
            return true;
        });
        QToolButton *abort = button("abortButton");
        QTRY_VERIFY_WITH_TIMEOUT(abort->isEnabled(), timeoutMs);
        QTest::mouseClick(abort, Qt::LeftButton);
        QCOMPARE(asked, QList<RolloutAction> {RolloutAction::Abort});
        QTRY_COMPARE_WITH_TIMEOUT(detail->actionMessage(),
                                  QStringLiteral("Aborted: all traffic on the stable version."),
                                  timeoutMs);
        QVERIFY(detail->detail().rollout.status.abort);

        QToolButton *retry = button("retryButton");
        QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), timeoutMs);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(detail->actionMessage(), QStringLiteral("Retrying the update."),
                                  timeoutMs);
        QVERIFY(!detail->detail().rollout.status.abort);
        QCOMPARE(asked.size(), 1); // retry needs no confirmation
    }

    void everyClickIsAudited()
    {
        const AuditFile file
            = readAuditFile(QString::fromUtf8(qgetenv("RELEASE_DASHBOARD_AUDIT_FILE")));
        QCOMPARE(file.problems, QStringList());
        QStringList actions;
        for (const AuditRecord &record : file.records) {
            QCOMPARE(record.client, QStringLiteral("gui"));
            if (record.stage == AuditRecord::Stage::Outcome) {
                QCOMPARE(record.result, AuditRecord::Result::Succeeded);
                actions.append(record.action);
            }
        }
        QCOMPARE(actions,
                 QStringList({QStringLiteral("pause"), QStringLiteral("resume"),
                              QStringLiteral("abort"), QStringLiteral("retry")}));
    }

    void readOnlyOffersNoAction()
    {
        std::unique_ptr<MainWindow> readOnly = openDemoWindow(m_demo, true);
        QVERIFY(QTest::qWaitForWindowExposed(readOnly.get()));
        QVERIFY(select(readOnly.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                       QStringLiteral("payments-api")));
        for (RolloutAction action : allRolloutActions())
            QVERIFY2(!view(readOnly.get())->action(action)->isVisible(),
                     qPrintable(rolloutActionId(action)));
        readOnly.reset();
    }
};

QTEST_MAIN(TestRolloutActionsGui)
#include "tst_rolloutactionsgui.moc"

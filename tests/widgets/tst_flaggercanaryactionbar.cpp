// SPDX-License-Identifier: GPL-3.0-or-later
// The Flagger canary's action bar: suspending is one click even in a protected environment,
// resuming asks there first (and Cancel sends nothing) in a sentence per action, the request
// carries the canary that was asked about even when the bar is retargeted while the question is
// open, a disabled action says why and sends nothing, and a failure's message is red.
#include "flaggercanaryactionbar.h"

#include "detailstyle.h"
#include "themecolours.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

namespace {

FlaggerCanaryTarget queryParser()
{
    return {QStringLiteral("prod"), QStringLiteral("search"), QStringLiteral("query-parser"),
            QStringLiteral("9a1c0e52-3f4b-4d2a-8c51-0f6b2d7e4a10")};
}

// Answers the next modal confirmation with Cancel, keeping its question in *question.
void cancelNextConfirmation(QString *question)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, question] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("confirmActionDialog"))
            return;
        *question = box->text();
        box->reject();
        poll->deleteLater();
    });
    poll->start(20);
}

} // namespace

class TestFlaggerCanaryActionBar : public QObject
{
    Q_OBJECT

private slots:
    void suspendIsOneClick()
    {
        FlaggerCanaryActionBar bar;
        bar.setTarget(queryParser());
        bar.setEnvironmentProtected(true);
        int asked = 0;
        bar.setConfirmFunction([&](FlaggerAction) {
            ++asked;
            return true;
        });
        bar.setActionState(FlaggerAction::Pause, true, QStringLiteral("Set spec.suspend"));
        QSignalSpy requested(&bar, &FlaggerCanaryActionBar::actionRequested);
        QCOMPARE(bar.button(FlaggerAction::Pause)->text(), QStringLiteral("Suspend"));
        QTest::mouseClick(bar.button(FlaggerAction::Pause), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).value<FlaggerAction>(), FlaggerAction::Pause);
        QCOMPARE(requested.at(0).at(1).value<FlaggerCanaryTarget>().uid, queryParser().uid);
        QCOMPARE(asked, 0);
    }

    void confirmationIsASentencePerAction_data()
    {
        QTest::addColumn<FlaggerAction>("action");
        QTest::addColumn<QString>("question");
        QTest::addRow("resume") << FlaggerAction::Resume
                                << "Resume Flagger canary search/query-parser in prod?";
        QTest::addRow("promote")
            << FlaggerAction::Promote
            << "Open the promotion gate of Flagger canary search/query-parser in prod?";
        QTest::addRow("halt")
            << FlaggerAction::Halt
            << "Close the load tester's gate of Flagger canary search/query-parser in prod?";
        QTest::addRow("rollback") << FlaggerAction::Rollback
                                  << "Roll back Flagger canary search/query-parser in prod?";
    }

    // The real dialog (no confirm function), answered with Cancel: nothing is sent.
    void confirmationIsASentencePerAction()
    {
        QFETCH(FlaggerAction, action);
        QFETCH(QString, question);
        FlaggerCanaryActionBar bar;
        bar.setTarget(queryParser());
        bar.setEnvironmentProtected(true);
        bar.setActionState(action, true, QString());
        bar.show();
        QSignalSpy requested(&bar, &FlaggerCanaryActionBar::actionRequested);
        QString asked;
        cancelNextConfirmation(&asked);
        bar.action(action)->trigger();
        QCOMPARE(asked, question);
        QCOMPARE(requested.size(), 0);
    }

    // The window may show another canary by the time the person answers: the request still
    // names the one they were asked about.
    void requestKeepsTheConfirmedCanary()
    {
        FlaggerCanaryActionBar bar;
        bar.setTarget(queryParser());
        bar.setEnvironmentProtected(true);
        bar.setActionState(FlaggerAction::Resume, true, QString());
        const FlaggerCanaryTarget other {QStringLiteral("staging"), QStringLiteral("search"),
                                         QStringLiteral("search-suggest"),
                                         QStringLiteral("5e0f7a9b-1c2d-4e3f-9a8b-7c6d5e4f3a2b")};
        bar.setConfirmFunction([&](FlaggerAction) {
            bar.setTarget(other);
            return true;
        });
        QSignalSpy requested(&bar, &FlaggerCanaryActionBar::actionRequested);
        bar.action(FlaggerAction::Resume)->trigger();
        QCOMPARE(requested.size(), 1);
        const auto target = requested.at(0).at(1).value<FlaggerCanaryTarget>();
        QCOMPARE(target.environment, QStringLiteral("prod"));
        QCOMPARE(target.namespaceName, QStringLiteral("search"));
        QCOMPARE(target.name, QStringLiteral("query-parser"));
        QCOMPARE(target.uid, queryParser().uid);
    }

    void resumeAsksInAProtectedEnvironment()
    {
        FlaggerCanaryActionBar bar;
        bar.setActionState(FlaggerAction::Resume, true, QString());
        bool answer = false;
        QList<FlaggerAction> asked;
        bar.setConfirmFunction([&](FlaggerAction action) {
            asked.append(action);
            return answer;
        });
        QSignalSpy requested(&bar, &FlaggerCanaryActionBar::actionRequested);
        // Not protected: one click.
        bar.action(FlaggerAction::Resume)->trigger();
        QCOMPARE(requested.size(), 1);
        QVERIFY(asked.isEmpty());
        // Protected: asked; Cancel sends nothing, the confirmation sends it.
        bar.setEnvironmentProtected(true);
        bar.action(FlaggerAction::Resume)->trigger();
        QCOMPARE(asked, QList<FlaggerAction>({FlaggerAction::Resume}));
        QCOMPARE(requested.size(), 1);
        answer = true;
        bar.action(FlaggerAction::Resume)->trigger();
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).value<FlaggerAction>(), FlaggerAction::Resume);
    }

    void disabledActionSaysWhy()
    {
        FlaggerCanaryActionBar bar;
        const QString why = QStringLiteral("prod is read-only: no actions are sent");
        bar.setActionState(FlaggerAction::Resume, false, why);
        QSignalSpy requested(&bar, &FlaggerCanaryActionBar::actionRequested);
        QVERIFY(!bar.button(FlaggerAction::Resume)->isEnabled());
        QCOMPARE(bar.button(FlaggerAction::Resume)->toolTip(), why);
        QTest::mouseClick(bar.button(FlaggerAction::Resume), Qt::LeftButton);
        bar.action(FlaggerAction::Resume)->trigger();
        QCOMPARE(requested.size(), 0);
    }

    void failureInRed()
    {
        FlaggerCanaryActionBar bar;
        bar.show();
        QCOMPARE(bar.message(), QString());
        auto *label = bar.findChild<QLabel *>(QStringLiteral("canaryActionMessage"));
        QVERIFY(label && !label->isVisible());
        bar.setMessage(QStringLiteral("Forbidden: patch canaries.flagger.app"), true);
        QVERIFY(label->isVisible());
        QVERIFY(bar.isErrorMessage());
        QCOMPARE(label->palette().color(QPalette::WindowText),
                 ThemeColours::foreground(DetailStyle::failedColour()));
        bar.setMessage(QStringLiteral("Suspended."), false);
        QVERIFY(!bar.isErrorMessage());
        QVERIFY(label->palette().color(QPalette::WindowText)
                != ThemeColours::foreground(DetailStyle::failedColour()));
    }
};

QTEST_MAIN(TestFlaggerCanaryActionBar)
#include "tst_flaggercanaryactionbar.moc"

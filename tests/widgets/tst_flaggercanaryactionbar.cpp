// SPDX-License-Identifier: GPL-3.0-or-later
// The Flagger canary's action bar: suspending is one click even in a protected environment,
// resuming asks there first (and Cancel sends nothing), a disabled action says why and sends
// nothing, and a failure's message is red.
#include "flaggercanaryactionbar.h"

#include "detailstyle.h"
#include "themecolours.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

class TestFlaggerCanaryActionBar : public QObject
{
    Q_OBJECT

private slots:
    void suspendIsOneClick()
    {
        FlaggerCanaryActionBar bar;
        bar.setTarget(QStringLiteral("prod"), QStringLiteral("search"),
                      QStringLiteral("query-parser"));
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
        QCOMPARE(asked, 0);
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

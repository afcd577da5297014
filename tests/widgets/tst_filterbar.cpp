// SPDX-License-Identifier: GPL-3.0-or-later
// The filter bar: what each control emits, the counts on its toggles, and clearing.
#include "filterbar.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

class TestFilterBar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Counts are shown with the locale's digit grouping.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void signals_()
    {
        FilterBar bar;
        QSignalSpy text(&bar, &FilterBar::textChanged);
        QSignalSpy phases(&bar, &FilterBar::phasesChanged);
        QSignalSpy attention(&bar, &FilterBar::attentionOnlyChanged);
        QVERIFY(!bar.hasFilters());

        QTest::keyClicks(bar.lineEdit(), QStringLiteral("shop"));
        QCOMPARE(text.size(), 4);
        QCOMPARE(text.last().at(0).toString(), QStringLiteral("shop"));

        bar.phaseButton(QStringLiteral("Paused"))->click();
        bar.phaseButton(QStringLiteral("Degraded"))->click();
        QCOMPARE(phases.size(), 2);
        QCOMPARE(phases.last().at(0).toStringList(),
                 QStringList({QStringLiteral("Paused"), QStringLiteral("Degraded")}));
        QCOMPARE(bar.checkedPhases(),
                 QStringList({QStringLiteral("Paused"), QStringLiteral("Degraded")}));

        bar.attentionButton()->click();
        QCOMPARE(attention.size(), 1);
        QCOMPARE(attention.last().at(0).toBool(), true);
        QVERIFY(bar.isAttentionOnly());
        QVERIFY(bar.hasFilters());

        bar.clearFilters();
        QCOMPARE(bar.text(), QString());
        QVERIFY(bar.checkedPhases().isEmpty());
        QVERIFY(!bar.isAttentionOnly());
        QVERIFY(!bar.hasFilters());
        QCOMPARE(attention.last().at(0).toBool(), false);
        QVERIFY(phases.last().at(0).toStringList().isEmpty());
        QVERIFY(!bar.phaseButton(QStringLiteral("Unknown")));
    }

    void setters()
    {
        FilterBar bar;
        bar.setCheckedPhases({QStringLiteral("Healthy")});
        QCOMPARE(bar.checkedPhases(), QStringList({QStringLiteral("Healthy")}));
        bar.setAttentionOnly(true);
        QVERIFY(bar.attentionButton()->isChecked());
        bar.setText(QStringLiteral("checkout"));
        QCOMPARE(bar.lineEdit()->text(), QStringLiteral("checkout"));
    }

    void counts()
    {
        FilterBar bar;
        QCOMPARE(bar.phaseButton(QStringLiteral("Healthy"))->text(), QStringLiteral("Healthy 0"));
        bar.setCounts({{QStringLiteral("Healthy"), 5}, {QStringLiteral("Paused"), 1234}}, 2);
        QCOMPARE(bar.phaseButton(QStringLiteral("Healthy"))->text(), QStringLiteral("Healthy 5"));
        QCOMPARE(bar.phaseButton(QStringLiteral("Paused"))->text(), QStringLiteral("Paused 1,234"));
        QCOMPARE(bar.phaseButton(QStringLiteral("Degraded"))->text(), QStringLiteral("Degraded 0"));
        QCOMPARE(bar.attentionButton()->text(), QStringLiteral("Needs attention 2"));
    }

    void escape()
    {
        FilterBar bar;
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        bar.focusFilter();
        QTest::keyClicks(bar.lineEdit(), QStringLiteral("abc"));
        QTest::keyClick(bar.lineEdit(), Qt::Key_Escape);
        QCOMPARE(bar.text(), QString());
    }
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"

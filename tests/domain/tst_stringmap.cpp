// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringmap.h"

#include <QTest>

class TestStringMap : public QObject
{
    Q_OBJECT

private slots:
    void insertKeepsOrder()
    {
        StringMap map;
        map.insert(QStringLiteral("team"), QStringLiteral("payments"));
        map.insert(QStringLiteral("app"), QStringLiteral("checkout"));
        map.insert(QStringLiteral("team"), QStringLiteral("search"));
        QCOMPARE(map.size(), 2);
        QCOMPARE(map.keys(), QStringList({QStringLiteral("app"), QStringLiteral("team")}));
        QCOMPARE(map.value(u"team"), QStringLiteral("search"));
        QCOMPARE(map.value(u"absent", QStringLiteral("x")), QStringLiteral("x"));
        QVERIFY(map.contains(u"app"));
        QVERIFY(map.remove(u"app"));
        QVERIFY(!map.remove(u"app"));
        QCOMPARE(map, (StringMap {{QStringLiteral("team"), QStringLiteral("search")}}));
    }

    void appendThenSort()
    {
        StringMap map;
        map.append(QStringLiteral("b"), QStringLiteral("1"));
        map.append(QStringLiteral("a"), QStringLiteral("2"));
        map.append(QStringLiteral("b"), QStringLiteral("3"));
        map.finishAppending();
        QCOMPARE(map.keys(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(map.value(u"b"), QStringLiteral("3")); // the last repeated key wins
        StringMap sorted;
        sorted.append(QStringLiteral("a"), QStringLiteral("1"));
        sorted.append(QStringLiteral("b"), QStringLiteral("2"));
        sorted.finishAppending();
        QCOMPARE(sorted.keys(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    }
};

QTEST_GUILESS_MAIN(TestStringMap)
#include "tst_stringmap.moc"

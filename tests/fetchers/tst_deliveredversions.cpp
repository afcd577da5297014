// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveredversions.h"

#include <QTest>

namespace {
ObjectMeta meta(const char *name, const char *uid, const char *rv, const char *ns = "shop")
{
    ObjectMeta m;
    m.namespaceName = QString::fromLatin1(ns);
    m.name = QString::fromLatin1(name);
    m.uid = QString::fromLatin1(uid);
    m.resourceVersion = QString::fromLatin1(rv);
    return m;
}
} // namespace

class TestDeliveredVersions : public QObject
{
    Q_OBJECT

private slots:
    void recordsWhatIsNews()
    {
        DeliveredVersions versions;
        QVERIFY(!versions.contains(meta("api", "u1", "1")));
        QCOMPARE(versions.record(meta("api", "u1", "1")), true);
        QCOMPARE(versions.record(meta("api", "u1", "1")), false); // the same again
        QCOMPARE(versions.record(meta("api", "u1", "2")), true); // modified
        // A recreated cluster: same name and resourceVersion, another object.
        QCOMPARE(versions.record(meta("api", "u2", "2")), true);
        // Namespace and name together are the key; the version is not.
        QVERIFY(versions.contains(meta("api", "other", "9")));
        QVERIFY(!versions.contains(meta("api", "u2", "2", "other")));
        QCOMPARE(versions.record(meta("api", "u2", "2", "other")), true);
        QCOMPARE(versions.size(), 2);
        versions.remove(meta("api", "u2", "2"));
        QVERIFY(!versions.contains(meta("api", "u2", "2")));
        QCOMPARE(versions.size(), 1);
    }

    void aRelistForgetsWhatItDidNotHave()
    {
        DeliveredVersions versions;
        versions.beginList();
        for (const char *name : {"a", "b", "c", "d"})
            versions.record(meta(name, name, "1"));
        QCOMPARE(versions.endList(), QStringList());
        versions.record(meta("e", "e", "2")); // from the watch
        versions.beginList();
        QCOMPARE(versions.record(meta("a", "a", "1")), false); // unchanged: not sent again
        QCOMPARE(versions.record(meta("c", "c", "3")), true);
        QCOMPARE(versions.record(meta("f", "f", "3")), true);
        QStringList gone = versions.endList();
        gone.sort();
        QCOMPARE(gone,
                 QStringList({QStringLiteral("shop/b"), QStringLiteral("shop/d"),
                              QStringLiteral("shop/e")}));
        QCOMPARE(versions.size(), 3);
        QVERIFY(versions.contains(meta("a", "a", "1")));
        QVERIFY(!versions.contains(meta("b", "b", "1")));
        versions.beginList();
        gone = versions.endList(); // an empty list: everything went
        gone.sort();
        QCOMPARE(gone,
                 QStringList({QStringLiteral("shop/a"), QStringLiteral("shop/c"),
                              QStringLiteral("shop/f")}));
        QCOMPARE(versions.size(), 0);
    }

    // The entry holds the newest delivered object's strings, never an older one's, so a
    // replaced object's memory is not kept alive by the informer.
    void keepsNoOlderObjectsStrings()
    {
        DeliveredVersions versions;
        ObjectMeta first = meta("api", "u1", "1");
        versions.record(first);
        QVERIFY(!first.name.isDetached()); // shared with the entry, not copied
        ObjectMeta second = meta("api", "u1", "2");
        versions.record(second);
        QVERIFY(first.name.isDetached()); // the older object's name is no longer held
        QVERIFY(!second.name.isDetached());
        ObjectMeta same = meta("api", "u1", "2");
        QCOMPARE(versions.record(same), false);
        QVERIFY(same.name.isDetached()); // not news: the delivered object's strings stay
    }
};

QTEST_GUILESS_MAIN(TestDeliveredVersions)
#include "tst_deliveredversions.moc"

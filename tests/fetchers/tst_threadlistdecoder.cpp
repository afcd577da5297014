// SPDX-License-Identifier: GPL-3.0-or-later
// ThreadListDecoder: the informers of one thread share one list decoder while any of their
// lists is in progress; each thread has its own.

#include "threadlistdecoder.h"

#include <thread>

class TestThreadListDecoder : public QObject
{
    Q_OBJECT

private:
    static QByteArray podList(const QStringList &names)
    {
        QJsonArray items;
        for (const QString &name : names) {
            items.append(QJsonObject {
                {"metadata", QJsonObject {{"name", name}, {"namespace", "shop"}, {"uid", name}}}});
        }
        return QJsonDocument(QJsonObject {{"kind", "PodList"},
                                          {"apiVersion", "v1"},
                                          {"metadata", QJsonObject {{"resourceVersion", "7"}}},
                                          {"items", items}})
            .toJson(QJsonDocument::Compact);
    }

    static QStringList namesOf(const ObjectList<Pod> &list)
    {
        QStringList names;
        for (const Pod &pod : list.items)
            names.append(pod.metadata.name);
        return names;
    }

private slots:
    void listsOfOneThreadShareOneDecoder()
    {
        QCOMPARE(ThreadListDecoder::listsInProgress(), 0);
        {
            ThreadListDecoder first;
            QCOMPARE(ThreadListDecoder::listsInProgress(), 1);
            {
                ThreadListDecoder second;
                QCOMPARE(ThreadListDecoder::listsInProgress(), 2);
                QCOMPARE(&first.decoder(), &second.decoder());
            }
            QCOMPARE(ThreadListDecoder::listsInProgress(), 1);
        }
        QCOMPARE(ThreadListDecoder::listsInProgress(), 0);
    }

    void eachThreadHasItsOwn()
    {
        ThreadListDecoder here;
        const JsonDecoder *mine = &here.decoder();
        const JsonDecoder *theirs = nullptr;
        int theirCount = -1;
        std::thread other([&] {
            ThreadListDecoder there;
            theirs = &there.decoder();
            theirCount = ThreadListDecoder::listsInProgress();
        });
        other.join();
        QVERIFY(theirs != nullptr);
        QVERIFY(theirs != mine);
        QCOMPARE(theirCount, 1); // the other thread does not see this one's list
        QCOMPARE(ThreadListDecoder::listsInProgress(), 1);
    }

    void interleavedPagesKeepTheirOwnObjects()
    {
        // Two lists' pages alternate on one thread, as two informers' fibers do between
        // pages: what one page decoded is not changed by the next parse.
        ThreadListDecoder a;
        ThreadListDecoder b;
        const ObjectList<Pod> pageA = a.decoder().decodeList<Pod>(podList({"a-1", "a-2"}));
        const ObjectList<Pod> pageB = b.decoder().decodeList<Pod>(podList({"b-1"}));
        const ObjectList<Pod> pageA2 = a.decoder().decodeList<Pod>(podList({"a-3"}));
        QVERIFY(pageA.isOk() && pageB.isOk() && pageA2.isOk());
        QCOMPARE(namesOf(pageA), QStringList({"a-1", "a-2"}));
        QCOMPARE(namesOf(pageB), QStringList({"b-1"}));
        QCOMPARE(namesOf(pageA2), QStringList({"a-3"}));
        QCOMPARE(pageA.resourceVersion, QStringLiteral("7"));
    }
};

QTEST_GUILESS_MAIN(TestThreadListDecoder)
#include "tst_threadlistdecoder.moc"

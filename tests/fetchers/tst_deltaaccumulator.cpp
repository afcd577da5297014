// SPDX-License-Identifier: GPL-3.0-or-later
#include "deltaaccumulator.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

namespace {
Rollout rollout(const QString &name, const QString &rv)
{
    Rollout r;
    r.metadata.namespaceName = QStringLiteral("shop");
    r.metadata.name = name;
    r.metadata.resourceVersion = rv;
    return r;
}

QStringList summary(const WorkloadDeltaBatch &batch)
{
    QStringList lines;
    for (const Rollout &r : batch.upserts<Rollout>())
        lines.append(QStringLiteral("+") + r.metadata.name + QLatin1Char('@')
                     + r.metadata.resourceVersion);
    for (const QString &key : batch.deletes<Rollout>())
        lines.append(QStringLiteral("-") + key);
    return lines;
}

// What the accumulator promised before it was made compact, written the plain way: every
// key keeps the place of its first change, its newest state wins, and a delete after an
// upsert (or an upsert after a delete) replaces it.
struct ReferenceMerge
{
    QStringList order;
    std::map<QString, QString> state; // key -> "" (deleted) or resourceVersion

    void add(const WorkloadDeltaBatch &part)
    {
        for (const QString &key : part.deletes<Rollout>())
            set(key, QString());
        for (const Rollout &r : part.upserts<Rollout>())
            set(QStringLiteral("shop/") + r.metadata.name, r.metadata.resourceVersion);
    }
    void set(const QString &key, const QString &value)
    {
        if (!state.count(key))
            order.append(key);
        state[key] = value;
    }
    QStringList take(bool reset)
    {
        QStringList upserts, deletes;
        for (const QString &key : std::as_const(order)) {
            const QString &rv = state[key];
            if (!rv.isEmpty())
                upserts.append(QStringLiteral("+") + key.mid(5) + QLatin1Char('@') + rv);
            else if (!reset)
                deletes.append(QStringLiteral("-") + key);
        }
        order.clear();
        state.clear();
        return upserts + deletes;
    }
};
} // namespace

class TestDeltaAccumulator : public QObject
{
    Q_OBJECT

private slots:
    void mergesChangesToTheSameObject()
    {
        DeltaAccumulator accumulator;
        QVERIFY(accumulator.isEmpty());
        WorkloadDeltaBatch first;
        first.upserts<Rollout>() = {rollout(QStringLiteral("api"), QStringLiteral("1")),
                                    rollout(QStringLiteral("cart"), QStringLiteral("2"))};
        QCOMPARE(accumulator.add(std::move(first)), true); // schedule a flush
        WorkloadDeltaBatch second;
        second.upserts<Rollout>() = {rollout(QStringLiteral("api"), QStringLiteral("3"))};
        second.deletes<Rollout>() = {QStringLiteral("shop/cart"), QStringLiteral("shop/old")};
        QCOMPARE(accumulator.add(std::move(second)), false); // already scheduled
        WorkloadDeltaBatch third;
        third.upserts<Rollout>() = {rollout(QStringLiteral("old"), QStringLiteral("4"))};
        accumulator.add(std::move(third));
        QVERIFY(accumulator.lastDataTime().isValid());

        bool delivered = false;
        const WorkloadDeltaBatch batch = accumulator.take(false, &delivered);
        QCOMPARE(delivered, true);
        QCOMPARE(batch.reset, false);
        // First-change order; newest state; a re-created object is an upsert.
        QCOMPARE(summary(batch),
                 QStringList({QStringLiteral("+api@3"), QStringLiteral("+old@4"),
                              QStringLiteral("-shop/cart")}));
        QVERIFY(accumulator.isEmpty());
        QCOMPARE(accumulator.take(false, &delivered).isEmpty(), true);
        QCOMPARE(delivered, false);
    }

    void resetDropsDeletes()
    {
        DeltaAccumulator accumulator;
        WorkloadDeltaBatch part;
        part.upserts<Rollout>() = {rollout(QStringLiteral("api"), QStringLiteral("1"))};
        part.deletes<Rollout>() = {QStringLiteral("shop/gone")};
        accumulator.add(std::move(part));
        const WorkloadDeltaBatch batch = accumulator.take(true);
        QCOMPARE(batch.reset, true);
        QCOMPARE(summary(batch), QStringList {QStringLiteral("+api@1")});
    }

    void mergesEveryKindOnItsOwn()
    {
        const auto named = [](auto object, const char *name, const char *rv) {
            object.metadata.namespaceName = QStringLiteral("shop");
            object.metadata.name = QString::fromLatin1(name);
            object.metadata.resourceVersion = QString::fromLatin1(rv);
            return object;
        };
        DeltaAccumulator accumulator;
        WorkloadDeltaBatch first;
        first.upserts<Pod>() = {named(Pod(), "api-1", "1"), named(Pod(), "api-2", "2")};
        first.upserts<AnalysisRun>() = {named(AnalysisRun(), "api", "3")};
        first.upserts<Event>() = {named(Event(), "api.1", "4")};
        accumulator.add(std::move(first));
        WorkloadDeltaBatch second;
        second.deletes<Pod>() = {QStringLiteral("shop/api-1")};
        second.upserts<Pod>() = {named(Pod(), "api-2", "5")};
        second.deletes<Event>() = {QStringLiteral("shop/api.0")};
        // Same name, other kind: not merged with the pod.
        second.upserts<Rollout>() = {named(Rollout(), "api-2", "6")};
        accumulator.add(std::move(second));

        const WorkloadDeltaBatch batch = accumulator.take(false);
        QCOMPARE(batch.changeCount(), 6);
        QCOMPARE(batch.upserts<Pod>().size(), 1);
        QCOMPARE(batch.upserts<Pod>().constFirst().metadata.resourceVersion, QStringLiteral("5"));
        QCOMPARE(batch.deletes<Pod>(), QStringList {QStringLiteral("shop/api-1")});
        QCOMPARE(batch.upserts<AnalysisRun>().constFirst().metadata.name, QStringLiteral("api"));
        QCOMPARE(batch.upserts<Event>().constFirst().metadata.name, QStringLiteral("api.1"));
        QCOMPARE(batch.deletes<Event>(), QStringList {QStringLiteral("shop/api.0")});
        QCOMPARE(summary(batch), QStringList {QStringLiteral("+api-2@6")});
        QCOMPARE(batch.detailStatus.isEmpty(), true); // the worker adds it, not the accumulator
        QVERIFY(accumulator.isEmpty());
    }

    void emptyListsAndBookmarks()
    {
        DeltaAccumulator accumulator;
        QCOMPARE(accumulator.touch(), true); // a bookmark
        bool delivered = true;
        QVERIFY(accumulator.take(false, &delivered).isEmpty());
        QCOMPARE(delivered, false); // nothing to send
        QCOMPARE(accumulator.add(WorkloadDeltaBatch()), true); // an empty first list
        QVERIFY(accumulator.take(true, &delivered).reset);
        QCOMPARE(delivered, true);
    }

    // A list handed over in one part (an informer's first list) goes on as the batch's list,
    // without a copy; one that merged is put back in first-change order.
    void handsOnAWholeListWithoutACopy()
    {
        DeltaAccumulator accumulator;
        WorkloadDeltaBatch part;
        for (int i = 0; i < 1000; ++i)
            part.upserts<Rollout>().append(
                rollout(QStringLiteral("r%1").arg(i), QStringLiteral("1")));
        const Rollout *data = part.upserts<Rollout>().constData();
        accumulator.add(std::move(part));
        WorkloadDeltaBatch batch = accumulator.take(true);
        QCOMPARE(batch.upserts<Rollout>().size(), 1000);
        QCOMPARE(batch.upserts<Rollout>().constData(), data);
        QCOMPARE(batch.upserts<Rollout>().at(999).metadata.name, QStringLiteral("r999"));
    }

    void reCreatedAndReDeletedKeepTheirFirstPlace()
    {
        DeltaAccumulator accumulator;
        WorkloadDeltaBatch first;
        first.deletes<Rollout>() = {QStringLiteral("shop/a"), QStringLiteral("shop/b")};
        first.upserts<Rollout>() = {rollout(QStringLiteral("c"), QStringLiteral("1")),
                                    rollout(QStringLiteral("d"), QStringLiteral("2"))};
        accumulator.add(std::move(first));
        WorkloadDeltaBatch second;
        second.deletes<Rollout>() = {QStringLiteral("shop/c")};
        // Within one part, the same object twice (two MODIFIED in one chunk): the last wins.
        second.upserts<Rollout>() = {rollout(QStringLiteral("b"), QStringLiteral("3")),
                                     rollout(QStringLiteral("e"), QStringLiteral("4")),
                                     rollout(QStringLiteral("b"), QStringLiteral("5"))};
        accumulator.add(std::move(second));
        QCOMPARE(
            summary(accumulator.take(false)),
            QStringList({QStringLiteral("+b@5"), QStringLiteral("+d@2"), QStringLiteral("+e@4"),
                         QStringLiteral("-shop/a"), QStringLiteral("-shop/c")}));
        QVERIFY(accumulator.isEmpty());
    }

    // Random parts over a few keys, against the plain merge: same order, same newest state,
    // same deletes, for thousands of keys (the index grows) and for a few (many collisions).
    void mergesAsThePlainMergeDoes_data()
    {
        QTest::addColumn<int>("names");
        QTest::newRow("few names") << 7;
        QTest::newRow("many names") << 3000;
    }
    void mergesAsThePlainMergeDoes()
    {
        QFETCH(int, names);
        QRandomGenerator random(names);
        DeltaAccumulator accumulator;
        ReferenceMerge reference;
        int version = 0;
        for (int round = 0; round < 200; ++round) {
            const int parts = random.bounded(1, 4);
            for (int p = 0; p < parts; ++p) {
                WorkloadDeltaBatch part;
                const int changes = random.bounded(0, round % 50 == 0 ? 4000 : 20);
                for (int c = 0; c < changes; ++c) {
                    const QString name = QStringLiteral("n%1").arg(random.bounded(names));
                    if (random.bounded(4) == 0)
                        part.deletes<Rollout>().append(QStringLiteral("shop/") + name);
                    else
                        part.upserts<Rollout>().append(rollout(name, QString::number(++version)));
                }
                reference.add(part);
                accumulator.add(std::move(part));
            }
            const bool reset = random.bounded(5) == 0;
            QCOMPARE(summary(accumulator.take(reset)), reference.take(reset));
        }
    }
};

QTEST_GUILESS_MAIN(TestDeltaAccumulator)
#include "tst_deltaaccumulator.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "deltaaccumulator.h"

#include <QTest>

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
    for (const Rollout &r : batch.rolloutUpserts)
        lines.append(QStringLiteral("+") + r.metadata.name + QLatin1Char('@')
                     + r.metadata.resourceVersion);
    for (const QString &key : batch.rolloutDeletes)
        lines.append(QStringLiteral("-") + key);
    return lines;
}
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
        first.rolloutUpserts = {rollout(QStringLiteral("api"), QStringLiteral("1")),
                                rollout(QStringLiteral("cart"), QStringLiteral("2"))};
        QCOMPARE(accumulator.add(std::move(first)), true); // schedule a flush
        WorkloadDeltaBatch second;
        second.rolloutUpserts = {rollout(QStringLiteral("api"), QStringLiteral("3"))};
        second.rolloutDeletes = {QStringLiteral("shop/cart"), QStringLiteral("shop/old")};
        QCOMPARE(accumulator.add(std::move(second)), false); // already scheduled
        WorkloadDeltaBatch third;
        third.rolloutUpserts = {rollout(QStringLiteral("old"), QStringLiteral("4"))};
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
        part.rolloutUpserts = {rollout(QStringLiteral("api"), QStringLiteral("1"))};
        part.rolloutDeletes = {QStringLiteral("shop/gone")};
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
        first.podUpserts = {named(Pod(), "api-1", "1"), named(Pod(), "api-2", "2")};
        first.analysisRunUpserts = {named(AnalysisRun(), "api", "3")};
        first.eventUpserts = {named(Event(), "api.1", "4")};
        accumulator.add(std::move(first));
        WorkloadDeltaBatch second;
        second.podDeletes = {QStringLiteral("shop/api-1")};
        second.podUpserts = {named(Pod(), "api-2", "5")};
        second.eventDeletes = {QStringLiteral("shop/api.0")};
        // Same name, other kind: not merged with the pod.
        second.rolloutUpserts = {named(Rollout(), "api-2", "6")};
        accumulator.add(std::move(second));

        const WorkloadDeltaBatch batch = accumulator.take(false);
        QCOMPARE(batch.changeCount(), 6);
        QCOMPARE(batch.podUpserts.size(), 1);
        QCOMPARE(batch.podUpserts.constFirst().metadata.resourceVersion, QStringLiteral("5"));
        QCOMPARE(batch.podDeletes, QStringList {QStringLiteral("shop/api-1")});
        QCOMPARE(batch.analysisRunUpserts.constFirst().metadata.name, QStringLiteral("api"));
        QCOMPARE(batch.eventUpserts.constFirst().metadata.name, QStringLiteral("api.1"));
        QCOMPARE(batch.eventDeletes, QStringList {QStringLiteral("shop/api.0")});
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
};

QTEST_GUILESS_MAIN(TestDeltaAccumulator)
#include "tst_deltaaccumulator.moc"

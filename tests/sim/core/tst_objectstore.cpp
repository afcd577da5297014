// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QJsonArray>
#include <QTest>

#include <thread>

using namespace rdsim;

class TestObjectStore : public QObject
{
    Q_OBJECT

private:
    static const ResourceType &rollouts()
    {
        return *ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
    }
    static QJsonObject rollout(const QString &ns, const QString &name, int replicas)
    {
        return QJsonObject {
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("spec"), QJsonObject {{QStringLiteral("replicas"), replicas}}}};
    }
    static QString rv(const QJsonObject &o)
    {
        return o.value(QStringLiteral("metadata"))
            .toObject()
            .value(QStringLiteral("resourceVersion"))
            .toString();
    }
    static qint64 generation(const QJsonObject &o)
    {
        return o.value(QStringLiteral("metadata"))
            .toObject()
            .value(QStringLiteral("generation"))
            .toInteger();
    }

private slots:
    void createFillsBookkeeping()
    {
        VirtualClock clock;
        clock.setFrozen(true);
        ObjectStore store(&clock);
        const StoreResult r
            = store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("web"), 3));
        QVERIFY(r.ok());
        QCOMPARE(rv(r.object), QStringLiteral("1001"));
        QCOMPARE(generation(r.object), 1);
        QCOMPARE(r.object.value(QStringLiteral("kind")).toString(), QStringLiteral("Rollout"));
        QCOMPARE(r.object.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("argoproj.io/v1alpha1"));
        QCOMPARE(r.object.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("creationTimestamp"))
                     .toString(),
                 clock.nowRfc3339());
        const StoreResult again
            = store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("web"), 1));
        QCOMPARE(again.error.code, 409);
        QCOMPARE(again.error.reason, QStringLiteral("AlreadyExists"));
        QCOMPARE(again.error.message,
                 QStringLiteral("rollouts.argoproj.io \"web\" already exists"));
        const StoreResult unnamed = store.create(rollouts(), QJsonObject {});
        QCOMPARE(unnamed.error.code, 422);
    }

    void updateBumpsGenerationOnlyOnSpecChange()
    {
        VirtualClock clock;
        ObjectStore store(&clock);
        QJsonObject o
            = store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("web"), 3))
                  .object;
        o.insert(QStringLiteral("status"),
                 QJsonObject {{QStringLiteral("phase"), QStringLiteral("Healthy")}});
        StoreResult r = store.update(rollouts(), o, WriteScope::Whole);
        QVERIFY(r.ok());
        QCOMPARE(generation(r.object), 1);
        QCOMPARE(rv(r.object), QStringLiteral("1002"));
        // A no-op write changes nothing and records nothing.
        const quint64 changes = store.changeCount();
        r = store.update(rollouts(), r.object, WriteScope::Whole);
        QCOMPARE(rv(r.object), QStringLiteral("1002"));
        QCOMPARE(store.changeCount(), changes);

        QJsonObject specChange = rollout(QStringLiteral("shop"), QStringLiteral("web"), 5);
        r = store.update(rollouts(), specChange, WriteScope::Spec);
        QCOMPARE(generation(r.object), 2);
        // The main resource keeps the stored status.
        QCOMPARE(r.object.value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("phase"))
                     .toString(),
                 QStringLiteral("Healthy"));
    }

    void statusScopeChangesOnlyStatus()
    {
        VirtualClock clock;
        ObjectStore store(&clock);
        store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("web"), 3));
        QJsonObject o = rollout(QStringLiteral("shop"), QStringLiteral("web"), 99);
        o.insert(QStringLiteral("status"), QJsonObject {{QStringLiteral("abort"), true}});
        const StoreResult r = store.update(rollouts(), o, WriteScope::Status);
        QCOMPARE(r.object.value(QStringLiteral("spec"))
                     .toObject()
                     .value(QStringLiteral("replicas"))
                     .toInt(),
                 3);
        QCOMPARE(r.object.value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("abort"))
                     .toBool(),
                 true);
        QCOMPARE(generation(r.object), 1);
    }

    void staleResourceVersionConflicts()
    {
        VirtualClock clock;
        ObjectStore store(&clock);
        QJsonObject o
            = store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("web"), 3))
                  .object;
        QVERIFY(store
                    .update(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("web"), 4),
                            WriteScope::Spec)
                    .ok());
        QJsonObject stale = o;
        stale.insert(QStringLiteral("spec"), QJsonObject {{QStringLiteral("replicas"), 7}});
        const StoreResult r = store.update(rollouts(), stale, WriteScope::Spec);
        QCOMPARE(r.error.code, 409);
        QCOMPARE(r.error.message,
                 QStringLiteral(
                     "Operation cannot be fulfilled on rollouts.argoproj.io \"web\": the object "
                     "has been modified; please apply your changes to the latest version and try "
                     "again"));
        const StoreResult missing
            = store.update(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("nope"), 1),
                           WriteScope::Spec);
        QCOMPARE(missing.error.code, 404);
        QCOMPARE(missing.error.message, QStringLiteral("rollouts.argoproj.io \"nope\" not found"));
    }

    void listIsSortedAndScopedByNamespace()
    {
        VirtualClock clock;
        ObjectStore store(&clock);
        store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("b"), 1));
        store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("a"), 1));
        store.create(rollouts(), rollout(QStringLiteral("shopping"), QStringLiteral("c"), 1));
        store.create(rollouts(), rollout(QStringLiteral("pay"), QStringLiteral("d"), 1));
        qint64 listRv = 0;
        const QList<QJsonObject> shop = store.list(rollouts(), QStringLiteral("shop"), &listRv);
        QCOMPARE(shop.size(), 2);
        QCOMPARE(shop.at(0)
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("a"));
        QCOMPARE(listRv, store.resourceVersion());
        QCOMPARE(store.list(rollouts()).size(), 4);
    }

    void watchDeliversEventsAfterVersion()
    {
        VirtualClock clock;
        ObjectStore store(&clock);
        store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("a"), 1));
        const qint64 from = store.resourceVersion();
        std::thread writer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            store.create(rollouts(), rollout(QStringLiteral("pay"), QStringLiteral("x"), 1));
            store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("b"), 1));
        });
        ObjectStore::WatchBatch batch;
        for (int i = 0; i < 10 && batch.events.isEmpty(); ++i)
            batch = store.waitForEvents(rollouts(), QStringLiteral("shop"), from, 2000);
        writer.join();
        QCOMPARE(batch.events.size(), 1);
        QCOMPARE(batch.events.first().type, QStringLiteral("ADDED"));
        QCOMPARE(batch.events.first().resourceVersion, from + 2);

        const StoreResult removed
            = store.remove(rollouts(), QStringLiteral("shop"), QStringLiteral("b"));
        batch = store.waitForEvents(rollouts(), QStringLiteral("shop"), from + 2, 0);
        QCOMPARE(batch.events.size(), 1);
        QCOMPARE(batch.events.first().type, QStringLiteral("DELETED"));
        QCOMPARE(rv(batch.events.first().object), rv(removed.object));
    }

    void compactionMakesOldVersionsTooOld()
    {
        VirtualClock clock;
        ObjectStore store(&clock);
        store.create(rollouts(), rollout(QStringLiteral("shop"), QStringLiteral("a"), 1));
        const qint64 old = store.resourceVersion() - 1;
        QVERIFY(!store.waitForEvents(rollouts(), {}, old, 0).tooOld);
        store.compact();
        QVERIFY(store.waitForEvents(rollouts(), {}, old, 0).tooOld);
        QVERIFY(!store.waitForEvents(rollouts(), {}, store.resourceVersion(), 0).tooOld);

        store.setHistoryLimit(2);
        for (int i = 0; i < 4; ++i)
            store.create(rollouts(),
                         rollout(QStringLiteral("shop"), QStringLiteral("n%1").arg(i), 1));
        QCOMPARE(store.compactedRv(), store.resourceVersion() - 2);
    }

    void frozenClockAdvancesOnlyWhenTold()
    {
        VirtualClock clock(10.0);
        clock.setFrozen(true);
        const qint64 t0 = clock.nowMs();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        QCOMPARE(clock.nowMs(), t0);
        clock.advance(30000);
        QCOMPARE(clock.nowMs(), t0 + 30000);
        QCOMPARE(VirtualClock::fromRfc3339(VirtualClock::toRfc3339(86400000)), 86400000);
        QCOMPARE(VirtualClock::fromRfc3339(QStringLiteral("not a time")), -1);
    }
};

QTEST_GUILESS_MAIN(TestObjectStore)
#include "tst_objectstore.moc"

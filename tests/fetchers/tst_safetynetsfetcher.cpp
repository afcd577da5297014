// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetsFetcher against rd-sim in process: a fetch runs on the pool and its inventory
// comes back on the GUI thread; a newer fetch of the same namespace replaces an older one;
// a fetch of an earlier fleet, or of an environment the fleet does not have, says nothing.
#include "fleetsim.h"
#include "safetynetsfetcher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

class TestSafetyNetsFetcher : public QObject
{
    Q_OBJECT

private:
    FleetSim m_sim;

    // OpenFeature's flags of tests/data/safetynets in east's shop: something to read back.
    void seedFlags()
    {
        QFile in(QStringLiteral(RD_TEST_DATA_DIR "/safetynets/featureflags.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QJsonArray items = QJsonDocument::fromJson(in.readAll())
                                     .object()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        const ResourceType *flags = ResourceCatalog::find(QStringLiteral("core.openfeature.dev"),
                                                          QStringLiteral("featureflags"));
        QVERIFY(flags);
        for (const QJsonValue &item : items)
            m_sim.create(*flags, item.toObject());
    }

    QList<EnvironmentSpec> fleet(const QStringList &names) const
    {
        QList<EnvironmentSpec> environments;
        for (const QString &name : names)
            environments << FleetSim::environment(name, name);
        return environments;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        seedFlags();
    }

    void answersTheNewestFetchOnTheGuiThread()
    {
        SafetyNetsFetcher fetcher;
        fetcher.setFleet(m_sim.kubeconfig(),
                         fleet({QStringLiteral("east"), QStringLiteral("west")}));
        QSignalSpy spy(&fetcher, &SafetyNetsFetcher::inventoryFetched);
        QThread *receivedOn = nullptr;
        connect(&fetcher, &SafetyNetsFetcher::inventoryFetched, this,
                [&receivedOn] { receivedOn = QThread::currentThread(); });
        fetcher.fetch(QStringLiteral("nowhere"), QStringLiteral("shop"), 0, 0);
        QCOMPARE(fetcher.pendingCount(), 0);
        fetcher.fetch(QStringLiteral("east"), QStringLiteral("shop"), 0, 0);
        fetcher.fetch(QStringLiteral("east"), QStringLiteral("shop"), 0, 0);
        fetcher.fetch(QStringLiteral("west"), QStringLiteral("shop"), 0, 0);
        QCOMPARE(fetcher.pendingCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 30000);
        QTest::qWait(300); // the replaced fetch says nothing, even when it finished first
        QCOMPARE(spy.size(), 2);
        QCOMPARE(fetcher.pendingCount(), 0);
        QCOMPARE(receivedOn, QThread::currentThread());
        QStringList answered;
        for (const QList<QVariant> &signal : std::as_const(spy)) {
            const auto inventory = signal.first().value<SafetyNetInventory>();
            answered << inventory.environment;
            QCOMPARE(inventory.namespace_, QStringLiteral("shop"));
            QCOMPARE(inventory.source(SafetyNetSource::FeatureFlags).state,
                     SafetyNetSourceState::State::Loaded);
            QCOMPARE(inventory.source(SafetyNetSource::Falco).state,
                     SafetyNetSourceState::State::NotAsked); // no window asked
            QCOMPARE(inventory.featureFlags.size(),
                     inventory.environment == QLatin1String("east") ? 2 : 0);
        }
        answered.sort();
        QCOMPARE(answered, QStringList({QStringLiteral("east"), QStringLiteral("west")}));
    }

    void dropsAnEarlierFleet()
    {
        SafetyNetsFetcher fetcher;
        fetcher.setFleet(m_sim.kubeconfig(), fleet({QStringLiteral("east")}));
        QSignalSpy spy(&fetcher, &SafetyNetsFetcher::inventoryFetched);
        fetcher.fetch(QStringLiteral("east"), QStringLiteral("shop"), 0, 0);
        fetcher.setFleet(m_sim.kubeconfig(), fleet({QStringLiteral("west")}));
        QCOMPARE(fetcher.pendingCount(), 0);
        fetcher.fetch(QStringLiteral("west"), QStringLiteral("shop"), 0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 30000);
        QTest::qWait(500);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().value<SafetyNetInventory>().environment,
                 QStringLiteral("west"));
    }

    void aDestroyedFetcherSaysNothing()
    {
        auto fetcher = std::make_unique<SafetyNetsFetcher>();
        fetcher->setFleet(m_sim.kubeconfig(), fleet({QStringLiteral("east")}));
        int answers = 0;
        connect(fetcher.get(), &SafetyNetsFetcher::inventoryFetched, this,
                [&answers] { ++answers; });
        fetcher->fetch(QStringLiteral("east"), QStringLiteral("shop"), 0, 0);
        fetcher.reset();
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(100);
        QCOMPARE(answers, 0);
    }
};

QTEST_GUILESS_MAIN(TestSafetyNetsFetcher)
#include "tst_safetynetsfetcher.moc"

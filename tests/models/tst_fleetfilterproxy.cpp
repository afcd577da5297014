// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "workloadbuilders.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestFleetFilterProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FleetModel> m_model;
    std::unique_ptr<FleetFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    QStringList names() const
    {
        QStringList list;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, FleetModel::NameColumn);
            list.append(index.data(FleetModel::EnvironmentRole).toString() + QLatin1Char(':')
                        + index.data().toString());
        }
        return list;
    }

private slots:
    void init()
    {
        m_model = std::make_unique<FleetModel>();
        m_proxy = std::make_unique<FleetFilterProxy>();
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_proxy->setSourceModel(m_model.get());
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get());
        m_model->setEnvironments(
            {EnvironmentSpec {QStringLiteral("prod"), QString(), {}, {}, false, 0, {}},
             EnvironmentSpec {QStringLiteral("staging"), QString(), {}, {}, false, 1, {}}});
        Rollout checkout = Build::canary(QStringLiteral("shop"), QStringLiteral("checkout"),
                                         QStringLiteral("Degraded"),
                                         QStringLiteral("RolloutAborted: error rate"));
        checkout.spec.podTemplate.containers
            = {Build::container(QStringLiteral("ghcr.io/acme/pay:3.1"))};
        m_model->applyBatch(
            QStringLiteral("prod"),
            Build::upsert(
                {checkout,
                 Build::canary(QStringLiteral("shop"), QStringLiteral("api"),
                               QStringLiteral("Paused"), QStringLiteral("CanaryPauseStep")),
                 Build::blueGreen(QStringLiteral("web"), QStringLiteral("frontend"),
                                  QStringLiteral("Healthy"))},
                {Build::deployment(QStringLiteral("infra"), QStringLiteral("redis"), 1, 1, 1)}));
        m_model->applyBatch(QStringLiteral("staging"),
                            Build::upsert({Build::canary(
                                QStringLiteral("shop"), QStringLiteral("api"),
                                QStringLiteral("Progressing"), QStringLiteral("more replicas"))}));
    }
    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void textMatchesNameNamespaceAndImage()
    {
        QCOMPARE(m_proxy->rowCount(), 5);
        m_proxy->setFilterText(QStringLiteral("API"));
        QCOMPARE(names(), QStringList({QStringLiteral("prod:api"), QStringLiteral("staging:api")}));
        m_proxy->setFilterText(QStringLiteral("infra"));
        QCOMPARE(names(), QStringList {QStringLiteral("prod:redis")});
        m_proxy->setFilterText(QStringLiteral("acme/pay"));
        QCOMPARE(names(), QStringList {QStringLiteral("prod:checkout")});
        m_proxy->setFilterText(QStringLiteral("shop  api")); // every word must match
        QCOMPARE(names(), QStringList({QStringLiteral("prod:api"), QStringLiteral("staging:api")}));
        m_proxy->setFilterText(QStringLiteral("nothing-like-this"));
        QCOMPARE(m_proxy->rowCount(), 0);
        m_proxy->setFilterText(QString());
        QCOMPARE(m_proxy->rowCount(), 5);
    }

    void environmentPhaseAndAttentionFilters()
    {
        m_proxy->setEnvironmentFilter(QStringLiteral("staging"));
        QCOMPARE(names(), QStringList {QStringLiteral("staging:api")});
        m_proxy->setEnvironmentFilter(QString());
        m_proxy->setPhaseFilter({QStringLiteral("Paused"), QStringLiteral("Degraded")});
        QCOMPARE(names(),
                 QStringList({QStringLiteral("prod:checkout"), QStringLiteral("prod:api")}));
        m_proxy->setPhaseFilter({});
        m_proxy->setAttentionOnly(true);
        // checkout is degraded; api waits at a pause step without a duration, so only a
        // person's promote moves it on.
        QCOMPARE(names(),
                 QStringList({QStringLiteral("prod:checkout"), QStringLiteral("prod:api")}));
        m_proxy->setAttentionOnly(false);
        QCOMPARE(m_proxy->rowCount(), 5);
    }

    void followsModelChanges()
    {
        m_proxy->setAttentionOnly(true);
        QCOMPARE(m_proxy->rowCount(), 2);
        // api progresses again: nobody is needed.
        m_model->applyBatch(
            QStringLiteral("prod"),
            Build::upsert({Build::canary(QStringLiteral("shop"), QStringLiteral("api"),
                                         QStringLiteral("Progressing"), QString())}));
        QCOMPARE(names(), QStringList {QStringLiteral("prod:checkout")});
        // ... and now waits on an inconclusive analysis: a person must decide.
        m_model->applyBatch(
            QStringLiteral("prod"),
            Build::upsert({Build::canary(QStringLiteral("shop"), QStringLiteral("api"),
                                         QStringLiteral("Paused"),
                                         QStringLiteral("InconclusiveAnalysisRun"))}));
        QCOMPARE(names(),
                 QStringList({QStringLiteral("prod:checkout"), QStringLiteral("prod:api")}));
        WorkloadDeltaBatch batch;
        batch.deletes<Rollout>() = {QStringLiteral("shop/checkout")};
        m_model->applyBatch(QStringLiteral("prod"), batch);
        QCOMPARE(names(), QStringList {QStringLiteral("prod:api")});
    }

    void sortsOnSortRole()
    {
        m_proxy->sort(FleetModel::StatusColumn, Qt::AscendingOrder);
        // Degraded, Paused, Progressing, then the healthy ones in source order (redis is a
        // complete Deployment).
        QCOMPARE(names(),
                 QStringList({QStringLiteral("prod:checkout"), QStringLiteral("prod:api"),
                              QStringLiteral("staging:api"), QStringLiteral("prod:frontend"),
                              QStringLiteral("prod:redis")}));
        m_proxy->sort(FleetModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(names(),
                 QStringList({QStringLiteral("prod:redis"), QStringLiteral("prod:frontend"),
                              QStringLiteral("prod:checkout"), QStringLiteral("prod:api"),
                              QStringLiteral("staging:api")}));
        m_proxy->sort(FleetModel::EnvironmentColumn, Qt::DescendingOrder);
        QCOMPARE(names().constFirst(), QStringLiteral("staging:api"));

        // Dynamic: a row whose status changes moves.
        m_proxy->sort(FleetModel::StatusColumn, Qt::AscendingOrder);
        m_model->applyBatch(
            QStringLiteral("prod"),
            Build::upsert({Build::blueGreen(QStringLiteral("web"), QStringLiteral("frontend"),
                                            QStringLiteral("Degraded"))}));
        QCOMPARE(names().mid(0, 2),
                 QStringList({QStringLiteral("prod:checkout"), QStringLiteral("prod:frontend")}));
    }
};

QTEST_GUILESS_MAIN(TestFleetFilterProxy)
#include "tst_fleetfilterproxy.moc"

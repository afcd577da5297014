// SPDX-License-Identifier: GPL-3.0-or-later
// PromotionModel: environments as columns in config order, workloads matched by name or by
// the config's promotion rows, application-only rows, versions with their canary, ahead and
// behind, and the rows following the fleet's changes with signals for what changed only.
#include "applicationsmodel.h"
#include "fleetmodel.h"
#include "promotionmodel.h"
#include "safetynetstext.h"
#include "workloadbuilders.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

EnvironmentSpec environment(const QString &name, int order)
{
    EnvironmentSpec spec;
    spec.name = name;
    spec.order = order;
    return spec;
}

// A canary rollout at rest on `stable`, or (with `canary`) running it beside the stable.
WorkloadDeltaBatch rollout(const QString &ns, const QString &name, const QString &stable,
                           const QString &canary = QString(),
                           const QString &phase = QStringLiteral("Healthy"))
{
    Rollout r = Build::canary(ns, name, phase, QString(), canary.isEmpty() ? 3 : 1);
    const QString image = QStringLiteral("registry/") + name + QLatin1Char(':');
    r.status.stableRS = QStringLiteral("s1");
    r.status.currentPodHash = canary.isEmpty() ? QStringLiteral("s1") : QStringLiteral("c2");
    r.spec.podTemplate.containers
        = {Build::container(image + (canary.isEmpty() ? stable : canary))};
    QList<ReplicaSet> sets {Build::replicaSet(r, QStringLiteral("s1"), 1, 4, image + stable)};
    if (!canary.isEmpty())
        sets.append(Build::replicaSet(r, QStringLiteral("c2"), 2, 1, image + canary));
    return Build::upsert({r}, {}, sets);
}

ArgoApplication application(const QString &environment, const QString &name)
{
    ArgoApplication app;
    app.environment = environment;
    app.instance = QStringLiteral("argocd");
    app.appNamespace = QStringLiteral("argocd");
    app.name = name;
    app.syncStatus = QStringLiteral("Synced");
    app.health = QStringLiteral("Healthy");
    app.syncRevision = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    return app;
}

} // namespace

class TestPromotionModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void columnsInConfigOrder();
    void matchesWorkloadsByName();
    void versionsWithTheirCanary();
    void aheadAndBehind();
    void compareVersions_data();
    void compareVersions();
    void configuredRows();
    void applicationOnlyRows();
    void followsTheFleet();
    void stagingEvidenceOfTheCanary();
    void thousandsOfWorkloads();

private:
    QString cell(const QString &row, const QString &environment, int role = Qt::DisplayRole) const
    {
        const int r = m_model->rowOf(row);
        const int c = int(m_model->environments().indexOf(environment)) + 1;
        return r < 0 || c < 1 ? QStringLiteral("(none)")
                              : m_model->index(r, c).data(role).toString();
    }
    int drift(const QString &row, const QString &environment) const
    {
        return m_model->index(m_model->rowOf(row), m_model->environments().indexOf(environment) + 1)
            .data(PromotionModel::DriftRole)
            .toInt();
    }
    QStringList rowNames() const
    {
        QStringList names;
        for (int row = 0; row < m_model->rowCount(); ++row)
            names.append(m_model->index(row, 0).data().toString());
        return names;
    }

    FleetModel *m_fleet = nullptr;
    ApplicationsModel *m_apps = nullptr;
    PromotionModel *m_model = nullptr;
};

void TestPromotionModel::init()
{
    m_fleet = new FleetModel(this);
    m_apps = new ApplicationsModel(this);
    m_model = new PromotionModel(m_fleet, m_apps, this);
    new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_model);
    m_model->setUpdateDelay(0);
    m_fleet->setEnvironments({environment(QStringLiteral("prod"), 3),
                              environment(QStringLiteral("dev"), 1),
                              environment(QStringLiteral("staging"), 2)});
    m_model->applyPendingChanges();
}

void TestPromotionModel::cleanup()
{
    delete m_model;
    delete m_apps;
    delete m_fleet;
}

void TestPromotionModel::columnsInConfigOrder()
{
    QCOMPARE(m_model->columnCount(), 4);
    QStringList headers;
    for (int column = 0; column < m_model->columnCount(); ++column)
        headers.append(m_model->headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers, (QStringList {"Workload", "dev", "staging", "prod"}));
}

void TestPromotionModel::matchesWorkloadsByName()
{
    for (const QString env : {"dev", "staging", "prod"})
        m_fleet->applyBatch(env, rollout("shop", "checkout", "1.4.1"));
    m_fleet->applyBatch("dev", rollout("shop", "cart", "2.0.3"));
    m_fleet->applyBatch("prod", Build::upsert({}, {Build::deployment("shop", "web", 2, 2, 2)}));
    m_model->applyPendingChanges();
    QCOMPARE(rowNames(), (QStringList {"shop/cart", "shop/checkout", "shop/web"}));
    QCOMPARE(cell("shop/checkout", "staging"), QStringLiteral("1.4.1"));
    QCOMPARE(cell("shop/cart", "dev"), QStringLiteral("2.0.3"));
    QCOMPARE(cell("shop/cart", "prod"), QStringLiteral("—"));
    QCOMPARE(cell("shop/cart", "prod", Qt::ToolTipRole),
             QStringLiteral("shop/cart is not deployed in prod"));
    QCOMPARE(cell("shop/web", "prod"), QStringLiteral("1.0"));
    QCOMPARE(m_model->index(m_model->rowOf("shop/web"), 3)
                 .data(PromotionModel::WorkloadRole)
                 .toStringList(),
             (QStringList {"prod", "shop", "web"}));
}

void TestPromotionModel::versionsWithTheirCanary()
{
    m_fleet->applyBatch("staging", rollout("shop", "checkout", "1.4.2", "1.5.0-rc.1", "Paused"));
    m_model->applyPendingChanges();
    QCOMPARE(cell("shop/checkout", "staging"), QStringLiteral("1.4.2 → 1.5.0-rc.1"));
    QCOMPARE(cell("shop/checkout", "staging", PromotionModel::VersionRole),
             QStringLiteral("1.4.2"));
    QCOMPARE(cell("shop/checkout", "staging", PromotionModel::CanaryVersionRole),
             QStringLiteral("1.5.0-rc.1"));
    QCOMPARE(cell("shop/checkout", "staging", PromotionModel::PhaseRole), QStringLiteral("Paused"));
    QVERIFY(
        cell("shop/checkout", "staging", Qt::ToolTipRole)
            .startsWith("Rollout shop/checkout in staging\nVersion: 1.4.2, canary 1.5.0-rc.1\n"));
}

void TestPromotionModel::aheadAndBehind()
{
    m_fleet->applyBatch("dev", rollout("shop", "checkout", "1.5.0"));
    m_fleet->applyBatch("staging", rollout("shop", "checkout", "1.5.0-rc.1"));
    m_fleet->applyBatch("prod", rollout("shop", "checkout", "1.4.1"));
    m_fleet->applyBatch("staging", rollout("shop", "cart", "2.0.3"));
    m_fleet->applyBatch("prod", rollout("shop", "cart", "2.0.4")); // a hotfix: nothing pending
    m_model->applyPendingChanges();
    QCOMPARE(drift("shop/checkout", "dev"), int(PromotionModel::AheadOfNext));
    QCOMPARE(drift("shop/checkout", "staging"),
             int(PromotionModel::AheadOfNext | PromotionModel::BehindPrevious));
    QCOMPARE(drift("shop/checkout", "prod"), int(PromotionModel::BehindPrevious));
    QVERIFY(cell("shop/checkout", "prod", Qt::ToolTipRole)
                .endsWith("\nBehind staging, which runs 1.5.0-rc.1"));
    QVERIFY(cell("shop/checkout", "staging", Qt::ToolTipRole)
                .contains("\nAhead of prod, which runs 1.4.1: not promoted there yet\n"));
    QCOMPARE(drift("shop/cart", "staging"), 0);
    QCOMPARE(drift("shop/cart", "prod"), 0);
}

void TestPromotionModel::compareVersions_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected"); // 2: not comparable
    QTest::newRow("numbers") << "1.10.0"
                             << "1.9.3" << 1;
    QTest::newRow("equal with v") << "v1.4.1"
                                  << "1.4.1" << 0;
    QTest::newRow("release after rc") << "1.5.0"
                                      << "1.5.0-rc.1" << 1;
    QTest::newRow("rc numbers") << "1.5.0-rc.2"
                                << "1.5.0-rc.10" << -1;
    QTest::newRow("build ignored") << "1.5.0+abc"
                                   << "1.5.0" << 0;
    QTest::newRow("sha") << "3f2a9c1"
                         << "1.4.1" << 2;
    QTest::newRow("latest") << "latest"
                            << "latest" << 2;
}

void TestPromotionModel::compareVersions()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(PromotionModel::compareVersions(a, b).value_or(2), expected);
    if (expected != 2)
        QCOMPARE(PromotionModel::compareVersions(b, a).value_or(2), -expected);
}

void TestPromotionModel::configuredRows()
{
    for (const QString env : {"dev", "prod"})
        m_fleet->applyBatch(env, rollout("shop", "checkout", "1.4.1"));
    m_fleet->applyBatch("staging", rollout("shop", "checkout-v2", "1.4.1"));
    m_fleet->applyBatch("staging", rollout("shop", "checkout", "0.9.0"));
    m_model->applyPendingChanges();
    QCOMPARE(rowNames(), (QStringList {"shop/checkout", "shop/checkout-v2"}));
    PromotionSettings settings;
    settings.rows.append(PromotionRowSpec {
        "checkout",
        {{"dev", "shop/checkout"}, {"staging", "shop/checkout-v2"}, {"prod", "shop/checkout"}},
        3});
    m_model->setSettings(settings);
    m_model->applyPendingChanges();
    // The configured row first; staging's shop/checkout keeps a row of its own.
    QCOMPARE(rowNames(), (QStringList {"checkout", "shop/checkout"}));
    QCOMPARE(cell("checkout", "staging"), QStringLiteral("1.4.1"));
    QCOMPARE(m_model->index(0, 2).data(PromotionModel::WorkloadRole).toStringList(),
             (QStringList {"staging", "shop", "checkout-v2"}));
    QCOMPARE(cell("shop/checkout", "dev"), QStringLiteral("—"));
    QCOMPARE(cell("shop/checkout", "staging"), QStringLiteral("0.9.0"));
    QCOMPARE(drift("checkout", "staging"), 0);
}

void TestPromotionModel::applicationOnlyRows()
{
    m_fleet->applyBatch("staging", rollout("shop", "checkout", "1.4.1"));
    ArgoApplication checkout = application("staging", "checkout-staging");
    checkout.syncStatus = QStringLiteral("OutOfSync");
    ArgoResource managed;
    managed.group = QStringLiteral("argoproj.io");
    managed.kind = QStringLiteral("Rollout");
    managed.namespaceName = QStringLiteral("shop");
    managed.name = QStringLiteral("checkout");
    checkout.resources = {managed};
    ArgoApplication billing = application("prod", "billing-prod");
    ArgoSource chart;
    chart.chart = QStringLiteral("billing");
    chart.targetRevision = QStringLiteral("2.1.0");
    billing.sources = {chart};
    ArgoApplication other = application("dev", "payments");
    for (const QString env : {"staging", "prod", "dev"}) {
        ArgoAppBatch batch;
        batch.environment = env;
        batch.instance = QStringLiteral("argocd");
        for (const ArgoApplication &app : {checkout, billing, other}) {
            if (app.environment == env)
                batch.upserts.append(app);
        }
        m_apps->applyBatch(batch);
        m_fleet->setApplications(batch);
    }
    m_model->applyPendingChanges();
    QCOMPARE(rowNames(), (QStringList {"billing", "payments", "shop/checkout"}));
    QCOMPARE(cell("shop/checkout", "staging", PromotionModel::SyncStatusRole),
             QStringLiteral("OutOfSync"));
    QCOMPARE(cell("billing", "prod"), QStringLiteral("2.1.0"));
    QCOMPARE(cell("billing", "prod", PromotionModel::ApplicationKeyRole), billing.key());
    QCOMPARE(cell("billing", "prod", PromotionModel::IsApplicationRole), QStringLiteral("true"));
    QCOMPARE(cell("payments", "dev"), QStringLiteral("0123456"));
    QCOMPARE(cell("billing", "prod", Qt::ToolTipRole),
             QStringLiteral("Argo CD application billing-prod in prod (no workload of it in the "
                            "fleet)\nRevision: 2.1.0\nHealth: Healthy\nArgo CD: ✓ Synced"));
}

void TestPromotionModel::followsTheFleet()
{
    m_fleet->applyBatch("dev", rollout("shop", "checkout", "1.4.1"));
    m_fleet->applyBatch("prod", rollout("shop", "checkout", "1.4.1"));
    m_model->applyPendingChanges();
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    m_fleet->applyBatch("dev", rollout("shop", "checkout", "1.4.1", "1.5.0"));
    QTRY_COMPARE(changed.size(), 1); // after the update delay, by itself
    QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(0, 1));
    QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(0, 1));
    QCOMPARE(cell("shop/checkout", "dev"), QStringLiteral("1.4.1 → 1.5.0"));

    changed.clear();
    m_fleet->applyBatch("dev", rollout("shop", "checkout", "1.5.0"));
    m_model->applyPendingChanges();
    QCOMPARE(changed.size(), 1); // dev's version, and prod now behind: one range
    QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(0, 3));
    QCOMPARE(drift("shop/checkout", "prod"), int(PromotionModel::BehindPrevious));

    m_fleet->applyBatch("staging", rollout("shop", "api", "3.0.0"));
    m_model->applyPendingChanges();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(rowNames(), (QStringList {"shop/api", "shop/checkout"}));

    WorkloadDeltaBatch gone;
    gone.deletes<Rollout>() = {QStringLiteral("shop/api")};
    m_fleet->applyBatch("staging", gone);
    m_model->applyPendingChanges();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(rowNames(), (QStringList {"shop/checkout"}));
    QCOMPARE(reset.size(), 0);
}

// Whether prod's canary version passed its load tests and chaos in staging comes from the
// fleet's safety-nets reading of the rollout, and goes when the reading does.
void TestPromotionModel::stagingEvidenceOfTheCanary()
{
    m_fleet->applyBatch("staging", rollout("shop", "checkout", "1.4.1"));
    m_fleet->applyBatch("prod", rollout("shop", "checkout", "1.4.0", "1.4.1"));
    m_model->applyPendingChanges();
    QCOMPARE(cell("shop/checkout", "prod", PromotionModel::EvidenceVerdictRole),
             QString::number(int(SafetyNetsText::Evidence::None)));

    SafetyNets nets;
    nets.environment = QStringLiteral("prod");
    nets.namespace_ = QStringLiteral("shop");
    nets.rollout = QStringLiteral("checkout");
    nets.staging.environment = QStringLiteral("staging");
    nets.sources[int(SafetyNetSource::LitmusChaos)].state = SafetyNetSourceState::State::Loaded;
    ChaosExperiment chaos;
    chaos.name = QStringLiteral("checkout-pod-delete");
    chaos.verdict = QStringLiteral("Fail");
    nets.staging.chaos = {chaos};
    const QString uid = QStringLiteral("uid-shop-checkout");
    m_fleet->setSafetyNets(QStringLiteral("prod"), uid, nets, 1000);
    m_model->applyPendingChanges();
    const QModelIndex prod = m_model->index(m_model->rowOf("shop/checkout"), 3);
    QCOMPARE(prod.data(PromotionModel::EvidenceVerdictRole).toInt(),
             int(SafetyNetsText::Evidence::Failed));
    QCOMPARE(prod.data(PromotionModel::EvidenceTextRole).toStringList(),
             (QStringList {"staging", "staging: failed (checkout-pod-delete)"}));
    QVERIFY2(prod.data(Qt::ToolTipRole)
                 .toString()
                 .contains(QStringLiteral("Evidence from staging: failed (checkout-pod-delete)")),
             qPrintable(prod.data(Qt::ToolTipRole).toString()));

    m_fleet->setSafetyNets(QStringLiteral("prod"), uid, std::nullopt);
    m_model->applyPendingChanges();
    QVERIFY(prod.data(PromotionModel::EvidenceTextRole).toStringList().isEmpty());
}

// A fleet of 3,000 workloads: how long the GUI thread spends on a change of rows (every row
// recomputed) and on a change of one cell. Printed, not asserted (bench/ times things).
void TestPromotionModel::thousandsOfWorkloads()
{
    for (const QString env : {"dev", "staging", "prod"}) {
        WorkloadDeltaBatch batch;
        for (int i = 0; i < 1000; ++i) {
            const WorkloadDeltaBatch one = rollout(
                "ns" + QString::number(i % 20), "app" + QString::number(i), "1.0." + env.left(1));
            batch.upserts<Rollout>() += one.upserts<Rollout>();
            batch.upserts<ReplicaSet>() += one.upserts<ReplicaSet>();
        }
        m_fleet->setSliceObjects(100000);
        m_fleet->applyBatch(env, batch);
    }
    QElapsedTimer timer;
    timer.start();
    m_model->applyPendingChanges();
    const qint64 rows = timer.nsecsElapsed();
    QCOMPARE(m_model->rowCount(), 1000);
    m_fleet->applyBatch("prod", rollout("ns7", "app7", "1.0.x", "1.1.0"));
    timer.restart();
    m_model->applyPendingChanges();
    const qint64 cellOnly = timer.nsecsElapsed();
    QCOMPARE(cell("ns7/app7", "prod"), QStringLiteral("1.0.x → 1.1.0"));
    qInfo("3,000 workloads: all rows %.1f ms, one cell %.2f ms", rows / 1e6, cellOnly / 1e6);
}

QTEST_GUILESS_MAIN(TestPromotionModel)
#include "tst_promotionmodel.moc"

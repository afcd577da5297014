// SPDX-License-Identifier: GPL-3.0-or-later
// ArgoCdClient and ArgoCdWatcher against rd-sim's Argo CD (the demo scenario's dev cluster),
// reached the way the demo reaches it: the cluster's service proxy with the kubeconfig's
// admin credentials and the Argo CD token as the argocd.token cookie.
#include "argocdclient.h"
#include "argocdwatcher.h"
#include "clusterconnection.h"
#include "kubeconfigloader.h"

#include "demo/demoscenario.h"
#include "fleet/simulator.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace rdsim;

class TestArgoCdWatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsTheDemoApplications();
    void revisionMetadataNamesTheCommit();
    void userInfoAndPermissions();
    void missingTokenIsRefusedWithArgoCdsWords();
    void rollbackIsRefusedWhileAutoSyncIsOn();
    void dryRunSyncChangesNothing();
    void watcherRelistsAfterTheStreamDrops();
    void watcherSaysWhenTheTokenIsRefused();
    void syncStartsACanary();

private:
    ArgoCdInstance instance(const QString &token) const;

    std::unique_ptr<Simulator> m_sim;
    ClusterConnection m_dev;
};

void TestArgoCdWatcher::initTestCase()
{
    Scenario scenario;
    QString error;
    QVERIFY2(DemoScenario::load(&scenario, &error), qPrintable(error));
    m_sim = std::make_unique<Simulator>(scenario, SimulatorOptions());
    QVERIFY2(m_sim->start(&error), qPrintable(error));
    KubeconfigSource source;
    source.explicitPath = m_sim->kubeconfigPath();
    Kubeconfig kubeconfig;
    QVERIFY2(KubeconfigLoader::load(source, &kubeconfig, &error), qPrintable(error));
    QVERIFY2(ClusterConnection::resolve(kubeconfig, QStringLiteral("dev"), &m_dev, &error),
             qPrintable(error));
}

void TestArgoCdWatcher::cleanupTestCase()
{
    m_sim.reset();
}

ArgoCdInstance TestArgoCdWatcher::instance(const QString &token) const
{
    ArgoCdInstance instance = ArgoCdInstance::defaults();
    instance.endpoint.bearerToken = token;
    return instance;
}

void TestArgoCdWatcher::listsTheDemoApplications()
{
    ArgoCdClient argocd(instance(QStringLiteral("dev-argocd-admin-token")), m_dev);
    const ArgoResult<ArgoApplicationList> list = argocd.applications(ArgoAppQuery());
    QVERIFY2(list.isOk(), qPrintable(list.error.message));
    QStringList names;
    for (const ArgoApplication &app : list.value.items)
        names.append(app.name);
    names.sort();
    QCOMPARE(names,
             QStringList({QStringLiteral("cart-dev"), QStringLiteral("checkout-dev"),
                          QStringLiteral("search-api-dev"), QStringLiteral("storefront-dev")}));
    QVERIFY(!list.value.resourceVersion.isEmpty());
    for (const ArgoApplication &app : list.value.items) {
        if (app.name == QLatin1String("cart-dev")) {
            // A newer commit in Git than what runs: out of sync, manual sync.
            QCOMPARE(app.syncStatus, QStringLiteral("OutOfSync"));
            QVERIFY(!app.autoSync);
            QVERIFY(app.outOfSyncCount() >= 1);
        }
        if (app.name == QLatin1String("storefront-dev")) {
            QVERIFY(app.sources.value(0).isHelm);
            QVERIFY(!app.sources.value(0).chart.isEmpty());
        }
        if (app.name == QLatin1String("search-api-dev"))
            QVERIFY(app.sources.value(0).isKustomize);
    }
}

void TestArgoCdWatcher::revisionMetadataNamesTheCommit()
{
    ArgoCdClient argocd(instance(QStringLiteral("dev-argocd-admin-token")), m_dev);
    const ArgoResult<ArgoApplication> cart
        = argocd.application(QStringLiteral("cart-dev"), QString());
    QVERIFY2(cart.isOk(), qPrintable(cart.error.message));
    QVERIFY(cart.value.hasHistory);
    QVERIFY(!cart.value.history.isEmpty());
    const ArgoResult<ArgoRevisionMetadata> commit = argocd.revisionMetadata(
        QStringLiteral("cart-dev"), cart.value.appNamespace, cart.value.syncRevision);
    QVERIFY2(commit.isOk(), qPrintable(commit.error.message));
    QVERIFY(!commit.value.author.isEmpty());
    QVERIFY(!commit.value.subject().isEmpty());
    QVERIFY(commit.value.dateMs > 0);
}

void TestArgoCdWatcher::userInfoAndPermissions()
{
    ArgoCdClient admin(instance(QStringLiteral("dev-argocd-admin-token")), m_dev);
    const ArgoResult<ArgoUserInfo> user = admin.userInfo();
    QVERIFY2(user.isOk(), qPrintable(user.error.message));
    QVERIFY(user.value.loggedIn);
    QCOMPARE(user.value.username, QStringLiteral("admin"));
    const ArgoResult<bool> adminMaySync = admin.canI(
        QStringLiteral("applications"), QStringLiteral("sync"), QStringLiteral("shop/cart-dev"));
    QVERIFY2(adminMaySync.isOk(), qPrintable(adminMaySync.error.message));
    QVERIFY(adminMaySync.value);
    ArgoCdClient viewer(instance(QStringLiteral("dev-argocd-viewer-token")), m_dev);
    const ArgoResult<bool> viewerMaySync = viewer.canI(
        QStringLiteral("applications"), QStringLiteral("sync"), QStringLiteral("shop/cart-dev"));
    QVERIFY2(viewerMaySync.isOk(), qPrintable(viewerMaySync.error.message));
    QVERIFY(!viewerMaySync.value);
    // And the server itself refuses the viewer's sync, in its own words.
    const ArgoResult<ArgoApplication> sync = viewer.sync(QStringLiteral("cart-dev"), QString(),
                                                         QStringLiteral("shop"), ArgoSyncOptions());
    QCOMPARE(sync.error.kind, NetError::Kind::Forbidden);
    QVERIFY2(sync.error.message.startsWith(QStringLiteral("Argo CD argocd: ")),
             qPrintable(sync.error.message));
    QVERIFY2(sync.error.message.contains(QStringLiteral("permission denied")),
             qPrintable(sync.error.message));
}

void TestArgoCdWatcher::missingTokenIsRefusedWithArgoCdsWords()
{
    ArgoCdClient anonymous(instance(QString()), m_dev);
    const ArgoResult<ArgoApplicationList> list = anonymous.applications(ArgoAppQuery());
    QCOMPARE(list.error.kind, NetError::Kind::Unauthorized);
    QCOMPARE(list.error.reason, QStringLiteral("Unauthenticated"));
    QVERIFY2(list.error.message.startsWith(QStringLiteral("Argo CD argocd: ")),
             qPrintable(list.error.message));
    ArgoCdClient wrong(instance(QStringLiteral("not-a-token")), m_dev);
    QCOMPARE(wrong.userInfo().value.loggedIn, false);
}

void TestArgoCdWatcher::rollbackIsRefusedWhileAutoSyncIsOn()
{
    ClusterConnection prod;
    KubeconfigSource source;
    source.explicitPath = m_sim->kubeconfigPath();
    Kubeconfig kubeconfig;
    QString error;
    QVERIFY(KubeconfigLoader::load(source, &kubeconfig, &error));
    QVERIFY(ClusterConnection::resolve(kubeconfig, QStringLiteral("prod"), &prod, &error));
    ArgoCdClient argocd(instance(QStringLiteral("prod-argocd-admin-token")), prod);
    const ArgoResult<ArgoApplication> app
        = argocd.application(QStringLiteral("checkout-prod"), QString());
    QVERIFY2(app.isOk(), qPrintable(app.error.message));
    QVERIFY(app.value.autoSync);
    QVERIFY(!app.value.history.isEmpty());
    const ArgoResult<ArgoApplication> rollback
        = argocd.rollback(QStringLiteral("checkout-prod"), QString(), QStringLiteral("shop"),
                          app.value.history.constFirst().id, false, false);
    QVERIFY(!rollback.isOk());
    QVERIFY2(rollback.error.message.contains(QStringLiteral("auto-sync")),
             qPrintable(rollback.error.message));
}

void TestArgoCdWatcher::dryRunSyncChangesNothing()
{
    QCOMPARE(
        ArgoCdClient::syncBody(QStringLiteral("cart-dev"), QString(), QStringLiteral("shop"),
                               ArgoSyncOptions {QString(), true, true}),
        QByteArrayLiteral(R"({"dryRun":true,"name":"cart-dev","project":"shop","prune":true})"));
}

void TestArgoCdWatcher::watcherRelistsAfterTheStreamDrops()
{
    CancelToken cancel;
    std::mutex mutex;
    QList<ArgoAppBatch> batches;
    QList<ArgoCdStatus> statuses;
    BackoffPolicy quick;
    quick.initialMs = 50;
    quick.jitter = 0;
    ArgoCdWatcher watcher(
        QStringLiteral("dev"), instance(QStringLiteral("dev-argocd-admin-token")), m_dev,
        [&](ArgoAppBatch &&batch) {
            std::lock_guard lock(mutex);
            batches.append(batch);
        },
        [&](const ArgoCdStatus &status) {
            std::lock_guard lock(mutex);
            statuses.append(status);
        },
        cancel, quick);
    std::thread thread([&] { watcher.run(); });
    const auto resets = [&] {
        std::lock_guard lock(mutex);
        return std::count_if(batches.cbegin(), batches.cend(),
                             [](const ArgoAppBatch &b) { return b.reset; });
    };
    QTRY_COMPARE_WITH_TIMEOUT(resets(), 1, 10000);
    {
        std::lock_guard lock(mutex);
        QCOMPARE(batches.constFirst().upserts.size(), 4);
        QCOMPARE(batches.constFirst().upserts.constFirst().environment, QStringLiteral("dev"));
        QCOMPARE(statuses.constLast().state, ArgoCdStatus::State::Live);
        QCOMPARE(statuses.constLast().username, QStringLiteral("admin"));
    }
    QString error;
    QVERIFY2(m_sim->dropArgoCdStreams(QStringLiteral("dev"), &error), qPrintable(error));
    // The watcher lists again, so nothing that changed while it was away is missed.
    QTRY_COMPARE_WITH_TIMEOUT(resets(), 2, 10000);
    cancel.cancel();
    thread.join();
}

void TestArgoCdWatcher::watcherSaysWhenTheTokenIsRefused()
{
    CancelToken cancel;
    std::mutex mutex;
    QList<ArgoCdStatus> statuses;
    int batches = 0;
    ArgoCdWatcher watcher(
        QStringLiteral("dev"), instance(QStringLiteral("revoked-token")), m_dev,
        [&](ArgoAppBatch &&) {
            std::lock_guard lock(mutex);
            ++batches;
        },
        [&](const ArgoCdStatus &status) {
            std::lock_guard lock(mutex);
            statuses.append(status);
        },
        cancel);
    std::thread thread([&] { watcher.run(); });
    const auto lastState = [&] {
        std::lock_guard lock(mutex);
        return statuses.isEmpty() ? ArgoCdStatus::State::Connecting : statuses.constLast().state;
    };
    QTRY_COMPARE_WITH_TIMEOUT(lastState(), ArgoCdStatus::State::Error, 10000);
    cancel.cancel();
    thread.join();
    // Argo CD answers userinfo for an unknown token with "not logged in", not an HTTP error:
    // the watcher says so instead of showing an empty, seemingly healthy list.
    QCOMPARE(batches, 0);
    QCOMPARE(statuses.constLast().message,
             QStringLiteral("Argo CD argocd: the token is not logged in (expired or revoked?)"));
    QVERIFY(statuses.constLast().retryAtMs > 0);
}

void TestArgoCdWatcher::syncStartsACanary()
{
    ArgoCdClient argocd(instance(QStringLiteral("dev-argocd-admin-token")), m_dev);
    const ArgoResult<ArgoApplication> synced = argocd.sync(
        QStringLiteral("cart-dev"), QString(), QStringLiteral("shop"), ArgoSyncOptions());
    QVERIFY2(synced.isOk(), qPrintable(synced.error.message));
    QCOMPARE(synced.value.operation.initiatedBy.username, QStringLiteral("admin"));
    // The operation ends, Argo CD records it, and the rollout got the new image: a canary.
    QTRY_VERIFY_WITH_TIMEOUT(
        argocd.application(QStringLiteral("cart-dev"), QString()).value.operation.phase
            == QLatin1String("Succeeded"),
        30000);
    const ArgoApplication after = argocd.application(QStringLiteral("cart-dev"), QString()).value;
    QCOMPARE(after.syncStatus, QStringLiteral("Synced"));
    QCOMPARE(after.history.constLast().initiatedBy.username, QStringLiteral("admin"));
    QCOMPARE(after.history.constLast().revision, after.syncRevision);
    QVERIFY2(after.health == QLatin1String("Progressing")
                 || after.health == QLatin1String("Suspended"),
             qPrintable(after.health));
}

QTEST_GUILESS_MAIN(TestArgoCdWatcher)
#include "tst_argocdwatcher.moc"

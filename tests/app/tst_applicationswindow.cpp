// SPDX-License-Identifier: GPL-3.0-or-later
// The Applications window on the running demo: every cluster's Argo CD applications arrive
// through the real service proxy and streams, the commits behind revisions are filled in,
// a selected application shows its history, and the fleet table's Argo CD column agrees.
#include "applicationsmodel.h"
#include "applicationsview.h"
#include "argocdclient.h"
#include "argocdcontroller.h"
#include "clusterconnection.h"
#include "demowindow.h"
#include "kubeconfigloader.h"

#include <QElapsedTimer>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

class TestApplicationsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(isolateGuiTest(m_dir));
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        m_window = openDemoWindow(m_demo);
    }

    void cleanupTestCase() { m_window.reset(); }

    void listsEveryEnvironmentsApplications()
    {
        ApplicationsModel *model = m_window->argoCd()->model();
        // dev 4, staging 3, prod 4: one per workload.
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 11, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->argoCd()->serverSummary().startsWith(
                                     QStringLiteral("3 of 3 Argo CD servers live")),
                                 20000);
        const int cart = model->rowOf(QStringLiteral("dev/argocd/argocd/cart-dev"));
        QVERIFY(cart >= 0);
        QCOMPARE(model->index(cart, ApplicationsModel::SyncColumn).data().toString(),
                 QStringLiteral("⟳ Out of sync"));
        QVERIFY(model->index(cart, 0).data(ApplicationsModel::NeedsAttentionRole).toBool());
        // The commit's subject follows the short revision once fetched.
        QTRY_VERIFY_WITH_TIMEOUT(model->index(cart, ApplicationsModel::RevisionColumn)
                                     .data()
                                     .toString()
                                     .contains(QStringLiteral("cart: ")),
                                 20000);
    }

    void detailShowsTheHistory()
    {
        QWidget *window = m_window->argoCd()->showWindow(m_window.get());
        auto *view = window->findChild<ApplicationsView *>();
        QVERIFY(view);
        view->selectApplication(QStringLiteral("prod/argocd/argocd/checkout-prod"));
        auto *detail = window->findChild<QTextBrowser *>(QStringLiteral("applicationDetail"));
        QVERIFY(detail);
        QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(QStringLiteral("History")), 5000);
        // The history comes from a GET (lists leave it out): the loading line is replaced.
        QTRY_VERIFY_WITH_TIMEOUT(!detail->toPlainText().contains(QStringLiteral("Loading…")),
                                 20000);
        QVERIFY2(detail->toPlainText().contains(QStringLiteral("automated, self-heal")),
                 qPrintable(detail->toPlainText()));
        window->close();
    }

    void fleetColumnFollows()
    {
        QTRY_VERIFY_WITH_TIMEOUT(demoRow(m_window.get(), QStringLiteral("dev"),
                                         QStringLiteral("shop"), QStringLiteral("cart"))
                                     .isValid(),
                                 20000);
        const QAbstractItemModel *model = fleetTable(m_window.get())->model();
        const auto cell = [&] {
            const QModelIndex row = demoRow(m_window.get(), QStringLiteral("dev"),
                                            QStringLiteral("shop"), QStringLiteral("cart"));
            return model->index(row.row(), FleetModel::ArgoCdColumn).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(cell(), QStringLiteral("⟳ Out of sync"), 20000);
        QVERIFY(!fleetTable(m_window.get())->isColumnHidden(FleetModel::ArgoCdColumn));
    }

    // The GitOps loop: a sync in Argo CD changes the Rollout's image, the Rollouts controller
    // starts a canary, and the fleet table follows it with no action of the window's own.
    void syncStartsACanaryTheTableFollows()
    {
        KubeconfigSource source;
        source.explicitPath = m_demo.kubeconfigPath();
        Kubeconfig kubeconfig;
        ClusterConnection dev;
        QString error;
        QVERIFY2(KubeconfigLoader::load(source, &kubeconfig, &error), qPrintable(error));
        QVERIFY2(ClusterConnection::resolve(kubeconfig, QStringLiteral("dev"), &dev, &error),
                 qPrintable(error));
        ArgoCdInstance argocd = ArgoCdInstance::defaults();
        argocd.endpoint.bearerToken = QStringLiteral("dev-argocd-admin-token");
        ArgoCdClient client(argocd, dev);
        const ArgoResult<ArgoApplication> synced = client.sync(
            QStringLiteral("cart-dev"), QString(), QStringLiteral("shop"), ArgoSyncOptions());
        QVERIFY2(synced.isOk(), qPrintable(synced.error.message));
        const auto cart = [&](int role) {
            return demoRow(m_window.get(), QStringLiteral("dev"), QStringLiteral("shop"),
                           QStringLiteral("cart"))
                .data(role);
        };
        // cart's release begins with a one-minute experiment (stable beside the canary) before
        // the canary takes traffic: the demo's clock is moved on while the table is watched.
        QElapsedTimer sinceAdvance;
        sinceAdvance.start();
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (sinceAdvance.elapsed() >= 100) {
                    m_demo.advanceClock(3000);
                    sinceAdvance.restart();
                }
                return cart(FleetModel::ImagesRole)
                    .toStringList()
                    .contains(QStringLiteral("ghcr.io/acme/cart:2.0.4"));
            },
            60000));
        QVERIFY(cart(FleetModel::ImageTagsRole).toStringList().contains(QStringLiteral("canary")));
        // And the application the sync came from is Synced again in both views.
        const auto argoCell = [&] {
            const QModelIndex row = demoRow(m_window.get(), QStringLiteral("dev"),
                                            QStringLiteral("shop"), QStringLiteral("cart"));
            return row.sibling(row.row(), FleetModel::ArgoCdColumn).data().toString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(argoCell().startsWith(QStringLiteral("✓ Synced")), 30000);
    }

private:
    QTemporaryDir m_dir;
    DemoFleet m_demo;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestApplicationsWindow)
#include "tst_applicationswindow.moc"

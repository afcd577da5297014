// SPDX-License-Identifier: GPL-3.0-or-later
// The Applications window's Argo CD operations (issue 14) on the demo fleet: sync, rollback
// and terminate reach rd-sim's Argo CD through the audited path with client "window", the
// buttons follow read-only, can-i and the application's state, a dialog's request targets
// the application it showed, and the rollout actions' GitOps guard says what Argo CD does.
#include "appactiondialogs.h"
#include "applicationactions.h"
#include "applicationsmodel.h"
#include "applicationsview.h"
#include "argocdcontroller.h"
#include "auditlog.h"
#include "demowindow.h"
#include "rolloutactionui.h"
#include "undorevisiondialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QPushButton>
#include <QTimer>

namespace {

using Kind = AppActionOptions::Kind;

QString key(const QString &environment, const QString &name)
{
    return environment + QStringLiteral("/argocd/argocd/") + name;
}

// Runs `inDialog` on the modal dialog of type T once it is open, then accepts it (`accept`)
// or cancels it.
template<typename T> void whenDialogOpens(std::function<void(T *)> inDialog, bool accept = true)
{
    QTimer::singleShot(50, [inDialog, accept] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            whenDialogOpens<T>(inDialog, accept);
            return;
        }
        inDialog(dialog);
        if (accept)
            dialog->accept();
        else
            dialog->reject();
    });
}

} // namespace

class TestApplicationActions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    DemoFleet m_demo {DemoFleet::Options {false}};
    std::unique_ptr<MainWindow> m_window;
    ApplicationsView *m_view = nullptr;

    ApplicationActions *actions() const { return m_window->argoCd()->actions(); }
    QAction *action(Kind kind) const { return actions()->action(kind); }

    bool select(const QString &applicationKey)
    {
        m_view->selectApplication(applicationKey);
        return m_view->currentApplication().key() == applicationKey;
    }

    QString cartImage() const
    {
        for (const QJsonObject &rollout :
             m_demo.objects(QStringLiteral("dev"), QStringLiteral("argoproj.io"),
                            QStringLiteral("rollouts"))) {
            if (rollout[QStringLiteral("metadata")][QStringLiteral("name")].toString()
                == QLatin1String("cart"))
                return rollout[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral(
                    "spec")][QStringLiteral("containers")][0][QStringLiteral("image")]
                    .toString();
        }
        return QString();
    }

    QList<AuditRecord> records(const QString &actionId) const
    {
        QList<AuditRecord> found;
        for (const AuditRecord &record : readAuditFile(AuditLog::defaultPath()).records) {
            if (record.action == actionId)
                found.append(record);
        }
        return found;
    }

private slots:
    void initTestCase();
    void syncDryRunChangesNothing();
    void rollbackDisabledUnderAutoSync();
    void terminateOnlyWhileRunning();
    void dialogKeepsItsApplication();
    void viewerTokenDisablesByCanI();
    void gitOpsGuard();
    void cleanupTestCase();
};

void TestApplicationActions::initTestCase()
{
    QVERIFY(isolateGuiTest(m_dir));
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    m_demo.settle(2);
    m_window = openDemoWindow(m_demo);
    m_window->argoCd()->showWindow(m_window.get());
    m_view = m_window->findChild<ApplicationsView *>();
    QVERIFY(m_view);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->argoCd()->model()->rowOf(key("prod", "checkout-prod")) >= 0
                                 && m_window->argoCd()->model()->rowOf(key("dev", "cart-dev")) >= 0,
                             30000);
}

void TestApplicationActions::syncDryRunChangesNothing()
{
    QVERIFY(select(key("dev", "cart-dev")));
    QTRY_VERIFY_WITH_TIMEOUT(action(Kind::Sync)->isEnabled(), 10000);
    const QString before = cartImage();
    QCOMPARE(before, QStringLiteral("ghcr.io/acme/cart:2.0.3"));
    QString shown;
    whenDialogOpens<AppActionDialog>([&shown](AppActionDialog *dialog) {
        dialog->dryRunBox()->setChecked(true);
        shown = dialog->request();
    });
    action(Kind::Sync)->trigger();
    QCOMPARE(shown,
             QStringLiteral("POST /api/v1/applications/cart-dev/sync application/json "
                            "{\"appNamespace\":\"argocd\",\"dryRun\":true,\"name\":\"cart-dev\","
                            "\"project\":\"shop\",\"prune\":false}"));
    QTRY_COMPARE_WITH_TIMEOUT(m_view->actionMessage().section(QStringLiteral(" Now:"), 0, 0),
                              QStringLiteral("Argo CD accepted the dry run of the sync of cart-dev "
                                             "(dev): nothing changes."),
                              10000);
    const QList<AuditRecord> sent = records(QStringLiteral("app-sync"));
    QCOMPARE(sent.size(), 2); // attempt and outcome
    QCOMPARE(sent.at(0).client, QStringLiteral("window"));
    QCOMPARE(sent.at(1).client, QStringLiteral("window"));
    QCOMPARE(sent.at(1).result, AuditRecord::Result::Succeeded);
    QCOMPARE(QString::fromUtf8(sent.at(1).requests.value(0)), shown);
    m_demo.settle(10);
    // Git's head has cart 2.0.4: a real sync would have started its canary.
    QCOMPARE(cartImage(), before);
}

void TestApplicationActions::rollbackDisabledUnderAutoSync()
{
    QVERIFY(select(key("prod", "checkout-prod")));
    QTRY_VERIFY_WITH_TIMEOUT(action(Kind::Sync)->isEnabled(), 10000);
    QVERIFY(!action(Kind::Rollback)->isEnabled());
    QCOMPARE(action(Kind::Rollback)->toolTip(),
             QStringLiteral("auto-sync is on: Argo CD would undo a rollback; turn off auto-sync "
                            "or revert in Git"));
    // dev's applications sync by hand: rollback is offered there.
    QVERIFY(select(key("dev", "checkout-dev")));
    QTRY_VERIFY_WITH_TIMEOUT(action(Kind::Rollback)->isEnabled(), 10000);
}

void TestApplicationActions::terminateOnlyWhileRunning()
{
    QVERIFY(select(key("dev", "search-api-dev")));
    QTRY_VERIFY_WITH_TIMEOUT(action(Kind::Sync)->isEnabled(), 10000);
    QVERIFY(!action(Kind::Terminate)->isEnabled());
    QCOMPARE(action(Kind::Terminate)->toolTip(), QStringLiteral("No operation is running."));
    whenDialogOpens<AppActionDialog>([](AppActionDialog *) {});
    action(Kind::Sync)->trigger();
    // The clock stands still: the sync runs until it is stopped.
    QTRY_VERIFY_WITH_TIMEOUT(action(Kind::Terminate)->isEnabled(), 10000);
    QVERIFY(!action(Kind::Sync)->isEnabled());
    QVERIFY2(m_view->actionMessage().startsWith(
                 QStringLiteral("Argo CD accepted the sync of search-api-dev (dev).")),
             qPrintable(m_view->actionMessage()));
    action(Kind::Terminate)->trigger(); // dev is not protected: no question
    QTRY_VERIFY_WITH_TIMEOUT(m_view->actionMessage().startsWith(QStringLiteral(
                                 "Argo CD accepted terminating the operation of search-api-dev")),
                             10000);
    m_demo.settle(2);
    QTRY_VERIFY_WITH_TIMEOUT(!action(Kind::Terminate)->isEnabled(), 10000);
    QCOMPARE(records(QStringLiteral("app-terminate")).constLast().requests.value(0),
             QByteArray("DELETE /api/v1/applications/search-api-dev/operation"));
}

void TestApplicationActions::dialogKeepsItsApplication()
{
    QVERIFY(select(key("dev", "cart-dev")));
    QTRY_VERIFY_WITH_TIMEOUT(action(Kind::Sync)->isEnabled(), 10000);
    QString shownName;
    whenDialogOpens<AppActionDialog>([this, &shownName](AppActionDialog *dialog) {
        // The stream or a click moves the selection while the dialog is open.
        QVERIFY(select(key("dev", "storefront-dev")));
        dialog->dryRunBox()->setChecked(true);
        shownName = dialog->application().name;
    });
    const qsizetype before = records(QStringLiteral("app-sync")).size();
    action(Kind::Sync)->trigger();
    QCOMPARE(shownName, QStringLiteral("cart-dev"));
    QTRY_COMPARE_WITH_TIMEOUT(records(QStringLiteral("app-sync")).size(), before + 2, 10000);
    const AuditRecord outcome = records(QStringLiteral("app-sync")).constLast();
    QCOMPARE(outcome.rollout, QStringLiteral("cart-dev"));
    QVERIFY(outcome.requests.value(0).contains("\"name\":\"cart-dev\""));
    QCOMPARE(m_view->currentApplication().name, QStringLiteral("storefront-dev"));
}

void TestApplicationActions::viewerTokenDisablesByCanI()
{
    const QByteArray yaml = "environments:\n"
                            "  - name: staging\n"
                            "    context: staging\n"
                            "    argocd: [{ name: argocd, token: staging-argocd-viewer-token }]\n";
    EnvironmentConfig config;
    QString error;
    QVERIFY2(EnvironmentConfig::fromYaml(yaml, QStringLiteral("viewer.yaml"), &config, &error),
             qPrintable(error));
    ApplicationsModel *model = m_window->argoCd()->model();
    ApplicationActions viewer(model);
    CommandLineOptions options;
    options.demo = true;
    FleetSetup setup;
    QVERIFY2(FleetSetup::load(options, m_demo.kubeconfigPath(), &setup, &error), qPrintable(error));
    viewer.setFleet(setup.kubeconfig, config.environments(), AuditLog::defaultPath());
    ApplicationsView view(model);
    viewer.attach(&view);
    view.selectApplication(key("staging", "checkout-staging"));
    QTRY_VERIFY_WITH_TIMEOUT(viewer.action(Kind::Sync)->toolTip().contains(QStringLiteral("can-i")),
                             10000);
    for (Kind kind : {Kind::Sync, Kind::Rollback, Kind::Terminate}) {
        QVERIFY(!viewer.action(kind)->isEnabled());
        QCOMPARE(viewer.action(kind)->toolTip(),
                 QStringLiteral("Argo CD's can-i says you may not sync applications "
                                "shop/checkout-staging (sync, rollback and terminate all need "
                                "it)."));
    }
}

void TestApplicationActions::gitOpsGuard()
{
    QVERIFY(selectDemoRow(m_window.get(), QStringLiteral("prod"), QStringLiteral("shop"),
                          QStringLiteral("checkout")));
    RolloutDetailView *view = detailPane(m_window)->rolloutView();
    QTRY_VERIFY_WITH_TIMEOUT(!view->actionStates().value(RolloutAction::Undo).gitOpsNote.isEmpty(),
                             10000);
    const QString undo = view->actionStates().value(RolloutAction::Undo).gitOpsNote;
    QCOMPARE(undo,
             QStringLiteral("Argo CD will revert this: application checkout-prod syncs "
                            "automatically with self-heal, so at its next sync (usually within "
                            "minutes) it puts Git's pod template back and the rollout rolls "
                            "forward again. To roll back for good, revert the change in Git, or "
                            "turn off auto-sync in Argo CD first."));
    const QString pause = view->actionStates().value(RolloutAction::Pause).gitOpsNote;
    QCOMPARE(pause,
             QStringLiteral("Argo CD application checkout-prod manages this rollout and leaves "
                            "this alone: it only sets spec.paused, which Argo CD does not compare "
                            "unless your Git manifests set it; checkout-prod stays Synced."));
    // Pause stays one click: the note is in its tooltip, not in a question.
    QVERIFY(view->action(RolloutAction::Pause)->toolTip().endsWith(pause));
    QVERIFY(!rolloutActionNeedsConfirmation(RolloutAction::Pause, true));
    // The undo's question shows it.
    QString shown;
    whenDialogOpens<UndoRevisionDialog>(
        [&shown](UndoRevisionDialog *dialog) { shown = dialog->gitOpsNote(); }, false);
    qint64 revision = 0;
    QVERIFY(!RolloutActionUi::askConfirmation(m_window.get(), RolloutAction::Undo, view->detail(),
                                              QDateTime::currentDateTimeUtc(), &revision, undo));
    QCOMPARE(shown, undo);
}

void TestApplicationActions::cleanupTestCase()
{
    m_window.reset();
    m_demo.stop();
}

QTEST_MAIN(TestApplicationActions)
#include "tst_applicationactions.moc"

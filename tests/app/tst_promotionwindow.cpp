// SPDX-License-Identifier: GPL-3.0-or-later
// View > Promotion on the demo fleet: shop/checkout is one row across dev, staging and prod,
// staging's release candidate is marked ahead of prod, prod's canary shows that its version
// failed a chaos experiment in staging, and a double-click (or Enter) on a cell selects that
// rollout in the main window.
#include "demowindow.h"

#include "promotionmodel.h"
#include "promotionview.h"
#include "promotionwindow.h"
#include "safetynetstext.h"

#include <QAction>
#include <QApplication>

namespace {

PromotionWindow *promotionWindow()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<PromotionWindow *>(widget); window && window->isVisible())
            return window;
    }
    return nullptr;
}

} // namespace

class TestPromotionWindow : public QObject
{
    Q_OBJECT

private slots:
    void doubleClickSelectsTheWorkload();
};

void TestPromotionWindow::doubleClickSelectsTheWorkload()
{
    QTemporaryDir dir;
    QVERIFY(isolateGuiTest(dir));
    DemoFleet demo(DemoFleet::Options {});
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    auto window = openDemoWindow(demo);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->findChild<QAction *>(QStringLiteral("showPromotionAction"))->trigger();
    PromotionWindow *promotion = promotionWindow();
    QVERIFY(promotion);
    QVERIFY(QTest::qWaitForWindowExposed(promotion));
    PromotionModel *model = promotion->model();
    QCOMPARE(model->environments(), (QStringList {"dev", "staging", "prod"}));
    // Each environment arrives on its own worker, and Argo CD's status on its own stream: wait
    // for every fact the assertions need, not only for the first environment to load.
    const auto cell
        = [model](int column) { return model->index(model->rowOf("shop/checkout"), column); };
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf("shop/checkout") >= 0
                                 && cell(2).data(PromotionModel::DeployedRole).toBool()
                                 && cell(3).data(PromotionModel::DeployedRole).toBool(),
                             30000);
    // staging's 1.4.2 is not in prod (1.4.0)
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(2).data(PromotionModel::DriftRole).toInt() & PromotionModel::AheadOfNext, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(3).data(PromotionModel::SyncStatusRole).toString(),
                              QStringLiteral("Synced"), 30000);
    // prod's canary (1.4.1) failed its chaos experiment in staging: the window's safety-nets
    // reading of the canary says so in prod's cell.
    QTRY_COMPARE_WITH_TIMEOUT(cell(3).data(PromotionModel::EvidenceVerdictRole).toInt(),
                              int(SafetyNetsText::Evidence::Failed), 30000);
    QVERIFY2(cell(3)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QStringLiteral("Evidence from staging: failed (")),
             qPrintable(cell(3).data(Qt::ToolTipRole).toString()));

    PromotionView *view = promotion->view();
    // The row is looked up now, not before the waits above: rows the fleet reports later sort
    // in before it and move it down.
    const QModelIndex staging = cell(2);
    view->scrollTo(staging);
    const QPoint centre = view->visualRect(staging).center();
    // A double-click is a press, release, press, double-click event, release.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE_WITH_TIMEOUT(window->selectedWorkload(),
                              (QStringList {"staging", "Rollout", "shop", "checkout"}), 10000);

    view->setCurrentIndex(cell(3));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->selectedWorkload(),
                              (QStringList {"prod", "Rollout", "shop", "checkout"}), 10000);
    promotion->close();
    window.reset(); // stops the fetcher before the demo goes
}

QTEST_MAIN(TestPromotionWindow)
#include "tst_promotionwindow.moc"

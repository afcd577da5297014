// SPDX-License-Identifier: GPL-3.0-or-later
// The Safety nets tab end to end on the demo fleet (a real window, offscreen): staging's
// payments-api canary 2.8.0 adds the xz backdoor (CVE-2024-3094, critical): its row is in the
// tab with its link, the header's summary says "+1 critical CVE" in red; another rollout shows
// its own safety nets and never the previous one's; in dev, which runs no Gatekeeper, the
// Policy section has a quiet note instead of a claim.
#include "demowindow.h"

#include "detailstyle.h"
#include "rolloutdetailtabs.h"
#include "rolloutheader.h"
#include "safetynetscontroller.h"
#include "safetynetstreeview.h"
#include "safetynetsview.h"

#include <QTabBar>
#include <QTimer>

namespace {

constexpr int kWaitMs = 30000;

// The row (view index), at any depth, whose first cell is `text`.
QModelIndex find(const QAbstractItemModel *model, const QString &text,
                 const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == text)
            return index;
        const QModelIndex below = find(model, text, index);
        if (below.isValid())
            return below;
    }
    return QModelIndex();
}

// Every first-column text of the tree, for failure messages and "never shown" checks.
QStringList allTexts(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        texts.append(index.data().toString());
        texts += allTexts(model, index);
    }
    return texts;
}

} // namespace

class TestSafetyNetsWindow : public QObject
{
    Q_OBJECT

private slots:
    void criticalCveOfTheCanary();
};

void TestSafetyNetsWindow::criticalCveOfTheCanary()
{
    QTemporaryDir dir;
    QVERIFY(isolateGuiTest(dir));
    DemoFleet demo(DemoFleet::Options {});
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    auto window = openDemoWindow(demo);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(selectDemoRow(window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                          QStringLiteral("payments-api")));
    RolloutDetailView *view = detailPane(window)->rolloutView();
    auto *tabs = view->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    auto *safetyNets = view->findChild<SafetyNetsView *>(QStringLiteral("safetyNetsView"));
    auto *header = view->findChild<RolloutHeader *>(QStringLiteral("rolloutHeader"));
    QVERIFY(tabs && safetyNets && header);
    tabs->setCurrentWidget(safetyNets);
    auto *controller
        = window->findChild<SafetyNetsController *>(QStringLiteral("safetyNetsController"));
    QVERIFY(controller);
    QVERIFY(controller->refreshTimer()->isActive());
    QCOMPARE(controller->refreshTimer()->interval(), 60 * 1000);

    // The canary's new critical CVE, with its severity and the page it opens.
    const QAbstractItemModel *model = safetyNets->tree()->model();
    QTRY_VERIFY_WITH_TIMEOUT(find(model, QStringLiteral("CVE-2024-3094")).isValid(), kWaitMs);
    const QModelIndex cve = find(model, QStringLiteral("CVE-2024-3094"));
    QCOMPARE(cve.parent().data().toString(), QStringLiteral("Added by the canary (2)"));
    QCOMPARE(cve.siblingAtColumn(SafetyNetsModel::Canary).data().toString(),
             QStringLiteral("Critical · 10.0"));
    QVERIFY(!SafetyNetsTreeView::linkOf(cve).isEmpty());
    QVERIFY(safetyNets->tree()->visualRect(cve).isValid());
    QVERIFY(safetyNets->contextText().startsWith(QStringLiteral("Canary payments-api-")));
    QVERIFY(safetyNets->contextText().contains(QStringLiteral("(payments-api:2.8.0) against "
                                                              "stable")));

    // The header's summary, red, and the tab red too.
    QTRY_VERIFY_WITH_TIMEOUT(
        header->safetyNetsText().startsWith(QStringLiteral("Safety nets: +1 critical CVE")),
        kWaitMs);
    QCOMPARE(tabs->tabBar()->tabTextColor(tabs->indexOf(safetyNets)), DetailStyle::failedColour());
    const QLabel *summary = header->findChild<QLabel *>(QStringLiteral("headerSafetyNets"));
    QVERIFY2(summary->text().contains(DetailStyle::failedColour().name()),
             qPrintable(summary->text()));
    QVERIFY(summary->toolTip().contains(QStringLiteral("Image vulnerabilities (Trivy): read")));

    // Another rollout: its own nets, never payments-api's CVE. dev has no Gatekeeper: a
    // quiet note, not "no violation".
    QVERIFY(selectDemoRow(window.get(), QStringLiteral("dev"), QStringLiteral("shop"),
                          QStringLiteral("checkout")));
    QVERIFY(!find(model, QStringLiteral("CVE-2024-3094")).isValid());
    QVERIFY(!header->safetyNetsText().startsWith(QStringLiteral("Safety nets: +1 critical")));
    const QString note = QStringLiteral("OPA Gatekeeper is not installed in this cluster (the API "
                                        "has no constraints.gatekeeper.sh group).");
    QTRY_VERIFY2_WITH_TIMEOUT(find(model, note).isValid(),
                              qPrintable(allTexts(model).join(QLatin1Char('\n'))), kWaitMs);
    QVERIFY(!allTexts(model).contains(
        QStringLiteral("No Gatekeeper violation names this rollout or its namespace")));
    QCOMPARE(find(model, note).data(Qt::ForegroundRole).value<QColor>(),
             safetyNets->tree()->palette().color(QPalette::Disabled, QPalette::Text));
    QVERIFY(!find(model, QStringLiteral("CVE-2024-3094")).isValid());
}

QTEST_MAIN(TestSafetyNetsWindow)
#include "tst_safetynetswindow.moc"

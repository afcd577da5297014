// SPDX-License-Identifier: GPL-3.0-or-later
// The window on the demo fleet, driven through its widgets: every environment's rows
// arrive, filters and sorting work from the UI, the layout persists, the About box tells
// the library versions.
#include "aboutdialog.h"
#include "commandline.h"
#include "connectionstatusbar.h"
#include "demofleet.h"
#include "demowindow.h"
#include "deploymentdetailview.h"
#include "detailpane.h"
#include "environmentlistview.h"
#include "environmentmodel.h"
#include "filterbar.h"
#include "flaggercanarydetailview.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "fleetsetup.h"
#include "fleettableview.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "rolloutdetailview.h"
#include "versioninfo.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <curl/curl.h>

namespace {

constexpr int timeoutMs = 30000;

QStringList column(const QAbstractItemModel *model, int role, int column = 0)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data(role).toString());
    return values;
}

QStringList rowKeys(const QAbstractItemModel *model)
{
    QStringList keys;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        keys.append(QStringLiteral("%1 %2/%3")
                        .arg(index.data(FleetModel::EnvironmentRole).toString(),
                             index.data(FleetModel::NamespaceRole).toString(),
                             index.data(FleetModel::NameRole).toString()));
    }
    keys.sort();
    return keys;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    DemoFleet m_demo;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        m_window = openDemoWindow(m_demo);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset(); // stops the fetcher before the demo goes
        QSettings().clear();
    }

    void everyEnvironmentArrives()
    {
        const QStringList expected = {
            QStringLiteral("dev search/search-api"),
            QStringLiteral("dev shop/cart"),
            QStringLiteral("dev shop/checkout"),
            QStringLiteral("dev shop/recommendations"),
            QStringLiteral("dev shop/storefront"),
            QStringLiteral("prod payments/payments-gateway"),
            QStringLiteral("prod search/query-parser"),
            QStringLiteral("prod search/search-indexer"),
            QStringLiteral("prod shop/checkout"),
            QStringLiteral("prod shop/recommendations"),
            QStringLiteral("staging payments/payments-api"),
            QStringLiteral("staging search/search-suggest"),
            QStringLiteral("staging shop/checkout"),
            QStringLiteral("staging shop/frontend"),
        };
        QTRY_COMPARE_WITH_TIMEOUT(rowKeys(filterProxy(m_window)), expected, timeoutMs);

        const EnvironmentModel *environments = m_window->environmentModel();
        QCOMPARE(column(environments, EnvironmentModel::NameRole),
                 QStringList(
                     {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
        for (int row = 0; row < 3; ++row) {
            QTRY_COMPARE_WITH_TIMEOUT(
                environments->index(row).data(EnvironmentModel::StateRole).toInt(),
                int(ConnectionState::Live), timeoutMs);
        }
        QTRY_COMPARE(column(environments, EnvironmentModel::WorkloadCountRole),
                     QStringList({QStringLiteral("5"), QStringLiteral("4"), QStringLiteral("5")}));
        QCOMPARE(connectionStatus(m_window)->itemTexts(),
                 QStringList({QStringLiteral("dev: Live"), QStringLiteral("staging: Live"),
                              QStringLiteral("prod: Live")}));
        QVERIFY(connectionStatus(m_window)->lastUpdated().isValid());
        QVERIFY(
            connectionStatus(m_window)->lastUpdatedText().startsWith(QStringLiteral("Updated ")));
        QTRY_VERIFY(m_window->summaryText().startsWith(QStringLiteral("Workloads: 14")));
        QVERIFY(banner(m_window)->isHidden());
    }

    void filterThroughTheUi()
    {
        FilterBar *bar = filterBar(m_window);
        const QAbstractItemModel *view = fleetTable(m_window)->model();

        // Ctrl+F puts the cursor in the filter field.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        fleetTable(m_window)->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar->lineEdit()->hasFocus());
        QTest::keyClicks(bar->lineEdit(), QStringLiteral("checkout"));
        QCOMPARE(
            rowKeys(view),
            QStringList({QStringLiteral("dev shop/checkout"), QStringLiteral("prod shop/checkout"),
                         QStringLiteral("staging shop/checkout")}));
        QTRY_COMPARE(m_window->summaryText().left(24), QStringLiteral("Workloads: 3 of 14 shown"));

        // An environment in the side list narrows further; clicking it again widens.
        EnvironmentListView *list = environmentList(m_window);
        const QRect prod = list->visualRect(list->model()->index(2, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, prod.center());
        QCOMPARE(list->selectedEnvironment(), QStringLiteral("prod"));
        QCOMPARE(rowKeys(view), QStringList({QStringLiteral("prod shop/checkout")}));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, prod.center());
        QCOMPARE(list->selectedEnvironment(), QString());
        QCOMPARE(rowKeys(view).size(), 3);

        // Escape clears the text.
        QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
        QCOMPARE(bar->text(), QString());
        QCOMPARE(view->rowCount(), 14);

        // A phase toggle shows that phase only; its label counts it. The demo moves on while
        // the test runs, so take the phase most rows have right now.
        const QStringList all = column(m_window->fleetModel(), FleetModel::PhaseRole);
        QString phase;
        for (const QString &candidate : FilterBar::phases()) {
            if (all.count(candidate) > all.count(phase))
                phase = candidate;
        }
        QVERIFY(!phase.isEmpty());
        QAbstractButton *toggle = bar->phaseButton(phase);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(toggle->isChecked());
        QCOMPARE(filterProxy(m_window)->phaseFilter(), QStringList({phase}));
        const QStringList phases = column(view, FleetModel::PhaseRole);
        QVERIFY(!phases.isEmpty());
        QCOMPARE(phases, QStringList(phases.size(), phase));
        QTRY_COMPARE(toggle->text(),
                     QStringLiteral("%1 %2").arg(phase).arg(
                         column(m_window->fleetModel(), FleetModel::PhaseRole).count(phase)));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(filterProxy(m_window)->phaseFilter().isEmpty());
        QCOMPARE(view->rowCount(), 14);

        // "Needs attention" keeps exactly the rows the model marks.
        QAbstractButton *attention = bar->attentionButton();
        QTest::mouseClick(attention, Qt::LeftButton);
        QVERIFY(filterProxy(m_window)->isAttentionOnly());
        for (int row = 0; row < view->rowCount(); ++row)
            QVERIFY(view->index(row, 0).data(FleetModel::RequiresAttentionRole).toBool());
        QTest::mouseClick(attention, Qt::LeftButton);
        QVERIFY(!filterProxy(m_window)->isAttentionOnly());
        QCOMPARE(view->rowCount(), 14);
    }

    void sortThroughTheHeader()
    {
        FleetTableView *table = fleetTable(m_window);
        QHeaderView *header = table->horizontalHeader();
        const QAbstractItemModel *view = table->model();
        const int x = header->sectionViewportPosition(FleetModel::NameColumn)
            + header->sectionSize(FleetModel::NameColumn) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), int(FleetModel::NameColumn));
        QStringList names = column(view, FleetModel::NameRole);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end());
        const Qt::SortOrder first = header->sortIndicatorOrder();
        if (first == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(names, sorted);

        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QVERIFY(header->sortIndicatorOrder() != first);
        names = column(view, FleetModel::NameRole);
        std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(names, sorted);

        // By environment: in the configured order, not alphabetical.
        table->sortByColumn(FleetModel::EnvironmentColumn, Qt::AscendingOrder);
        QStringList environments = column(view, FleetModel::EnvironmentRole);
        environments.removeDuplicates();
        QCOMPARE(environments,
                 QStringList(
                     {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
    }

    void detailFollowsSelection()
    {
        FleetTableView *table = fleetTable(m_window);
        table->clearSelection();
        QCOMPARE(detailPane(m_window)->placeholderText(),
                 QStringLiteral("Select a rollout to see its steps, ReplicaSets and analysis"));
        QVERIFY(!detailPane(m_window)->isShowingRollout());
        const QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            table->selectRow(row);
            const QString kind = index.data(FleetModel::KindRole).toString();
            if (kind == QLatin1String("Rollout")) {
                QVERIFY(detailPane(m_window)->isShowingRollout());
                QCOMPARE(detailPane(m_window)->rolloutView()->detail().rollout.metadata.name,
                         index.data(FleetModel::NameRole).toString());
            } else if (kind == QLatin1String("Canary")) {
                QVERIFY(detailPane(m_window)->isShowingCanary());
                QCOMPARE(detailPane(m_window)->canaryView()->detail().canary.metadata.name,
                         index.data(FleetModel::NameRole).toString());
            } else {
                QVERIFY(detailPane(m_window)->isShowingDeployment());
                const DeploymentDetail &shown = detailPane(m_window)->deploymentView()->detail();
                QCOMPARE(shown.environment, index.data(FleetModel::EnvironmentRole).toString());
                QCOMPARE(shown.deployment.metadata.namespaceName,
                         index.data(FleetModel::NamespaceRole).toString());
                QCOMPARE(shown.deployment.metadata.name,
                         index.data(FleetModel::NameRole).toString());
            }
        }
        table->clearSelection();
        QVERIFY(!detailPane(m_window)->isShowingRollout());
        QVERIFY(!detailPane(m_window)->isShowingDeployment());
        QVERIFY(!detailPane(m_window)->isShowingCanary());
    }

    void selectsARequestedWorkload()
    {
        m_window->selectWorkload(QStringLiteral("prod"), QStringLiteral("payments"),
                                 QStringLiteral("payments-gateway"));
        QTRY_COMPARE_WITH_TIMEOUT(
            detailPane(m_window)->rolloutView()->detail().rollout.metadata.name,
            QStringLiteral("payments-gateway"), timeoutMs);
        QVERIFY(detailPane(m_window)->isShowingRollout());
        fleetTable(m_window)->clearSelection();
    }

    void layoutPersists()
    {
        m_window->resize(1280, 720);
        QTRY_COMPARE(mainSplitter(m_window)->width(), 1280);
        mainSplitter(m_window)->setSizes({260, 1020});
        const QList<int> main = mainSplitter(m_window)->sizes();
        contentSplitter(m_window)->setSizes({400, 250});
        const QList<int> content = contentSplitter(m_window)->sizes();
        QHeaderView *header = fleetTable(m_window)->horizontalHeader();
        header->resizeSection(FleetModel::NameColumn, 222);
        header->setSectionHidden(FleetModel::StrategyColumn, true);
        auto tabs = [](MainWindow *window) {
            return detailPane(window)->rolloutView()->findChild<QTabWidget *>(
                QStringLiteral("detailTabs"));
        };
        tabs(m_window.get())->setCurrentIndex(1);
        m_window->close(); // saves
        QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));

        auto second = std::make_unique<MainWindow>();
        second->show();
        QVERIFY(QTest::qWaitForWindowExposed(second.get()));
        QCOMPARE(second->size(), QSize(1280, 720));
        QCOMPARE(mainSplitter(second)->sizes(), main);
        QCOMPARE(contentSplitter(second)->sizes(), content);
        QHeaderView *restored = fleetTable(second)->horizontalHeader();
        QCOMPARE(restored->sectionSize(FleetModel::NameColumn), 222);
        QVERIFY(restored->isSectionHidden(FleetModel::StrategyColumn));
        QVERIFY(restored->isSectionHidden(FleetModel::KindColumn));
        QCOMPARE(tabs(second.get())->currentIndex(), 1);
        second.reset();
        m_window->show();
    }

    void aboutBox()
    {
        m_window->showAbout();
        auto *about = m_window->findChild<AboutDialog *>();
        QVERIFY(about);
        QVERIFY(about->isVisible());
        const QString text = about->plainText();
        QVERIFY2(text.contains(QStringLiteral("Release Dashboard 0.1.0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Qt\n  %1\n").arg(QString::fromLatin1(qVersion()))),
                 qPrintable(text));
        const QString curl = QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version);
        QVERIFY2(text.contains(QStringLiteral("libcurl\n  %1 (").arg(curl)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("yaml-cpp\n  0.7.0\n")), qPrintable(text));
        QCOMPARE(VersionInfo::yamlCpp(), QStringLiteral("0.7.0"));
        about->close();
    }

    void configErrorBanner()
    {
        MainWindow window;
        window.showError(QStringLiteral("c.yaml:3: environments[0].colour: 'red' is not a "
                                        "colour of the form #rrggbb"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(banner(window)->isVisible());
        QCOMPARE(banner(window)->text(),
                 QStringLiteral("c.yaml:3: environments[0].colour: 'red' is not a colour of the "
                                "form #rrggbb"));
        QCOMPARE(window.fleetModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

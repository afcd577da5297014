// SPDX-License-Identifier: GPL-3.0-or-later
// First contact (issue 9): without a kubeconfig the window offers the demo and a file
// picker instead of a dead end; a kubeconfig with several contexts per cluster shows each
// cluster once and offers to choose, and the choice is saved as a config file that reads
// back.

#include "demowindow.h"
#include "environmentpickerdialog.h"
#include "firstrunpage.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "fleetsession.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class TestFirstRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(isolateGuiTest(m_dir));
        QFile::remove(EnvironmentConfig::defaultPath());
    }

    void noKubeconfigOffersTheDemo()
    {
        MainWindow window;
        CommandLineOptions options;
        options.kubeconfig = m_dir.filePath(QStringLiteral("missing-kubeconfig"));
        FleetSession session(&window, options);
        session.start();
        window.show();
        QVERIFY(window.isShowingFirstRun());
        QVERIFY2(firstRunPage(window)->reason().contains(QStringLiteral("does not exist")),
                 qPrintable(firstRunPage(window)->reason()));
        auto *demo
            = firstRunPage(window)->findChild<QPushButton *>(QStringLiteral("startDemoButton"));
        QVERIFY(demo);
        QVERIFY(
            firstRunPage(window)->findChild<QPushButton *>(QStringLiteral("openKubeconfigButton")));
        QTest::mouseClick(demo, Qt::LeftButton);
        QVERIFY(!window.isShowingFirstRun());
        QTRY_VERIFY_WITH_TIMEOUT(window.fleetModel()->rowCount() >= 10, 30000);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Demo fleet")));
    }

    void oneEnvironmentPerClusterAndAHint()
    {
        // The demo's kubeconfig read as a user's own: several contexts per cluster.
        MainWindow window;
        CommandLineOptions demoOptions;
        FleetSession demoSession(&window, demoOptions);
        QString error;
        QVERIFY2(demoSession.demo().start(&error), qPrintable(error));
        CommandLineOptions options;
        options.kubeconfig = demoSession.demo().kubeconfigPath();
        MainWindow userWindow;
        FleetSession session(&userWindow, options);
        session.start();
        QVERIFY(!userWindow.isShowingFirstRun());
        QCOMPARE(session.setup().environments.names(),
                 QStringList(
                     {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
        QVERIFY(session.setup().kubeconfig.contextNames().size() > 3);
        QVERIFY2(banner(userWindow)->text().contains(QStringLiteral("reach 3 clusters")),
                 qPrintable(banner(userWindow)->text()));
        QTRY_VERIFY_WITH_TIMEOUT(userWindow.fleetModel()->rowCount() >= 10, 30000);
        userWindow.stopFetching();
    }

    void pickerChoosesAndSaves()
    {
        const QString prod = QStringLiteral("https://127.0.0.1:1");
        const QList<ContextGroup> groups
            = ContextGroups::group({{QStringLiteral("prod"), prod, QStringLiteral("admin")},
                                    {QStringLiteral("prod-viewer"), prod, QStringLiteral("viewer")},
                                    {QStringLiteral("dev"), QStringLiteral("https://127.0.0.1:2"),
                                     QStringLiteral("admin")}},
                                   QString());
        const QString path = m_dir.filePath(QStringLiteral("config/config.yaml"));
        EnvironmentPickerDialog dialog(groups, path);
        QTreeWidget *list = dialog.list();
        QCOMPARE(list->topLevelItemCount(), 2);
        // prod through its viewer context, dev left out.
        auto *combo = qobject_cast<QComboBox *>(
            list->itemWidget(list->topLevelItem(0), EnvironmentPickerDialog::Context));
        QVERIFY(combo);
        combo->setCurrentText(QStringLiteral("prod-viewer"));
        list->topLevelItem(1)->setCheckState(EnvironmentPickerDialog::Name, Qt::Unchecked);
        const QList<EnvironmentSpec> chosen = dialog.environments();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().name, QStringLiteral("prod"));
        QCOMPARE(chosen.first().context, QStringLiteral("prod-viewer"));
        // Two environments of the same name cannot be saved.
        list->topLevelItem(1)->setCheckState(EnvironmentPickerDialog::Name, Qt::Checked);
        list->topLevelItem(1)->setText(EnvironmentPickerDialog::Name, QStringLiteral("prod"));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("saveEnvironmentsButton"))
                     ->isEnabled());

        QString error;
        QVERIFY2(FleetSession::saveEnvironments(chosen, path, &error), qPrintable(error));
        EnvironmentConfig config;
        QVERIFY2(EnvironmentConfig::fromFile(path, &config, &error), qPrintable(error));
        QCOMPARE(config.names(), QStringList {QStringLiteral("prod")});
        QCOMPARE(config.environments().first().context, QStringLiteral("prod-viewer"));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"

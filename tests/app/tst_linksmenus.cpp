// SPDX-License-Identifier: GPL-3.0-or-later
// `links:` in the real window on the live demo fleet (issue 15): the fleet table's row menu
// and the detail's "Open In" fill the templates from the rollout the detail shows (canary
// pods, release window); a row the detail does not show gets its names only, and a link that
// needs more is disabled with the reason.

#include "demowindow.h"
#include "rolloutlinksmenu.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QToolButton>
#include <QUrlQuery>

class TestLinksMenus : public QObject
{
    Q_OBJECT

    DemoFleet m_demo;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    RolloutDetailView *view() const { return detailPane(m_window)->rolloutView(); }

    // The entries of a menu by text.
    static QAction *entry(const QMenu *menu, const QString &text)
    {
        for (QAction *action : menu->actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(isolateGuiTest(m_dir));
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        CommandLineOptions options;
        options.demo = true;
        FleetSetup setup;
        QVERIFY2(FleetSetup::load(options, m_demo.kubeconfigPath(), &setup, &error),
                 qPrintable(error));
        QList<EnvironmentSpec> environments = setup.environments.environments();
        for (EnvironmentSpec &spec : environments) {
            spec.links = {
                {QStringLiteral("Grafana"),
                 QStringLiteral("https://grafana.test/d/uid?var-namespace={{namespace}}"
                                "&var-rollout={name}&from={{from}}&to={{to}}")},
                {QStringLiteral("Loki"),
                 QStringLiteral("https://grafana.test/explore?left={\"expr\":\"{namespace=\\\""
                                "{{namespace}}\\\", pod=~\\\"{{pod_regex}}\\\"}\"}")},
            };
        }
        m_window = std::make_unique<MainWindow>();
        m_window->setCharts(setup.charts);
        m_window->setFleet(setup.kubeconfig, environments);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings().clear();
    }

    void rowMenuOfTheShownRollout()
    {
        QVERIFY(selectDemoRow(m_window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                              QStringLiteral("payments-api")));
        const QModelIndex index
            = demoRow(m_window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                      QStringLiteral("payments-api"));
        std::unique_ptr<QMenu> menu(m_window->rowMenu(index));
        QAction *grafana = entry(menu.get(), QStringLiteral("Open in Grafana"));
        QVERIFY(grafana);
        const RolloutDetail &detail = view()->detail();
        const QUrlQuery query(grafana->data().toUrl());
        QCOMPARE(query.queryItemValue(QStringLiteral("var-namespace")), QStringLiteral("payments"));
        QCOMPARE(query.queryItemValue(QStringLiteral("var-rollout")),
                 QStringLiteral("payments-api"));
        // From the current revision's ReplicaSet to about now.
        const qint64 from = query.queryItemValue(QStringLiteral("from")).toLongLong();
        const qint64 to = query.queryItemValue(QStringLiteral("to")).toLongLong();
        QVERIFY2(from > 0 && from <= to, qPrintable(grafana->data().toUrl().toString()));
        QVERIFY(qAbs(QDateTime::currentMSecsSinceEpoch() - to) < 60000);

        QAction *loki = entry(menu.get(), QStringLiteral("Open in Loki"));
        QVERIFY(loki);
        const QString canary = detail.rollout.status.currentPodHash;
        if (canary != detail.rollout.status.stableRS) {
            QVERIFY(loki->isEnabled());
            const QString left = QUrlQuery(loki->data().toUrl())
                                     .queryItemValue(QStringLiteral("left"), QUrl::FullyDecoded);
            const QString expr = QJsonDocument::fromJson(left.toUtf8())
                                     .object()
                                     .value(QStringLiteral("expr"))
                                     .toString();
            QCOMPARE(expr,
                     QStringLiteral("{namespace=\"payments\", pod=~\"payments-api-%1-.*\"}")
                         .arg(canary));
        } else {
            QVERIFY(!loki->isEnabled());
            QCOMPARE(loki->toolTip(),
                     QStringLiteral("Needs {{pod_regex}}: the rollout has no canary now."));
        }
    }

    void rowMenuOfAnotherRow()
    {
        QVERIFY(selectDemoRow(m_window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                              QStringLiteral("payments-api")));
        const QAbstractItemModel *model = fleetTable(m_window.get())->model();
        QModelIndex other;
        for (int row = 0; row < model->rowCount() && !other.isValid(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(FleetModel::NameRole).toString() != QLatin1String("payments-api"))
                other = index;
        }
        QVERIFY(other.isValid());
        std::unique_ptr<QMenu> menu(m_window->rowMenu(other));
        QAction *grafana = entry(menu.get(), QStringLiteral("Open in Grafana"));
        QVERIFY(grafana);
        QVERIFY(!grafana->isEnabled()); // {{from}} needs the rollout's ReplicaSets
        QVERIFY2(grafana->toolTip().startsWith(QStringLiteral("Needs {{from}}: ")),
                 qPrintable(grafana->toolTip()));
    }

    void openInButtonOfTheDetail()
    {
        QVERIFY(selectDemoRow(m_window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                              QStringLiteral("payments-api")));
        auto *button = view()->findChild<QToolButton *>(QStringLiteral("openLinksButton"));
        QVERIFY(button);
        auto *menu = view()->findChild<RolloutLinksMenu *>(QStringLiteral("openLinksMenu"));
        QVERIFY(menu);
        emit menu->aboutToShow();
        QCOMPARE(menu->actions().size(), 2);
        QCOMPARE(menu->actions().first()->text(), QStringLiteral("Grafana"));
        QVERIFY(menu->actions().first()->isEnabled());
        QCOMPARE(QUrlQuery(menu->actions().first()->data().toUrl())
                     .queryItemValue(QStringLiteral("var-namespace")),
                 QStringLiteral("payments"));
    }
};

QTEST_MAIN(TestLinksMenus)
#include "tst_linksmenus.moc"

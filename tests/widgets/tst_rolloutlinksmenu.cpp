// SPDX-License-Identifier: GPL-3.0-or-later
// "Open In" beside a rollout's actions (widgets/detail/rolloutlinksmenu): its button in the
// action bar, one entry per link with the expanded address, disabled entries that say why,
// and the address handed to QDesktopServices.
#include "rolloutdetailview.h"
#include "rolloutlinksmenu.h"

#include <QAction>
#include <QDesktopServices>
#include <QTest>
#include <QToolButton>

namespace {

const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000600000, Qt::UTC);

RolloutDetail canaryDetail()
{
    RolloutDetail detail;
    detail.environment = QStringLiteral("prod");
    detail.rollout.metadata.name = QStringLiteral("checkout");
    detail.rollout.metadata.namespaceName = QStringLiteral("shop");
    detail.rollout.metadata.uid = QStringLiteral("u1");
    detail.rollout.status.currentPodHash = QStringLiteral("abc12");
    detail.rollout.status.stableRS = QStringLiteral("9f8e7");
    ReplicaSet canary;
    canary.metadata.name = QStringLiteral("checkout-abc12");
    canary.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"),
                                  QStringLiteral("abc12"));
    canary.metadata.creationTimestamp = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    detail.replicaSets = {canary};
    return detail;
}

EnvironmentSpec prod()
{
    EnvironmentSpec spec;
    spec.name = QStringLiteral("prod");
    spec.context = QStringLiteral("gke-prod");
    spec.links = {
        {QStringLiteral("Grafana"),
         QStringLiteral("https://grafana.test/d/uid1?var-namespace={{namespace}}&from={{from}}"
                        "&to={{to}}")},
        {QStringLiteral("Loki"),
         QStringLiteral("https://grafana.test/explore?left={\"expr\":\"{pod=~\\\"{{pod_regex}}"
                        "\\\"}\"}")},
        {QStringLiteral("Argo CD"),
         QStringLiteral("https://argocd.test/applications/{namespace}/{name}")},
    };
    return spec;
}

} // namespace

// Receives what QDesktopServices would open in the browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestRolloutLinksMenu : public QObject
{
    Q_OBJECT

private:
    QList<EnvironmentSpec> m_specs;

    RolloutLinksMenu *makeMenu(RolloutDetailView *view)
    {
        auto *menu = new RolloutLinksMenu(view, [this](const QString &environment) {
            for (const EnvironmentSpec &spec : std::as_const(m_specs)) {
                if (spec.name == environment)
                    return spec;
            }
            return EnvironmentSpec {};
        });
        menu->setClock([] { return now; });
        return menu;
    }

private slots:
    void init() { m_specs = {prod()}; }

    void entriesWithTheirAddresses()
    {
        RolloutDetailView view;
        RolloutLinksMenu *menu = makeMenu(&view);
        auto *button = view.findChild<QToolButton *>(QStringLiteral("openLinksButton"));
        QVERIFY(button);
        QCOMPARE(button->defaultAction(), menu->menuAction());
        view.setDetail(canaryDetail());
        emit menu->aboutToShow(); // what opening the menu does
        const QList<QAction *> entries = menu->actions();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0)->text(), QStringLiteral("Grafana"));
        QVERIFY(entries.at(0)->isEnabled());
        QCOMPARE(entries.at(0)->data().toUrl().toEncoded(),
                 QByteArray("https://grafana.test/d/uid1?var-namespace=shop&from=1700000000000"
                            "&to=1700000600000"));
        QCOMPARE(entries.at(1)->data().toUrl().toEncoded(),
                 QByteArray("https://grafana.test/explore?left=%7B%22expr%22%3A%22%7Bpod%3D~%5C%22"
                            "checkout-abc12-.%2A%5C%22%7D%22%7D"));
        QCOMPARE(entries.at(2)->data().toUrl().toEncoded(),
                 QByteArray("https://argocd.test/applications/shop/checkout"));
        QCOMPARE(menu->findChild<QAction *>(QStringLiteral("openLink-2")), entries.at(2));
    }

    void noCanaryDisablesWithTheReason()
    {
        RolloutDetailView view;
        RolloutLinksMenu *menu = makeMenu(&view);
        RolloutDetail detail = canaryDetail();
        detail.rollout.status.currentPodHash = detail.rollout.status.stableRS;
        view.setDetail(detail);
        menu->rebuild();
        QAction *loki = menu->actions().at(1);
        QVERIFY(!loki->isEnabled());
        QCOMPARE(loki->toolTip(),
                 QStringLiteral("Needs {{pod_regex}}: the rollout has no canary now."));
        QVERIFY(menu->actions().at(2)->isEnabled()); // Argo CD needs names only
    }

    void openingHandsTheAddressToTheDesktop()
    {
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        RolloutDetailView view;
        RolloutLinksMenu *menu = makeMenu(&view);
        view.setDetail(canaryDetail());
        menu->rebuild();
        menu->actions().at(2)->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(
            catcher.opened,
            QList<QUrl>({QUrl(QStringLiteral("https://argocd.test/applications/shop/checkout"))}));
    }

    void environmentWithoutLinks()
    {
        m_specs.first().links.clear();
        RolloutDetailView view;
        RolloutLinksMenu *menu = makeMenu(&view);
        view.setDetail(canaryDetail());
        menu->rebuild();
        QCOMPARE(menu->actions().size(), 1);
        QCOMPARE(menu->actions().first()->objectName(), QStringLiteral("noLinks"));
        QVERIFY(!menu->actions().first()->isEnabled());
        view.clear();
        menu->rebuild();
        QVERIFY(menu->actions().isEmpty());
    }
};

QTEST_MAIN(TestRolloutLinksMenu)
#include "tst_rolloutlinksmenu.moc"

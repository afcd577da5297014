// SPDX-License-Identifier: GPL-3.0-or-later
// The side list of environments: selection by click, toggling back to all, the delegate's
// tooltip, and the status bar view of the same model.
#include "connectionstatusbar.h"
#include "environmentdelegate.h"
#include "environmentlistview.h"
#include "environmentmodel.h"

#include <QSignalSpy>
#include <QTest>

namespace {

QList<EnvironmentSpec> specs()
{
    EnvironmentSpec dev;
    dev.name = QStringLiteral("dev");
    dev.context = QStringLiteral("kind-dev");
    dev.colour = QStringLiteral("#2e9d5b");
    EnvironmentSpec prod;
    prod.name = QStringLiteral("prod");
    prod.context = QStringLiteral("gke-prod");
    prod.readOnly = true;
    prod.order = 1;
    return {dev, prod};
}

} // namespace

class TestEnvironmentListView : public QObject
{
    Q_OBJECT

private slots:
    void selection()
    {
        EnvironmentModel model;
        model.setEnvironments(specs());
        EnvironmentListView view;
        view.setModel(&model);
        view.resize(240, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &EnvironmentListView::environmentSelected);

        const QPoint prod = view.visualRect(model.index(1)).center();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, prod);
        QCOMPARE(view.selectedEnvironment(), QStringLiteral("prod"));
        QCOMPARE(selected.last().at(0).toString(), QStringLiteral("prod"));
        // Clicking it again shows all environments.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, prod);
        QCOMPARE(view.selectedEnvironment(), QString());
        QCOMPARE(selected.last().at(0).toString(), QString());

        view.selectEnvironment(QStringLiteral("dev"));
        QCOMPARE(view.selectedEnvironment(), QStringLiteral("dev"));
        QTest::keyClick(&view, Qt::Key_Escape);
        QCOMPARE(view.selectedEnvironment(), QString());
        view.selectEnvironment(QStringLiteral("nope"));
        QCOMPARE(view.selectedEnvironment(), QString());
    }

    void toolTip()
    {
        EnvironmentModel model;
        model.setEnvironments(specs());
        ConnectionState state;
        state.kind = ConnectionState::Unreachable;
        state.reason = QStringLiteral("Cannot reach the server: Connection refused");
        state.insecure = true;
        model.setState(QStringLiteral("prod"), state);
        const QString tip = EnvironmentDelegate::toolTip(model.index(1));
        QCOMPARE(tip,
                 QStringLiteral("<b>prod</b><br>Context: gke-prod<br>Unreachable: Cannot reach the "
                                "server: Connection refused<br>Workloads: 0<br>Read-only: no "
                                "actions are offered.<br>TLS verification is off for this context "
                                "(insecure-skip-tls-verify): the server's identity is not "
                                "checked."));
    }

    void unreadableFieldsAreNamed()
    {
        EnvironmentModel model;
        model.setEnvironments(specs());
        ConnectionState state;
        state.kind = ConnectionState::Live;
        state.dataWarnings = {QStringLiteral("rollouts.argoproj.io shop/checkout: spec.replicas: "
                                             "integer out of range")};
        model.setState(QStringLiteral("dev"), state);
        const QString tip = EnvironmentDelegate::toolTip(model.index(0));
        QVERIFY2(tip.endsWith(QStringLiteral(
                     "<br>Some fields could not be read and are shown with default values:"
                     "<br>&nbsp;&nbsp;• rollouts.argoproj.io shop/checkout: spec.replicas: "
                     "integer out of range")),
                 qPrintable(tip));
        QCOMPARE(model.index(0).data(EnvironmentModel::DataWarningsRole).toStringList(),
                 state.dataWarnings);
    }

    void statusBar()
    {
        EnvironmentModel model;
        ConnectionStatusBar bar;
        bar.setModel(&model);
        QCOMPARE(bar.itemTexts(), QStringList());
        QCOMPARE(bar.lastUpdatedText(), QStringLiteral("No data yet"));
        model.setEnvironments(specs());
        QCOMPARE(
            bar.itemTexts(),
            QStringList({QStringLiteral("dev: Connecting…"), QStringLiteral("prod: Connecting…")}));
        ConnectionState live;
        live.kind = ConnectionState::Live;
        live.lastUpdated
            = QDateTime::fromString(QStringLiteral("2024-05-01T10:11:12Z"), Qt::ISODate);
        model.setState(QStringLiteral("dev"), live);
        ConnectionState retrying;
        retrying.kind = ConnectionState::Retrying;
        retrying.retryInSeconds = 3;
        model.setState(QStringLiteral("prod"), retrying);
        QCOMPARE(
            bar.itemTexts(),
            QStringList({QStringLiteral("dev: Live"), QStringLiteral("prod: Retrying in 3 s")}));
        QCOMPARE(bar.lastUpdated(), live.lastUpdated);
        QCOMPARE(
            bar.lastUpdatedText(),
            QStringLiteral("Updated %1")
                .arg(live.lastUpdated.toLocalTime().time().toString(QStringLiteral("HH:mm:ss"))));
    }
};

QTEST_MAIN(TestEnvironmentListView)
#include "tst_environmentlistview.moc"

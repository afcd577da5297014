// SPDX-License-Identifier: GPL-3.0-or-later
// The canary action bar's trust on the demo fleet (a real window, offscreen, the clock held):
// its buttons are disabled beforehand for a user who may not use them, with the reason the
// executor would give (the demo's staging viewer and prod deployer may patch no canary and post
// to no load tester, its admin may), and an action goes to the canary the person was asked
// about, even when the selection moves on while the question is open.
#include "flaggerdemofixture.h"

#include "auditrecord.h"
#include "flaggercanaryactionbar.h"

#include <QAction>
#include <QJsonObject>
#include <QToolButton>

namespace {

constexpr int kWaitMs = 30000;

// The demo's window with some environments read and acted on as another of the demo's users
// (environment -> context, e.g. "staging" -> "staging-viewer").
std::unique_ptr<MainWindow> openDemoWindowAs(const DemoFleet &demo,
                                             const QHash<QString, QString> &contexts)
{
    CommandLineOptions options;
    options.demo = true;
    FleetSetup setup;
    QString error;
    if (!FleetSetup::load(options, demo.kubeconfigPath(), &setup, &error))
        qFatal("%s", qPrintable(error));
    QList<EnvironmentSpec> environments = setup.environments.environments();
    for (EnvironmentSpec &spec : environments)
        spec.context = contexts.value(spec.name, spec.context);
    auto window = std::make_unique<MainWindow>();
    window->setCharts(setup.charts);
    window->setFleet(setup.kubeconfig, environments);
    window->show();
    return window;
}

// What the simulator stores of a demo canary's spec.suspend.
bool storedSuspend(const DemoFleet &demo, const QString &cluster, const QString &name)
{
    for (const QJsonObject &canary :
         demo.objects(cluster, QStringLiteral("flagger.app"), QStringLiteral("canaries"))) {
        const QJsonObject metadata = canary.value(QLatin1String("metadata")).toObject();
        if (metadata.value(QLatin1String("name")).toString() == name)
            return canary.value(QLatin1String("spec"))
                .toObject()
                .value(QLatin1String("suspend"))
                .toBool();
    }
    return false;
}

} // namespace

class TestFlaggerCanaryAccess : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_f.init(); }
    void cleanup() { m_f.cleanup(); }
    void buttonsFollowThePermissions();
    void confirmedCanaryIsActedOn();

private:
    FlaggerDemoFixture m_f;
};

void TestFlaggerCanaryAccess::buttonsFollowThePermissions()
{
    m_f.window.reset();
    m_f.window = openDemoWindowAs(*m_f.demo,
                                  {{QStringLiteral("staging"), QStringLiteral("staging-viewer")},
                                   {QStringLiteral("prod"), QStringLiteral("prod-deployer")}});
    QVERIFY(QTest::qWaitForWindowExposed(m_f.window.get()));
    const QString mayNotPatch = QStringLiteral("You may not patch canaries in namespace search.");
    const QString mayNotPost
        = QStringLiteral("You may not create services/proxy in namespace search.");

    // staging's viewer: search-suggest's suspend (a patch) and Close gate (a POST through the
    // service proxy to the load tester in search) would fit the canary, but not the user.
    QVERIFY(selectCanary(m_f.window.get(), QStringLiteral("staging"),
                         QStringLiteral("search-suggest")));
    FlaggerCanaryActionBar *bar = detailPane(m_f.window)->canaryView()->actionBar();
    QTRY_COMPARE_WITH_TIMEOUT(bar->action(FlaggerAction::Pause)->toolTip(), mayNotPatch, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(bar->action(FlaggerAction::Halt)->toolTip(), mayNotPost, kWaitMs);
    QVERIFY(!bar->button(FlaggerAction::Pause)->isEnabled());
    QVERIFY(!bar->button(FlaggerAction::Halt)->isEnabled());
    // An action that does not fit the canary keeps its own reason.
    QCOMPARE(bar->action(FlaggerAction::Resume)->toolTip(),
             QStringLiteral("The canary is not suspended: Flagger is reconciling it."));

    // prod's deployer may patch rollouts, not canaries: query-parser's bar is disabled too.
    QVERIFY(selectCanary(m_f.window.get(), QStringLiteral("prod"), QStringLiteral("query-parser")));
    QTRY_COMPARE_WITH_TIMEOUT(bar->action(FlaggerAction::Pause)->toolTip(), mayNotPatch, kWaitMs);
    QVERIFY(!bar->button(FlaggerAction::Pause)->isEnabled());
    for (const FlaggerAction action : FlaggerCanaryActionBar::offered())
        QVERIFY2(!bar->button(action)->isEnabled(), qPrintable(FlaggerActions::id(action)));
}

void TestFlaggerCanaryAccess::confirmedCanaryIsActedOn()
{
    MainWindow *window = m_f.window.get();
    QVERIFY(selectCanary(window, QStringLiteral("prod"), QStringLiteral("query-parser")));
    FlaggerCanaryActionBar *bar = detailPane(m_f.window)->canaryView()->actionBar();
    // The admin may: the button says what it does.
    QTRY_VERIFY_WITH_TIMEOUT(bar->button(FlaggerAction::Pause)->isEnabled(), kWaitMs);
    QCOMPARE(bar->action(FlaggerAction::Pause)->toolTip(),
             QStringLiteral("Set spec.suspend: Flagger stops reconciling the canary where it is"));
    QTest::mouseClick(bar->button(FlaggerAction::Pause), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(bar->message(), QStringLiteral("Suspended."), kWaitMs);

    // prod is protected, so resuming asks; while the question is open the person (or a
    // notification) selects staging's canary.
    bool switched = false;
    bar->setConfirmFunction([&](FlaggerAction) {
        switched
            = selectCanary(window, QStringLiteral("staging"), QStringLiteral("search-suggest"));
        return true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(bar->button(FlaggerAction::Resume)->isEnabled(), kWaitMs);
    QTest::mouseClick(bar->button(FlaggerAction::Resume), Qt::LeftButton);
    QVERIFY(switched);

    // The resume went to prod's query-parser, the canary that was asked about.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return !storedSuspend(*m_f.demo, QStringLiteral("prod"),
                                  QStringLiteral("query-parser"));
        },
        kWaitMs));
    QVERIFY(!storedSuspend(*m_f.demo, QStringLiteral("staging"), QStringLiteral("search-suggest")));
    const QString audit = qEnvironmentVariable("RELEASE_DASHBOARD_AUDIT_FILE");
    QStringList outcomes;
    QVERIFY(QTest::qWaitFor(
        [&] {
            outcomes.clear();
            for (const AuditRecord &record : readAuditFile(audit).records) {
                if (record.stage == AuditRecord::Stage::Outcome)
                    outcomes << QStringLiteral("%1 %2/%3 %4 %5")
                                    .arg(record.environment, record.namespaceName, record.rollout,
                                         record.action, AuditRecord::resultName(record.result));
            }
            return outcomes.size() == 2;
        },
        kWaitMs));
    QCOMPARE(outcomes,
             QStringList({QStringLiteral("prod search/query-parser canary-pause succeeded"),
                          QStringLiteral("prod search/query-parser canary-resume succeeded")}));
}

QTEST_MAIN(TestFlaggerCanaryAccess)
#include "tst_flaggercanaryaccess.moc"

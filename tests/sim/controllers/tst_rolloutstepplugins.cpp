// SPDX-License-Identifier: GPL-3.0-or-later
// A plugin canary step takes its course: the simulator has no plugin to call, so its Run
// operation succeeds when the step is reached, recorded in status.canary.stepPluginStatuses
// as recent Argo Rollouts versions write it, and a new revision starts the list afresh.
#include "controllerfixture.h"

using namespace ControllerTest;

namespace {

QJsonArray pluginSteps()
{
    return parse(R"({"s": [
        {"setWeight": 20},
        {"plugin": {"name": "acme/notify", "config": {"channel": "releases"}}},
        {"pause": {}}
    ]})")
        .value(QLatin1String("s"))
        .toArray();
}

} // namespace

class TestRolloutStepPlugins : public QObject
{
    Q_OBJECT

private slots:
    void pluginStepIsRecordedAndPassed();
};

void TestRolloutStepPlugins::pluginStepIsRecordedAndPassed()
{
    Cluster c;
    const QJsonArray steps = pluginSteps();
    c.create(rollouts(), canaryRollout(steps));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 2; }));
    const QJsonArray statuses
        = at(c.status(), QStringLiteral("canary.stepPluginStatuses")).toArray();
    QCOMPARE(statuses.size(), 1);
    const QJsonObject plugin = statuses.first().toObject();
    QCOMPARE(plugin.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(plugin.value(QStringLiteral("name")).toString(), QStringLiteral("acme/notify"));
    QCOMPARE(plugin.value(QStringLiteral("operation")).toString(), QStringLiteral("Run"));
    QCOMPARE(plugin.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    QCOMPARE(plugin.value(QStringLiteral("executions")).toInt(), 1);
    QVERIFY(!plugin.value(QStringLiteral("finishedAt")).toString().isEmpty());
    QCOMPARE(c.events(QStringLiteral("RolloutStepCompleted")).at(1),
             QStringLiteral("Rollout step 2/3 completed (plugin: acme/notify)"));

    c.advance(5); // recorded once, not again on later passes
    QCOMPARE(at(c.status(), QStringLiteral("canary.stepPluginStatuses")).toArray().size(), 1);
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.27"));
    c.pass();
    QVERIFY(at(c.status(), QStringLiteral("canary.stepPluginStatuses")).isUndefined());
}

QTEST_GUILESS_MAIN(TestRolloutStepPlugins)
#include "tst_rolloutstepplugins.moc"

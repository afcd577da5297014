// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterControllers as a whole: settled clusters write nothing, deadlines still wake the
// controllers, Events aggregate and expire, and owned objects are garbage-collected.
#include "controllerfixture.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

QJsonArray steps()
{
    return parse(R"({"s": [{"setWeight": 50}, {"pause": {}}, {"pause": {"duration": "2m"}}]})")
        .value(QLatin1String("s"))
        .toArray();
}

} // namespace

class TestClusterControllers : public QObject
{
    Q_OBJECT

private slots:
    void settledClusterWritesNothing();
    void timedPauseWakesAnIdleCluster();
    void unrelatedWriteChangesNothingElse();
    void repeatedEventsAggregate();
    void oldEventsExpire();
    void analysisRunsOfDeletedRolloutsAreCollected();
};

void TestClusterControllers::settledClusterWritesNothing()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(steps(), 2));
    QJsonObject other = canaryRollout(steps(), 1);
    QJsonObject metadata = other.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("name"), QStringLiteral("api"));
    other.insert(QStringLiteral("metadata"), metadata);
    c.create(rollouts(), other);
    c.create(rollouts(), [] {
        QJsonObject bg = blueGreenRollout(
            parse(R"({"activeService": "bg-active", "autoPromotionEnabled": false})"), 2);
        QJsonObject m = bg.value(QLatin1String("metadata")).toObject();
        m.insert(QStringLiteral("name"), QStringLiteral("bg"));
        bg.insert(QStringLiteral("metadata"), m);
        return bg;
    }());
    QVERIFY(c.waitFor([&] {
        return c.phase() == QLatin1String("Healthy")
            && c.phase(QStringLiteral("api")) == QLatin1String("Healthy")
            && c.phase(QStringLiteral("bg")) == QLatin1String("Healthy");
    }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.setImage(QStringLiteral("bg"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] {
        return c.stepIndex() == 1 && c.phase(QStringLiteral("bg")) == QLatin1String("Paused");
    }));
    // The pods the canary scaled down run out their grace period before the cluster settles.
    QVERIFY(c.waitFor([&] { return !c.anyPodTerminating(); }));
    c.advance(10);

    const quint64 settled = c.store.changeCount();
    const qint64 rv = c.store.resourceVersion();
    for (int i = 0; i < 600; ++i) {
        c.clock.advance(1000);
        c.pass();
    }
    QCOMPARE(c.store.changeCount(), settled);
    QCOMPARE(c.store.resourceVersion(), rv);
    // A write elsewhere makes every controller look again; they still find nothing to do.
    for (int i = 0; i < 10; ++i) {
        c.create(
            services(),
            QJsonObject {{QStringLiteral("metadata"),
                          QJsonObject {{QStringLiteral("name"), QStringLiteral("svc-%1").arg(i)},
                                       {QStringLiteral("namespace"), QStringLiteral("shop")}}}});
        c.advance(30);
    }
    QCOMPARE(c.store.changeCount(), settled + 10);
    QCOMPARE(c.phase(), QStringLiteral("Paused"));
    QCOMPARE(c.phase(QStringLiteral("bg")), QStringLiteral("Paused"));
    QCOMPARE(c.phase(QStringLiteral("api")), QStringLiteral("Healthy"));
}

void TestClusterControllers::timedPauseWakesAnIdleCluster()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(steps(), 2));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null}});
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 2 && c.phase() == QLatin1String("Paused"); }));
    const qint64 pausedAt = VirtualClock::fromRfc3339(
        at(c.status(), QStringLiteral("pauseConditions.0.startTime")).toString());
    QVERIFY(c.waitFor([&] { return !c.anyPodTerminating(); })); // well within the 2m pause
    const quint64 quiet = c.store.changeCount();
    // Big jumps of virtual time with no pass in between: the pass after the deadline acts.
    c.clock.advance(pausedAt + 60000 - c.clock.nowMs());
    c.pass();
    QCOMPARE(c.store.changeCount(), quiet);
    c.clock.advance(60001);
    c.pass();
    QCOMPARE(c.stepIndex(), 3);
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
}

void TestClusterControllers::unrelatedWriteChangesNothingElse()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(steps(), 2));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.pass(2);
    const quint64 before = c.store.changeCount();
    c.create(
        services(),
        parse(
            R"({"metadata": {"name": "unrelated", "namespace": "shop"}, "spec": {"selector": {"app": "x"}}})"));
    c.pass(3);
    QCOMPARE(c.store.changeCount(), before + 1);
}

void TestClusterControllers::repeatedEventsAggregate()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(steps(), 2));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
    for (int i = 0; i < 2; ++i) {
        c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("abort"), true}});
        c.pass();
        c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("abort"), false}});
        QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
    }
    QCOMPARE(c.events(QStringLiteral("RolloutAborted")),
             QStringList {QStringLiteral("Rollout aborted update to revision 2")});
    for (const QJsonObject &e : c.list(ControllerTest::events())) {
        if (e.value(QLatin1String("reason")).toString() != QLatin1String("RolloutAborted"))
            continue;
        QCOMPARE(e.value(QLatin1String("count")).toInt(), 2);
        QVERIFY(e.value(QLatin1String("lastTimestamp")).toString()
                > e.value(QLatin1String("firstTimestamp")).toString());
        QCOMPARE(at(e, QStringLiteral("source.component")).toString(),
                 QStringLiteral("rollouts-controller"));
        QVERIFY(
            at(e, QStringLiteral("metadata.name")).toString().startsWith(QLatin1String("web.")));
    }
}

void TestClusterControllers::oldEventsExpire()
{
    Cluster c;
    c.create(rollouts(), canaryRollout({}, 1));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QVERIFY(!c.list(ControllerTest::events()).isEmpty());
    for (int i = 0; i < 8; ++i) {
        c.clock.advance(10 * 60 * 1000);
        c.pass();
    }
    QCOMPARE(c.list(ControllerTest::events()).size(), 0);
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
}

void TestClusterControllers::analysisRunsOfDeletedRolloutsAreCollected()
{
    Cluster c;
    c.create(analysisTemplates(), slowTemplate(QStringLiteral("error-rate")));
    const QJsonArray analysisSteps = parse(R"({"s": [{"setWeight": 50},
        {"analysis": {"templates": [{"templateName": "error-rate"}], "args": [{"name": "service", "value": "web"}]}}]})")
                                         .value(QLatin1String("s"))
                                         .toArray();
    c.create(rollouts(), canaryRollout(analysisSteps, 2));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.list(analysisRuns()).size() == 1; }));
    c.store.remove(rollouts(), QStringLiteral("shop"), QStringLiteral("web"));
    c.pass(2);
    QCOMPARE(c.list(analysisRuns()).size(), 0);
    QCOMPARE(c.list(replicaSets()).size(), 0);
    const QList<QJsonObject> left = c.list(pods());
    QVERIFY(!left.isEmpty() && std::all_of(left.begin(), left.end(), isTerminating));
    QVERIFY(c.waitFor([&] { return c.list(pods()).isEmpty(); }, 30));
}

QTEST_GUILESS_MAIN(TestClusterControllers)
#include "tst_clustercontrollers.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllerfixture.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

QString nameOf(const QJsonObject &object)
{
    return at(object, QStringLiteral("metadata.name")).toString();
}

QJsonObject service(const QString &name)
{
    QJsonObject svc
        = parse(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"namespace": "shop"},
                                "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}})");
    QJsonObject metadata = svc.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("name"), name);
    svc.insert(QStringLiteral("metadata"), metadata);
    return svc;
}

QString selectorHash(const Cluster &c, const QString &svc)
{
    return at(c.get(services(), svc), QStringLiteral("spec.selector.rollouts-pod-template-hash"))
        .toString();
}

} // namespace

class TestRolloutBlueGreen : public QObject
{
    Q_OBJECT

private slots:
    void initialDeployActivatesFirstRevision();
    void manualPromotionWaitsForPromote();
    void autoPromotionSecondsPromotesAfterDelay();
    void autoPromotionSwitchesWhenPreviewIsReady();
    void abortKeepsActiveAndScalesPreviewDown();
    void prePromotionAnalysisGatesTheSwitch();
    void withoutServiceObjectsSelectorsLiveInStatus();

private:
    void deploy(Cluster &c, const QJsonObject &blueGreen, bool withServices = true);
};

void TestRolloutBlueGreen::deploy(Cluster &c, const QJsonObject &blueGreen, bool withServices)
{
    if (withServices) {
        c.create(services(), service(QStringLiteral("web-active")));
        c.create(services(), service(QStringLiteral("web-preview")));
    }
    c.create(rollouts(), blueGreenRollout(blueGreen));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
}

void TestRolloutBlueGreen::initialDeployActivatesFirstRevision()
{
    Cluster c;
    deploy(
        c,
        parse(
            R"({"activeService": "web-active", "previewService": "web-preview", "autoPromotionEnabled": false})"));
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    QCOMPARE(sets.size(), 1);
    const QString hash = hashOf(sets.at(0));
    const QJsonObject status = c.status();
    QCOMPARE(at(status, QStringLiteral("blueGreen.activeSelector")).toString(), hash);
    QCOMPARE(at(status, QStringLiteral("blueGreen.previewSelector")).toString(), hash);
    QCOMPARE(status.value(QLatin1String("stableRS")).toString(), hash);
    QCOMPARE(status.value(QLatin1String("currentStepIndex")).isUndefined(), true);
    QCOMPARE(status.value(QLatin1String("selector")).toString(),
             QStringLiteral("app=web,rollouts-pod-template-hash=") + hash);
    QCOMPARE(selectorHash(c, QStringLiteral("web-active")), hash);
    QCOMPARE(selectorHash(c, QStringLiteral("web-preview")), hash);
    QCOMPARE(annotation(c.get(services(), QStringLiteral("web-active")),
                        QStringLiteral("argo-rollouts.argoproj.io/managed-by-rollouts")),
             QStringLiteral("web"));
    QCOMPARE(c.specReplicas(nameOf(sets.at(0))), 3);
}

void TestRolloutBlueGreen::manualPromotionWaitsForPromote()
{
    Cluster c;
    deploy(
        c,
        parse(
            R"({"activeService": "web-active", "previewService": "web-preview", "autoPromotionEnabled": false})"));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.pass();
    QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    const QString blue = nameOf(sets.at(0));
    const QString green = nameOf(sets.at(1));
    const QString blueHash = hashOf(sets.at(0));
    const QString greenHash = hashOf(sets.at(1));
    QCOMPARE(c.specReplicas(green), 3);
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.previewSelector")).toString(), greenHash);
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(), blueHash);
    QCOMPARE(selectorHash(c, QStringLiteral("web-preview")), greenHash);
    QCOMPARE(selectorHash(c, QStringLiteral("web-active")), blueHash);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));

    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Paused"); }));
    QCOMPARE(c.message(), QStringLiteral("BlueGreenPause"));
    QCOMPARE(at(c.status(), QStringLiteral("pauseConditions.0.reason")).toString(),
             QStringLiteral("BlueGreenPause"));
    QCOMPARE(c.status().value(QLatin1String("controllerPause")).toBool(), true);
    c.advance(300);
    QCOMPARE(c.phase(), QStringLiteral("Paused"));
    QCOMPARE(selectorHash(c, QStringLiteral("web-active")), blueHash);

    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null}});
    c.pass();
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(), greenHash);
    QCOMPARE(c.status().value(QLatin1String("stableRS")).toString(), greenHash);
    QCOMPARE(selectorHash(c, QStringLiteral("web-active")), greenHash);
    QCOMPARE(c.events(QStringLiteral("SwitchService")).last(),
             QStringLiteral("Switched selector for service 'web-active' from '%1' to '%2'")
                 .arg(blueHash, greenHash));
    QCOMPARE(
        c.events(QStringLiteral("RolloutCompleted")).last(),
        QStringLiteral("Rollout completed update to revision 2 (%1): Completed blue-green update")
            .arg(greenHash));

    // The old active ReplicaSet stays up for scaleDownDelaySeconds (30 s), then goes.
    const QString deadline = annotation(c.replicaSet(blue), QStringLiteral("scale-down-deadline"));
    QCOMPARE(VirtualClock::fromRfc3339(deadline),
             VirtualClock::fromRfc3339(c.clock.nowRfc3339()) + 30000);
    QCOMPARE(c.specReplicas(blue), 3);
    c.advance(29);
    QCOMPARE(c.specReplicas(blue), 3);
    c.advance(2);
    QCOMPARE(c.specReplicas(blue), 0);
    QCOMPARE(annotation(c.replicaSet(blue), QStringLiteral("scale-down-deadline")), QString());
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
}

void TestRolloutBlueGreen::autoPromotionSecondsPromotesAfterDelay()
{
    Cluster c;
    deploy(c, parse(R"({"activeService": "web-active", "autoPromotionSeconds": 20})"));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Paused"); }));
    const QString green = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    const qint64 pausedAt = VirtualClock::fromRfc3339(
        at(c.status(), QStringLiteral("pauseConditions.0.startTime")).toString());
    while (c.clock.nowMs() + 1000 <= pausedAt + 20000) {
        c.advance(1);
        QCOMPARE(c.phase(), QStringLiteral("Paused"));
    }
    c.advance(1);
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(), green);
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
    QCOMPARE(c.events(QStringLiteral("RolloutResumed")),
             QStringList {QStringLiteral("Rollout is resumed")});
}

void TestRolloutBlueGreen::autoPromotionSwitchesWhenPreviewIsReady()
{
    Cluster c;
    deploy(c, parse(R"({"activeService": "web-active", "previewService": "web-preview"})"));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.pass();
    const QString green = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.message(), QStringLiteral("more replicas need to be updated"));
    // For blue-green, availableReplicas counts the active ReplicaSet, which is still full.
    c.pass();
    QCOMPARE(c.message(), QStringLiteral("active service cutover pending"));
    QCOMPARE(c.status().value(QLatin1String("availableReplicas")).toInt(), 3);
    c.advance(5);
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(), green);
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
    QCOMPARE(c.events(QStringLiteral("RolloutPaused")), QStringList());
}

void TestRolloutBlueGreen::abortKeepsActiveAndScalesPreviewDown()
{
    Cluster c;
    deploy(
        c,
        parse(
            R"({"activeService": "web-active", "previewService": "web-preview", "autoPromotionEnabled": false})"));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Paused"); }));
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    const QString blue = nameOf(sets.at(0));
    const QString green = nameOf(sets.at(1));

    c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("abort"), true}});
    c.pass();
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.message(), QStringLiteral("RolloutAborted: Rollout aborted update to revision 2"));
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(),
             hashOf(sets.at(0)));
    QCOMPARE(selectorHash(c, QStringLiteral("web-active")), hashOf(sets.at(0)));
    QCOMPARE(c.status().value(QLatin1String("pauseConditions")).isUndefined(), true);
    // The preview pods stay for abortScaleDownDelaySeconds (30 s) before they go.
    QCOMPARE(c.specReplicas(green), 3);
    QVERIFY(!annotation(c.replicaSet(green), QStringLiteral("scale-down-deadline")).isEmpty());
    c.advance(31);
    QCOMPARE(c.specReplicas(green), 0);
    QCOMPARE(c.specReplicas(blue), 3);
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
}

void TestRolloutBlueGreen::prePromotionAnalysisGatesTheSwitch()
{
    Cluster c;
    c.create(analysisTemplates(), slowTemplate(QStringLiteral("error-rate")));
    deploy(c, parse(R"({"activeService": "web-active", "previewService": "web-preview",
                        "prePromotionAnalysis": {"templates": [{"templateName": "error-rate"}],
                                                 "args": [{"name": "service", "value": "web-preview"}]}})"));
    QCOMPARE(c.list(analysisRuns()).size(), 0);
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.pass();
    const QString green = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    const QString runName = QStringLiteral("web-%1-2-pre").arg(green);
    QVERIFY(c.waitFor([&] { return !c.analysisRun(runName).isEmpty(); }));
    QCOMPARE(at(c.analysisRun(runName), QStringLiteral("metadata.labels.rollout-type")).toString(),
             QStringLiteral("PrePromotion"));
    QCOMPARE(
        at(c.status(), QStringLiteral("blueGreen.prePromotionAnalysisRunStatus.name")).toString(),
        runName);
    c.advance(30);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.message(), QStringLiteral("active service cutover pending"));

    c.setRunPhase(runName, QStringLiteral("Successful"));
    c.pass();
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(), green);
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
}

void TestRolloutBlueGreen::withoutServiceObjectsSelectorsLiveInStatus()
{
    Cluster c;
    deploy(
        c,
        parse(
            R"({"activeService": "web-active", "previewService": "web-preview", "autoPromotionEnabled": false})"),
        false);
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Paused"); }));
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(),
             hashOf(sets.at(0)));
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.previewSelector")).toString(),
             hashOf(sets.at(1)));
    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null}});
    c.pass();
    QCOMPARE(at(c.status(), QStringLiteral("blueGreen.activeSelector")).toString(),
             hashOf(sets.at(1)));
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
}

QTEST_GUILESS_MAIN(TestRolloutBlueGreen)
#include "tst_rolloutbluegreen.moc"

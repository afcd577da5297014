// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding realistic Argo Rollouts objects (tests/data/domain/rollout-*.json): canary and
// blue-green specs, steps and status, a RolloutList, and nulls and unknown fields.
#include "jsondecoderfixture.h"

#include <QTest>

using namespace JsonDecoderTest;

class TestJsonDecoderRollouts : public QObject
{
    Q_OBJECT

private slots:
    void canaryMidStepMetadata()
    {
        const Decoded<Rollout> decoded
            = decodeObject<Rollout>(domainTestData(QStringLiteral("rollout-canary-midstep.json")));
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.report.issues.size(), 0);
        const ObjectMeta &meta = decoded.value.metadata;
        QCOMPARE(meta.name, QStringLiteral("checkout"));
        QCOMPARE(meta.namespaceName, QStringLiteral("shop-prod"));
        QCOMPARE(meta.uid, QStringLiteral("0f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d"));
        QCOMPARE(meta.resourceVersion, QStringLiteral("48213"));
        QCOMPARE(meta.generation, 7);
        QCOMPARE(meta.creationTimestamp, utc("2024-05-01T09:00:00Z"));
        QCOMPARE(meta.labels.keys(),
                 QStringList({QStringLiteral("app.kubernetes.io/name"), QStringLiteral("team")}));
        QCOMPARE(meta.labels.value(u"team"), QStringLiteral("payments"));
        // The huge last-applied-configuration annotation is dropped on purpose.
        QCOMPARE(meta.annotations.keys(),
                 QStringList({QStringLiteral("rollout.argoproj.io/revision")}));
    }

    void canaryMidStepSpec()
    {
        const Rollout r = rollout(QStringLiteral("rollout-canary-midstep.json"));
        QCOMPARE(r.spec.replicas, std::optional<qint32>(5));
        QCOMPARE(r.spec.progressDeadlineSeconds, std::optional<qint32>(600));
        QCOMPARE(r.spec.podTemplate.images(),
                 QStringList({QStringLiteral("registry.example.com/shop/checkout:2.4.0")}));
        QCOMPARE(r.spec.podTemplate.initContainerImages(),
                 QStringList({QStringLiteral("registry.example.com/shop/checkout-migrate:2.4.0")}));
        QVERIFY(r.isCanary());
        QVERIFY(!r.isBlueGreen());
        const CanaryStrategy &canary = *r.spec.canary;
        QCOMPARE(canary.canaryService, QStringLiteral("checkout-canary"));
        QCOMPARE(canary.stableService, QStringLiteral("checkout-stable"));
        QVERIFY(canary.hasTrafficRouting);
        QCOMPARE(canary.trafficRouters, QStringList({QStringLiteral("istio")}));
        QCOMPARE(canary.maxTrafficWeight, std::optional<qint32>(100));
        QCOMPARE(canary.maxSurge, IntOrString::fromString(QStringLiteral("25%")));
        QCOMPARE(canary.maxUnavailable, IntOrString::fromInt(0));
        QVERIFY(canary.hasBackgroundAnalysis);
        QCOMPARE(canary.backgroundAnalysis.templates.size(), 1);
        QCOMPARE(canary.backgroundAnalysis.templates.at(0).templateName,
                 QStringLiteral("success-rate"));
        QCOMPARE(canary.backgroundAnalysisStartingStep, std::optional<qint32>(2));
        QCOMPARE(canary.backgroundAnalysis.args.at(0).value,
                 QStringLiteral("checkout-canary.shop-prod.svc.cluster.local"));
        QVERIFY(!canary.hasPingPong);
    }

    void canaryMidStepSteps()
    {
        const Rollout r = rollout(QStringLiteral("rollout-canary-midstep.json"));
        const QList<RolloutStep> &steps = r.spec.canary->steps;
        QCOMPARE(steps.size(), 12);
        using Kind = RolloutStep::Kind;
        const QList<Kind> kinds
            = {Kind::SetWeight, Kind::Pause,          Kind::SetWeight,      Kind::Pause,
               Kind::Analysis,  Kind::SetCanaryScale, Kind::SetHeaderRoute, Kind::SetMirrorRoute,
               Kind::Plugin,    Kind::Experiment,     Kind::SetCanaryScale, Kind::Pause};
        for (int i = 0; i < kinds.size(); ++i)
            QCOMPARE(int(steps.at(i).kind), int(kinds.at(i)));
        QCOMPARE(steps.at(0).setWeight, std::optional<qint32>(20));
        QCOMPARE(steps.at(1).pauseDuration, IntOrString::fromString(QStringLiteral("10m")));
        QCOMPARE(steps.at(3).pauseDuration, IntOrString::fromInt(600));
        QVERIFY(steps.at(11).hasPause);
        QVERIFY(!steps.at(11).pauseDuration.isSet());

        const RolloutAnalysis &analysis = *steps.at(4).analysis;
        QCOMPARE(analysis.templates.size(), 2);
        QCOMPARE(analysis.templates.at(1).templateName, QStringLiteral("latency"));
        QVERIFY(analysis.templates.at(1).clusterScope);
        QCOMPARE(analysis.args.size(), 2);
        QCOMPARE(analysis.args.at(0).name, QStringLiteral("service-name"));
        QVERIFY(!analysis.args.at(0).hasValueFrom);
        QCOMPARE(analysis.args.at(1).name, QStringLiteral("stable-hash"));
        QVERIFY(analysis.args.at(1).hasValueFrom);
        QCOMPARE(analysis.dryRunMetrics, QStringList({QStringLiteral("latency")}));

        QCOMPARE(steps.at(5).setCanaryScale->weight, std::optional<qint32>(60));
        QCOMPARE(steps.at(6).routeName, QStringLiteral("header-route"));
        QCOMPARE(steps.at(6).headerMatches.size(), 2);
        QCOMPARE(steps.at(6).headerMatches.at(0).headerName, QStringLiteral("X-Canary"));
        QCOMPARE(steps.at(6).headerMatches.at(0).exact, QStringLiteral("yes"));
        QCOMPARE(steps.at(6).headerMatches.at(1).regex, QStringLiteral(".*Firefox.*"));
        QCOMPARE(steps.at(7).routeName, QStringLiteral("mirror-route"));
        QCOMPARE(steps.at(7).mirrorPercentage, std::optional<qint32>(35));
        QCOMPARE(steps.at(8).routeName, QStringLiteral("argoproj-labs/step-exec"));
        QCOMPARE(steps.at(8).pluginConfig,
                 QByteArray(R"({"command":"notify","args":["--channel","#releases"]})"));

        const ExperimentStep &experiment = *steps.at(9).experiment;
        QCOMPARE(experiment.duration, QStringLiteral("5m"));
        QCOMPARE(experiment.templates.size(), 2);
        QCOMPARE(experiment.templates.at(0).specRef, QStringLiteral("stable"));
        QCOMPARE(experiment.templates.at(0).replicas, std::optional<qint32>(1));
        QCOMPARE(experiment.templates.at(1).weight, std::optional<qint32>(5));
        QCOMPARE(experiment.analyses.at(0).templateName, QStringLiteral("compare-latency"));
        QVERIFY(experiment.analyses.at(0).requiredForCompletion);
        QVERIFY(steps.at(10).setCanaryScale->matchTrafficWeight);
    }

    void canaryMidStepStatus()
    {
        const Rollout r = rollout(QStringLiteral("rollout-canary-midstep.json"));
        const RolloutStatus &s = r.status;
        QCOMPARE(s.phase, QStringLiteral("Progressing"));
        QCOMPARE(s.message, QStringLiteral("more replicas need to be updated"));
        QCOMPARE(s.currentStepIndex, std::optional<qint32>(2));
        QCOMPARE(s.observedGeneration, QStringLiteral("7"));
        QCOMPARE(s.stableRS, QStringLiteral("5c7d8b9f4"));
        QCOMPARE(s.currentPodHash, QStringLiteral("6d9f7c8b5"));
        QCOMPARE(s.currentStepHash, QStringLiteral("7c5b4f8d9"));
        QCOMPARE(s.hpaReplicas, 6);
        QCOMPARE(s.replicas, 6);
        QCOMPARE(s.updatedReplicas, 1);
        QCOMPARE(s.readyReplicas, 6);
        QCOMPARE(s.availableReplicas, 6);
        QCOMPARE(s.selector, QStringLiteral("app=checkout"));
        QVERIFY(s.canaryWeights.has_value());
        QCOMPARE(s.canaryWeights->canary.weight, 20);
        QCOMPARE(s.canaryWeights->canary.serviceName, QStringLiteral("checkout-canary"));
        QCOMPARE(s.canaryWeights->stable.weight, 80);
        QCOMPARE(s.canaryWeights->stable.podTemplateHash, QStringLiteral("5c7d8b9f4"));
        QCOMPARE(s.canaryWeights->verified, std::optional<bool>(true));
        QCOMPARE(s.currentBackgroundAnalysisRunStatus->name,
                 QStringLiteral("checkout-6d9f7c8b5-4-2"));
        QCOMPARE(s.currentBackgroundAnalysisRunStatus->status, QStringLiteral("Running"));
        QVERIFY(!s.currentStepAnalysisRunStatus.has_value());
        QCOMPARE(s.conditions.size(), 4);
        const Condition &progressing = s.conditions.at(1);
        QCOMPARE(progressing.type, QStringLiteral("Progressing"));
        QCOMPARE(progressing.status, QStringLiteral("True"));
        QCOMPARE(progressing.reason, QStringLiteral("ReplicaSetUpdated"));
        QCOMPARE(progressing.message,
                 QStringLiteral("ReplicaSet \"checkout-6d9f7c8b5\" is progressing."));
        QCOMPARE(progressing.lastTransitionTime, utc("2024-05-01T10:00:00Z"));
        QCOMPARE(progressing.lastUpdateTime, utc("2024-05-01T10:04:30Z"));
        QVERIFY(!s.abort);
        QVERIFY(s.pauseConditions.isEmpty());
    }

    void pausedCanary()
    {
        const Rollout r = rollout(QStringLiteral("rollout-canary-paused.json"));
        QVERIFY(!r.spec.canary->hasTrafficRouting);
        QCOMPARE(r.spec.canary->effectiveMaxTrafficWeight(), 100);
        QCOMPARE(r.spec.podTemplate.containers.size(), 2);
        QCOMPARE(r.status.pauseConditions.size(), 1);
        QCOMPARE(r.status.pauseConditions.at(0).reason, QStringLiteral("CanaryPauseStep"));
        QCOMPARE(r.status.pauseConditions.at(0).startTime, utc("2024-05-02T10:00:00Z"));
        QVERIFY(r.status.controllerPause);
        QCOMPARE(r.status.phase, QStringLiteral("Paused"));
        QCOMPARE(r.status.message, QStringLiteral("CanaryPauseStep"));
        QVERIFY(!r.status.canaryWeights.has_value());
    }

    void abortedRollout()
    {
        const Rollout r = rollout(QStringLiteral("rollout-aborted.json"));
        QVERIFY(r.status.abort);
        QCOMPARE(r.status.abortedAt, utc("2024-05-03T14:12:45Z"));
        QCOMPARE(r.status.conditions.at(0).reason, QStringLiteral("RolloutAborted"));
        QCOMPARE(r.status.conditions.at(0).status, QStringLiteral("False"));
        QCOMPARE(r.status.currentStepAnalysisRunStatus->status, QStringLiteral("Failed"));
        QCOMPARE(r.status.currentStepAnalysisRunStatus->message,
                 QStringLiteral("Metric \"success-rate\" assessed Failed due to failed (3) > "
                                "failureLimit (2)"));
        QCOMPARE(r.status.currentStepIndex, std::optional<qint32>(0));
    }

    void blueGreenWaiting()
    {
        const Rollout r = rollout(QStringLiteral("rollout-bluegreen-waiting.json"));
        QVERIFY(r.isBlueGreen());
        QVERIFY(!r.isCanary());
        const BlueGreenStrategy &bg = *r.spec.blueGreen;
        QCOMPARE(bg.activeService, QStringLiteral("storefront-active"));
        QCOMPARE(bg.previewService, QStringLiteral("storefront-preview"));
        QVERIFY(!bg.autoPromotionEnabled.has_value());
        QVERIFY(bg.isAutoPromotionEnabled());
        QCOMPARE(bg.autoPromotionSeconds, 300);
        QCOMPARE(bg.scaleDownDelaySeconds, std::optional<qint32>(30));
        QCOMPARE(bg.prePromotionAnalysis->templates.at(0).templateName,
                 QStringLiteral("smoke-tests"));
        QCOMPARE(bg.prePromotionAnalysis->args.at(0).value, QStringLiteral("storefront-preview"));
        QCOMPARE(bg.postPromotionAnalysis->templates.at(0).templateName,
                 QStringLiteral("success-rate"));
        QCOMPARE(r.status.activeSelector, QStringLiteral("7f8c9d6b5"));
        QCOMPARE(r.status.previewSelector, QStringLiteral("84b6c7d9f"));
        QVERIFY(r.status.scaleUpPreviewCheckPoint);
        QCOMPARE(r.status.prePromotionAnalysisRunStatus->status, QStringLiteral("Successful"));
        QVERIFY(!r.status.postPromotionAnalysisRunStatus.has_value());
        QCOMPARE(r.status.pauseConditions.at(0).reason, QStringLiteral("BlueGreenPause"));
    }

    void rolloutList()
    {
        const QByteArray body = "{\"kind\":\"RolloutList\",\"apiVersion\":\"argoproj.io/v1alpha1\","
                                "\"metadata\":{\"resourceVersion\":\"52300\",\"continue\":\"\"},"
                                "\"items\":["
            + domainTestData(QStringLiteral("rollout-canary-midstep.json")) + ','
            + domainTestData(QStringLiteral("rollout-canary-paused.json")) + ','
            + domainTestData(QStringLiteral("rollout-aborted.json")) + ','
            + domainTestData(QStringLiteral("rollout-bluegreen-waiting.json")) + "]}";
        const ObjectList<Rollout> list = decodeList<Rollout>(body);
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issues.size(), 0);
        QCOMPARE(list.resourceVersion, QStringLiteral("52300"));
        QCOMPARE(list.continueToken, QString());
        QCOMPARE(list.remainingItemCount, -1);
        QCOMPARE(list.items.size(), 4);
        QCOMPARE(list.items.at(0).metadata.name, QStringLiteral("checkout"));
        QCOMPARE(list.items.at(3).metadata.name, QStringLiteral("storefront"));
        QCOMPARE(list.items.at(0), rollout(QStringLiteral("rollout-canary-midstep.json")));
    }

    void nullsAndUnknownFieldsAreIgnored()
    {
        const Decoded<Rollout> decoded = decodeObject<Rollout>(
            R"({"metadata":{"name":"r","labels":null,"annotations":{"a":null},)"
            R"("somethingNew":{"x":[1,2]}},)"
            R"("spec":{"replicas":null,"strategy":{"canary":{"steps":null,"trafficRouting":null}},)"
            R"("future":true},)"
            R"("status":null})");
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.report.issues.size(), 0);
        QCOMPARE(decoded.value.spec.desiredReplicas(), 1);
        QVERIFY(decoded.value.isCanary());
        QVERIFY(!decoded.value.spec.canary->hasTrafficRouting);
        QVERIFY(decoded.value.metadata.annotations.contains(u"a"));
        QVERIFY(decoded.value.metadata.labels.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonDecoderRollouts)
#include "tst_jsondecoderrollouts.moc"

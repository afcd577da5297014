// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding realistic Kubernetes and Argo Rollouts objects (tests/data/domain/*.json).
#include "jsondecoder.h"
#include "testdata.h"
#include "timestamps.h"

#include <QTest>

class TestJsonDecoder : public QObject
{
    Q_OBJECT

private:
    static QDateTime utc(const char *text) { return parseRfc3339(QString::fromLatin1(text)); }

    static Rollout rollout(const QString &file)
    {
        const Decoded<Rollout> decoded = decodeObject<Rollout>(domainTestData(file));
        if (!decoded.isOk() || decoded.report.hasIssues())
            qWarning("%s: %s %s", qPrintable(file), qPrintable(decoded.report.error),
                     qPrintable(decoded.report.issuesText()));
        return decoded.value;
    }

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

    void podList()
    {
        const ObjectList<Pod> list = decodeList<Pod>(domainTestData(QStringLiteral("pods.json")));
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issues.size(), 0);
        QCOMPARE(list.items.size(), 22);
        QCOMPARE(list.resourceVersion, QStringLiteral("60500"));
        QVERIFY(list.continueToken.startsWith(QStringLiteral("eyJ2Ijoib")));
        QCOMPARE(list.remainingItemCount, 12);

        const Pod &crash = list.items.at(2);
        QCOMPARE(crash.metadata.name, QStringLiteral("crash-loop"));
        QCOMPARE(crash.metadata.controllerRef()->name, QStringLiteral("checkout-6d9f7c8b5"));
        QCOMPARE(crash.metadata.controllerRef()->kind, QStringLiteral("ReplicaSet"));
        QVERIFY(crash.metadata.isOwnedBy(QStringLiteral("rs-6d9f7c8b5")));
        QCOMPARE(crash.nodeName, QStringLiteral("node-1"));
        QCOMPARE(crash.hostIP, QStringLiteral("10.0.0.11"));
        QCOMPARE(crash.podIP, QStringLiteral("10.244.1.10"));
        QCOMPARE(crash.startTime, utc("2024-05-05T09:58:01Z"));
        QCOMPARE(crash.phase, QStringLiteral("Running"));
        QCOMPARE(crash.conditions.size(), 4);
        const ContainerStatus &app = crash.containerStatuses.at(0);
        QCOMPARE(app.name, QStringLiteral("app"));
        QCOMPARE(app.image, QStringLiteral("registry.example.com/shop/checkout:2.4.0"));
        QVERIFY(!app.ready);
        QCOMPARE(app.restartCount, 5);
        QVERIFY(app.state.isWaiting());
        QCOMPARE(app.state.reason, QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(app.state.message,
                 QStringLiteral("back-off 5m0s restarting failed container=app"));
        QVERIFY(app.lastState.isTerminated());
        QCOMPARE(app.lastState.exitCode, 1);
        QCOMPARE(app.lastState.reason, QStringLiteral("Error"));
        QCOMPARE(app.lastState.finishedAt, utc("2024-05-05T10:20:00Z"));

        const Pod &signal = list.items.at(10);
        QCOMPARE(signal.containerStatuses.at(0).state.signal, 15);
        QCOMPARE(signal.containerStatuses.at(0).state.exitCode, 143);
        const Pod &terminating = list.items.at(13);
        QCOMPARE(terminating.metadata.deletionTimestamp, utc("2024-05-05T10:30:00Z"));
        const Pod &sidecar = list.items.at(19);
        QCOMPARE(sidecar.metadata.name, QStringLiteral("sidecar"));
        QVERIFY(sidecar.spec.initContainers.at(0).restartPolicyAlways);
        QVERIFY(!sidecar.spec.initContainers.at(1).restartPolicyAlways);
        QCOMPARE(sidecar.initContainerStatuses.at(0).started, std::optional<bool>(true));
        QVERIFY(!sidecar.initContainerStatuses.at(1).started.has_value());
        QCOMPARE(list.items.at(15).reason, QStringLiteral("Evicted"));
        QVERIFY(list.items.at(18).nodeName.isEmpty());
    }

    void repeatedStringsAreShared()
    {
        // Namespaces, label keys and images repeat across a fleet: one QString each.
        const ObjectList<Pod> list = decodeList<Pod>(domainTestData(QStringLiteral("pods.json")));
        QCOMPARE(list.items.size(), 22);
        const Pod &a = list.items.at(0);
        const Pod &b = list.items.at(21);
        QVERIFY(a.metadata.namespaceName.isSharedWith(b.metadata.namespaceName));
        QVERIFY(a.spec.containers.at(0).image.isSharedWith(b.spec.containers.at(0).image));
        QVERIFY(a.metadata.labels.entries().at(0).first.isSharedWith(
            b.metadata.labels.entries().at(0).first));
        QVERIFY(!a.metadata.name.isSharedWith(b.metadata.name));
    }

    void equalValuesShareOneCopy()
    {
        // Pods of one ReplicaSet repeat labels, annotations, owner and containers: one copy.
        const auto pod = [](const char *name, const char *hash, const char *owner) -> QByteArray {
            // Normal literals: moc's tokenizer does not understand raw strings.
            return QByteArray("{\"metadata\":{\"name\":\"") + name
                + "\",\"labels\":{\"app\":\"web\",\"rollouts-pod-template-hash\":\"" + hash
                + "\"},\"annotations\":{\"prometheus.io/scrape\":\"true\"},\"ownerReferences\":["
                + "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"web-" + hash
                + "\",\"uid\":\"" + owner + "\",\"controller\":true}]},"
                + "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"web:" + hash + "\"}]}}";
        };
        const ObjectList<Pod> list
            = decodeList<Pod>("{\"items\":[" + pod("a", "abc", "u1") + ',' + pod("b", "abc", "u1")
                              + ',' + pod("c", "def", "u2") + "]}");
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issues.size(), 0);
        const Pod &a = list.items.at(0);
        const Pod &b = list.items.at(1);
        const Pod &c = list.items.at(2);
        QCOMPARE(a.metadata.labels.entries().constData(), b.metadata.labels.entries().constData());
        QCOMPARE(a.metadata.annotations.entries().constData(),
                 b.metadata.annotations.entries().constData());
        QCOMPARE(a.metadata.ownerReferences.constData(), b.metadata.ownerReferences.constData());
        QCOMPARE(a.spec.containers.constData(), b.spec.containers.constData());
        QVERIFY(a.metadata.labels.entries().constData() != c.metadata.labels.entries().constData());
        QCOMPARE(c.metadata.labels.value(u"rollouts-pod-template-hash"), QStringLiteral("def"));
        QCOMPARE(c.metadata.ownerReferences.at(0).uid, QStringLiteral("u2"));
        QCOMPARE(c.metadata.ownerReferences.at(0).name, QStringLiteral("web-def"));
        QVERIFY(c.metadata.ownerReferences.at(0).controller);
        QCOMPARE(c.spec.containers.at(0).image, QStringLiteral("web:def"));
        QCOMPARE(a.metadata.annotations.entries().constData(),
                 c.metadata.annotations.entries().constData());
    }

    void brokenRepeatedValuesAreReportedEachTime()
    {
        const QByteArray pod
            = R"({"metadata":{"labels":{"app":1},"ownerReferences":[)"
              R"({"uid":"u1","controller":"yes"}]},"spec":{"containers":[{"name":2}]}})";
        const ObjectList<Pod> list = decodeList<Pod>("{\"items\":[" + pod + ',' + pod + "]}");
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issuesText(),
                 QStringLiteral("items[0].metadata.labels.app: expected a string\n"
                                "items[0].metadata.ownerReferences[0].controller: expected true or "
                                "false\n"
                                "items[0].spec.containers[0].name: expected a string\n"
                                "items[1].metadata.labels.app: expected a string\n"
                                "items[1].metadata.ownerReferences[0].controller: expected true or "
                                "false\n"
                                "items[1].spec.containers[0].name: expected a string"));
        QCOMPARE(list.items.at(1).metadata.ownerReferences.at(0).uid, QStringLiteral("u1"));
    }

    void replicaSetList()
    {
        const ObjectList<ReplicaSet> list
            = decodeList<ReplicaSet>(domainTestData(QStringLiteral("replicasets.json")));
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issues.size(), 0);
        QCOMPARE(list.items.size(), 6);
        const ReplicaSet &stable = list.items.at(0);
        QCOMPARE(stable.metadata.name, QStringLiteral("checkout-5c7d8b9f4"));
        QCOMPARE(stable.podTemplateHash(), QStringLiteral("5c7d8b9f4"));
        QCOMPARE(stable.revision(), 3);
        QCOMPARE(stable.specReplicas, std::optional<qint32>(5));
        QCOMPARE(stable.replicas, 5);
        QCOMPARE(stable.fullyLabeledReplicas, 5);
        QCOMPARE(stable.readyReplicas, 5);
        QCOMPARE(stable.availableReplicas, 5);
        QCOMPARE(stable.observedGeneration, 1);
        QCOMPARE(stable.podTemplate.images(),
                 QStringList({QStringLiteral("registry.example.com/shop/checkout:2.3.1")}));
        QCOMPARE(list.items.at(2).scaleDownDeadline(), utc("2024-05-01T12:00:00Z"));
        QVERIFY(!stable.scaleDownDeadline().isValid());
        const ReplicaSet &failing = list.items.at(3);
        QCOMPARE(failing.conditions.size(), 1);
        QCOMPARE(failing.conditions.at(0).type, QStringLiteral("ReplicaFailure"));
        QCOMPARE(failing.conditions.at(0).reason, QStringLiteral("FailedCreate"));
        QCOMPARE(list.items.at(4).metadata.generation, 2);
    }

    void analysisRunList()
    {
        const ObjectList<AnalysisRun> list
            = decodeList<AnalysisRun>(domainTestData(QStringLiteral("analysisruns.json")));
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issues.size(), 0);
        QStringList phases;
        for (const AnalysisRun &run : list.items)
            phases.append(run.phase);
        QCOMPARE(phases,
                 QStringList({QStringLiteral("Pending"), QStringLiteral("Running"),
                              QStringLiteral("Successful"), QStringLiteral("Failed"),
                              QStringLiteral("Error"), QStringLiteral("Inconclusive")}));
        QVERIFY(!list.items.at(1).isCompleted());
        QVERIFY(list.items.at(2).isCompleted());

        const AnalysisRun &failed = list.items.at(3);
        QCOMPARE(failed.message,
                 QStringLiteral("Metric \"success-rate\" assessed Failed due to "
                                "failed (3) > failureLimit (2)"));
        QCOMPARE(failed.startedAt, utc("2024-05-03T14:00:00Z"));
        QCOMPARE(failed.completedAt, utc("2024-05-03T14:12:45Z"));
        QCOMPARE(failed.runSummary.count, 3);
        QCOMPARE(failed.runSummary.successful, 2);
        QCOMPARE(failed.runSummary.failed, 1);
        QCOMPARE(failed.metrics.size(), 3);
        const AnalysisMetric &rate = failed.metrics.at(0);
        QCOMPARE(rate.name, QStringLiteral("success-rate"));
        QCOMPARE(rate.interval, QStringLiteral("1m"));
        QCOMPARE(rate.count, IntOrString::fromInt(5));
        QCOMPARE(rate.failureLimit, IntOrString::fromInt(2));
        QVERIFY(!rate.inconclusiveLimit.isSet());
        QCOMPARE(rate.successCondition, QStringLiteral("result[0] >= 0.95"));
        QCOMPARE(rate.provider.kind, QStringLiteral("prometheus"));
        QCOMPARE(rate.provider.address, QStringLiteral("http://prometheus.monitoring:9090"));
        QVERIFY(rate.provider.query.startsWith(QStringLiteral("sum(irate(istio_requests_total{")));
        QVERIFY(rate.provider.query.contains(QStringLiteral("{{args.service-name}}")));
        const AnalysisMetric &smoke = failed.metrics.at(1);
        QCOMPARE(smoke.provider.kind, QStringLiteral("web"));
        QCOMPARE(smoke.provider.url, QStringLiteral("http://payments-canary/healthz"));
        QCOMPARE(smoke.consecutiveErrorLimit,
                 IntOrString::fromString(QStringLiteral("{{args.errors}}")));
        const AnalysisMetric &load = failed.metrics.at(2);
        QCOMPARE(load.provider.kind, QStringLiteral("job"));
        QCOMPARE(load.failureCondition, QStringLiteral("result != 0"));
        QCOMPARE(load.inconclusiveLimit, IntOrString::fromInt(1));
        QCOMPARE(load.consecutiveSuccessLimit, IntOrString::fromInt(3));
        QCOMPARE(failed.args.size(), 2);
        QVERIFY(failed.args.at(1).hasValueFrom);
        QVERIFY(failed.args.at(1).value.isEmpty());

        const MetricResult &result = failed.metricResults.at(0);
        QCOMPARE(result.phase, QStringLiteral("Failed"));
        QCOMPARE(result.count, 3);
        QCOMPARE(result.failed, 3);
        QCOMPARE(result.measurements.size(), 3);
        QCOMPARE(result.measurements.at(2).value, QStringLiteral("[0.64]"));
        QCOMPARE(result.measurements.at(2).phase, QStringLiteral("Failed"));
        QCOMPARE(result.measurements.at(2).finishedAt, utc("2024-05-03T14:12:01Z"));
        QCOMPARE(failed.metricResult(u"success-rate"), &result);
        QVERIFY(!failed.metricResult(u"absent"));

        const MetricResult &errorResult = list.items.at(4).metricResults.at(0);
        QCOMPARE(errorResult.consecutiveError, 5);
        QCOMPARE(errorResult.error, 5);
        QVERIFY(errorResult.measurements.at(0).value.isEmpty());
        QCOMPARE(errorResult.measurements.at(0).message,
                 QStringLiteral("Get \"http://payments-canary/healthz\": dial tcp: lookup "
                                "payments-canary: no such host"));
        QVERIFY(list.items.at(5).terminate);
        QCOMPARE(list.items.at(1).metricResults.at(0).measurements.at(2).phase,
                 QStringLiteral("Running"));
        QVERIFY(!list.items.at(1).metricResults.at(0).measurements.at(2).finishedAt.isValid());
    }

    void deploymentList()
    {
        const ObjectList<Deployment> list
            = decodeList<Deployment>(domainTestData(QStringLiteral("deployments.json")));
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issues.size(), 0);
        QCOMPARE(list.items.size(), 2);
        const Deployment &cart = list.items.at(0);
        QCOMPARE(cart.specReplicas, std::optional<qint32>(3));
        QCOMPARE(cart.strategyType, QStringLiteral("RollingUpdate"));
        QCOMPARE(cart.maxSurge, IntOrString::fromString(QStringLiteral("25%")));
        QCOMPARE(cart.maxUnavailable, IntOrString::fromInt(1));
        QCOMPARE(cart.progressDeadlineSeconds, std::optional<qint32>(600));
        QCOMPARE(cart.observedGeneration, 4);
        QCOMPARE(cart.replicas, 4);
        QCOMPARE(cart.updatedReplicas, 2);
        QCOMPARE(cart.readyReplicas, 3);
        QCOMPARE(cart.availableReplicas, 3);
        QCOMPARE(cart.unavailableReplicas, 1);
        QCOMPARE(cart.conditions.size(), 2);
        QCOMPARE(cart.podTemplate.images(),
                 QStringList({QStringLiteral("registry.example.com/shop/cart:7.2.0")}));
        QVERIFY(list.items.at(1).paused);
        QCOMPARE(list.items.at(1).strategyType, QStringLiteral("Recreate"));
    }

    void eventList()
    {
        const ObjectList<Event> list
            = decodeList<Event>(domainTestData(QStringLiteral("events.json")));
        QVERIFY(list.isOk());
        QCOMPARE(list.report.issues.size(), 0);
        QCOMPARE(list.items.size(), 2);
        const Event &aborted = list.items.at(0);
        QCOMPARE(aborted.involvedObject.kind, QStringLiteral("Rollout"));
        QCOMPARE(aborted.involvedObject.name, QStringLiteral("payments"));
        QCOMPARE(aborted.involvedObject.namespaceName, QStringLiteral("shop-prod"));
        QCOMPARE(aborted.reason, QStringLiteral("RolloutAborted"));
        QCOMPARE(aborted.type, QStringLiteral("Warning"));
        QCOMPARE(aborted.count, 2);
        QCOMPARE(aborted.sourceComponent, QStringLiteral("rollouts-controller"));
        QCOMPARE(aborted.firstTimestamp, utc("2024-05-03T14:12:45Z"));
        QCOMPARE(aborted.lastSeen(), utc("2024-05-03T14:12:46Z"));
        const Event &pulled = list.items.at(1);
        QCOMPARE(pulled.involvedObject.fieldPath, QStringLiteral("spec.containers{app}"));
        QVERIFY(!pulled.lastTimestamp.isValid());
        QCOMPARE(pulled.eventTime,
                 QDateTime::fromMSecsSinceEpoch(
                     utc("2024-05-05T09:58:02Z").toMSecsSinceEpoch() + 123, Qt::UTC));
        QCOMPARE(pulled.lastSeen(), pulled.eventTime);
        QCOMPARE(pulled.reportingController, QStringLiteral("kubelet"));
        QVERIFY(pulled.sourceComponent.isEmpty());
    }

    void statusObjects()
    {
        const Decoded<KubeStatus> invalid = decodeStatus(
            R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)"
            "\"message\":\"Rollout.argoproj.io \\\"checkout\\\" is invalid: spec.replicas: Invalid "
            "value: -1\","
            R"("reason":"Invalid","details":{"name":"checkout","group":"argoproj.io",)"
            R"("kind":"Rollout",)"
            R"("causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1",)"
            R"("field":"spec.replicas"}]},)"
            R"("code":422})");
        QVERIFY(invalid.isOk());
        QVERIFY(invalid.value.isFailure());
        QCOMPARE(invalid.value.code, 422);
        QCOMPARE(invalid.value.reason, QStringLiteral("Invalid"));
        QCOMPARE(invalid.value.detailsName, QStringLiteral("checkout"));
        QCOMPARE(invalid.value.detailsGroup, QStringLiteral("argoproj.io"));
        QCOMPARE(invalid.value.detailsKind, QStringLiteral("Rollout"));
        QCOMPARE(invalid.value.causes.size(), 1);
        QCOMPARE(invalid.value.causes.at(0).field, QStringLiteral("spec.replicas"));
        QCOMPARE(invalid.value.causes.at(0).reason, QStringLiteral("FieldValueInvalid"));
        QVERIFY(!invalid.value.isExpired());

        const Decoded<KubeStatus> busy = decodeStatus(
            R"({"kind":"Status","status":"Failure",)"
            R"("message":"the server is currently unable to handle the request",)"
            R"("reason":"ServiceUnavailable","details":{"retryAfterSeconds":7},"code":503})");
        QCOMPARE(busy.value.retryAfterSeconds, 7);
        QCOMPARE(busy.value.code, 503);
    }

    void watchEvents()
    {
        JsonDecoder decoder;
        const QByteArray rolloutJson = domainTestData(QStringLiteral("rollout-canary-paused.json"));
        const Decoded<WatchEvent<Rollout>> added = decoder.decodeWatchEvent<Rollout>(
            "{\"type\":\"ADDED\",\"object\":" + rolloutJson + '}');
        QVERIFY(added.isOk());
        QCOMPARE(int(added.value.type), int(WatchEventType::Added));
        QCOMPARE(added.value.object, rollout(QStringLiteral("rollout-canary-paused.json")));

        // "object" before "type" is valid JSON too.
        const Decoded<WatchEvent<Rollout>> modified = decoder.decodeWatchEvent<Rollout>(
            "{\"object\":" + rolloutJson + ",\"type\":\"MODIFIED\"}");
        QCOMPARE(int(modified.value.type), int(WatchEventType::Modified));
        QCOMPARE(modified.value.object.metadata.name, QStringLiteral("search"));

        const Decoded<WatchEvent<Pod>> deleted = decoder.decodeWatchEvent<Pod>(
            R"({"type":"DELETED","object":{"kind":"Pod",)"
            R"("metadata":{"name":"p","namespace":"n","resourceVersion":"9"}}})");
        QCOMPARE(int(deleted.value.type), int(WatchEventType::Deleted));
        QCOMPARE(deleted.value.object.metadata.resourceVersion, QStringLiteral("9"));

        const Decoded<WatchEvent<Pod>> bookmark = decoder.decodeWatchEvent<Pod>(
            R"({"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1",)"
            R"("metadata":{"resourceVersion":"12345",)"
            R"("annotations":{"k8s.io/initial-events-end":"true"}}}})");
        QVERIFY(bookmark.isOk());
        QCOMPARE(int(bookmark.value.type), int(WatchEventType::Bookmark));
        QCOMPARE(bookmark.value.object.metadata.resourceVersion, QStringLiteral("12345"));
        QCOMPARE(bookmark.value.object.metadata.annotations.value(u"k8s.io/initial-events-end"),
                 QStringLiteral("true"));

        const Decoded<WatchEvent<Pod>> error = decoder.decodeWatchEvent<Pod>(
            R"({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},)"
            R"("status":"Failure",)"
            R"j("message":"too old resource version: 123 (456)","reason":"Expired","code":410}})j");
        QVERIFY(error.isOk());
        QCOMPARE(int(error.value.type), int(WatchEventType::Error));
        QCOMPARE(error.value.status.code, 410);
        QCOMPARE(error.value.status.message, QStringLiteral("too old resource version: 123 (456)"));
        QVERIFY(error.value.status.isExpired());
    }

    void wrongTypedWatchObjectNamesThePath()
    {
        const Decoded<WatchEvent<Rollout>> event
            = decodeWatchEvent<Rollout>(R"({"type":"MODIFIED","object":{"metadata":{"name":"r"},)"
                                        R"("spec":{"replicas":"three"}}})");
        QVERIFY(event.isOk());
        QCOMPARE(event.report.issues.size(), 1);
        QCOMPARE(event.report.issues.at(0).text(),
                 QStringLiteral("object.spec.replicas: expected an integer"));
        QCOMPARE(event.value.object.metadata.name, QStringLiteral("r"));
    }

    void paddedAndUnpaddedBuffersDecodeAlike()
    {
        QByteArray padded = domainTestData(QStringLiteral("replicasets.json"));
        padded.reserve(padded.size() + 64); // lets the decoder parse in place
        const QByteArray raw
            = QByteArray::fromRawData(padded.constData(), padded.size()); // forces the copy
        JsonDecoder decoder;
        const ObjectList<ReplicaSet> a = decoder.decodeList<ReplicaSet>(padded);
        const ObjectList<ReplicaSet> b = decoder.decodeList<ReplicaSet>(raw);
        QCOMPARE(a.items.size(), 6);
        QCOMPARE(a.items, b.items);
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

QTEST_GUILESS_MAIN(TestJsonDecoder)
#include "tst_jsondecoder.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding realistic lists of the other kinds (tests/data/domain/*.json): pods, ReplicaSets,
// AnalysisRuns, Deployments and Events, repeated values shared, padded and unpadded buffers.
#include "jsondecoderfixture.h"

#include <QTest>

using namespace JsonDecoderTest;

class TestJsonDecoderLists : public QObject
{
    Q_OBJECT

private slots:
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
};

QTEST_GUILESS_MAIN(TestJsonDecoderLists)
#include "tst_jsondecoderlists.moc"

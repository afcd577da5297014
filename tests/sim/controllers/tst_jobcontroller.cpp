// SPDX-License-Identifier: GPL-3.0-or-later
// The batch/v1 Job controller of rd-sim: the API server's defaults, pods owned and labelled
// as the real controller makes them, success and failure by the template's annotations,
// retries up to backoffLimit, status counters and conditions, Terminating pods, and the
// garbage collection of pods whose Job is gone.
#include "controllerfixture.h"

#include "controllers/jsonutil.h"
#include "controllers/podfactory.h"
#include "core/podtermination.h"

using namespace ControllerTest;

namespace {

const ResourceType &jobs()
{
    return type("batch", "jobs");
}

QJsonObject job(const QString &name, const QJsonObject &annotations, int backoffLimit = -1)
{
    QJsonObject spec {
        {QStringLiteral("template"),
         QJsonObject {
             {QStringLiteral("metadata"),
              QJsonObject {{QStringLiteral("annotations"), annotations}}},
             {QStringLiteral("spec"),
              QJsonObject {{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                           {QStringLiteral("containers"),
                            QJsonArray {QJsonObject {
                                {QStringLiteral("name"), QStringLiteral("smoke")},
                                {QStringLiteral("image"), QStringLiteral("curlimages/curl:8.5.0")},
                                {QStringLiteral("command"),
                                 QJsonArray {QStringLiteral("curl"), QStringLiteral("-f"),
                                             QStringLiteral("http://web")}}}}}}}}}};
    if (backoffLimit >= 0)
        spec.insert(QStringLiteral("backoffLimit"), backoffLimit);
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                        {QStringLiteral("kind"), QStringLiteral("Job")},
                        {QStringLiteral("metadata"),
                         QJsonObject {{QStringLiteral("name"), name},
                                      {QStringLiteral("namespace"), QStringLiteral("shop")}}},
                        {QStringLiteral("spec"), spec}};
}

QString conditionTypes(const QJsonObject &job)
{
    QStringList types;
    for (const QJsonValue &c : at(job, QStringLiteral("status.conditions")).toArray())
        types << c.toObject().value(QLatin1String("type")).toString();
    return types.join(u',');
}

} // namespace

class TestJobController : public QObject
{
    Q_OBJECT

private slots:
    void succeedingJob();
    void failingJobRetriesUntilBackoffLimit();
    void refusedAnnotationFailsWithMessage();
    void deletedJobTakesItsPods();
    void deletedJobsFinishedPodGoesAtOnce();
    void terminatingPodIsReplacedAndCounted();
};

void TestJobController::succeedingJob()
{
    Cluster c;
    const qint64 t0 = c.clock.nowMs();
    const QJsonObject created = c.create(jobs(), job(QStringLiteral("smoke"), {}));
    const QString uid = at(created, QStringLiteral("metadata.uid")).toString();
    c.pass();
    QJsonObject j = c.get(jobs(), QStringLiteral("smoke"));
    QCOMPARE(at(j, QStringLiteral("spec.completions")).toInt(), 1);
    QCOMPARE(at(j, QStringLiteral("spec.parallelism")).toInt(), 1);
    QCOMPARE(at(j, QStringLiteral("spec.backoffLimit")).toInt(), 6);
    QCOMPARE(at(j, QStringLiteral("spec.selector.matchLabels"))
                 .toObject()
                 .value(QStringLiteral("batch.kubernetes.io/controller-uid"))
                 .toString(),
             uid);
    QCOMPARE(at(j, QStringLiteral("status.active")).toInt(), 1);
    QCOMPARE(at(j, QStringLiteral("status.startTime")).toString(), VirtualClock::toRfc3339(t0));

    const QList<QJsonObject> pods = c.list(ControllerTest::pods());
    QCOMPARE(pods.size(), 1);
    const QJsonObject pod = pods.first();
    QVERIFY(JsonUtil::name(pod).startsWith(QStringLiteral("smoke-")));
    QCOMPARE(JsonUtil::controllerUid(pod), uid);
    QCOMPARE(at(pod, QStringLiteral("metadata.labels.job-name")).toString(),
             QStringLiteral("smoke"));
    QCOMPARE(at(pod, QStringLiteral("metadata.labels.controller-uid")).toString(), uid);
    QCOMPARE(at(pod, QStringLiteral("spec.restartPolicy")).toString(), QStringLiteral("Never"));

    QVERIFY(c.waitFor([&] {
        return at(c.get(jobs(), QStringLiteral("smoke")), QStringLiteral("status.succeeded"))
                   .toInt()
            == 1;
    }));
    j = c.get(jobs(), QStringLiteral("smoke"));
    // Five seconds to start, ten to run (the defaults).
    QCOMPARE(at(j, QStringLiteral("status.completionTime")).toString(),
             VirtualClock::toRfc3339(t0 + 15000));
    QCOMPARE(conditionTypes(j), QStringLiteral("SuccessCriteriaMet,Complete"));
    QVERIFY(!at(j, QStringLiteral("status")).toObject().contains(QStringLiteral("active")));
    const QJsonObject done = c.list(ControllerTest::pods()).first();
    QCOMPARE(at(done, QStringLiteral("status.phase")).toString(), QStringLiteral("Succeeded"));
    QCOMPARE(
        at(done, QStringLiteral("status.containerStatuses.0.state.terminated.reason")).toString(),
        QStringLiteral("Completed"));
    QCOMPARE(c.events(QStringLiteral("Completed"), QStringLiteral("smoke")),
             QStringList {QStringLiteral("Job completed")});

    c.advance(30); // a finished Job is left alone
    QCOMPARE(c.list(ControllerTest::pods()).size(), 1);
}

void TestJobController::failingJobRetriesUntilBackoffLimit()
{
    Cluster c;
    c.create(jobs(),
             job(QStringLiteral("smoke"),
                 {{QStringLiteral("rd-sim.dev/exit-code"), QStringLiteral("3")},
                  {QStringLiteral("rd-sim.dev/run-seconds"), QStringLiteral("2")}},
                 1));
    QVERIFY(c.waitFor(
        [&] { return conditionTypes(c.get(jobs(), QStringLiteral("smoke"))).contains(u'F'); },
        300));
    const QJsonObject j = c.get(jobs(), QStringLiteral("smoke"));
    QCOMPARE(conditionTypes(j), QStringLiteral("FailureTarget,Failed"));
    QCOMPARE(at(j, QStringLiteral("status.conditions.1.reason")).toString(),
             QStringLiteral("BackoffLimitExceeded"));
    QCOMPARE(at(j, QStringLiteral("status.conditions.1.message")).toString(),
             QStringLiteral("Job has reached the specified backoff limit"));
    // backoffLimit 1: the first pod and one retry, both failed.
    QCOMPARE(at(j, QStringLiteral("status.failed")).toInt(), 2);
    QVERIFY(!at(j, QStringLiteral("status")).toObject().contains(QStringLiteral("completionTime")));
    const QList<QJsonObject> pods = c.list(ControllerTest::pods());
    QCOMPARE(pods.size(), 2);
    for (const QJsonObject &pod : pods) {
        QCOMPARE(at(pod, QStringLiteral("status.phase")).toString(), QStringLiteral("Failed"));
        QCOMPARE(
            at(pod, QStringLiteral("status.containerStatuses.0.state.terminated.exitCode")).toInt(),
            3);
    }
    // The retry waited for the back-off (10 s) after the first failure.
    const qint64 firstEnd = VirtualClock::fromRfc3339(
        at(pods.at(0), QStringLiteral("status.containerStatuses.0.state.terminated.finishedAt"))
            .toString());
    const qint64 secondEnd = VirtualClock::fromRfc3339(
        at(pods.at(1), QStringLiteral("status.containerStatuses.0.state.terminated.finishedAt"))
            .toString());
    QVERIFY(std::abs(secondEnd - firstEnd) >= 10000 + PodFactory::kStartDelayMs + 2000);
}

void TestJobController::refusedAnnotationFailsWithMessage()
{
    Cluster c;
    c.create(jobs(),
             job(QStringLiteral("smoke"),
                 {{QStringLiteral("rd-sim.dev/run-seconds"), QStringLiteral("1e99")}}, 0));
    QVERIFY(c.waitFor([&] {
        return conditionTypes(c.get(jobs(), QStringLiteral("smoke")))
            .endsWith(QStringLiteral("Failed"));
    }));
    const QJsonObject pod = c.list(ControllerTest::pods()).first();
    QCOMPARE(
        at(pod, QStringLiteral("status.containerStatuses.0.state.terminated.message")).toString(),
        QStringLiteral("rd-sim: annotation rd-sim.dev/run-seconds \"1e99\" is not an integer "
                       "from 0 to 86400"));
}

void TestJobController::deletedJobTakesItsPods()
{
    Cluster c;
    c.create(jobs(), job(QStringLiteral("smoke"), {}));
    c.pass();
    QCOMPARE(c.list(ControllerTest::pods()).size(), 1);
    c.store.remove(jobs(), QStringLiteral("shop"), QStringLiteral("smoke"));
    c.pass();
    // Its pod was on a node: it terminates gracefully, then is gone.
    const QList<QJsonObject> left = c.list(ControllerTest::pods());
    QCOMPARE(left.size(), 1);
    QVERIFY(isTerminating(left.first()));
    c.advance(int(PodTermination::kDefaultGracePeriodSeconds));
    QVERIFY(c.list(ControllerTest::pods()).isEmpty());
}

void TestJobController::deletedJobsFinishedPodGoesAtOnce()
{
    Cluster c;
    c.create(jobs(), job(QStringLiteral("smoke"), {}));
    QVERIFY(c.waitFor([&] {
        return conditionTypes(c.get(jobs(), QStringLiteral("smoke"))).endsWith(u"Complete");
    }));
    QCOMPARE(c.list(ControllerTest::pods()).size(), 1);
    c.store.remove(jobs(), QStringLiteral("shop"), QStringLiteral("smoke"));
    c.pass();
    // A Succeeded pod has nothing left to stop: kube-apiserver gives it no grace period.
    QVERIFY(c.list(ControllerTest::pods()).isEmpty());
}

void TestJobController::terminatingPodIsReplacedAndCounted()
{
    Cluster c;
    c.create(jobs(),
             job(QStringLiteral("smoke"),
                 {{QStringLiteral("rd-sim.dev/run-seconds"), QStringLiteral("600")}}));
    QVERIFY(c.waitFor([&] {
        const QList<QJsonObject> running = c.list(ControllerTest::pods());
        return running.size() == 1
            && at(running.first(), QStringLiteral("status.phase")).toString()
            == QLatin1String("Running");
    }));
    const QJsonObject first = c.list(ControllerTest::pods()).first();
    QVERIFY(PodTermination::remove(c.store, first, c.clock.nowMs()).ok()); // kubectl delete pod
    c.pass();
    const QJsonObject status
        = c.get(jobs(), QStringLiteral("smoke")).value(QLatin1String("status")).toObject();
    QCOMPARE(status.value(QLatin1String("terminating")).toInt(), 1);
    QCOMPARE(status.value(QLatin1String("active")).toInt(), 1);
    QCOMPARE(c.list(ControllerTest::pods()).size(), 2);
    // The Terminating pod is not run to its end: it stays Running until it is gone.
    c.advance(int(PodTermination::kDefaultGracePeriodSeconds) - 1);
    QCOMPARE(
        at(c.get(ControllerTest::pods(), JsonUtil::name(first)), QStringLiteral("status.phase"))
            .toString(),
        QStringLiteral("Running"));
    c.advance(1);
    QCOMPARE(c.list(ControllerTest::pods()).size(), 1);
    QCOMPARE(
        at(c.get(jobs(), QStringLiteral("smoke")), QStringLiteral("status.terminating")).toInt(),
        0);
}

QTEST_GUILESS_MAIN(TestJobController)
#include "tst_jobcontroller.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Job-based analysis (`provider.job`) with every controller running: the AnalysisRun creates
// a Job named and labelled as Argo Rollouts names it, the measurement is Running until the
// Job's pod has run, then Successful or Failed by the Job's outcome; count, interval and
// failureLimit apply as for any provider; a terminated run deletes its running Job.
#include "controllerfixture.h"

#include "controllers/jsonutil.h"
#include "core/podtermination.h"

using namespace ControllerTest;

namespace {

const ResourceType &jobs()
{
    return type("batch", "jobs");
}

QJsonObject jobMetric(const QString &exitCode, const QJsonObject &extra = {})
{
    const QJsonObject container {
        {QStringLiteral("name"), QStringLiteral("smoke")},
        {QStringLiteral("image"), QStringLiteral("curlimages/curl:8.5.0")},
        {QStringLiteral("args"), QJsonArray {QStringLiteral("-f"), QStringLiteral("http://web")}}};
    const QJsonObject podTemplate {
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("annotations"),
                       QJsonObject {{QStringLiteral("rd-sim.dev/exit-code"), exitCode}}}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                      {QStringLiteral("containers"), QJsonArray {container}}}}};
    QJsonObject metric {
        {QStringLiteral("name"), QStringLiteral("smoke-test")},
        {QStringLiteral("provider"),
         QJsonObject {{QStringLiteral("job"),
                       QJsonObject {{QStringLiteral("metadata"),
                                     QJsonObject {{QStringLiteral("labels"),
                                                   QJsonObject {{QStringLiteral("team"),
                                                                 QStringLiteral("shop")}}}}},
                                    {QStringLiteral("spec"),
                                     QJsonObject {{QStringLiteral("backoffLimit"), 0},
                                                  {QStringLiteral("template"), podTemplate}}}}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        metric.insert(it.key(), it.value());
    return metric;
}

QJsonObject createRun(Cluster &c, const QJsonObject &metric)
{
    return c.create(
        analysisRuns(),
        QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                     {QStringLiteral("kind"), QStringLiteral("AnalysisRun")},
                     {QStringLiteral("metadata"),
                      QJsonObject {{QStringLiteral("name"), QStringLiteral("web-smoke")},
                                   {QStringLiteral("namespace"), QStringLiteral("shop")}}},
                     {QStringLiteral("spec"),
                      QJsonObject {{QStringLiteral("metrics"), QJsonArray {metric}}}}});
}

QJsonObject runStatus(const Cluster &c)
{
    return at(c.get(analysisRuns(), QStringLiteral("web-smoke")), QStringLiteral("status"))
        .toObject();
}

} // namespace

class TestAnalysisJob : public QObject
{
    Q_OBJECT

private slots:
    void successfulJob();
    void failedJob();
    void countIntervalAndFailureLimit();
    void terminateDeletesTheJob();
};

void TestAnalysisJob::successfulJob()
{
    Cluster c;
    const QJsonObject run = createRun(c, jobMetric(QStringLiteral("0")));
    const QString uid = at(run, QStringLiteral("metadata.uid")).toString();
    c.pass();
    const QString jobName = uid + QStringLiteral(".smoke-test.1");
    const QJsonObject job = c.get(jobs(), jobName);
    QVERIFY(!job.isEmpty());
    QCOMPARE(JsonUtil::controllerUid(job), uid);
    QCOMPARE(JsonUtil::label(job, QStringLiteral("analysisrun.argoproj.io/uid")), uid);
    QCOMPARE(JsonUtil::label(job, QStringLiteral("team")), QStringLiteral("shop"));
    QCOMPARE(annotation(job, QStringLiteral("analysisrun.argoproj.io/name")),
             QStringLiteral("web-smoke"));
    QCOMPARE(annotation(job, QStringLiteral("analysisrun.argoproj.io/namespace")),
             QStringLiteral("shop"));
    QCOMPARE(annotation(job, QStringLiteral("analysisrun.argoproj.io/metric-name")),
             QStringLiteral("smoke-test"));
    QCOMPARE(at(job, QStringLiteral("spec.template.metadata.labels"))
                 .toObject()
                 .value(QStringLiteral("analysisrun.argoproj.io/uid"))
                 .toString(),
             uid);
    // The Job controller gave it its pod in the same pass.
    QCOMPARE(c.list(pods()).size(), 1);

    QJsonObject status = runStatus(c);
    QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("Running"));
    const QJsonObject m = at(status, QStringLiteral("metricResults.0.measurements.0")).toObject();
    QCOMPARE(m.value(QStringLiteral("phase")).toString(), QStringLiteral("Running"));
    QVERIFY(!m.contains(QStringLiteral("finishedAt")));
    QCOMPARE(at(m, QStringLiteral("metadata.job-name")).toString(), jobName);
    QCOMPARE(at(m, QStringLiteral("metadata.job-namespace")).toString(), QStringLiteral("shop"));
    QCOMPARE(at(status, QStringLiteral("metricResults.0.count")).toInt(), 0);

    QVERIFY(c.waitFor([&] {
        return runStatus(c).value(QStringLiteral("phase")).toString() != QStringLiteral("Running");
    }));
    status = runStatus(c);
    QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    QCOMPARE(at(status, QStringLiteral("metricResults.0.successful")).toInt(), 1);
    QCOMPARE(at(status, QStringLiteral("metricResults.0.count")).toInt(), 1);
    QCOMPARE(at(status, QStringLiteral("metricResults.0.measurements.0.phase")).toString(),
             QStringLiteral("Successful"));
}

void TestAnalysisJob::failedJob()
{
    Cluster c;
    createRun(c, jobMetric(QStringLiteral("1")));
    QVERIFY(c.waitFor([&] {
        return runStatus(c).value(QStringLiteral("phase")).toString() != QStringLiteral("Running");
    }));
    const QJsonObject status = runStatus(c);
    QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("Failed"));
    QCOMPARE(at(status, QStringLiteral("metricResults.0.failed")).toInt(), 1);
    QCOMPARE(at(status, QStringLiteral("metricResults.0.measurements.0.phase")).toString(),
             QStringLiteral("Failed"));
}

void TestAnalysisJob::countIntervalAndFailureLimit()
{
    Cluster c;
    const QJsonObject run
        = createRun(c,
                    jobMetric(QStringLiteral("1"),
                              {{QStringLiteral("count"), 3},
                               {QStringLiteral("interval"), QStringLiteral("30s")},
                               {QStringLiteral("failureLimit"), 1}}));
    const QString uid = at(run, QStringLiteral("metadata.uid")).toString();
    QVERIFY(c.waitFor(
        [&] { return at(runStatus(c), QStringLiteral("metricResults.0.failed")).toInt() == 1; }));
    // One failure is within the limit: the run goes on and the next Job follows the interval.
    QCOMPARE(runStatus(c).value(QStringLiteral("phase")).toString(), QStringLiteral("Running"));
    QVERIFY(c.get(jobs(), uid + QStringLiteral(".smoke-test.2")).isEmpty());
    QVERIFY(c.waitFor(
        [&] { return !c.get(jobs(), uid + QStringLiteral(".smoke-test.2")).isEmpty(); }, 40));
    QVERIFY(c.waitFor([&] {
        return runStatus(c).value(QStringLiteral("phase")).toString() != QStringLiteral("Running");
    }));
    const QJsonObject status = runStatus(c);
    QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("Failed"));
    QCOMPARE(at(status, QStringLiteral("metricResults.0.failed")).toInt(), 2);
    QCOMPARE(at(status, QStringLiteral("metricResults.0.measurements")).toArray().size(), 2);
}

void TestAnalysisJob::terminateDeletesTheJob()
{
    Cluster c;
    const QJsonObject run = createRun(c, jobMetric(QStringLiteral("0")));
    const QString jobName
        = at(run, QStringLiteral("metadata.uid")).toString() + QStringLiteral(".smoke-test.1");
    c.pass();
    QVERIFY(!c.get(jobs(), jobName).isEmpty());
    c.updateSpec(analysisRuns(), QStringLiteral("web-smoke"),
                 [](QJsonObject &r) { JsonUtil::setAt(r, "spec.terminate", true); });
    c.pass();
    QVERIFY(c.get(jobs(), jobName).isEmpty());
    const QJsonObject status = runStatus(c);
    // The terminated measurement is Inconclusive, and so is the run, as in Argo Rollouts.
    QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("Inconclusive"));
    QCOMPARE(at(status, QStringLiteral("metricResults.0.measurements.0.phase")).toString(),
             QStringLiteral("Inconclusive"));
    QCOMPARE(at(status, QStringLiteral("metricResults.0.measurements.0.message")).toString(),
             QStringLiteral("Metric Terminated"));
    c.pass(); // the Job's pod goes with it, gracefully
    const QList<QJsonObject> left = c.list(pods());
    QVERIFY(!left.isEmpty() && std::all_of(left.begin(), left.end(), isTerminating));
    QVERIFY(c.waitFor([&] { return c.list(pods()).isEmpty(); },
                      int(PodTermination::kDefaultGracePeriodSeconds)));
}

QTEST_GUILESS_MAIN(TestAnalysisJob)
#include "tst_analysisjob.moc"

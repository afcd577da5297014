// SPDX-License-Identifier: GPL-3.0-or-later
// Experiments and analysis Jobs decoded from realistic objects (tests/data/experiments/),
// hostile ones (wrong types, lists longer than kept) and the values derived from them.
#include "jsondecoder.h"
#include "timestamps.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// The objects of one array of a fixture, as the JSON text of one object each.
QList<QByteArray> fixtureObjects(const QString &file, const char *key)
{
    QFile in(QStringLiteral(RD_TEST_DATA_DIR "/experiments/") + file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> objects;
    const QJsonArray array
        = QJsonDocument::fromJson(in.readAll()).object().value(QLatin1String(key)).toArray();
    for (const QJsonValue &value : array)
        objects.append(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return objects;
}

QDateTime utc(const char *text)
{
    return parseRfc3339(QString::fromLatin1(text));
}

} // namespace

class TestExperimentDecoder : public QObject
{
    Q_OBJECT

private slots:
    void runningExperiment()
    {
        const QList<QByteArray> objects
            = fixtureObjects(QStringLiteral("experiment-running.json"), "experiments");
        QCOMPARE(objects.size(), 1);
        const Decoded<Experiment> decoded = decodeObject<Experiment>(objects.first());
        QVERIFY2(!decoded.report.hasIssues(), qPrintable(decoded.report.issuesText()));
        const Experiment &e = decoded.value;
        QCOMPARE(e.metadata.name, QStringLiteral("checkout-5d8f9c7b66-3-1"));
        QCOMPARE(e.metadata.controllerRef()->kind, QStringLiteral("Rollout"));
        QCOMPARE(e.revision(), 3);
        QCOMPARE(e.duration, QStringLiteral("10m"));
        QCOMPARE(e.templates.size(), 2);
        QCOMPARE(e.templates.at(0).name, QStringLiteral("baseline"));
        QCOMPARE(e.templates.at(0).replicas, std::optional<qint32>(1));
        QCOMPARE(e.templates.at(1).podTemplate.images(),
                 QStringList {QStringLiteral("registry.example.com/shop/checkout:2.4.0")});
        QCOMPARE(e.analyses.size(), 1);
        QCOMPARE(e.analyses.at(0).templateName, QStringLiteral("latency-probe"));
        QVERIFY(e.analyses.at(0).requiredForCompletion);
        QCOMPARE(e.phase, QStringLiteral("Running"));
        QVERIFY(!e.isCompleted());
        QCOMPARE(e.availableAt, utc("2024-05-02T10:15:00Z"));
        QCOMPARE(e.templateStatuses.size(), 2);
        const ExperimentTemplateStatus &canary = e.templateStatuses.at(1);
        QCOMPARE(canary.name, QStringLiteral("canary"));
        QCOMPARE(canary.availableReplicas, 1);
        QCOMPARE(canary.status, QStringLiteral("Running"));
        QCOMPARE(canary.podTemplateHash, QStringLiteral("58d9f7c6b4"));
        QCOMPARE(canary.lastTransitionTime, utc("2024-05-02T10:15:00Z"));
        QCOMPARE(e.analysisRuns.size(), 1);
        QCOMPARE(e.analysisRuns.at(0).analysisRun,
                 QStringLiteral("checkout-5d8f9c7b66-3-1-latency"));
        QCOMPARE(e.analysisRuns.at(0).phase, QStringLiteral("Running"));
    }

    void finishedExperimentIsCompleted()
    {
        const QList<QByteArray> objects
            = fixtureObjects(QStringLiteral("experiment-finished.json"), "experiments");
        QCOMPARE(objects.size(), 1);
        const Experiment e = decodeObject<Experiment>(objects.first()).value;
        QCOMPARE(e.phase, QStringLiteral("Successful"));
        QCOMPARE(e.message, QStringLiteral("Experiment completed"));
        QVERIFY(e.isCompleted());
        QCOMPARE(e.templateStatuses.at(0).status, QStringLiteral("Successful"));
    }

    void jobsAndTheirPhase()
    {
        const QList<QByteArray> running
            = fixtureObjects(QStringLiteral("experiment-running.json"), "jobs");
        QCOMPARE(running.size(), 2);
        const Decoded<Job> done = decodeObject<Job>(running.at(0));
        QVERIFY2(!done.report.hasIssues(), qPrintable(done.report.issuesText()));
        QCOMPARE(done.value.analysisRunUid(),
                 QStringLiteral("7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918"));
        QCOMPARE(done.value.metricName(), QStringLiteral("probe"));
        QCOMPARE(done.value.backoffLimit, std::optional<qint32>(0));
        QCOMPARE(done.value.succeeded, 1);
        QCOMPARE(done.value.completionTime, utc("2024-05-02T10:15:38Z"));
        QCOMPARE(done.value.podTemplate.images(),
                 QStringList {QStringLiteral("registry.example.com/tools/latency-probe:1.4")});
        QCOMPARE(done.value.analysisPhase(), QStringLiteral("Successful"));
        const Job active = decodeObject<Job>(running.at(1)).value;
        QCOMPARE(active.active, 1);
        QCOMPARE(active.analysisPhase(), QStringLiteral("Running"));

        const QList<QByteArray> failed
            = fixtureObjects(QStringLiteral("job-analysis-failed.json"), "jobs");
        QCOMPARE(failed.size(), 1);
        const Job job = decodeObject<Job>(failed.first()).value;
        QCOMPARE(job.failed, 1);
        QCOMPARE(job.conditions.size(), 1);
        QCOMPARE(job.conditions.at(0).reason, QStringLiteral("BackoffLimitExceeded"));
        QCOMPARE(job.conditions.at(0).message,
                 QStringLiteral("Job has reached the specified backoff limit"));
        QCOMPARE(job.analysisPhase(), QStringLiteral("Failed"));
    }

    // A Job the provider made in another namespace has no owner reference: the label says
    // whose it is.
    void jobWithoutOwnerFindsItsRunByLabel()
    {
        const Job job
            = decodeObject<Job>(
                  R"({"metadata":{"name":"j","labels":{"analysisrun.argoproj.io/uid":"run-1"}}})")
                  .value;
        QCOMPARE(job.analysisRunUid(), QStringLiteral("run-1"));
    }

    void experimentReplicaSetTemplateName()
    {
        const QList<QByteArray> sets
            = fixtureObjects(QStringLiteral("experiment-running.json"), "replicaSets");
        QCOMPARE(sets.size(), 4);
        QCOMPARE(experimentTemplateName(decodeObject<ReplicaSet>(sets.at(0)).value.metadata),
                 QString());
        QCOMPARE(experimentTemplateName(decodeObject<ReplicaSet>(sets.at(2)).value.metadata),
                 QStringLiteral("baseline"));
    }

    void wrongTypesAreIssues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("issue");
        QTest::newRow("templates object") << QByteArray(R"({"spec":{"templates":{"name":"a"}}})")
                                          << QStringLiteral("spec.templates: expected an array");
        QTest::newRow("replicas string")
            << QByteArray(R"({"spec":{"templates":[{"name":"a","replicas":"two"}]}})")
            << QStringLiteral("spec.templates[0].replicas: expected an integer");
        QTest::newRow("requiredForCompletion string")
            << QByteArray(R"({"spec":{"analyses":[{"name":"a","requiredForCompletion":"yes"}]}})")
            << QStringLiteral("spec.analyses[0].requiredForCompletion: expected true or false");
        QTest::newRow("availableAt number")
            << QByteArray(R"({"status":{"availableAt":5}})")
            << QStringLiteral("status.availableAt: expected a string");
        QTest::newRow("template status replicas")
            << QByteArray(R"({"status":{"templateStatuses":[{"name":"a","readyReplicas":[]}]}})")
            << QStringLiteral("status.templateStatuses[0].readyReplicas: expected an integer");
        QTest::newRow("run phase number")
            << QByteArray(R"({"status":{"analysisRuns":[{"name":"a","phase":3}]}})")
            << QStringLiteral("status.analysisRuns[0].phase: expected a string");
    }

    void wrongTypesAreIssues()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, issue);
        const Decoded<Experiment> decoded = decodeObject<Experiment>(json);
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.report.issuesText().trimmed(), issue);
    }

    void jobWrongTypes()
    {
        const Decoded<Job> decoded = decodeObject<Job>(
            R"({"spec":{"backoffLimit":"six"},"status":{"active":true,"conditions":{}}})");
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.report.issues.size(), 3);
        QCOMPARE(decoded.value.active, 0);
        QVERIFY(!decoded.value.backoffLimit);
    }

    // A hostile object cannot make every copy of the detail carry thousands of entries.
    void listsAreBounded()
    {
        QByteArray templates;
        for (int i = 0; i < Experiment::maxListEntries + 10; ++i)
            templates
                += (i ? "," : "") + QByteArray(R"({"name":"t)") + QByteArray::number(i) + "\"}";
        const Decoded<Experiment> decoded
            = decodeObject<Experiment>("{\"spec\":{\"templates\":[" + templates + "]}}");
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.value.templates.size(), Experiment::maxListEntries);
        QCOMPARE(decoded.report.issues.size(), 1);
        QCOMPARE(decoded.report.issues.at(0).path, QStringLiteral("spec.templates"));

        QByteArray conditions;
        for (int i = 0; i < Job::maxConditions * 3; ++i)
            conditions += (i ? "," : "") + QByteArray(R"({"type":"Failed"})");
        const Decoded<Job> job
            = decodeObject<Job>("{\"status\":{\"conditions\":[" + conditions + "]}}");
        QCOMPARE(job.value.conditions.size(), Job::maxConditions);
        QCOMPARE(job.report.issues.size(), 1);
    }

    void listAndWatchEvent()
    {
        const ObjectList<Experiment> list = decodeList<Experiment>(
            R"({"metadata":{"resourceVersion":"42"},"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]})");
        QVERIFY(list.isOk());
        QCOMPARE(list.items.size(), 2);
        QCOMPARE(list.resourceVersion, QStringLiteral("42"));
        const Decoded<WatchEvent<Job>> event = decodeWatchEvent<Job>(
            R"({"type":"DELETED","object":{"metadata":{"name":"j","namespace":"shop"}}})");
        QVERIFY(event.isOk());
        QCOMPARE(event.value.object.metadata.name, QStringLiteral("j"));
    }
};

QTEST_GUILESS_MAIN(TestExperimentDecoder)
#include "tst_experimentdecoder.moc"

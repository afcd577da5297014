// SPDX-License-Identifier: GPL-3.0-or-later
// An `experiment` canary step takes its course: the rollout creates the Experiment (named and
// owned as Argo names it) and names it in status.canary.currentExperiment; the Experiment's
// controller makes one ReplicaSet per template and its pods, starts the analysis once the
// templates are available, ends after `duration`, scales its ReplicaSets to 0 and terminates
// its runs; the step completes when it is Successful, and a failed analysis aborts the rollout.
#include "controllerfixture.h"

using namespace ControllerTest;

namespace {

const ResourceType &experiments()
{
    return type("argoproj.io", "experiments");
}

QJsonArray experimentSteps()
{
    return parse(R"({"s": [
        {"setWeight": 20},
        {"experiment": {
            "duration": "1m",
            "templates": [{"name": "baseline", "specRef": "stable", "replicas": 1},
                          {"name": "canary", "specRef": "canary", "replicas": 2}],
            "analyses": [{"name": "compare", "templateName": "error-rate",
                          "args": [{"name": "service", "value": "web-canary"},
                                   {"name": "hash",
                                    "valueFrom": {"podTemplateHashValue": "Latest"}}]}]}},
        {"setWeight": 60},
        {"pause": {}}
    ]})")
        .value(QLatin1String("s"))
        .toArray();
}

QJsonArray weightedExperimentSteps()
{
    return parse(R"({"s": [
        {"setWeight": 20},
        {"experiment": {"duration": "1m",
                        "templates": [{"name": "preview", "specRef": "canary", "weight": 10}]}},
        {"pause": {}}
    ]})")
        .value(QLatin1String("s"))
        .toArray();
}

QString currentExperiment(const Cluster &c)
{
    return at(c.status(), QStringLiteral("canary.currentExperiment")).toString();
}

QJsonObject experimentStatus(const Cluster &c, const QString &name)
{
    return at(c.get(experiments(), name), QStringLiteral("status")).toObject();
}

} // namespace

class TestRolloutExperiment : public QObject
{
    Q_OBJECT

private slots:
    void experimentStepLifecycle();
    void failedAnalysisAbortsTheRollout();
    void weightedTemplateIsAnAdditionalDestination();

private:
    // Updates "web" to nginx:1.26 and waits for the experiment step; returns its name.
    QString atExperimentStep(Cluster &c);
};

QString TestRolloutExperiment::atExperimentStep(Cluster &c)
{
    c.create(analysisTemplates(), slowTemplate(QStringLiteral("error-rate")));
    c.create(rollouts(), canaryRollout(experimentSteps()));
    if (!c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }))
        return {};
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    if (!c.waitFor([&] { return c.stepIndex() == 1 && !currentExperiment(c).isEmpty(); }))
        return {};
    return currentExperiment(c);
}

void TestRolloutExperiment::experimentStepLifecycle()
{
    Cluster c;
    const QString name = atExperimentStep(c);
    const QList<QJsonObject> revisions = c.replicaSetsOf(QStringLiteral("web"));
    QCOMPARE(revisions.size(), 2);
    const QString stableHash = hashOf(revisions.at(0));
    const QString canaryHash = hashOf(revisions.at(1));
    QCOMPARE(name, QStringLiteral("web-%1-2-1").arg(canaryHash));
    const QJsonObject experiment = c.get(experiments(), name);
    QCOMPARE(at(experiment, QStringLiteral("metadata.ownerReferences.0.kind")).toString(),
             QStringLiteral("Rollout"));
    QCOMPARE(at(experiment, QStringLiteral("spec.templates.0.template.spec.containers.0.image"))
                 .toString(),
             QStringLiteral("nginx:1.25"));
    QCOMPARE(at(experiment, QStringLiteral("spec.templates.1.template.spec.containers.0.image"))
                 .toString(),
             QStringLiteral("nginx:1.26"));
    QCOMPARE(at(experiment, QStringLiteral("spec.analyses.0.args.1.value")).toString(), canaryHash);
    QCOMPARE(c.events(QStringLiteral("ExperimentCreated")),
             QStringList {QStringLiteral("Created Experiment '%1'").arg(name)});

    // Its ReplicaSets (one per template, owned by the Experiment) and their pods.
    QVERIFY(c.waitFor([&] {
        return experimentStatus(c, name).value(QStringLiteral("phase")).toString()
            == QLatin1String("Running");
    }));
    const QJsonObject baseline = c.replicaSet(name + QStringLiteral("-baseline"));
    const QJsonObject canary = c.replicaSet(name + QStringLiteral("-canary"));
    QCOMPARE(at(baseline, QStringLiteral("metadata.ownerReferences.0.kind")).toString(),
             QStringLiteral("Experiment"));
    QCOMPARE(annotation(canary, QStringLiteral("experiment.argoproj.io/template-name")),
             QStringLiteral("canary"));
    QVERIFY(!hashOf(baseline).isEmpty());
    // The same pod template as the stable revision, hence the same hash, as in Argo Rollouts.
    QCOMPARE(hashOf(baseline), stableHash);
    QCOMPARE(c.podsOf(name + QStringLiteral("-canary")).size(), 2);
    QJsonObject status = experimentStatus(c, name);
    QVERIFY(status.contains(QStringLiteral("availableAt")));
    QCOMPARE(at(status, QStringLiteral("templateStatuses.1.name")).toString(),
             QStringLiteral("canary"));
    QCOMPARE(at(status, QStringLiteral("templateStatuses.1.status")).toString(),
             QStringLiteral("Running"));
    QCOMPARE(at(status, QStringLiteral("templateStatuses.1.availableReplicas")).toInt(), 2);
    QCOMPARE(at(status, QStringLiteral("templateStatuses.1.podTemplateHash")).toString(),
             hashOf(canary));
    c.pass(); // the analysis starts once the templates are available
    status = experimentStatus(c, name);
    const QString runName = at(status, QStringLiteral("analysisRuns.0.analysisRun")).toString();
    QCOMPARE(runName, name + QStringLiteral("-compare"));
    QCOMPARE(
        at(c.analysisRun(runName), QStringLiteral("metadata.ownerReferences.0.kind")).toString(),
        QStringLiteral("Experiment"));
    QCOMPARE(c.stepIndex(), 1);

    // `duration` ends it: Successful, the step completes, the ReplicaSets go to 0.
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 2; }, 90));
    QCOMPARE(experimentStatus(c, name).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Successful"));
    QVERIFY(currentExperiment(c).isEmpty());
    QVERIFY(c.waitFor([&] {
        return c.specReplicas(name + QStringLiteral("-baseline")) == 0
            && c.specReplicas(name + QStringLiteral("-canary")) == 0;
    }));
    QVERIFY(at(c.analysisRun(runName), QStringLiteral("spec.terminate")).toBool());
}

void TestRolloutExperiment::failedAnalysisAbortsTheRollout()
{
    Cluster c;
    const QString name = atExperimentStep(c);
    QVERIFY(!name.isEmpty());
    const QString runName = name + QStringLiteral("-compare");
    QVERIFY(c.waitFor([&] { return !c.analysisRun(runName).isEmpty(); }));
    c.setRunPhase(runName, QStringLiteral("Failed"), QStringLiteral("error rate too high"));
    QVERIFY(c.waitFor([&] { return c.status().value(QStringLiteral("abort")).toBool(); }));
    QCOMPARE(experimentStatus(c, name).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Failed"));
    QVERIFY2(c.message().contains(
                 QStringLiteral("Experiment analysis phase is error/failed: error rate too high")),
             qPrintable(c.message()));
    QVERIFY(c.waitFor([&] { return c.specReplicas(name + QStringLiteral("-canary")) == 0; }));
}

void TestRolloutExperiment::weightedTemplateIsAnAdditionalDestination()
{
    Cluster c;
    const QJsonObject routing
        = parse(R"({"canaryService": "web-canary", "stableService": "web-stable",
                    "trafficRouting": {"nginx": {"stableIngress": "web"}}})");
    c.create(rollouts(), canaryRollout(weightedExperimentSteps(), 5, routing));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return !currentExperiment(c).isEmpty(); }));
    const QString name = currentExperiment(c);
    QVERIFY(c.waitFor([&] {
        return at(c.status(), QStringLiteral("canary.weights"))
            .toObject()
            .contains(QStringLiteral("additional"));
    }));
    const QString previewHash = hashOf(c.replicaSet(name + QStringLiteral("-preview")));
    const QJsonObject weights = at(c.status(), QStringLiteral("canary.weights")).toObject();
    QCOMPARE(at(weights, QStringLiteral("canary.weight")).toInt(), 20);
    QCOMPARE(at(weights, QStringLiteral("stable.weight")).toInt(), 70);
    QCOMPARE(weights.value(QStringLiteral("additional")).toArray(),
             (QJsonArray {QJsonObject {{QStringLiteral("weight"), 10},
                                       {QStringLiteral("podTemplateHash"), previewHash}}}));
    // Once the experiment is over, its weight goes back to the stable.
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 2; }, 90));
    QVERIFY(!at(c.status(), QStringLiteral("canary.weights"))
                 .toObject()
                 .contains(QStringLiteral("additional")));
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.stable.weight")).toInt(), 80);
}

QTEST_GUILESS_MAIN(TestRolloutExperiment)
#include "tst_rolloutexperiment.moc"

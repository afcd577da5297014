// SPDX-License-Identifier: GPL-3.0-or-later
// A release whose pods never become ready (the pod template's rd-sim.dev/never-ready
// annotation): after spec.progressDeadlineSeconds the rollout's Progressing condition turns
// False with reason ProgressDeadlineExceeded, as Argo Rollouts writes it, and with
// progressDeadlineAbort the rollout aborts.
#include "controllerfixture.h"

using namespace ControllerTest;

namespace {

QJsonObject rolloutWithDeadline(bool abort)
{
    QJsonObject rollout = canaryRollout(
        parse(R"({"s": [{"setWeight": 20}, {"pause": {}}]})").value(QLatin1String("s")).toArray());
    QJsonObject spec = rollout.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("progressDeadlineSeconds"), 60);
    if (abort)
        spec.insert(QStringLiteral("progressDeadlineAbort"), true);
    rollout.insert(QStringLiteral("spec"), spec);
    return rollout;
}

// A new revision whose containers run but never pass their readiness probe.
void releaseNeverReady(Cluster &c)
{
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26-broken"));
    c.updateSpec(rollouts(), QStringLiteral("web"), [](QJsonObject &ro) {
        QJsonObject spec = ro.value(QLatin1String("spec")).toObject();
        QJsonObject tmpl = spec.value(QLatin1String("template")).toObject();
        QJsonObject meta = tmpl.value(QLatin1String("metadata")).toObject();
        meta.insert(
            QStringLiteral("annotations"),
            QJsonObject {{QStringLiteral("rd-sim.dev/never-ready"), QStringLiteral("true")}});
        tmpl.insert(QStringLiteral("metadata"), meta);
        spec.insert(QStringLiteral("template"), tmpl);
        ro.insert(QStringLiteral("spec"), spec);
    });
}

} // namespace

class TestRolloutProgressDeadline : public QObject
{
    Q_OBJECT

private slots:
    void neverReadyPodsExceedTheDeadline();
    void progressDeadlineAbortAborts();
};

void TestRolloutProgressDeadline::neverReadyPodsExceedTheDeadline()
{
    Cluster c;
    c.create(rollouts(), rolloutWithDeadline(false));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    releaseNeverReady(c);
    c.advance(20);
    const QString canary
        = at(c.replicaSetsOf(QStringLiteral("web")).at(1), QStringLiteral("metadata.name"))
              .toString();
    const QList<QJsonObject> pods = c.podsOf(canary);
    QCOMPARE(pods.size(), 1);
    QCOMPARE(at(pods.first(), QStringLiteral("status.phase")).toString(),
             QStringLiteral("Running"));
    QCOMPARE(at(pods.first(), QStringLiteral("status.containerStatuses.0.ready")).toBool(), false);
    QCOMPARE(c.condition(QStringLiteral("Progressing")).value(QStringLiteral("status")).toString(),
             QStringLiteral("True"));

    QVERIFY(c.waitFor([&] {
        return c.condition(QStringLiteral("Progressing")).value(QStringLiteral("reason")).toString()
            == QLatin1String("ProgressDeadlineExceeded");
    }));
    const QJsonObject condition = c.condition(QStringLiteral("Progressing"));
    QCOMPARE(condition.value(QStringLiteral("status")).toString(), QStringLiteral("False"));
    QCOMPARE(condition.value(QStringLiteral("message")).toString(),
             QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(canary));
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.status().value(QStringLiteral("abort")).toBool(), false);
    QCOMPARE(c.events(QStringLiteral("ProgressDeadlineExceeded")),
             QStringList {condition.value(QStringLiteral("message")).toString()});
}

void TestRolloutProgressDeadline::progressDeadlineAbortAborts()
{
    Cluster c;
    c.create(rollouts(), rolloutWithDeadline(true));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    releaseNeverReady(c);
    QVERIFY(c.waitFor([&] { return c.status().value(QStringLiteral("abort")).toBool(); }));
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.message(), QStringLiteral("RolloutAborted: Rollout aborted update to revision 2"));
    // The reason is in the abort's Event.
    const QStringList aborted = c.events(QStringLiteral("RolloutAborted"));
    QVERIFY2(!aborted.isEmpty()
                 && aborted.first().endsWith(QStringLiteral("has timed out progressing.")),
             qPrintable(aborted.join(u'|')));
}

QTEST_GUILESS_MAIN(TestRolloutProgressDeadline)
#include "tst_rolloutprogressdeadline.moc"

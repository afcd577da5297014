// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/podhistory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace rdsim;

namespace {

const qint64 kT0 = VirtualClock::fromRfc3339(QStringLiteral("2026-11-25T17:00:00Z"));

MetricPod pod(const QString &name, const QString &role, qint64 startMs)
{
    MetricPod p;
    p.ns = QStringLiteral("shop");
    p.name = name;
    p.rollout = QStringLiteral("web");
    p.hash = role == QLatin1String("canary") ? QStringLiteral("bbb") : QStringLiteral("aaa");
    p.role = role;
    p.startMs = startMs;
    p.roleSinceMs = startMs;
    p.regresses = role == QLatin1String("canary");
    return p;
}

const ResourceType &type(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

QJsonObject meta(const QString &name, qint64 createdMs, const QJsonObject &extra = {})
{
    QJsonObject m = extra;
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("namespace"), QStringLiteral("shop"));
    m.insert(QStringLiteral("creationTimestamp"), VirtualClock::toRfc3339(createdMs));
    return m;
}

QJsonArray owner(const QString &kind, const QString &name)
{
    return QJsonArray {QJsonObject {{QStringLiteral("kind"), kind},
                                    {QStringLiteral("name"), name},
                                    {QStringLiteral("controller"), true}}};
}

QJsonObject rollout(const QString &stable, const QString &current)
{
    return {{QStringLiteral("metadata"), meta(QStringLiteral("web"), kT0 - 3600000)},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("strategy"),
                           QJsonObject {{QStringLiteral("canary"), QJsonObject {}}}}}},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("stableRS"), stable},
                          {QStringLiteral("currentPodHash"), current}}}};
}

} // namespace

class TestPodHistory : public QObject
{
    Q_OBJECT

private slots:
    void keepsIntervalsNotSamples();
    void newPodsStartAtTheirStartOrTheLastLook();
    void aReusedNameStartsANewSegment();
    void observesTheStoreOnlyWhenItChanged();
    void boundedByRetentionAndCap();
};

void TestPodHistory::keepsIntervalsNotSamples()
{
    PodHistory history;
    const MetricPod a = pod(QStringLiteral("web-a"), QStringLiteral("canary"), kT0 - 30000);
    for (qint64 t = kT0; t <= kT0 + 45000; t += 15000)
        history.record({a}, t);
    QCOMPARE(history.openSegmentCount(), 1);
    QCOMPARE(history.closedSegmentCount(), 0);

    // Promoted: the canary segment ends, a stable one begins at the observation.
    MetricPod promoted = a;
    promoted.role = QStringLiteral("stable");
    promoted.regresses = false;
    history.record({promoted}, kT0 + 60000);
    // Gone.
    history.record({}, kT0 + 90000);
    QCOMPARE(history.openSegmentCount(), 0);
    QCOMPARE(history.closedSegmentCount(), 2);

    const QList<PodSegment> all = history.segments(kT0 - 3600000, kT0 + 3600000);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).pod.role, QStringLiteral("canary"));
    QCOMPARE(all.at(0).fromMs, kT0 - 30000); // the first look starts at the pod's start
    QCOMPARE(all.at(0).toMs, kT0 + 60000);
    QCOMPARE(all.at(1).pod.role, QStringLiteral("stable"));
    QCOMPARE(all.at(1).fromMs, kT0 + 60000);
    QCOMPARE(all.at(1).toMs, kT0 + 90000);

    // Only what overlaps the asked window.
    QCOMPARE(history.segments(kT0 + 70000, kT0 + 80000).size(), 1);
    QCOMPARE(history.segments(kT0 + 70000, kT0 + 80000).first().pod.role, QStringLiteral("stable"));
    QVERIFY(history.segments(kT0 + 90000, kT0 + 100000).isEmpty());
}

void TestPodHistory::newPodsStartAtTheirStartOrTheLastLook()
{
    PodHistory history;
    history.record({pod(QStringLiteral("web-a"), QStringLiteral("stable"), kT0 - 600000)}, kT0);
    // Started after the last look: from its start.
    const MetricPod b = pod(QStringLiteral("web-b"), QStringLiteral("stable"), kT0 + 5000);
    // Started long before but not visible (not Running) at the last look: from that look.
    const MetricPod c = pod(QStringLiteral("web-c"), QStringLiteral("stable"), kT0 - 100000);
    history.record({pod(QStringLiteral("web-a"), QStringLiteral("stable"), kT0 - 600000), b, c},
                   kT0 + 60000);
    const QList<PodSegment> open = history.segments(kT0, kT0 + 60000);
    QCOMPARE(open.size(), 3);
    QCOMPARE(open.at(0).fromMs, kT0 - 600000);
    QCOMPARE(open.at(1).pod.name, QStringLiteral("web-b"));
    QCOMPARE(open.at(1).fromMs, kT0 + 5000);
    QCOMPARE(open.at(2).pod.name, QStringLiteral("web-c"));
    QCOMPARE(open.at(2).fromMs, kT0);
    QVERIFY(open.at(2).isOpen());
}

void TestPodHistory::aReusedNameStartsANewSegment()
{
    PodHistory history;
    history.record({pod(QStringLiteral("web-a"), QStringLiteral("stable"), kT0)}, kT0);
    history.record({pod(QStringLiteral("web-a"), QStringLiteral("stable"), kT0 + 40000)},
                   kT0 + 60000);
    const QList<PodSegment> all = history.segments(kT0, kT0 + 60000);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).toMs, kT0 + 40000);
    QCOMPARE(all.at(1).fromMs, kT0 + 40000);
    QCOMPARE(all.at(1).pod.startMs, kT0 + 40000);
}

void TestPodHistory::observesTheStoreOnlyWhenItChanged()
{
    VirtualClock clock;
    clock.setFrozen(true);
    ObjectStore store(&clock);
    QVERIFY(store
                .load(type("argoproj.io", "rollouts"),
                      rollout(QStringLiteral("aaa"), QStringLiteral("bbb")))
                .ok());
    for (const char *hash : {"aaa", "bbb"}) {
        const QString h = QString::fromLatin1(hash);
        QVERIFY(store
                    .load(type("apps", "replicasets"),
                          {{QStringLiteral("metadata"),
                            meta(QStringLiteral("web-") + h, kT0,
                                 {{QStringLiteral("ownerReferences"),
                                   owner(QStringLiteral("Rollout"), QStringLiteral("web"))}})}})
                    .ok());
        const QJsonObject podObject {
            {QStringLiteral("metadata"),
             meta(QStringLiteral("web-") + h + QStringLiteral("-1"), kT0,
                  {{QStringLiteral("ownerReferences"),
                    owner(QStringLiteral("ReplicaSet"), QStringLiteral("web-") + h)},
                   {QStringLiteral("labels"),
                    QJsonObject {{QStringLiteral("rollouts-pod-template-hash"), h}}}})},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                          {QStringLiteral("startTime"), VirtualClock::toRfc3339(kT0)}}}};
        QVERIFY(store.load(type("", "pods"), podObject).ok());
    }
    PodHistory history;
    history.observe(store, kT0 + 1000);
    history.observe(store, kT0 + 2000);
    QCOMPARE(history.openSegmentCount(), 2);
    QCOMPARE(history.closedSegmentCount(), 0);
    QList<PodSegment> segments = history.segments(kT0, kT0 + 2000);
    QCOMPARE(segments.at(0).pod.role, QStringLiteral("stable"));
    QCOMPARE(segments.at(1).pod.role, QStringLiteral("canary"));
    QVERIFY(segments.at(1).pod.regresses);

    // Promotion: stableRS moves to bbb, the aaa pod becomes "old".
    QJsonObject promoted = *store.get(type("argoproj.io", "rollouts"), QStringLiteral("shop"),
                                      QStringLiteral("web"));
    promoted.insert(QStringLiteral("status"),
                    QJsonObject {{QStringLiteral("stableRS"), QStringLiteral("bbb")},
                                 {QStringLiteral("currentPodHash"), QStringLiteral("bbb")}});
    QVERIFY(store.update(type("argoproj.io", "rollouts"), promoted, WriteScope::Whole).ok());
    // The controller loop looks at most once a second: half a second later is too soon.
    history.observe(store, kT0 + 2500, 1000);
    QCOMPARE(history.closedSegmentCount(), 0);
    history.observe(store, kT0 + 30000, 1000);
    QCOMPARE(history.closedSegmentCount(), 2);
    segments = history.segments(kT0 + 30000, kT0 + 30000);
    QCOMPARE(segments.size(), 2);
    QCOMPARE(segments.at(0).pod.role, QStringLiteral("old"));
    QCOMPARE(segments.at(0).fromMs, kT0 + 30000);
    QCOMPARE(segments.at(1).pod.role, QStringLiteral("stable"));
    QVERIFY(!segments.at(1).pod.regresses);
}

void TestPodHistory::boundedByRetentionAndCap()
{
    PodHistory history(3600000, 3);
    for (int i = 0; i < 5; ++i) {
        const qint64 t = kT0 + i * 60000;
        history.record({pod(QStringLiteral("web-%1").arg(i), QStringLiteral("stable"), t)}, t);
    }
    history.record({}, kT0 + 300000);
    QCOMPARE(history.closedSegmentCount(), 3); // the cap keeps the newest three
    QCOMPARE(history.segments(kT0, kT0 + 300000).first().pod.name, QStringLiteral("web-2"));
    // Two hours later the retention of one hour drops them all.
    history.record({}, kT0 + 300000 + 7200000);
    QCOMPARE(history.closedSegmentCount(), 0);
}

QTEST_GUILESS_MAIN(TestPodHistory)
#include "tst_podhistory.moc"

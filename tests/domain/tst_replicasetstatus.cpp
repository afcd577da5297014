// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsondecoder.h"
#include "replicasetstatus.h"
#include "rolloutactionplan.h"
#include "testdata.h"
#include "timestamps.h"

#include <QTest>

class TestReplicaSetStatus : public QObject
{
    Q_OBJECT

private:
    QList<ReplicaSet> m_sets;

    static Rollout rollout(const char *file)
    {
        return decodeObject<Rollout>(domainTestData(QString::fromLatin1(file))).value;
    }

private slots:
    void undoRevisionsAreTheOwnedNumberedOnes()
    {
        const auto make = [](const QString &owner, const QString &revision, bool controller) {
            ReplicaSet replicaSet;
            replicaSet.metadata.name = owner + QLatin1Char('-') + revision;
            OwnerReference reference;
            reference.kind = QStringLiteral("Rollout");
            reference.uid = owner;
            reference.controller = controller;
            replicaSet.metadata.ownerReferences = {reference};
            if (!revision.isEmpty())
                replicaSet.metadata.annotations.insert(
                    QStringLiteral("rollout.argoproj.io/revision"), revision);
            return replicaSet;
        };
        const QList<ReplicaSet> replicaSets {
            make(QStringLiteral("u1"), QStringLiteral("3"), true),
            make(QStringLiteral("u1"), QStringLiteral("5"), true),
            make(QStringLiteral("u1"), QString(), true), // no revision
            make(QStringLiteral("u1"), QStringLiteral("x"), true), // not a number
            make(QStringLiteral("u1"), QStringLiteral("9"), false), // owned, not controlled
            make(QStringLiteral("u2"), QStringLiteral("1"), true)};
        const QList<UndoRevision> u1 = undoRevisions(replicaSets, QStringLiteral("u1"));
        QCOMPARE(u1.size(), 2);
        // Highest first, each pointing at its ReplicaSet in the list.
        QCOMPARE(u1.at(0).revision, 5);
        QCOMPARE(u1.at(0).replicaSet, 1);
        QCOMPARE(u1.at(1).revision, 3);
        QCOMPARE(u1.at(1).replicaSet, 0);
        QCOMPARE(undoRevisions(replicaSets, QStringLiteral("u2")).size(), 1);
        QCOMPARE(undoRevisions(replicaSets, QStringLiteral("u3")).size(), 0);
    }

    void initTestCase()
    {
        m_sets = decodeList<ReplicaSet>(domainTestData(QStringLiteral("replicasets.json"))).items;
        QCOMPARE(m_sets.size(), 6);
    }

    void health()
    {
        QStringList health;
        for (const ReplicaSet &rs : std::as_const(m_sets))
            health.append(replicaSetHealth(rs));
        QCOMPARE(health,
                 QStringList({QStringLiteral("Healthy"), QStringLiteral("Healthy"),
                              QStringLiteral("ScaledDown"), QStringLiteral("ReplicaFailure"),
                              QStringLiteral("Progressing"), QStringLiteral("Healthy")}));
    }

    void healthRules()
    {
        ReplicaSet rs;
        QCOMPARE(replicaSetHealth(rs), QStringLiteral("Healthy")); // nil spec.replicas
        rs.specReplicas = 2;
        rs.availableReplicas = 1;
        QCOMPARE(replicaSetHealth(rs), QStringLiteral("Progressing"));
        rs.availableReplicas = 2;
        QCOMPARE(replicaSetHealth(rs), QStringLiteral("Healthy"));
        Condition failure;
        failure.type = QStringLiteral("ReplicaFailure");
        failure.status = QStringLiteral("False");
        rs.conditions.append(failure);
        QCOMPARE(replicaSetHealth(rs), QStringLiteral("Healthy"));
        rs.conditions[0].status = QStringLiteral("True");
        QCOMPARE(replicaSetHealth(rs), QStringLiteral("ReplicaFailure"));
        rs.metadata.generation = 3;
        rs.observedGeneration = 2;
        QCOMPARE(replicaSetHealth(rs), QStringLiteral("Progressing"));
    }

    void canaryTags()
    {
        const Rollout r = rollout("rollout-canary-midstep.json");
        QCOMPARE(replicaSetTags(r, m_sets.at(0)).names(), QStringList({QStringLiteral("stable")}));
        QCOMPARE(replicaSetTags(r, m_sets.at(1)).names(), QStringList({QStringLiteral("canary")}));
        QCOMPARE(replicaSetTags(r, m_sets.at(2)).names(), QStringList());
    }

    void pingPongTags()
    {
        Rollout r = rollout("rollout-canary-midstep.json");
        r.spec.canary->hasPingPong = true;
        r.status.stablePingPong = QStringLiteral("ping");
        QCOMPARE(replicaSetTags(r, m_sets.at(0)).names(),
                 QStringList({QStringLiteral("stable"), QStringLiteral("ping")}));
        QCOMPARE(replicaSetTags(r, m_sets.at(1)).names(),
                 QStringList({QStringLiteral("canary"), QStringLiteral("pong")}));
        r.status.stablePingPong = QStringLiteral("pong");
        QCOMPARE(replicaSetTags(r, m_sets.at(0)).names(),
                 QStringList({QStringLiteral("stable"), QStringLiteral("pong")}));
    }

    void blueGreenTags()
    {
        Rollout r = rollout("rollout-bluegreen-waiting.json");
        ReplicaSet active;
        active.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"),
                                      QStringLiteral("7f8c9d6b5"));
        ReplicaSet preview;
        preview.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"),
                                       QStringLiteral("84b6c7d9f"));
        QCOMPARE(replicaSetTags(r, active).names(),
                 QStringList({QStringLiteral("stable"), QStringLiteral("active")}));
        QCOMPARE(replicaSetTags(r, preview).names(), QStringList({QStringLiteral("preview")}));
        // Active wins when both selectors point at the same ReplicaSet.
        r.status.previewSelector = r.status.activeSelector;
        QCOMPARE(replicaSetTags(r, active).imageTags(),
                 QStringList({QStringLiteral("stable"), QStringLiteral("active")}));
    }

    void scaleDownDelay()
    {
        const ReplicaSet &old = m_sets.at(2);
        QCOMPARE(::scaleDownDelay(old, parseRfc3339(u"2024-05-01T08:01:00Z")),
                 QStringLiteral("3h59m"));
        QCOMPARE(::scaleDownDelay(old, parseRfc3339(u"2024-05-01T11:59:30Z")),
                 QStringLiteral("30s"));
        QCOMPARE(::scaleDownDelay(old, parseRfc3339(u"2024-05-01T12:00:01Z")),
                 QStringLiteral("passed"));
        QCOMPARE(::scaleDownDelay(m_sets.at(0), parseRfc3339(u"2024-05-01T08:00:00Z")), QString());
    }

    void ownedNewestFirst()
    {
        const QList<ReplicaSet> owned
            = ownedReplicaSets(m_sets, QStringLiteral("0f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d"));
        QStringList names;
        for (const ReplicaSet &rs : owned)
            names.append(rs.metadata.name);
        QCOMPARE(
            names,
            QStringList({QStringLiteral("checkout-9a8b7c6d5"), QStringLiteral("checkout-6d9f7c8b5"),
                         QStringLiteral("checkout-5c7d8b9f4"), QStringLiteral("checkout-7b8d9c6f5"),
                         QStringLiteral("checkout-84b6c7d9f")}));
        QVERIFY(ownedReplicaSets(m_sets, QString()).isEmpty());
    }

    void revisionFallsBackToDeploymentAnnotation()
    {
        ReplicaSet rs;
        QCOMPARE(rs.revision(), 0);
        rs.metadata.annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"),
                                       QStringLiteral("12"));
        QCOMPARE(rs.revision(), 12);
        rs.metadata.labels.insert(QStringLiteral("pod-template-hash"), QStringLiteral("77f"));
        QCOMPARE(rs.podTemplateHash(), QStringLiteral("77f"));
    }
};

QTEST_GUILESS_MAIN(TestReplicaSetStatus)
#include "tst_replicasetstatus.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail when a detail kind cannot be listed (a notice instead of stale
// objects), and when a reset replaces the detail's objects.
#include "rolloutdetailfixture.h"

using namespace RolloutDetailTest;

class TestRolloutDetailNotices : public QObject, private RolloutDetailFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void unavailableKindsBecomeNotices()
    {
        fill();
        WorkloadDeltaBatch batch = pods({Build::pod(m_apiStable, QStringLiteral("a1"))});
        batch.upserts<AnalysisRun>() = {Build::analysisRun(m_api, QStringLiteral("run"), at(1))};
        batch.upserts<Event>()
            = {Build::event(QStringLiteral("e"), QStringLiteral("Rollout"), m_api.metadata, at(1))};
        m_model->applyBatch(Prod, batch);
        QSignalSpy spy(m_model.get(), &FleetModel::rolloutDetailsChanged);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        using P = DetailKindStatus::Problem;
        WorkloadDeltaBatch forbidden;
        forbidden.detailStatus = status(P::Forbidden, P::None, P::Forbidden);
        m_model->applyBatch(Prod, forbidden);
        QStringList both {m_api.metadata.uid, m_cart.metadata.uid};
        both.sort();
        QCOMPARE(emitted(spy),
                 QStringList {Prod + QStringLiteral(": ") + both.join(QLatin1Char(','))});
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_model->store().detailStatus(Prod), forbidden.detailStatus);
        QCOMPARE(m_model->store().detailStatus(Staging), QList<DetailKindStatus>(DetailKindCount));

        RolloutDetail detail = m_model->store().rolloutDetail(Prod, m_api.metadata.uid);
        QCOMPARE(
            detail.notices,
            QStringList({QStringLiteral(
                             "Pods are not shown: listing pods in this environment is forbidden."),
                         QStringLiteral("Events are not shown: listing events in this environment "
                                        "is forbidden.")}));
        // What was listed before is not shown either: the notice says it is missing.
        QCOMPARE(detail.podsByReplicaSetUid.size(), 0);
        QCOMPARE(detail.events.size(), 0);
        QCOMPARE(names(detail.analysisRuns), QStringList {QStringLiteral("run")});
        QCOMPARE(detail.replicaSets.size(), 2);

        // The same status again changes nothing.
        spy.clear();
        m_model->applyBatch(Prod, forbidden);
        QCOMPARE(spy.size(), 0);

        WorkloadDeltaBatch notServed;
        notServed.detailStatus = status(P::NotServed, P::NotServed, P::NotServed);
        m_model->applyBatch(Prod, notServed);
        QCOMPARE(m_model->store().rolloutDetail(Prod, m_api.metadata.uid).notices,
                 QStringList({QStringLiteral("Pods are not shown: this environment does not "
                                             "serve pods."),
                              QStringLiteral("Analysis runs are not shown: this environment "
                                             "does not serve AnalysisRuns."),
                              QStringLiteral("Events are not shown: this environment does not "
                                             "serve events.")}));
        QCOMPARE(m_model->store().rolloutDetail(Prod, m_api.metadata.uid).analysisRuns.size(), 0);

        // Failing: the data is shown, with a warning.
        WorkloadDeltaBatch failing;
        failing.detailStatus = status(P::Failing, P::Failing, P::Failing);
        m_model->applyBatch(Prod, failing);
        detail = m_model->store().rolloutDetail(Prod, m_api.metadata.uid);
        QCOMPARE(
            detail.notices,
            QStringList(
                {QStringLiteral("Pods may be out of date: Permission denied (HTTP 403): no"),
                 QStringLiteral(
                     "Analysis runs may be out of date: Permission denied (HTTP 403): no"),
                 QStringLiteral("Events may be out of date: Permission denied (HTTP 403): no")}));
        QCOMPARE(detail.podsByReplicaSetUid.size(), 1);
        QCOMPARE(detail.events.size(), 1);

        // Available again.
        WorkloadDeltaBatch fine;
        fine.detailStatus = QList<DetailKindStatus>(DetailKindCount);
        m_model->applyBatch(Prod, fine);
        detail = m_model->store().rolloutDetail(Prod, m_api.metadata.uid);
        QCOMPARE(detail.notices, QStringList());
        QCOMPARE(detail.podsByReplicaSetUid.size(), 1);
        QCOMPARE(m_model->rowCount(), 3);
    }

    void resetReplacesTheDetailObjects()
    {
        fill();
        WorkloadDeltaBatch first = pods({Build::pod(m_apiStable, QStringLiteral("old"))});
        first.upserts<Event>() = {
            Build::event(QStringLiteral("old"), QStringLiteral("Rollout"), m_api.metadata, at(1))};
        first.detailStatus
            = status(DetailKindStatus::Problem::Forbidden, DetailKindStatus::Problem::None,
                     DetailKindStatus::Problem::None);
        m_model->applyBatch(Prod, first);
        QSignalSpy spy(m_model.get(), &FleetModel::rolloutDetailsChanged);

        // A restart: cart is gone, api has a new pod; the reset carries the status too.
        WorkloadDeltaBatch reset = Build::upsert({m_api}, {}, {m_apiStable});
        reset.reset = true;
        reset.upserts<Pod>() = {Build::pod(m_apiStable, QStringLiteral("new"))};
        reset.detailStatus = QList<DetailKindStatus>(DetailKindCount);
        m_model->applyBatch(Prod, reset);
        QStringList both {m_api.metadata.uid, m_cart.metadata.uid};
        both.sort();
        QCOMPARE(emitted(spy),
                 QStringList {Prod + QStringLiteral(": ") + both.join(QLatin1Char(','))});
        const RolloutDetail detail = m_model->store().rolloutDetail(Prod, m_api.metadata.uid);
        QCOMPARE(names(detail.podsByReplicaSetUid.value(m_apiStable.metadata.uid)),
                 QStringList {QStringLiteral("api-stable1-new")});
        QCOMPARE(names(detail.replicaSets), QStringList {QStringLiteral("api-stable1")});
        QCOMPARE(detail.events.size(), 0);
        QCOMPARE(detail.notices, QStringList());
        QCOMPARE(m_model->rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRolloutDetailNotices)
#include "tst_rolloutdetailnotices.moc"

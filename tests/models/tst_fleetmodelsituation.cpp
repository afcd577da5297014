// SPDX-License-Identifier: GPL-3.0-or-later
// What the fleet model says a rollout is doing, against what the cluster shows: a manual
// pause never claims to resume, an abort reports the weights as they fall and remembers
// its step, a disconnected environment turns stale (grey, no countdown), and the attention
// counts per environment follow the rows.

#include "fleetmodel.h"
#include "workloadbuilders.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

const QString Prod = QStringLiteral("prod");

QList<EnvironmentSpec> environments()
{
    EnvironmentSpec prod;
    prod.name = Prod;
    EnvironmentSpec staging;
    staging.name = QStringLiteral("staging");
    staging.order = 1;
    return {prod, staging};
}

// checkout at step 4 of 6 (0-based 3): a 40 s pause that started at `pausedAt`.
Rollout pausedCheckout(const QDateTime &pausedAt)
{
    Rollout r = Build::canary(QStringLiteral("shop"), QStringLiteral("checkout"),
                              QStringLiteral("Paused"), QStringLiteral("CanaryPauseStep"), 3);
    RolloutStep w10;
    w10.setWeight = 10;
    RolloutStep w33;
    w33.setWeight = 33;
    RolloutStep pause40;
    pause40.hasPause = true;
    pause40.pauseDuration = IntOrString::fromString(QStringLiteral("40s"));
    RolloutStep w66;
    w66.setWeight = 66;
    r.spec.canary->steps = {w10, w33, w33, pause40, w66, w66};
    r.status.pauseConditions = {PauseCondition {QStringLiteral("CanaryPauseStep"), pausedAt}};
    r.status.replicas = 6;
    r.status.availableReplicas = 6;
    return r;
}

QString localClock(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().time(), QStringLiteral("HH:mm"));
}

} // namespace

class TestFleetModelSituation : public QObject
{
    Q_OBJECT

    std::unique_ptr<FleetModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QDateTime m_now;

    QString status(int row = 0) const
    {
        return m_model->index(row, FleetModel::StatusColumn).data().toString();
    }

private slots:
    void init()
    {
        m_now = Build::created().addSecs(3600);
        m_model = std::make_unique<FleetModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_model->setClock([this] { return m_now; });
        m_model->setEnvironments(environments());
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void timedPauseCountsDown()
    {
        const QDateTime pausedAt = m_now.addSecs(-15);
        m_model->applyBatch(Prod, Build::upsert({pausedCheckout(pausedAt)}));
        QCOMPARE(status(), QStringLiteral("Pause 40s — 25s left"));
        QCOMPARE(m_model->index(0, 0).data(FleetModel::AttentionRole).toInt(),
                 int(FleetRow::Attention::None));
        // The status cell is re-sent every second while the pause runs.
        auto *timer = m_model->findChild<QTimer *>(QStringLiteral("fleetCountdownTimer"));
        QVERIFY(timer);
        QVERIFY(timer->isActive());
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_now = m_now.addSecs(10);
        m_model->refreshCountdowns();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(FleetModel::StatusColumn));
        QCOMPARE(status(), QStringLiteral("Pause 40s — 15s left"));
    }

    void manualPauseNeverClaimsToResume()
    {
        const QDateTime pausedAt = m_now.addSecs(-15);
        Rollout checkout = pausedCheckout(pausedAt);
        m_model->applyBatch(Prod, Build::upsert({checkout}));
        // A person pauses it during the step's pause.
        m_now = m_now.addSecs(5);
        const QDateTime personPaused = m_now;
        checkout.spec.paused = true;
        checkout.metadata.resourceVersion = QStringLiteral("2");
        m_model->applyBatch(Prod, Build::upsert({checkout}));
        const QString expected = QStringLiteral("Paused by a person since %1 — Resume continues "
                                                "at step 4 of 6")
                                     .arg(localClock(personPaused));
        QCOMPARE(status(), expected);
        QCOMPARE(m_model->index(0, 0).data(FleetModel::AttentionRole).toInt(),
                 int(FleetRow::Attention::WaitingForPerson));
        // Long after the step's 40 s: still paused by the person, nothing "resumes".
        m_now = m_now.addSecs(120);
        QCOMPARE(status(), expected);
        QVERIFY(!status().contains(QStringLiteral("resum")));
        const RolloutDetail detail = m_model->store().rolloutDetail(Prod, checkout.metadata.uid);
        QCOMPARE(detail.observations.manualPauseSeenAt, personPaused);
        QCOMPARE(detail.situation(m_now).remainingMSecs, std::nullopt);
        // Resumed: the observation is gone with the pause.
        checkout.spec.paused = false;
        checkout.metadata.resourceVersion = QStringLiteral("3");
        m_model->applyBatch(Prod, Build::upsert({checkout}));
        QVERIFY(!m_model->store()
                     .rolloutDetail(Prod, checkout.metadata.uid)
                     .observations.manualPauseSeenAt.isValid());
    }

    void abortFollowsTheWatchedWeights()
    {
        Rollout checkout = pausedCheckout(m_now);
        const ReplicaSet stable
            = Build::replicaSet(checkout, QStringLiteral("stable1"), 1, 4, QStringLiteral("v1"));
        ReplicaSet canary
            = Build::replicaSet(checkout, QStringLiteral("canary2"), 2, 2, QStringLiteral("v2"));
        m_model->applyBatch(Prod, Build::upsert({checkout}, {}, {stable, canary}));

        // The controller accepted the abort: index reset to 0, canary still has 2 of 6 pods.
        checkout.status.abort = true;
        checkout.status.currentStepIndex = 0;
        checkout.status.pauseConditions.clear();
        checkout.status.phase = QStringLiteral("Degraded");
        checkout.status.message = QStringLiteral("RolloutAborted: metric failed");
        checkout.metadata.resourceVersion = QStringLiteral("2");
        m_model->applyBatch(Prod, Build::upsert({checkout}));
        QCOMPARE(status(),
                 QStringLiteral("Aborting — canary weight 33 % → 0 %, scaling down 2 canary pods"));
        QCOMPARE(
            m_model->store().rolloutDetail(Prod, checkout.metadata.uid).observations.abortedAtStep,
            std::optional<qint32>(3));

        // The canary is scaled down: only then is traffic back on stable.
        canary.replicas = 0;
        canary.readyReplicas = 0;
        canary.availableReplicas = 0;
        canary.metadata.resourceVersion = QStringLiteral("2");
        m_model->applyBatch(Prod, Build::upsert({}, {}, {canary}));
        QCOMPARE(status(), QStringLiteral("Aborted — all traffic on the stable version"));
        QCOMPARE(m_model->index(0, 0).data(FleetModel::AttentionRole).toInt(),
                 int(FleetRow::Attention::Failure));
        // The step is remembered through later updates.
        QCOMPARE(
            m_model->store().rolloutDetail(Prod, checkout.metadata.uid).observations.abortedAtStep,
            std::optional<qint32>(3));
    }

    void abortSeenOnlyAfterwardsHasNoStep()
    {
        Rollout checkout = pausedCheckout(m_now);
        checkout.status.abort = true;
        checkout.status.currentStepIndex = 0;
        m_model->applyBatch(Prod, Build::upsert({checkout}));
        QCOMPARE(
            m_model->store().rolloutDetail(Prod, checkout.metadata.uid).observations.abortedAtStep,
            std::nullopt);
    }

    void disconnectedEnvironmentIsStale()
    {
        m_model->applyBatch(Prod, Build::upsert({pausedCheckout(m_now.addSecs(-15))}));
        m_model->applyBatch(
            QStringLiteral("staging"),
            Build::upsert({Build::canary(QStringLiteral("shop"), QStringLiteral("cart"),
                                         QStringLiteral("Healthy"))}));
        QSignalSpy staleChanged(m_model.get(), &FleetModel::staleChanged);
        QSignalSpy details(m_model.get(), &FleetModel::rolloutDetailsChanged);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        ConnectionState live;
        live.kind = ConnectionState::Live;
        m_model->setConnectionState(Prod, live);
        QCOMPARE(staleChanged.size(), 0);

        ConnectionState down;
        down.kind = ConnectionState::Unreachable;
        down.reason = QStringLiteral("connection refused");
        const QDateTime lostAt = m_now;
        m_model->setConnectionState(Prod, down);
        QCOMPARE(staleChanged.size(), 1);
        QCOMPARE(staleChanged.at(0).at(1).toBool(), true);
        QCOMPARE(details.size(), 1);
        QCOMPARE(changed.size(), 1); // prod's one row, every column
        const QString since
            = QLocale().toString(lostAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        // The countdown stops on data that may be gone; the row says since when.
        QCOMPARE(status(),
                 QStringLiteral("Stale since %1 · Pause 40s (due to end %2)")
                     .arg(since, localClock(m_now.addSecs(25))));
        QCOMPARE(m_model->index(0, FleetModel::StatusColumn).data(FleetModel::StaleSinceRole),
                 QVariant(lostAt));
        QCOMPARE(m_model->index(0, FleetModel::NameColumn).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0x8a, 0x8a, 0x8a));
        QVERIFY(m_model->index(0, FleetModel::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("connection refused")));
        // Staging stays live.
        QCOMPARE(m_model->index(1, FleetModel::NameColumn).data(Qt::ForegroundRole), QVariant());
        auto *timer = m_model->findChild<QTimer *>(QStringLiteral("fleetCountdownTimer"));
        QVERIFY(!timer->isActive());
        const RolloutDetail detail
            = m_model->store().rolloutDetail(Prod, m_model->rolloutAt(0)->metadata.uid);
        QCOMPARE(detail.staleSince, lostAt);
        QCOMPARE(detail.staleReason, QStringLiteral("connection refused"));

        // A later retry keeps the first time; back live clears it all.
        m_now = m_now.addSecs(30);
        m_model->setConnectionState(Prod, down);
        QCOMPARE(m_model->staleSince(Prod), lostAt);
        m_model->setConnectionState(Prod, live);
        QCOMPARE(staleChanged.size(), 2);
        QVERIFY(!m_model->index(0, FleetModel::StatusColumn)
                     .data(FleetModel::StaleSinceRole)
                     .toDateTime()
                     .isValid());
        QVERIFY(!status().startsWith(QStringLiteral("Stale")));
    }

    void attentionCountsPerEnvironment()
    {
        QSignalSpy counts(m_model.get(), &FleetModel::attentionCountsChanged);
        Rollout held = Build::canary(QStringLiteral("a"), QStringLiteral("held"),
                                     QStringLiteral("Paused"), QStringLiteral("BlueGreenPause"));
        held.spec.paused = true;
        m_model->applyBatch(
            Prod,
            Build::upsert({Build::canary(QStringLiteral("a"), QStringLiteral("broken"),
                                         QStringLiteral("Degraded"),
                                         QStringLiteral("ProgressDeadlineExceeded: slow")),
                           held,
                           Build::canary(QStringLiteral("a"), QStringLiteral("fine"),
                                         QStringLiteral("Healthy"))}));
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.at(0).at(0).toString(), Prod);
        QCOMPARE(counts.at(0).at(1).toInt(), 1);
        QCOMPARE(counts.at(0).at(2).toInt(), 1);
        QCOMPARE(status(0), QStringLiteral("Failed — progress deadline exceeded: slow"));
        WorkloadDeltaBatch gone;
        gone.deletes<Rollout>() = {QStringLiteral("a/broken")};
        m_model->applyBatch(Prod, gone);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts.at(1).at(1).toInt(), 0);
        QCOMPARE(counts.at(1).at(2).toInt(), 1);
    }
};

QTEST_MAIN(TestFleetModelSituation)
#include "tst_fleetmodelsituation.moc"

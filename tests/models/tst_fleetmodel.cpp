// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetmodel.h"
#include "workloadbuilders.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

namespace {
QList<EnvironmentSpec> environments()
{
    return {
        EnvironmentSpec {QStringLiteral("prod"), QStringLiteral("prod-ctx"), {}, {}, false, 0, {}},
        EnvironmentSpec {QStringLiteral("staging"), QStringLiteral("stg"), {}, {}, false, 1, {}}};
}

QString rowText(const QAbstractItemModel &model, int row)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(); ++column)
        cells.append(model.index(row, column).data().toString());
    return cells.join(QLatin1Char('|'));
}

QStringList dump(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(rowText(model, row));
    return rows;
}

// The row numbers a dataChanged spy saw, as "first-last" strings.
QStringList changedRanges(const QSignalSpy &spy)
{
    QStringList ranges;
    for (const QList<QVariant> &args : spy) {
        const QModelIndex topLeft = args.at(0).toModelIndex();
        const QModelIndex bottomRight = args.at(1).toModelIndex();
        ranges.append(QStringLiteral("%1-%2 c%3-%4")
                          .arg(topLeft.row())
                          .arg(bottomRight.row())
                          .arg(topLeft.column())
                          .arg(bottomRight.column()));
    }
    return ranges;
}
} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FleetModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    void fill() { m_model->applyBatch(QStringLiteral("prod"), Build::sampleFleet()); }

private slots:
    void init()
    {
        m_model = std::make_unique<FleetModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_model->setClock([] { return Build::created().addSecs(3 * 3600 + 120); });
        m_model->setEnvironments(environments());
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void insertsRowsWithDerivedColumns()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy counts(m_model.get(), &FleetModel::workloadCountChanged);
        fill();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.at(0).at(1).toInt(), 3);
        QCOMPARE(dump(*m_model),
                 QStringList({QStringLiteral("prod|shop|api|Rollout|Canary|Waiting for promotion "
                                             "at step 2 of 3|2/3|20/0||registry/api:v2|5/5 "
                                             "ready · 1 updated · 5 available|3h2m|||"),
                              QStringLiteral("prod|shop|web|Rollout|Blue-green|Healthy||||"
                                             "registry/web:v1|2/2 ready · 2 updated · 2 "
                                             "available|3h2m|||"),
                              QStringLiteral("prod|infra|redis|Deployment|Rolling update|"
                                             "Progressing — Waiting for deployment \"redis\" "
                                             "rollout to finish: 2 of 3 updated replicas are "
                                             "available...|||7|registry/redis:1.0|2/3 ready · 3 "
                                             "updated · 2 available|3h2m|||")}));
        QCOMPARE(m_model->workloadCount(QStringLiteral("prod")), 3);
        QCOMPARE(m_model->headerData(FleetModel::ReplicasColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Replicas"));
        QCOMPARE(m_model->headerData(FleetModel::ColumnCount, Qt::Horizontal), QVariant());
    }

    void rolesAndColours()
    {
        fill();
        const QModelIndex api = m_model->index(0, FleetModel::StatusColumn);
        QCOMPARE(api.data(FleetModel::PhaseRole).toString(), QStringLiteral("Paused"));
        QCOMPARE(api.data(FleetModel::MessageRole).toString(), QStringLiteral("CanaryPauseStep"));
        QCOMPARE(api.data(FleetModel::KindRole).toString(), QStringLiteral("Rollout"));
        QCOMPARE(api.data(FleetModel::EnvironmentRole).toString(), QStringLiteral("prod"));
        QCOMPARE(api.data(FleetModel::NamespaceRole).toString(), QStringLiteral("shop"));
        QCOMPARE(api.data(FleetModel::NameRole).toString(), QStringLiteral("api"));
        // A pause step without a duration: only a person's promote moves it on.
        QCOMPARE(api.data(FleetModel::RequiresAttentionRole).toBool(), true);
        // The step column numbers steps as the detail does; the plugin's count is the tooltip.
        QCOMPARE(m_model->index(0, FleetModel::StepColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Step 2/3 (kubectl argo rollouts: 1/3 done)"));
        QCOMPARE(api.data(FleetModel::AttentionRole).toInt(),
                 int(FleetRow::Attention::WaitingForPerson));
        QCOMPARE(api.data(FleetModel::AttentionReasonRole).toString(),
                 QStringLiteral("Needs attention: waiting for a person"));
        QCOMPARE(m_model->index(1, 0).data(FleetModel::AttentionRole).toInt(),
                 int(FleetRow::Attention::None));
        QCOMPARE(api.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc7, 0x77, 0x00));
        QCOMPARE(
            m_model->index(1, FleetModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
            QColor(0x2e, 0x7d, 0x32));
        QCOMPARE(
            m_model->index(2, FleetModel::StatusColumn).data(Qt::DecorationRole).value<QColor>(),
            QColor(0x15, 0x65, 0xc0));
        QCOMPARE(m_model->index(0, FleetModel::NameColumn).data(Qt::ForegroundRole), QVariant());
        QCOMPARE(m_model->index(2, FleetModel::KindColumn).data(FleetModel::KindRole).toString(),
                 QStringLiteral("Deployment"));
        QCOMPARE(
            m_model->index(0, FleetModel::ImagesColumn).data(FleetModel::ImagesRole).toStringList(),
            QStringList {QStringLiteral("registry/api:v2")});
        QCOMPARE(m_model->index(0, 0).data(FleetModel::UidRole).toString(),
                 QStringLiteral("uid-shop-api"));
        // The counts the replicas column draws (5 wanted, 5 ready: Build::canary's status).
        QCOMPARE(api.data(FleetModel::DesiredReplicasRole).toInt(), 5);
        QCOMPARE(api.data(FleetModel::ReadyReplicasRole).toInt(), 5);
        // Out of range asks answer nothing.
        QCOMPARE(m_model->index(3, 0).isValid(), false);
        QVERIFY(!m_model->rolloutAt(3));
        QVERIFY(!m_model->deploymentAt(3));
        QVERIFY(!m_model->rolloutAt(2));
        QVERIFY(m_model->deploymentAt(2));
        QCOMPARE(m_model->deploymentAt(2)->metadata.name, QStringLiteral("redis"));
    }

    void degradedAndManualPauseRequireAttention()
    {
        m_model->applyBatch(
            QStringLiteral("prod"),
            Build::upsert({Build::canary(QStringLiteral("a"), QStringLiteral("broken"),
                                         QStringLiteral("Degraded"),
                                         QStringLiteral("RolloutAborted: metric failed")),
                           Build::canary(QStringLiteral("a"), QStringLiteral("held"),
                                         QStringLiteral("Paused"),
                                         QStringLiteral("InconclusiveAnalysisRun"))}));
        QCOMPARE(m_model->index(0, 0).data(FleetModel::RequiresAttentionRole).toBool(), true);
        QCOMPARE(m_model->index(1, 0).data(FleetModel::RequiresAttentionRole).toBool(), true);
        QCOMPARE(m_model->index(0, FleetModel::StatusColumn).data().toString(),
                 QStringLiteral("Failed — aborted: metric failed"));
        QCOMPARE(m_model->index(0, 0).data(FleetModel::AttentionRole).toInt(),
                 int(FleetRow::Attention::Failure));
        QCOMPARE(m_model->index(1, FleetModel::StatusColumn).data().toString(),
                 QStringLiteral("Analysis inconclusive — promote or abort"));
        const FleetModel::AttentionCounts counts = m_model->attentionCounts(QStringLiteral("prod"));
        QCOMPARE(counts.failures, 1);
        QCOMPARE(counts.waiting, 1);
        QCOMPARE(
            m_model->index(0, FleetModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
            QColor(0xc6, 0x28, 0x28));
    }

    void modifyingOneRowChangesOnlyThatRow()
    {
        fill();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        Rollout web = Build::blueGreen(QStringLiteral("shop"), QStringLiteral("web"),
                                       QStringLiteral("Progressing"));
        web.status.message = QStringLiteral("active service cutover pending");
        web.metadata.resourceVersion = QStringLiteral("2");
        m_model->applyBatch(QStringLiteral("prod"), Build::upsert({web}));
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("1-1 c0-14")});
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->index(1, FleetModel::StatusColumn).data().toString(),
                 QStringLiteral("Progressing — switching the active service to the new version"));
    }

    void unchangedObjectSendsNothing()
    {
        fill();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Rollout web = Build::blueGreen(QStringLiteral("shop"), QStringLiteral("web"),
                                       QStringLiteral("Healthy"));
        web.metadata.resourceVersion = QStringLiteral("99"); // only the version moved
        m_model->applyBatch(QStringLiteral("prod"), Build::upsert({web}));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_model->rolloutAt(1)->metadata.resourceVersion, QStringLiteral("99"));
    }

    void replicaSetsDriveWeightRevisionAndImages()
    {
        fill();
        const Rollout api = *m_model->rolloutAt(0);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        WorkloadDeltaBatch batch;
        batch.upserts<ReplicaSet>() = {Build::replicaSet(api, QStringLiteral("stable1"), 3, 4,
                                                         QStringLiteral("registry/api:v1")),
                                       Build::replicaSet(api, QStringLiteral("canary2"), 4, 1,
                                                         QStringLiteral("registry/api:v2"))};
        m_model->applyBatch(QStringLiteral("prod"), batch);
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-0 c0-14")});
        QCOMPARE(m_model->index(0, FleetModel::WeightColumn).data().toString(),
                 QStringLiteral("20/20")); // 1 of 5 available pods run the canary
        QCOMPARE(m_model->index(0, FleetModel::RevisionColumn).data().toString(),
                 QStringLiteral("4"));
        QCOMPARE(m_model->index(0, FleetModel::ImagesColumn).data().toString(),
                 QStringLiteral("registry/api:v1, registry/api:v2"));

        // The canary scales up: only the weight changes.
        changed.clear();
        WorkloadDeltaBatch more;
        more.upserts<ReplicaSet>() = {Build::replicaSet(api, QStringLiteral("canary2"), 4, 2,
                                                        QStringLiteral("registry/api:v2"))};
        m_model->applyBatch(QStringLiteral("prod"), more);
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-0 c0-14")});
        QCOMPARE(m_model->index(0, FleetModel::WeightColumn).data().toString(),
                 QStringLiteral("20/40"));

        // The canary ReplicaSet goes away.
        changed.clear();
        WorkloadDeltaBatch gone;
        gone.deletes<ReplicaSet>() = {QStringLiteral("shop/api-canary2")};
        m_model->applyBatch(QStringLiteral("prod"), gone);
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-0 c0-14")});
        QCOMPARE(m_model->index(0, FleetModel::WeightColumn).data().toString(),
                 QStringLiteral("20/0"));
        QCOMPARE(m_model->index(0, FleetModel::ImagesColumn).data().toString(),
                 QStringLiteral("registry/api:v1"));
    }

    void gateVerdictFillsOnlyItsCell()
    {
        fill();
        const QString uid = m_model->rolloutAt(0)->metadata.uid;
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        FleetModel::GateVerdict verdict;
        verdict.outcome = GateOutcome::Fail;
        verdict.failed = 1;
        verdict.total = 3;
        verdict.summary = QStringLiteral("Fail order success rate: canary 0.94 is below 0.97");
        m_model->setGateVerdict(QStringLiteral("prod"), uid, verdict);
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-0 c12-12")});
        const QModelIndex cell = m_model->index(0, FleetModel::GatesColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("✕ 1 of 3"));
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), verdict.summary);
        QVERIFY(cell.data(Qt::ForegroundRole).value<QColor>().red() > 150);
        // Failing sorts after passing, and a row without a verdict first.
        verdict.outcome = GateOutcome::Pass;
        verdict.failed = 0;
        m_model->setGateVerdict(QStringLiteral("prod"), m_model->rolloutAt(1)->metadata.uid,
                                verdict);
        QCOMPARE(m_model->index(1, FleetModel::GatesColumn).data().toString(),
                 QStringLiteral("✓ 3"));
        QVERIFY(m_model->index(0, FleetModel::GatesColumn).data(FleetModel::SortRole).toInt()
                > m_model->index(1, FleetModel::GatesColumn).data(FleetModel::SortRole).toInt());
        QCOMPARE(m_model->index(2, FleetModel::GatesColumn).data(FleetModel::SortRole).toInt(), -1);
        changed.clear();
        m_model->setGateVerdict(QStringLiteral("prod"), uid, std::nullopt);
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-0 c12-12")});
        QVERIFY(!m_model->index(0, FleetModel::GatesColumn).data().isValid());
        changed.clear();
        m_model->setGateVerdict(QStringLiteral("prod"), uid, std::nullopt); // nothing to clear
        QCOMPARE(changed.size(), 0);
    }

    void deletesRemoveRows()
    {
        fill();
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy counts(m_model.get(), &FleetModel::workloadCountChanged);
        WorkloadDeltaBatch batch;
        batch.deletes<Rollout>() = {QStringLiteral("shop/web"), QStringLiteral("shop/unknown")};
        m_model->applyBatch(QStringLiteral("prod"), batch);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(1, FleetModel::NameColumn).data().toString(),
                 QStringLiteral("redis"));
        QCOMPARE(m_model
                     ->indexOf(QStringLiteral("prod"), FleetRow::Kind::Deployment,
                               QStringLiteral("infra"), QStringLiteral("redis"))
                     .row(),
                 1);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.at(0).at(1).toInt(), 2);

        // Deleting both remaining rows at once: two ranges, the index stays right.
        WorkloadDeltaBatch rest;
        rest.deletes<Rollout>() = {QStringLiteral("shop/api")};
        rest.deletes<Deployment>() = {QStringLiteral("infra/redis")};
        m_model->applyBatch(QStringLiteral("prod"), rest);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->workloadCount(QStringLiteral("prod")), 0);
    }

    void environmentsKeepTheirRowsApart()
    {
        fill();
        m_model->applyBatch(
            QStringLiteral("staging"),
            Build::upsert({Build::canary(QStringLiteral("shop"), QStringLiteral("api"),
                                         QStringLiteral("Healthy"))}));
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->index(3, FleetModel::EnvironmentColumn).data().toString(),
                 QStringLiteral("staging"));
        QCOMPARE(
            m_model->index(3, FleetModel::EnvironmentColumn).data(FleetModel::SortRole).toInt(), 1);
        WorkloadDeltaBatch batch;
        batch.deletes<Rollout>() = {QStringLiteral("shop/api")};
        m_model->applyBatch(QStringLiteral("staging"), batch);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, FleetModel::NameColumn).data().toString(),
                 QStringLiteral("api")); // prod's api stays

        // Dropping an environment from the configuration drops its rows.
        m_model->applyBatch(
            QStringLiteral("staging"),
            Build::upsert({Build::canary(QStringLiteral("shop"), QStringLiteral("api"),
                                         QStringLiteral("Healthy"))}));
        QSignalSpy counts(m_model.get(), &FleetModel::workloadCountChanged);
        m_model->setEnvironments({environments().at(1)});
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->index(0, FleetModel::EnvironmentColumn).data().toString(),
                 QStringLiteral("staging"));
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.at(0).at(0).toString(), QStringLiteral("prod"));
        QCOMPARE(counts.at(0).at(1).toInt(), 0);
    }

    void sortRoleGivesNaturalOrder()
    {
        fill();
        QCOMPARE(m_model->index(0, FleetModel::StatusColumn).data(FleetModel::SortRole).toInt(), 1);
        QCOMPARE(m_model->index(1, FleetModel::StatusColumn).data(FleetModel::SortRole).toInt(), 4);
        QCOMPARE(m_model->index(2, FleetModel::StatusColumn).data(FleetModel::SortRole).toInt(), 2);
        QCOMPARE(m_model->index(0, FleetModel::NameColumn).data(FleetModel::SortRole).toString(),
                 QStringLiteral("api"));
        QCOMPARE(m_model->index(0, FleetModel::StepColumn).data(FleetModel::SortRole).toInt(), 1);
        QCOMPARE(m_model->index(1, FleetModel::StepColumn).data(FleetModel::SortRole).toInt(), -1);
        QCOMPARE(
            m_model->index(2, FleetModel::RevisionColumn).data(FleetModel::SortRole).toLongLong(),
            7);
    }

    void agesFollowTheClock()
    {
        fill();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setClock([] { return Build::created().addDays(3); });
        m_model->refreshAges();
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-2 c11-11")});
        QCOMPARE(m_model->index(0, FleetModel::AgeColumn).data().toString(), QStringLiteral("3d"));
    }
};

QTEST_GUILESS_MAIN(TestFleetModel)
#include "tst_fleetmodel.moc"

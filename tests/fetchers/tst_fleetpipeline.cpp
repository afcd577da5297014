// SPDX-License-Identifier: GPL-3.0-or-later
// FleetFetcher -> FleetModel / EnvironmentModel as the main window wires them, against the
// simulator; the real kubectl changes a Rollout and the model shows it.
#include "fleetsim.h"

#include "environmentmodel.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>

class TestFleetPipeline : public QObject
{
    Q_OBJECT

private:
    FleetSim m_sim;

    QStringList rowNames(const QAbstractItemModel &model)
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            names.append(index.data(FleetModel::EnvironmentRole).toString() + QLatin1Char(' ')
                         + index.data(FleetModel::KindRole).toString() + QLatin1Char(' ')
                         + index.data(FleetModel::NamespaceRole).toString() + QLatin1Char('/')
                         + index.data(FleetModel::NameRole).toString());
        }
        names.sort();
        return names;
    }

    QStringList serverNames()
    {
        QStringList names;
        const QMap<QString, QString> state = m_sim.serverState();
        for (auto it = state.cbegin(); it != state.cend(); ++it) {
            if (it.key().startsWith(QLatin1String("R ")))
                names.append(QStringLiteral("prod Rollout ") + it.key().mid(2));
            else if (it.key().startsWith(QLatin1String("D ")))
                names.append(QStringLiteral("prod Deployment ") + it.key().mid(2));
        }
        names.sort();
        return names;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<WorkloadDeltaBatch>();
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        QJsonObject api = FleetSim::rollout("shop", "api");
        QJsonObject status = api.value(QStringLiteral("status")).toObject();
        status.insert(QStringLiteral("currentPodHash"), QStringLiteral("6f7"));
        status.insert(QStringLiteral("stableRS"), QStringLiteral("6f7"));
        api.insert(QStringLiteral("status"), status);
        m_sim.create(FleetSim::rollouts(), api);
        m_sim.create(FleetSim::rollouts(), FleetSim::rollout("shop", "cart", "Paused"));
        m_sim.create(FleetSim::deployments(), FleetSim::deployment("infra", "redis"));
        // The ReplicaSet of api, owned by its uid, carrying the revision.
        const QString uid
            = m_sim.store()
                  .get(FleetSim::rollouts(), QStringLiteral("shop"), QStringLiteral("api"))
                  ->value(QStringLiteral("metadata"))
                  .toObject()
                  .value(QStringLiteral("uid"))
                  .toString();
        QJsonObject rs = FleetSim::replicaSet("shop", "api-6f7", "6f7");
        QJsonObject meta = rs.value(QStringLiteral("metadata")).toObject();
        meta.insert(
            QStringLiteral("annotations"),
            QJsonObject {{QStringLiteral("rollout.argoproj.io/revision"), QStringLiteral("3")}});
        meta.insert(QStringLiteral("ownerReferences"),
                    QJsonArray {QJsonObject {
                        {QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                        {QStringLiteral("kind"), QStringLiteral("Rollout")},
                        {QStringLiteral("name"), QStringLiteral("api")},
                        {QStringLiteral("uid"), uid},
                        {QStringLiteral("controller"), true}}});
        rs.insert(QStringLiteral("metadata"), meta);
        m_sim.create(FleetSim::replicaSets(), rs);
    }

    void modelsFollowTheFleet()
    {
        const QList<EnvironmentSpec> environments {FleetSim::environment("prod", "east")};
        FleetModel model;
        FleetFilterProxy proxy;
        EnvironmentModel environmentModel;
        QAbstractItemModelTester modelTester(&model);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy);
        QAbstractItemModelTester environmentTester(&environmentModel);
        model.setEnvironments(environments);
        environmentModel.setEnvironments(environments);

        FleetFetcher fetcher(m_sim.kubeconfig(), environments);
        fetcher.setOptions(FleetSim::fastOptions());
        connect(&fetcher, &FleetFetcher::workloadsChanged, &model, &FleetModel::applyBatch);
        connect(&fetcher, &FleetFetcher::stateChanged, &environmentModel,
                &EnvironmentModel::setState);
        connect(&model, &FleetModel::workloadCountChanged, &environmentModel,
                &EnvironmentModel::setWorkloadCount);
        fetcher.start();

        QTRY_COMPARE(rowNames(model), serverNames());
        QTRY_COMPARE(environmentModel.index(0).data().toString(), QStringLiteral("prod — live"));
        QCOMPARE(environmentModel.index(0).data(EnvironmentModel::WorkloadCountRole).toInt(), 3);
        const QModelIndex api = model.indexOf(QStringLiteral("prod"), FleetRow::Kind::Rollout,
                                              QStringLiteral("shop"), QStringLiteral("api"));
        QVERIFY(api.isValid());
        QTRY_COMPARE(api.siblingAtColumn(FleetModel::RevisionColumn).data().toString(),
                     QStringLiteral("3"));
        QCOMPARE(api.siblingAtColumn(FleetModel::StatusColumn).data().toString(),
                 QStringLiteral("Healthy"));
        QCOMPARE(api.siblingAtColumn(FleetModel::StepColumn).data().toString(),
                 QStringLiteral("2/2"));
        QCOMPARE(api.siblingAtColumn(FleetModel::WeightColumn).data().toString(),
                 QStringLiteral("100/100"));

        // A write to the store: only that row changes.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QModelIndex cart = model.indexOf(QStringLiteral("prod"), FleetRow::Kind::Rollout,
                                               QStringLiteral("shop"), QStringLiteral("cart"));
        m_sim.setPhase("shop", "cart", "Degraded");
        QTRY_COMPARE(
            cart.siblingAtColumn(FleetModel::StatusColumn).data(FleetModel::PhaseRole).toString(),
            QStringLiteral("Degraded"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), cart.row());
        QCOMPARE(inserted.size(), 0);
        proxy.setAttentionOnly(true);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setAttentionOnly(false);

        // kubectl pauses api: the generation moves past what the controller observed.
        QProcess kubectl;
        kubectl.start(QStringLiteral("kubectl"),
                      {QStringLiteral("--kubeconfig"), m_sim.simulator().kubeconfigPath(),
                       QStringLiteral("--context"), QStringLiteral("east"), QStringLiteral("-n"),
                       QStringLiteral("shop"), QStringLiteral("patch"), QStringLiteral("rollout"),
                       QStringLiteral("api"), QStringLiteral("--type"), QStringLiteral("merge"),
                       QStringLiteral("-p"), QStringLiteral("{\"spec\":{\"paused\":true}}")});
        QVERIFY(kubectl.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(kubectl.readAllStandardError()), QString());
        QCOMPARE(kubectl.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(kubectl.readAllStandardOutput()),
                 QStringLiteral("rollout.argoproj.io/api patched\n"));
        QTRY_COMPARE(api.siblingAtColumn(FleetModel::StatusColumn).data().toString(),
                     QStringLiteral("Progressing — pausing: the controller has not seen the "
                                    "change yet"));
        QVERIFY(model.rolloutAt(api.row())->spec.paused);

        // Deletion reaches the model and the environment's count.
        m_sim.remove(FleetSim::deployments(), "infra", "redis");
        QTRY_COMPARE(rowNames(model), serverNames());
        QTRY_COMPARE(environmentModel.index(0).data(EnvironmentModel::WorkloadCountRole).toInt(),
                     2);
        fetcher.stop();
    }
};

QTEST_GUILESS_MAIN(TestFleetPipeline)
#include "tst_fleetpipeline.moc"

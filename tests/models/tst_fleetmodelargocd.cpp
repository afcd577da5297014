// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's Argo CD column (models/fleetmodelargocd.cpp): each workload's application, by
// resources, tracking annotation or instance label; the sync state and the health worth
// adding to the Status column; what each batch signals; the tooltip; sorting and the filter.
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "workloadbuilders.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString Prod = QStringLiteral("prod");
const QString Sha = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

ArgoResource resource(const QString &group, const QString &kind, const QString &ns,
                      const QString &name, const QString &sync = QStringLiteral("Synced"))
{
    ArgoResource r;
    r.group = group;
    r.kind = kind;
    r.namespaceName = ns;
    r.name = name;
    r.syncStatus = sync;
    return r;
}

ArgoApplication application(const QString &name, const QString &sync, const QString &health)
{
    ArgoApplication app;
    app.environment = Prod;
    app.instance = QStringLiteral("argocd");
    app.appNamespace = QStringLiteral("argocd");
    app.name = name;
    app.project = QStringLiteral("shop");
    app.syncStatus = sync;
    app.health = health;
    app.syncRevision = Sha;
    ArgoSource source;
    source.targetRevision = QStringLiteral("main");
    app.sources = {source};
    return app;
}

// shop-api lists the api rollout; shop-web names nothing of it (the web rollout's tracking
// annotation names it); infra is named by redis's instance label.
QList<ArgoApplication> applications()
{
    ArgoApplication api = application(QStringLiteral("shop-api"), QStringLiteral("Synced"),
                                      QStringLiteral("Suspended"));
    api.resources = {resource(QStringLiteral("argoproj.io"), QStringLiteral("Rollout"),
                              QStringLiteral("shop"), QStringLiteral("api"))};
    api.operation.phase = QStringLiteral("Succeeded");
    api.operation.initiatedBy.username = QStringLiteral("admin");
    ArgoApplication web = application(QStringLiteral("shop-web"), QStringLiteral("OutOfSync"),
                                      QStringLiteral("Healthy"));
    web.resources = {resource(QString(), QStringLiteral("Service"), QStringLiteral("shop"),
                              QStringLiteral("web"), QStringLiteral("OutOfSync")),
                     resource(QString(), QStringLiteral("ConfigMap"), QStringLiteral("shop"),
                              QStringLiteral("web"), QStringLiteral("OutOfSync"))};
    ArgoApplication infra = application(QStringLiteral("infra"), QStringLiteral("Synced"),
                                        QStringLiteral("Progressing"));
    infra.operation.phase = QStringLiteral("Running");
    infra.operation.initiatedBy.automated = true;
    return {api, web, infra};
}

ArgoAppBatch batchOf(const QList<ArgoApplication> &upserts, bool reset = false,
                     const QStringList &removed = {})
{
    ArgoAppBatch batch;
    batch.environment = Prod;
    batch.instance = QStringLiteral("argocd");
    batch.reset = reset;
    batch.upserts = upserts;
    batch.removedKeys = removed;
    return batch;
}

// Each dataChanged as "rows first-last c<first column>-<last column>".
QStringList changedRanges(const QSignalSpy &spy)
{
    QStringList ranges;
    for (const QList<QVariant> &args : spy) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        ranges.append(QStringLiteral("%1-%2 c%3-%4")
                          .arg(from.row())
                          .arg(to.row())
                          .arg(from.column())
                          .arg(to.column()));
    }
    return ranges;
}

} // namespace

class TestFleetModelArgoCd : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FleetModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    const int Column = FleetModel::ArgoCdColumn;

    // api (paused canary), web (healthy blue-green, annotated), cart (a Helm release's
    // label, no application) and redis (progressing Deployment, labelled "infra"), rows 0-3.
    WorkloadDeltaBatch fleet() const
    {
        Rollout web = Build::blueGreen(QStringLiteral("shop"), QStringLiteral("web"),
                                       QStringLiteral("Healthy"));
        web.metadata.annotations.insert(ArgoWorkloadIndex::trackingAnnotation(),
                                        QStringLiteral("shop-web:argoproj.io/Rollout:shop/web"));
        Rollout cart = Build::blueGreen(QStringLiteral("shop"), QStringLiteral("cart"),
                                        QStringLiteral("Healthy"));
        cart.metadata.labels.insert(ArgoWorkloadIndex::instanceLabel(),
                                    QStringLiteral("cart-release"));
        Deployment redis
            = Build::deployment(QStringLiteral("infra"), QStringLiteral("redis"), 3, 3, 2);
        redis.metadata.labels.insert(ArgoWorkloadIndex::instanceLabel(), QStringLiteral("infra"));
        return Build::upsert(
            {Build::canary(QStringLiteral("shop"), QStringLiteral("api"), QStringLiteral("Paused"),
                           QStringLiteral("CanaryPauseStep")),
             web, cart},
            {redis});
    }
    QModelIndex cell(const QString &name) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(FleetModel::NameRole).toString() == name)
                return m_model->index(row, Column);
        }
        return QModelIndex();
    }
    QString text(const QString &name) const { return cell(name).data().toString(); }
    QStringList texts() const
    {
        return {text(QStringLiteral("api")), text(QStringLiteral("web")),
                text(QStringLiteral("cart")), text(QStringLiteral("redis"))};
    }

private slots:
    void init()
    {
        m_model = std::make_unique<FleetModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_model->setClock([] { return Build::created().addSecs(3600); });
        m_model->setEnvironments(
            {EnvironmentSpec {Prod, QStringLiteral("prod-ctx"), {}, {}, false, 0, {}},
             EnvironmentSpec {
                 QStringLiteral("staging"), QStringLiteral("stg"), {}, {}, false, 1, {}}});
        m_model->applyBatch(Prod, fleet());
        QCOMPARE(m_model->rowCount(), 4);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void linksByResourcesAnnotationAndLabel()
    {
        QCOMPARE(m_model->headerData(Column, Qt::Horizontal).toString(), QStringLiteral("Argo CD"));
        QCOMPARE(texts(), QStringList({QString(), QString(), QString(), QString()}));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelAboutToBeReset);
        m_model->setApplications(batchOf(applications(), true));
        // The paused rollout's Suspended agrees with its status; the Deployment's Progressing
        // too: neither repeats it. cart's label names a Helm release, no application.
        QCOMPARE(texts(),
                 QStringList({QStringLiteral("✓ Synced"), QStringLiteral("⟳ Out of sync"),
                              QString(), QStringLiteral("↻ Syncing")}));
        // Only the linked rows' Argo CD cells: rows 0-1 and 3, no reset.
        QCOMPARE(changedRanges(changed),
                 QStringList({QStringLiteral("0-1 c13-13"), QStringLiteral("3-3 c13-13")}));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(cell(QStringLiteral("api")).data(FleetModel::ArgoCdTermsRole).toStringList(),
                 QStringList({"shop-api", "Synced", "Suspended", "✓ Synced"}));
        QVERIFY(cell(QStringLiteral("cart")).data(FleetModel::ArgoCdTermsRole).isNull());
        QVERIFY(cell(QStringLiteral("cart")).data(Qt::ToolTipRole).isNull());
        QVERIFY(cell(QStringLiteral("cart")).data(Qt::ForegroundRole).isNull());
        // Another environment's applications link nothing here.
        ArgoAppBatch staging = batchOf(applications(), true);
        staging.environment = QStringLiteral("staging");
        for (ArgoApplication &app : staging.upserts) {
            app.environment = staging.environment;
            app.syncStatus = QStringLiteral("Unknown");
        }
        changed.clear();
        m_model->setApplications(staging);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(text(QStringLiteral("api")), QStringLiteral("✓ Synced"));
    }

    void tooltipsSayWhatArgoCdSays()
    {
        m_model->setApplications(batchOf(applications(), true));
        QCOMPARE(cell(QStringLiteral("api")).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Argo CD application shop-api (argocd, project shop)\n"
                                "Sync: Synced\n"
                                "Revision 0123456 (target main)\n"
                                "Health: Suspended\n"
                                "Last operation: Succeeded, started by admin\n"
                                "Argo CD calls a paused Rollout Suspended: the same pause the "
                                "Status column shows."));
        QCOMPARE(cell(QStringLiteral("web")).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Argo CD application shop-web (argocd, project shop)\n"
                                "Sync: Out of sync, 2 resources out of sync\n"
                                "Revision 0123456 (target main)\n"
                                "Health: Healthy\n"
                                "Linked by its annotation argocd.argoproj.io/tracking-id"));
        QCOMPARE(cell(QStringLiteral("redis")).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Argo CD application infra (argocd, project shop)\n"
                                "Sync: Synced\n"
                                "Revision 0123456 (target main)\n"
                                "Health: Progressing\n"
                                "Last operation: Running, started by auto-sync\n"
                                "Linked by its label app.kubernetes.io/instance"));
    }

    void healthThatContradictsIsShownAndExplained()
    {
        QList<ArgoApplication> apps = applications();
        apps[1].health = QStringLiteral("Degraded"); // web: our status says Healthy
        apps[1].healthMessage = QStringLiteral("Service web has no endpoints");
        apps[0].health = QStringLiteral("Healthy"); // api: Argo CD has not seen the pause
        apps[2].operation.phase = QStringLiteral("Failed");
        apps[2].operation.message = QStringLiteral("one or more objects failed to apply");
        m_model->setApplications(batchOf(apps, true));
        QCOMPARE(
            texts(),
            QStringList({QStringLiteral("✓ Synced"), QStringLiteral("⟳ Out of sync · Degraded"),
                         QString(), QStringLiteral("✕ Sync failed")}));
        const QString web = cell(QStringLiteral("web")).data(Qt::ToolTipRole).toString();
        QVERIFY2(web.contains(QStringLiteral("Health: Degraded — Service web has no endpoints\n"
                                             "Argo CD's health covers all of the application's "
                                             "resources as of its last refresh; the Status column "
                                             "is this Rollout's own, live.")),
                 qPrintable(web));
        // Healthy beside a paused rollout is not shown in the cell, but said in the tooltip.
        QVERIFY(cell(QStringLiteral("api"))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("the Status column is this Rollout's own, live.")));
        QVERIFY(cell(QStringLiteral("redis"))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Last operation: Failed, started by auto-sync — "
                                             "one or more objects failed to apply")));
        // The Status column's colours: red for a failure, green when synced, amber for drift.
        QCOMPARE(cell(QStringLiteral("redis")).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xc6, 0x28, 0x28));
        QCOMPARE(cell(QStringLiteral("web")).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xc6, 0x28, 0x28));
        QCOMPARE(cell(QStringLiteral("api")).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0x2e, 0x7d, 0x32));
        apps[1].health = QStringLiteral("Healthy");
        m_model->setApplications(batchOf({apps[1]}));
        QCOMPARE(cell(QStringLiteral("web")).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xc7, 0x77, 0x00));
    }

    void batchesSignalOnlyTheCellsTheyChange()
    {
        QList<ArgoApplication> apps = applications();
        m_model->setApplications(batchOf(apps, true));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelAboutToBeReset);
        // A reconcile that changes nothing shown.
        apps[0].reconciledAtMs = 1234;
        apps[0].resourceVersion = QStringLiteral("2");
        m_model->setApplications(batchOf({apps[0]}));
        QCOMPARE(changed.size(), 0);
        // A sync starts on shop-web.
        apps[1].operation.phase = QStringLiteral("Running");
        m_model->setApplications(batchOf({apps[1]}));
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("1-1 c13-13")});
        QCOMPARE(text(QStringLiteral("web")), QStringLiteral("↻ Syncing"));
        // Removed: the cell empties.
        changed.clear();
        m_model->setApplications(batchOf({}, false, {apps[2].key()}));
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("3-3 c13-13")});
        QCOMPARE(text(QStringLiteral("redis")), QString());
        // A reset that no longer lists shop-api; shop-web unchanged sends nothing.
        changed.clear();
        m_model->setApplications(batchOf({apps[1]}, true));
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-0 c13-13")});
        QCOMPARE(texts(),
                 QStringList({QString(), QStringLiteral("↻ Syncing"), QString(), QString()}));
        // shop-web starts listing the api rollout too: the link moves, that cell changes.
        changed.clear();
        apps[1].resources.append(resource(QStringLiteral("argoproj.io"), QStringLiteral("Rollout"),
                                          QStringLiteral("shop"), QStringLiteral("api")));
        m_model->setApplications(batchOf({apps[1]}));
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-0 c13-13")});
        QCOMPARE(text(QStringLiteral("api")), QStringLiteral("↻ Syncing"));
        QCOMPARE(reset.size(), 0);
    }

    void aLostServerIsMarkedNotLive()
    {
        const QList<ArgoApplication> apps = applications();
        m_model->setApplications(batchOf(apps, true));
        const QString instance = apps.first().instance;
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setArgoCdServerProblem(Prod, instance, QStringLiteral("Cannot reach the server"));
        // Every prod row's Argo CD cell, no other column.
        QCOMPARE(changedRanges(changed), QStringList {QStringLiteral("0-3 c13-13")});
        QCOMPARE(text(QStringLiteral("api")), QStringLiteral("✓ Synced · not live"));
        QVERIFY(cell(QStringLiteral("api"))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Argo CD %1 cannot be reached: Cannot reach the "
                                               "server\nWhat follows is what it said last.")
                                    .arg(instance)));
        QCOMPARE(cell(QStringLiteral("api")).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0x75, 0x75, 0x75));
        // The same word again changes nothing; live again restores the cell.
        changed.clear();
        m_model->setArgoCdServerProblem(Prod, instance, QStringLiteral("Cannot reach the server"));
        QCOMPARE(changed.size(), 0);
        m_model->setArgoCdServerProblem(Prod, instance, QString());
        QCOMPARE(text(QStringLiteral("api")), QStringLiteral("✓ Synced"));
    }

    void rowsAddedLaterAreLinked()
    {
        m_model->setApplications(batchOf(applications(), true));
        Rollout api2 = Build::canary(QStringLiteral("shop"), QStringLiteral("api2"),
                                     QStringLiteral("Healthy"));
        api2.metadata.annotations.insert(ArgoWorkloadIndex::trackingAnnotation(),
                                         QStringLiteral("shop-api:argoproj.io/Rollout:shop/api2"));
        m_model->applyBatch(Prod, Build::upsert({api2}));
        QCOMPARE(text(QStringLiteral("api2")), QStringLiteral("✓ Synced · Suspended"));
        // Its environment going stale greys the cell like the rest of the row.
        ConnectionState down;
        down.kind = ConnectionState::Unreachable;
        down.reason = QStringLiteral("connection refused");
        m_model->setConnectionState(Prod, down);
        QCOMPARE(cell(QStringLiteral("api2")).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0x8a, 0x8a, 0x8a));
        QCOMPARE(text(QStringLiteral("api2")), QStringLiteral("✓ Synced · Suspended"));
        // An environment removed from the list takes its applications along.
        m_model->setEnvironments({});
        m_model->setEnvironments({EnvironmentSpec {Prod, QString(), {}, {}, false, 0, {}}});
        m_model->applyBatch(Prod, fleet());
        QCOMPARE(text(QStringLiteral("api")), QString());
    }

    void sortsWhatNeedsAPersonFirstAndFilters()
    {
        FleetFilterProxy proxy;
        QAbstractItemModelTester proxyTester(&proxy);
        proxy.setSourceModel(m_model.get());
        QList<ArgoApplication> apps = applications();
        apps[2].operation.phase = QStringLiteral("Error"); // infra
        m_model->setApplications(batchOf(apps, true));
        proxy.sort(Column, Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order.append(proxy.index(row, 0).data(FleetModel::NameRole).toString());
        // Failed, drifted, synced, then the workload no application manages.
        QCOMPARE(order, QStringList({"redis", "web", "api", "cart"}));
        proxy.setFilterText(QStringLiteral("outofsync"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(FleetModel::NameRole).toString(), QStringLiteral("web"));
        // The filter follows the applications.
        apps[0].syncStatus = QStringLiteral("OutOfSync");
        m_model->setApplications(batchOf({apps[0]}));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText(QStringLiteral("out of sync"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText(QStringLiteral("shop-web"));
        QCOMPARE(proxy.rowCount(), 1);
    }
};

QTEST_MAIN(TestFleetModelArgoCd)
#include "tst_fleetmodelargocd.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// ArgoWorkloadIndex: which Argo CD application manages a workload, by the applications'
// status.resources, else by the workload's tracking annotation or instance label; and how
// one server's batches (reset, upserts, removals) change what it holds.

#include "argoworkloadindex.h"
#include "objectmeta.h"

#include <QTest>

namespace {

const QString Prod = QStringLiteral("prod");

ArgoResourceRef rollout(const QString &ns, const QString &name)
{
    return {QStringLiteral("argoproj.io"), QStringLiteral("Rollout"), ns, name};
}

ArgoResource listed(const ArgoResourceRef &ref)
{
    ArgoResource resource;
    resource.group = ref.group;
    resource.kind = ref.kind;
    resource.namespaceName = ref.namespaceName;
    resource.name = ref.name;
    resource.syncStatus = QStringLiteral("Synced");
    return resource;
}

ArgoApplication application(const QString &instance, const QString &appNamespace,
                            const QString &name, const QList<ArgoResourceRef> &resources = {})
{
    ArgoApplication app;
    app.environment = Prod;
    app.instance = instance;
    app.appNamespace = appNamespace;
    app.name = name;
    app.syncStatus = QStringLiteral("Synced");
    for (const ArgoResourceRef &ref : resources)
        app.resources.append(listed(ref));
    return app;
}

ArgoAppBatch batchOf(const QString &instance, const QList<ArgoApplication> &upserts,
                     bool reset = false, const QStringList &removed = {})
{
    ArgoAppBatch batch;
    batch.environment = Prod;
    batch.instance = instance;
    batch.reset = reset;
    batch.upserts = upserts;
    batch.removedKeys = removed;
    return batch;
}

ObjectMeta metaOf(const ArgoResourceRef &ref, const QString &tracking = QString(),
                  const QString &instanceLabel = QString())
{
    ObjectMeta meta;
    meta.namespaceName = ref.namespaceName;
    meta.name = ref.name;
    if (!tracking.isEmpty())
        meta.annotations.insert(ArgoWorkloadIndex::trackingAnnotation(), tracking);
    if (!instanceLabel.isEmpty())
        meta.labels.insert(ArgoWorkloadIndex::instanceLabel(), instanceLabel);
    return meta;
}

QStringList sorted(const QSet<QString> &keys)
{
    QStringList list(keys.cbegin(), keys.cend());
    list.sort();
    return list;
}

} // namespace

class TestArgoWorkloadIndex : public QObject
{
    Q_OBJECT

private slots:
    void parsesTrackingIds_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("instanceName");
        QTest::addColumn<QString>("resource");
        const auto row = [](const char *tag, const char *value, bool valid,
                            const char *instance = "", const char *resource = "") {
            QTest::newRow(tag) << QString::fromUtf8(value) << valid << QString::fromUtf8(instance)
                               << QString::fromUtf8(resource);
        };
        row("rollout", "shop-api:argoproj.io/Rollout:shop/api", true, "shop-api",
            "argoproj.io|Rollout|shop|api");
        row("app outside argocd's namespace", "team-a_shop-api:apps/Deployment:shop/web", true,
            "team-a_shop-api", "apps|Deployment|shop|web");
        row("core group", "infra:/ConfigMap:infra/settings", true, "infra",
            "|ConfigMap|infra|settings");
        row("no parts", "shop-api", false);
        row("two parts", "shop-api:argoproj.io/Rollout", false);
        row("kind without group", "shop-api:Rollout:shop/api", false);
        row("name without namespace", "shop-api:argoproj.io/Rollout:api", false);
        row("extra slash", "shop-api:argoproj.io/v1/Rollout:shop/api", false);
    }
    void parsesTrackingIds()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const std::optional<ArgoTrackingId> id = ArgoTrackingId::parse(value);
        QCOMPARE(id.has_value(), valid);
        if (!valid)
            return;
        QFETCH(QString, instanceName);
        QFETCH(QString, resource);
        QCOMPARE(id->instanceName, instanceName);
        const QString parsed = QStringList {id->resource.group, id->resource.kind,
                                            id->resource.namespaceName, id->resource.name}
                                   .join(QLatin1Char('|'));
        QCOMPARE(parsed, resource);
    }

    void linksByResourcesFirst()
    {
        ArgoWorkloadIndex index;
        index.apply(batchOf(QStringLiteral("argocd"),
                            {application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                         QStringLiteral("shop"), {rollout("shop", "api")}),
                             application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                         QStringLiteral("other"))}));
        // The application that lists it wins over a label naming another one.
        const ArgoWorkloadLink link
            = index.link(rollout("shop", "api"),
                         metaOf(rollout("shop", "api"), QString(), QStringLiteral("other")));
        QCOMPARE(link.applicationKey, QStringLiteral("prod/argocd/argocd/shop"));
        QCOMPARE(link.source, ArgoLinkSource::Resources);
        QCOMPARE(index.application(link.applicationKey)->name, QStringLiteral("shop"));
        // Another kind of the same name is not listed.
        const ArgoResourceRef deployment {QStringLiteral("apps"), QStringLiteral("Deployment"),
                                          QStringLiteral("shop"), QStringLiteral("api")};
        QVERIFY(!index.link(deployment, metaOf(deployment)).isValid());
    }

    void linksByTrackingAnnotation()
    {
        ArgoWorkloadIndex index;
        index.apply(batchOf(QStringLiteral("argocd"),
                            {application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                         QStringLiteral("checkout")),
                             application(QStringLiteral("argocd"), QStringLiteral("team-a"),
                                         QStringLiteral("checkout"))}));
        const ArgoResourceRef ref = rollout("shop", "checkout");
        // "<appNamespace>_<name>" names the application outside Argo CD's namespace.
        ArgoWorkloadLink link = index.link(
            ref, metaOf(ref, QStringLiteral("team-a_checkout:argoproj.io/Rollout:shop/checkout")));
        QCOMPARE(link.applicationKey, QStringLiteral("prod/argocd/team-a/checkout"));
        QCOMPARE(link.source, ArgoLinkSource::TrackingAnnotation);
        // A bare "checkout" could be either application here: nothing rather than a guess.
        link = index.link(
            ref, metaOf(ref, QStringLiteral("checkout:argoproj.io/Rollout:shop/checkout")));
        QVERIFY(!link.isValid());
        index.apply(batchOf(QStringLiteral("argocd"), {}, false,
                            {QStringLiteral("prod/argocd/team-a/checkout")}));
        link = index.link(
            ref, metaOf(ref, QStringLiteral("checkout:argoproj.io/Rollout:shop/checkout")));
        QCOMPARE(link.applicationKey, QStringLiteral("prod/argocd/argocd/checkout"));
        // Copied from another object (here a Deployment): Argo CD ignores it, so do we.
        QVERIFY(
            !index.link(ref, metaOf(ref, QStringLiteral("checkout:apps/Deployment:shop/checkout")))
                 .isValid());
        // Malformed: no link, and no crash.
        QVERIFY(!index.link(ref, metaOf(ref, QStringLiteral("checkout"))).isValid());
    }

    void linksByInstanceLabelOnlyToAnApplication()
    {
        ArgoWorkloadIndex index;
        index.apply(batchOf(QStringLiteral("argocd"),
                            {application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                         QStringLiteral("payments"))}));
        const ArgoResourceRef ref = rollout("payments", "gateway");
        const ArgoWorkloadLink link
            = index.link(ref, metaOf(ref, QString(), QStringLiteral("payments")));
        QCOMPARE(link.applicationKey, QStringLiteral("prod/argocd/argocd/payments"));
        QCOMPARE(link.source, ArgoLinkSource::InstanceLabel);
        // Helm sets the same label to its release name: no such application, no link.
        QVERIFY(
            !index.link(ref, metaOf(ref, QString(), QStringLiteral("gateway-release"))).isValid());
        // A copied annotation falls back to the label.
        QCOMPARE(index
                     .link(ref,
                           metaOf(ref, QStringLiteral("payments:argoproj.io/Rollout:other/x"),
                                  QStringLiteral("payments")))
                     .source,
                 ArgoLinkSource::InstanceLabel);
        QVERIFY(!index.link(ref, metaOf(ref)).isValid());
    }

    void metadataChoosesAmongApplicationsListingTheSameName()
    {
        // One Argo CD deploying to two clusters: both applications list shop/checkout.
        ArgoWorkloadIndex index;
        const ArgoResourceRef ref = rollout("shop", "checkout");
        index.apply(batchOf(QStringLiteral("argocd"),
                            {application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                         QStringLiteral("checkout-prod"), {ref}),
                             application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                         QStringLiteral("checkout-staging"), {ref})}));
        QVERIFY(!index.link(ref, metaOf(ref)).isValid());
        const ArgoWorkloadLink link = index.link(
            ref, metaOf(ref, QStringLiteral("checkout-prod:argoproj.io/Rollout:shop/checkout")));
        QCOMPARE(link.applicationKey, QStringLiteral("prod/argocd/argocd/checkout-prod"));
        QCOMPARE(link.source, ArgoLinkSource::TrackingAnnotation);
        // Metadata naming a third application that does not list it decides nothing.
        index.apply(batchOf(QStringLiteral("argocd"),
                            {application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                         QStringLiteral("third"))}));
        QVERIFY(!index.link(ref, metaOf(ref, QString(), QStringLiteral("third"))).isValid());
    }

    void batchesResetUpsertAndRemovePerServer()
    {
        ArgoWorkloadIndex index;
        const ArgoResourceRef api = rollout("shop", "api");
        ArgoApplication shop = application(QStringLiteral("argocd"), QStringLiteral("argocd"),
                                           QStringLiteral("shop"), {api});
        const ArgoApplication infra = application(
            QStringLiteral("argocd"), QStringLiteral("argocd"), QStringLiteral("infra"));
        const ArgoApplication platform = application(
            QStringLiteral("platform"), QStringLiteral("argocd"), QStringLiteral("platform"));
        QCOMPARE(sorted(index.apply(batchOf(QStringLiteral("argocd"), {shop, infra}, true))),
                 QStringList({"prod/argocd/argocd/infra", "prod/argocd/argocd/shop"}));
        index.apply(batchOf(QStringLiteral("platform"), {platform}, true));
        QCOMPARE(index.size(), 3);

        // The same value again: nothing changed.
        QVERIFY(index.apply(batchOf(QStringLiteral("argocd"), {shop})).isEmpty());
        // A field the caller does not show changes: it is kept, but not reported.
        shop.reconciledAtMs = 1000;
        const auto onlySync = [](const ArgoApplication &a, const ArgoApplication &b) {
            return a.syncStatus != b.syncStatus;
        };
        QVERIFY(index.apply(batchOf(QStringLiteral("argocd"), {shop}), onlySync).isEmpty());
        QCOMPARE(index.application(shop.key())->reconciledAtMs, 1000);
        shop.syncStatus = QStringLiteral("OutOfSync");
        QCOMPARE(sorted(index.apply(batchOf(QStringLiteral("argocd"), {shop}), onlySync)),
                 QStringList {shop.key()});

        // The application stops listing the rollout: the link goes with it.
        shop.resources.clear();
        index.apply(batchOf(QStringLiteral("argocd"), {shop}));
        QVERIFY(!index.link(api, metaOf(api)).isValid());

        // A reset of one server drops its applications it no longer lists, not another's.
        QCOMPARE(sorted(index.apply(batchOf(QStringLiteral("argocd"), {shop}, true))),
                 QStringList {infra.key()});
        QVERIFY(index.application(platform.key()));
        QVERIFY(!index.application(infra.key()));
        // Removing an unknown key changes nothing.
        QCOMPARE(sorted(index.apply(batchOf(QStringLiteral("platform"), {}, false,
                                            {platform.key(), QStringLiteral("prod/x/y/z")}))),
                 QStringList {platform.key()});
        QCOMPARE(index.size(), 1);
        index.apply(batchOf(QStringLiteral("argocd"), {}, true));
        QVERIFY(index.isEmpty());
        QVERIFY(!index.link(api, metaOf(api, QString(), QStringLiteral("shop"))).isValid());
    }
};

QTEST_GUILESS_MAIN(TestArgoWorkloadIndex)
#include "tst_argoworkloadindex.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetLister against rd-sim in process: every safety-net kind read
// and decoded as the server stores it (its own Trivy and Kyverno reports beside objects loaded
// from tests/data/safetynets), paging past one page, families the cluster does not serve,
// a user who may not read PolicyReports, Gatekeeper kinds found through discovery, and Falco
// counts from the simulator's Prometheus through the service proxy. (SafetyNetsFetcher:
// tst_safetynetsfetcher.)
#include "kubeconfigloader.h"
#include "safetynetfalco.h"
#include "safetynetlister.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QFile>
#include <QTest>

#include <memory>

using namespace rdsim;

namespace {

// east serves everything; west has no Trivy Operator and no Gatekeeper. east's "nopolicy"
// user may read every safety-net group but wgpolicyk8s.io. Two rollouts whose pods Falco
// alerts on: checkout in shop and builder in ci (which shop's counts must leave out).
const char *scenarioYaml = R"(
clock: { speed: 1 }
clusters:
  - name: east
    namespaces: [shop, ci]
    users:
      - { name: admin, clientCertificate: true,
          rules: [ { verbs: ["*"], apiGroups: ["*"], resources: ["*"] } ] }
      - name: nopolicy
        token: nopolicy-secret-token
        rules:
          - verbs: [get, list, watch]
            apiGroups: ["", apps, argoproj.io, aquasecurity.github.io, constraints.gatekeeper.sh,
                        tekton.dev, k6.io, litmuschaos.io, chaos-mesh.org, core.openfeature.dev]
            resources: ["*"]
    metrics:
      - { namespace: shop, rollout: checkout, falco: [ { rule: "Read sensitive file untrusted",
          priority: Warning, perHour: 3600, canaryOnly: false } ] }
      - { namespace: ci, rollout: builder, falco: [ { rule: "Terminal shell in container",
          priority: Notice, perHour: 3600, canaryOnly: false } ] }
    objects:
%1%2  - name: west
    namespaces: [shop, ci]
    serves: { trivy: false, gatekeeper: false }
    users:
      - { name: admin, clientCertificate: true,
          rules: [ { verbs: ["*"], apiGroups: ["*"], resources: ["*"] } ] }
    objects:
%1)";

QString rolloutYaml(const char *ns, const char *name)
{
    return QStringLiteral(R"(      - apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: { name: %2, namespace: %1 }
        spec:
          replicas: 2
          selector: { matchLabels: { app: %2 } }
          template:
            metadata: { labels: { app: %2 } }
            spec: { containers: [ { name: %2, image: "ghcr.io/acme/%2:1.0.0" } ] }
          strategy: { canary: { steps: [ { setWeight: 50 }, { pause: {} } ] } }
)")
        .arg(QLatin1String(ns), QLatin1String(name));
}

QJsonArray dataItems(const QString &file)
{
    QFile in(QStringLiteral(RD_TEST_DATA_DIR "/safetynets/") + file);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    return QJsonDocument::fromJson(in.readAll()).object().value(QStringLiteral("items")).toArray();
}

using State = SafetyNetSourceState::State;

} // namespace

class TestSafetyNetLister : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_sim;
    Kubeconfig m_kubeconfig;

    ObjectStore &store(const QString &cluster) { return m_sim->cluster(cluster)->store(); }
    static const ResourceType &type(const char *group, const char *plural)
    {
        return *ResourceCatalog::find(QLatin1String(group), QLatin1String(plural));
    }
    int stored(const QString &cluster, const char *group, const char *plural,
               const QString &ns = QString())
    {
        return int(store(cluster).list(type(group, plural), ns).size());
    }

    // The items of a data file, in namespace ns (cluster-scoped kinds: ns ignored).
    void load(const QString &cluster, const QString &file, const char *group, const char *plural,
              const QString &ns)
    {
        const ResourceType &t = type(group, plural);
        const QJsonArray items = dataItems(file);
        const auto namespaceOf = [](const QJsonValue &item) {
            return item[QStringLiteral("metadata")][QStringLiteral("namespace")].toString();
        };
        const QString moved = namespaceOf(items.first()); // others stay where they are
        for (const QJsonValue &value : items) {
            QJsonObject item = value.toObject();
            QJsonObject metadata = item.value(QStringLiteral("metadata")).toObject();
            if (t.namespaced && namespaceOf(value) == moved)
                metadata.insert(QStringLiteral("namespace"), ns);
            item.insert(QStringLiteral("metadata"), metadata);
            const StoreResult result = store(cluster).load(t, item);
            QVERIFY2(result.ok(), qPrintable(file + QLatin1String(": ") + result.error.message));
        }
    }

    void loadAll(const QString &cluster)
    {
        struct Data
        {
            const char *file, *group, *plural, *ns;
            bool eastOnly; // west serves no Trivy and no Gatekeeper
        };
        const Data data[] = {
            {"vulnerabilityreports", "aquasecurity.github.io", "vulnerabilityreports", "shop",
             true},
            {"configauditreports", "aquasecurity.github.io", "configauditreports", "shop", true},
            {"gatekeeper-k8srequiredlabels", "constraints.gatekeeper.sh", "k8srequiredlabels", "",
             true},
            {"policyreports", "wgpolicyk8s.io", "policyreports", "shop", false},
            {"clusterpolicyreports", "wgpolicyk8s.io", "clusterpolicyreports", "", false},
            {"workflows", "argoproj.io", "workflows", "ci", false},
            {"pipelineruns", "tekton.dev", "pipelineruns", "ci", false},
            {"taskruns", "tekton.dev", "taskruns", "ci", false},
            {"k6-testruns", "k6.io", "testruns", "shop", false},
            {"litmus-chaosresults", "litmuschaos.io", "chaosresults", "shop", false},
            {"chaosmesh-podchaos", "chaos-mesh.org", "podchaos", "shop", false},
            {"featureflags", "core.openfeature.dev", "featureflags", "shop", false},
        };
        for (const Data &d : data) {
            if (!d.eastOnly || cluster == QLatin1String("east"))
                load(cluster, QLatin1String(d.file) + QLatin1String(".json"), d.group, d.plural,
                     QLatin1String(d.ns));
        }
    }

    EnvironmentSpec environment(const QString &context) const
    {
        EnvironmentSpec spec;
        spec.name = context;
        spec.context = context;
        spec.safetyNets.ciNamespaces = {QStringLiteral("ci")};
        return spec;
    }

    qint64 nowMs() const { return m_sim->clock().nowMs(); }

    // The last ten virtual minutes: the pods' whole life.
    SafetyNetInventory list(const EnvironmentSpec &spec)
    {
        return SafetyNetLister(m_kubeconfig, spec)
            .list(QStringLiteral("shop"), nowMs() - 600000, nowMs());
    }

    static QString states(const SafetyNetInventory &inventory)
    {
        QStringList out;
        for (const SafetyNetSourceState &s : inventory.sources)
            out << QString::number(int(s.state)) + QLatin1Char(' ') + s.detail;
        return out.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        const QString checkout = rolloutYaml("shop", "checkout");
        const QByteArray yaml
            = QString::fromUtf8(scenarioYaml).arg(checkout, rolloutYaml("ci", "builder")).toUtf8();
        Scenario scenario;
        QString error;
        QVERIFY2(Scenario::fromYaml(yaml, QStringLiteral("safetynets.yaml"), &scenario, &error),
                 qPrintable(error));
        SimulatorOptions options;
        options.runControllers = false;
        m_sim = std::make_unique<Simulator>(scenario, options);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        KubeconfigSource source;
        source.explicitPath = m_sim->kubeconfigPath();
        QVERIFY2(KubeconfigLoader::load(source, &m_kubeconfig, &error), qPrintable(error));
        // Two virtual minutes: ReplicaSets, pods, their reports and Falco's counts.
        for (int i = 0; i < 120; ++i) {
            m_sim->clock().advance(1000);
            m_sim->reconcileOnce();
        }
        loadAll(QStringLiteral("east"));
        loadAll(QStringLiteral("west"));
    }

    void everySourceLoaded();
    void pagesPastTheFirst();
    void unservedFamiliesAreNotServed();
    void forbiddenPolicyReports();
    void falcoCountsOfTheNamespacesPods();
    void falcoNotAsked();
};

void TestSafetyNetLister::everySourceLoaded()
{
    const SafetyNetInventory inventory = list(environment(QStringLiteral("east")));
    QCOMPARE(inventory.environment, QStringLiteral("east"));
    QCOMPARE(inventory.namespace_, QStringLiteral("shop"));
    for (const SafetyNetSourceState &source : inventory.sources)
        QVERIFY2(source.state == State::Loaded && source.fetchedMs > 0,
                 qPrintable(states(inventory)));

    const QString east = QStringLiteral("east");
    const QString shop = QStringLiteral("shop");
    // The simulator's own Trivy reports (one per container of each ReplicaSet) and the
    // loaded ones; Kyverno's PolicyReports per Rollout, ReplicaSet and pod and the loaded one.
    QVERIFY(stored(east, "aquasecurity.github.io", "vulnerabilityreports", shop) > 2);
    QCOMPARE(inventory.vulnerabilityReports.size(),
             stored(east, "aquasecurity.github.io", "vulnerabilityreports", shop));
    QCOMPARE(inventory.configAuditReports.size(),
             stored(east, "aquasecurity.github.io", "configauditreports", shop));
    QCOMPARE(inventory.policyReports.size(),
             stored(east, "wgpolicyk8s.io", "policyreports", shop)
                 + stored(east, "wgpolicyk8s.io", "clusterpolicyreports"));
    const auto trivy
        = std::find_if(inventory.vulnerabilityReports.cbegin(),
                       inventory.vulnerabilityReports.cend(), [](const VulnerabilityReport &r) {
                           return r.name == QLatin1String("replicaset-checkout-7d9f8b6c5-checkout");
                       });
    QVERIFY(trivy != inventory.vulnerabilityReports.cend());
    QCOMPARE(trivy->owner.kind, QStringLiteral("ReplicaSet"));
    QVERIFY(!trivy->vulnerabilities.isEmpty());

    // Discovery names three constraint kinds; of the two constraints only one has violations.
    QCOMPARE(inventory.gatekeeperConstraints.size(), 1);
    QCOMPARE(inventory.gatekeeperConstraints.first().name, QStringLiteral("must-have-owner"));
    QCOMPARE(inventory.gatekeeperConstraints.first().violations.size(), 2);

    // CI runs in the CI namespace, a PipelineRun with the steps of its TaskRuns (and the
    // task it skipped), not with the TaskRun of the same name in another namespace.
    QStringList runs;
    for (const CiRun &run : inventory.ciRuns) {
        QStringList steps;
        for (const CiStep &step : run.steps)
            steps << step.name;
        runs << QStringLiteral("%1/%2 %3").arg(run.namespace_, run.name, steps.join(u','));
    }
    runs.sort();
    QCOMPARE(
        runs,
        QStringList({QStringLiteral("ci/cart-build-r2d2 "), QStringLiteral("ci/cart-ci-abcde "),
                     QStringLiteral("ci/checkout-build-9xq4z build,lint,unit-tests,push"),
                     QStringLiteral("ci/checkout-ci-x7k2p build,test,deploy")}));

    QCOMPARE(inventory.loadTests.size(), stored(east, "k6.io", "testruns", shop));
    QCOMPARE(inventory.chaosExperiments.size(),
             stored(east, "litmuschaos.io", "chaosresults", shop)
                 + stored(east, "chaos-mesh.org", "podchaos", shop));
    QStringList flags;
    for (const FeatureFlag &flag : inventory.featureFlags)
        flags << flag.resource + QLatin1Char('/') + flag.key;
    flags.sort();
    QCOMPARE(flags,
             QStringList({QStringLiteral("checkout-flags/checkout-theme"),
                          QStringLiteral("checkout-flags/new-checkout")}));
}

void TestSafetyNetLister::pagesPastTheFirst()
{
    // 1,100 more reports: three pages of KubeListOptions' 500.
    const ResourceType &reports = type("aquasecurity.github.io", "vulnerabilityreports");
    const QJsonObject report
        = dataItems(QStringLiteral("vulnerabilityreports.json")).at(0).toObject();
    for (int i = 0; i < 1100; ++i) {
        QJsonObject item = report;
        QJsonObject metadata = item.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("name"),
                        QStringLiteral("paged-%1").arg(i, 4, 10, QLatin1Char('0')));
        metadata.insert(QStringLiteral("namespace"), QStringLiteral("ci"));
        item.insert(QStringLiteral("metadata"), metadata);
        QVERIFY(store(QStringLiteral("east")).load(reports, item).ok());
    }
    const SafetyNetInventory inventory
        = SafetyNetLister(m_kubeconfig, environment(QStringLiteral("east")))
              .list(QStringLiteral("ci"), 0, 0);
    QCOMPARE(inventory.source(SafetyNetSource::Vulnerabilities).state, State::Loaded);
    QVERIFY(!inventory.source(SafetyNetSource::Vulnerabilities).truncated);
    QCOMPARE(inventory.vulnerabilityReports.size(),
             stored(QStringLiteral("east"), "aquasecurity.github.io", "vulnerabilityreports",
                    QStringLiteral("ci")));
    QVERIFY(inventory.vulnerabilityReports.size() >= 1100);
    QSet<QString> names;
    for (const VulnerabilityReport &r : inventory.vulnerabilityReports)
        names.insert(r.name);
    QCOMPARE(names.size(), inventory.vulnerabilityReports.size()); // no page twice
}

void TestSafetyNetLister::unservedFamiliesAreNotServed()
{
    const SafetyNetInventory inventory = list(environment(QStringLiteral("west")));
    for (const SafetyNetSource source :
         {SafetyNetSource::Vulnerabilities, SafetyNetSource::ConfigAudit,
          SafetyNetSource::Gatekeeper}) {
        QCOMPARE(inventory.source(source).state, State::NotServed);
        QVERIFY(inventory.source(source).detail.isEmpty());
    }
    QVERIFY(inventory.vulnerabilityReports.isEmpty());
    QVERIFY(inventory.gatekeeperConstraints.isEmpty());
    // The other tools of the same cluster are read as usual.
    for (const SafetyNetSource source :
         {SafetyNetSource::Policy, SafetyNetSource::ArgoWorkflows, SafetyNetSource::Tekton,
          SafetyNetSource::LoadTests, SafetyNetSource::LitmusChaos, SafetyNetSource::ChaosMesh,
          SafetyNetSource::FeatureFlags, SafetyNetSource::Falco})
        QCOMPARE(inventory.source(source).state, State::Loaded);
    QCOMPARE(
        inventory.policyReports.size(),
        stored(QStringLiteral("west"), "wgpolicyk8s.io", "policyreports", QStringLiteral("shop"))
            + stored(QStringLiteral("west"), "wgpolicyk8s.io", "clusterpolicyreports"));
    QCOMPARE(inventory.featureFlags.size(), 2);
}

void TestSafetyNetLister::forbiddenPolicyReports()
{
    const SafetyNetInventory inventory = list(environment(QStringLiteral("east-nopolicy")));
    const SafetyNetSourceState &policy = inventory.source(SafetyNetSource::Policy);
    QCOMPARE(policy.state, State::Forbidden);
    QCOMPARE(policy.detail, QStringLiteral("This user may not list policyreports.wgpolicyk8s.io."));
    QVERIFY(inventory.policyReports.isEmpty());
    QCOMPARE(inventory.source(SafetyNetSource::Vulnerabilities).state, State::Loaded);
    QCOMPARE(inventory.source(SafetyNetSource::Gatekeeper).state, State::Loaded);
    QCOMPARE(inventory.gatekeeperConstraints.size(), 1);
    QVERIFY(!states(inventory).contains(QStringLiteral("nopolicy-secret-token")));
}

void TestSafetyNetLister::falcoCountsOfTheNamespacesPods()
{
    QCOMPARE(SafetyNetFalco::priorityName(QStringLiteral("4")), QStringLiteral("Warning"));
    QCOMPARE(SafetyNetFalco::priorityName(QStringLiteral("notice")), QStringLiteral("Notice"));
    QStringList pods;
    for (const QJsonObject &pod :
         store(QStringLiteral("east")).list(type("", "pods"), QStringLiteral("shop")))
        pods << pod[QStringLiteral("metadata")][QStringLiteral("name")].toString();
    pods.sort();
    QCOMPARE(pods.size(), 2);

    const SafetyNetInventory inventory = list(environment(QStringLiteral("east")));
    QCOMPARE(inventory.source(SafetyNetSource::Falco).state, State::Loaded);
    QStringList counted;
    for (const FalcoCount &count : inventory.falco) {
        QCOMPARE(count.rule, QStringLiteral("Read sensitive file untrusted")); // not ci's rule
        QCOMPARE(count.priority, QStringLiteral("Warning"));
        // One event a second since the pod started, within two virtual minutes.
        QVERIFY2(count.count > 30 && count.count < 200, qPrintable(QString::number(count.count)));
        counted << count.pod;
    }
    counted.sort();
    QCOMPARE(counted, pods);
}

void TestSafetyNetLister::falcoNotAsked()
{
    EnvironmentSpec off = environment(QStringLiteral("east"));
    off.safetyNets.falco = false;
    QCOMPARE(list(off).source(SafetyNetSource::Falco).state, State::NotAsked);
    EnvironmentSpec noMetrics = environment(QStringLiteral("east"));
    noMetrics.prometheus.mode = PrometheusEndpoint::Mode::Disabled;
    QCOMPARE(list(noMetrics).source(SafetyNetSource::Falco).state, State::NotAsked);
    const SafetyNetInventory noWindow
        = SafetyNetLister(m_kubeconfig, environment(QStringLiteral("east")))
              .list(QStringLiteral("shop"), 0, 0);
    QCOMPARE(noWindow.source(SafetyNetSource::Falco).state, State::NotAsked);
    QVERIFY(noWindow.falco.isEmpty());
    // A Prometheus service the cluster does not have: not served, quietly.
    EnvironmentSpec elsewhere = environment(QStringLiteral("east"));
    elsewhere.prometheus.serviceName = QStringLiteral("no-such-prometheus");
    QCOMPARE(list(elsewhere).source(SafetyNetSource::Falco).state, State::NotServed);
}

QTEST_GUILESS_MAIN(TestSafetyNetLister)
#include "tst_safetynetlister.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cluster with Flagger's kinds for controller tests: the Deployment "podinfo" in "test"
// (two replicas of podinfo:6.0.0) and a Canary "podinfo" targeting it, on a frozen clock.

#include "controllerfixture.h"

#include "core/simloadtester.h"

namespace FlaggerTest {

using namespace ControllerTest;

inline const ResourceType &canaries()
{
    return type("flagger.app", "canaries");
}
inline const ResourceType &metricTemplates()
{
    return type("flagger.app", "metrictemplates");
}

// Flagger's analysis interval floor; every test uses it.
constexpr int kIntervalSeconds = 10;

inline QJsonObject podinfoDeployment()
{
    return parse(R"({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "podinfo", "namespace": "test", "labels": {"app": "podinfo"}},
        "spec": {
            "replicas": 2,
            "selector": {"matchLabels": {"app": "podinfo"}},
            "template": {"metadata": {"labels": {"app": "podinfo"}},
                         "spec": {"containers": [{"name": "podinfod",
                                                  "image": "ghcr.io/stefanprodan/podinfo:6.0.0",
                                                  "ports": [{"containerPort": 9898}]}]}}
        }
    })");
}

// A Canary "podinfo" with `analysis` (interval 10s unless it says otherwise) under
// `analysisKey` ("analysis", or the deprecated "canaryAnalysis"), and `extraSpec` merged in.
inline QJsonObject canaryObject(QJsonObject analysis, const QJsonObject &extraSpec = {},
                                const QString &analysisKey = QStringLiteral("analysis"))
{
    if (!analysis.contains(QLatin1String("interval")))
        analysis.insert(QStringLiteral("interval"), QStringLiteral("10s"));
    QJsonObject canary = parse(R"({
        "apiVersion": "flagger.app/v1beta1", "kind": "Canary",
        "metadata": {"name": "podinfo", "namespace": "test"},
        "spec": {
            "targetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "podinfo"},
            "service": {"port": 9898}
        }
    })");
    QJsonObject spec = canary.value(QLatin1String("spec")).toObject();
    spec.insert(analysisKey, analysis);
    for (auto it = extraSpec.begin(); it != extraSpec.end(); ++it)
        spec.insert(it.key(), it.value());
    canary.insert(QStringLiteral("spec"), spec);
    return canary;
}

inline QJsonObject loadTesterService(const QString &ns)
{
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Service")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), QStringLiteral("flagger-loadtester")},
                      {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"),
         QJsonObject {
             {QStringLiteral("selector"),
              QJsonObject {{QStringLiteral("app"), QStringLiteral("flagger-loadtester")}}},
             {QStringLiteral("ports"), QJsonArray {QJsonObject {{QStringLiteral("port"), 80}}}}}}};
}

class FlaggerCluster : public Cluster
{
public:
    QJsonObject canary() const { return get(canaries(), QStringLiteral("podinfo"), kNs); }
    QJsonObject canaryStatus() const { return canary().value(QLatin1String("status")).toObject(); }
    QString canaryPhase() const { return canaryStatus().value(QLatin1String("phase")).toString(); }
    int canaryInt(const char *field) const
    {
        return canaryStatus().value(QLatin1String(field)).toInt(-100);
    }
    QJsonObject deployment(const QString &name) const { return get(deployments(), name, kNs); }
    int replicas(const QString &name) const
    {
        return at(deployment(name), QStringLiteral("spec.replicas")).toInt(-1);
    }
    QString image(const QString &name) const
    {
        return at(deployment(name), QStringLiteral("spec.template.spec.containers.0.image"))
            .toString();
    }
    // The Canary's Events (Flagger's reason is always Synced), oldest first.
    QStringList flaggerEvents() const
    {
        QList<QJsonObject> matching;
        for (const QJsonObject &e : list(ControllerTest::events(), kNs)) {
            if (at(e, QStringLiteral("involvedObject.kind")).toString() == QLatin1String("Canary"))
                matching.append(e);
        }
        std::sort(matching.begin(), matching.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return at(a, QStringLiteral("metadata.name")).toString()
                < at(b, QStringLiteral("metadata.name")).toString();
        });
        QStringList out;
        for (const QJsonObject &e : matching)
            out << e.value(QLatin1String("message")).toString();
        return out;
    }
    QJsonObject promoted() const
    {
        for (const QJsonValue &c : canaryStatus().value(QLatin1String("conditions")).toArray()) {
            if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Promoted"))
                return c.toObject();
        }
        return {};
    }

    // The Deployment and the Canary, reconciled until Initialized.
    bool start(const QJsonObject &canaryObject)
    {
        create(deployments(), podinfoDeployment());
        create(canaries(), canaryObject);
        return waitForPhase(QStringLiteral("Initialized"));
    }
    bool waitForPhase(const QString &phase, int limit = 300)
    {
        return waitFor([&] { return canaryPhase() == phase; }, limit);
    }
    void setTargetImage(const QString &image)
    {
        QJsonObject target = deployment(QStringLiteral("podinfo"));
        setFirstContainerImage(target, image);
        const StoreResult r = store.update(deployments(), target, WriteScope::Spec);
        if (!r.ok())
            qFatal("deployment update failed: %s", qPrintable(r.error.message));
    }
    void updateCanarySpec(const std::function<void(QJsonObject &)> &change)
    {
        QJsonObject object = canary();
        QJsonObject spec = object.value(QLatin1String("spec")).toObject();
        change(spec);
        object.insert(QStringLiteral("spec"), spec);
        const StoreResult r = store.update(canaries(), object, WriteScope::Spec);
        if (!r.ok())
            qFatal("canary update failed: %s", qPrintable(r.error.message));
    }
    // The canary weights seen after each analysis interval until `phase` (or `ticks` run out).
    QList<int> weightsUntil(const QString &phase, int ticks = 30)
    {
        QList<int> weights {canaryInt("canaryWeight")};
        for (int i = 0; i < ticks && canaryPhase() != phase; ++i) {
            advance(kIntervalSeconds);
            const int weight = canaryInt("canaryWeight");
            if (weights.last() != weight)
                weights << weight;
        }
        return weights;
    }
    FlaggerLoadTester::Reply gate(const char *path)
    {
        return controllers.flaggerLoadTester().handle(kNs, QString::fromLatin1(path),
                                                      R"({"name":"podinfo","namespace":"test"})");
    }

    const QString kNs = QStringLiteral("test");
};

} // namespace FlaggerTest

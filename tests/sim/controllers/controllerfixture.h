// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A simulated cluster for controller tests: a frozen virtual clock the test advances, the
// store, and ClusterControllers driven one pass at a time.

#include "controllers/clustercontrollers.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/syntheticmetrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace rdsim;

namespace ControllerTest {

inline const ResourceType &type(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}
inline const ResourceType &rollouts()
{
    return type("argoproj.io", "rollouts");
}
inline const ResourceType &replicaSets()
{
    return type("apps", "replicasets");
}
inline const ResourceType &deployments()
{
    return type("apps", "deployments");
}
inline const ResourceType &pods()
{
    return type("", "pods");
}
inline const ResourceType &services()
{
    return type("", "services");
}
inline const ResourceType &events()
{
    return type("", "events");
}
inline const ResourceType &analysisRuns()
{
    return type("argoproj.io", "analysisruns");
}
inline const ResourceType &analysisTemplates()
{
    return type("argoproj.io", "analysistemplates");
}

inline QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// Dotted-path read ("status.canary.weights.canary.weight"); array indexes as numbers.
inline QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue current = object;
    for (const QString &key : path.split(u'.')) {
        bool isIndex = false;
        const int index = key.toInt(&isIndex);
        if (isIndex && current.isArray())
            current = current.toArray().at(index);
        else
            current = current.toObject().value(key);
    }
    return current;
}

inline bool isTerminating(const QJsonObject &pod)
{
    return at(pod, QStringLiteral("metadata.deletionTimestamp")).isString();
}

inline QString annotation(const QJsonObject &object, const QString &key)
{
    return at(object, QStringLiteral("metadata.annotations")).toObject().value(key).toString();
}

// A user's image change: the first container of the workload's (Rollout's, Deployment's) pod
// template runs `image`.
inline void setFirstContainerImage(QJsonObject &workload, const QString &image)
{
    QJsonObject spec = workload.value(QLatin1String("spec")).toObject();
    QJsonObject tmpl = spec.value(QLatin1String("template")).toObject();
    QJsonObject podSpec = tmpl.value(QLatin1String("spec")).toObject();
    QJsonArray containers = podSpec.value(QLatin1String("containers")).toArray();
    QJsonObject container = containers.at(0).toObject();
    container.insert(QStringLiteral("image"), image);
    containers.replace(0, container);
    podSpec.insert(QStringLiteral("containers"), containers);
    tmpl.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), tmpl);
    workload.insert(QStringLiteral("spec"), spec);
}

class Cluster
{
public:
    Cluster() { clock.setFrozen(true); }

    VirtualClock clock;
    ObjectStore store {&clock};
    SyntheticMetrics metrics {&clock};
    ClusterControllers controllers {store, clock, metrics};

    void pass(int count = 1)
    {
        for (int i = 0; i < count; ++i)
            controllers.reconcileOnce();
    }
    // Advances virtual time in one-second ticks, reconciling after each.
    void advance(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            clock.advance(1000);
            pass();
        }
    }
    // Reconciles (advancing a second between passes) until `done` holds; fails after `limit` s.
    bool waitFor(const std::function<bool()> &done, int limit = 120)
    {
        pass();
        for (int i = 0; i < limit; ++i) {
            if (done())
                return true;
            clock.advance(1000);
            pass();
        }
        return done();
    }

    QJsonObject create(const ResourceType &t, const QJsonObject &object)
    {
        const StoreResult r = store.create(t, object);
        if (!r.ok())
            qFatal("create failed: %s", qPrintable(r.error.message));
        return r.object;
    }
    QJsonObject get(const ResourceType &t, const QString &name,
                    const QString &ns = QStringLiteral("shop")) const
    {
        return store.get(t, ns, name).value_or(QJsonObject());
    }
    QJsonObject rollout(const QString &name = QStringLiteral("web")) const
    {
        return get(rollouts(), name);
    }
    QJsonObject status(const QString &name = QStringLiteral("web")) const
    {
        return rollout(name).value(QLatin1String("status")).toObject();
    }
    QString phase(const QString &name = QStringLiteral("web")) const
    {
        return status(name).value(QLatin1String("phase")).toString();
    }
    QString message(const QString &name = QStringLiteral("web")) const
    {
        return status(name).value(QLatin1String("message")).toString();
    }
    int stepIndex(const QString &name = QStringLiteral("web")) const
    {
        return status(name).value(QLatin1String("currentStepIndex")).toInt(-1);
    }

    // Applies `change` to the object's spec (or whole object) as a user's update would.
    void updateSpec(const ResourceType &t, const QString &name,
                    const std::function<void(QJsonObject &)> &change)
    {
        QJsonObject object = get(t, name);
        change(object);
        const StoreResult r = store.update(t, object, WriteScope::Spec);
        if (!r.ok())
            qFatal("update failed: %s", qPrintable(r.error.message));
    }
    // A merge of fields into status through the /status subresource (kubectl patch
    // --subresource=status); a null value removes the key.
    void patchStatus(const QString &name, const QJsonObject &fields)
    {
        QJsonObject object = rollout(name);
        QJsonObject status = object.value(QLatin1String("status")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.value().isNull())
                status.remove(it.key());
            else
                status.insert(it.key(), it.value());
        }
        object.insert(QStringLiteral("status"), status);
        const StoreResult r = store.update(rollouts(), object, WriteScope::Status);
        if (!r.ok())
            qFatal("status update failed: %s", qPrintable(r.error.message));
    }
    void setImage(const QString &name, const QString &image)
    {
        updateSpec(rollouts(), name, [&](QJsonObject &ro) { setFirstContainerImage(ro, image); });
    }

    QList<QJsonObject> list(const ResourceType &t, const QString &ns = QStringLiteral("shop")) const
    {
        return store.list(t, ns);
    }
    // The rollout's (or deployment's) ReplicaSets, oldest revision first.
    QList<QJsonObject> replicaSetsOf(const QString &owner) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &rs : list(replicaSets())) {
            for (const QJsonValue &ref : rs.value(QLatin1String("metadata"))
                                             .toObject()
                                             .value(QLatin1String("ownerReferences"))
                                             .toArray()) {
                if (ref.toObject().value(QLatin1String("name")).toString() == owner)
                    out.append(rs);
            }
        }
        // Revision order; a ReplicaSet re-used by a rollback keeps its place by creation.
        std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const QString ta = at(a, QStringLiteral("metadata.creationTimestamp")).toString();
            const QString tb = at(b, QStringLiteral("metadata.creationTimestamp")).toString();
            if (ta != tb)
                return ta < tb;
            const auto revision = [](const QJsonObject &rs) {
                const QString r = annotation(rs, QStringLiteral("rollout.argoproj.io/revision"));
                return (r.isEmpty()
                            ? annotation(rs, QStringLiteral("deployment.kubernetes.io/revision"))
                            : r)
                    .toInt();
            };
            return revision(a) < revision(b);
        });
        return out;
    }
    QJsonObject replicaSet(const QString &name) const { return get(replicaSets(), name); }
    int specReplicas(const QString &rs) const
    {
        return at(replicaSet(rs), QStringLiteral("spec.replicas")).toInt(-1);
    }
    int availableReplicas(const QString &rs) const
    {
        return at(replicaSet(rs), QStringLiteral("status.availableReplicas")).toInt(0);
    }
    // Which of a ReplicaSet's pods: deleted pods stay Terminating for their grace period.
    enum class Pods { All, Live, Terminating };
    QList<QJsonObject> podsOf(const QString &rsName, Pods which = Pods::All) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &pod : list(pods())) {
            const QJsonArray refs = at(pod, QStringLiteral("metadata.ownerReferences")).toArray();
            if (refs.isEmpty()
                || refs.at(0).toObject().value(QLatin1String("name")).toString() != rsName)
                continue;
            if (which == Pods::All || (which == Pods::Terminating) == isTerminating(pod))
                out.append(pod);
        }
        return out;
    }
    bool anyPodTerminating() const
    {
        const QList<QJsonObject> all = list(pods());
        return std::any_of(all.begin(), all.end(), isTerminating);
    }
    // Messages of the Events about `object` with `reason`, oldest first.
    QStringList events(const QString &reason, const QString &object = QStringLiteral("web")) const
    {
        QList<QJsonObject> matching;
        for (const QJsonObject &e : list(ControllerTest::events())) {
            if (e.value(QLatin1String("reason")).toString() == reason
                && at(e, QStringLiteral("involvedObject.name")).toString() == object)
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
    QStringList conditionReasons(const QString &name = QStringLiteral("web")) const
    {
        QStringList out;
        for (const QJsonValue &c : status(name).value(QLatin1String("conditions")).toArray())
            out << c.toObject().value(QLatin1String("type")).toString() + u'='
                    + c.toObject().value(QLatin1String("status")).toString() + u'/'
                    + c.toObject().value(QLatin1String("reason")).toString();
        out.sort();
        return out;
    }
    QJsonObject condition(const QString &type, const QString &name = QStringLiteral("web")) const
    {
        for (const QJsonValue &c : status(name).value(QLatin1String("conditions")).toArray()) {
            if (c.toObject().value(QLatin1String("type")).toString() == type)
                return c.toObject();
        }
        return {};
    }
    QJsonObject analysisRun(const QString &name) const { return get(analysisRuns(), name); }
    void setRunPhase(const QString &name, const QString &phase, const QString &message = QString())
    {
        QJsonObject run = analysisRun(name);
        QJsonObject status = run.value(QLatin1String("status")).toObject();
        status.insert(QStringLiteral("phase"), phase);
        if (!message.isEmpty())
            status.insert(QStringLiteral("message"), message);
        run.insert(QStringLiteral("status"), status);
        const StoreResult r = store.update(analysisRuns(), run, WriteScope::Whole);
        if (!r.ok())
            qFatal("run update failed: %s", qPrintable(r.error.message));
    }
};

// A basic canary "web" in namespace "shop" with nginx:1.25 and the given steps.
inline QJsonObject canaryRollout(const QJsonArray &steps, int replicas = 5,
                                 const QJsonObject &canaryExtra = {})
{
    QJsonObject rollout = parse(R"({
        "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout",
        "metadata": {"name": "web", "namespace": "shop"},
        "spec": {
            "selector": {"matchLabels": {"app": "web"}},
            "template": {"metadata": {"labels": {"app": "web"}},
                         "spec": {"containers": [{"name": "web", "image": "nginx:1.25",
                                                  "ports": [{"containerPort": 80}]}]}},
            "strategy": {"canary": {}}
        }
    })");
    QJsonObject spec = rollout.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    QJsonObject canary = canaryExtra;
    canary.insert(QStringLiteral("steps"), steps);
    spec.insert(QStringLiteral("strategy"), QJsonObject {{QStringLiteral("canary"), canary}});
    rollout.insert(QStringLiteral("spec"), spec);
    return rollout;
}

inline QJsonObject blueGreenRollout(const QJsonObject &blueGreen, int replicas = 3)
{
    QJsonObject rollout = canaryRollout({}, replicas);
    QJsonObject spec = rollout.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("strategy"), QJsonObject {{QStringLiteral("blueGreen"), blueGreen}});
    rollout.insert(QStringLiteral("spec"), spec);
    return rollout;
}

// An AnalysisTemplate whose one metric measures hourly, so a run stays Running until the
// test decides its phase.
inline QJsonObject slowTemplate(const QString &name)
{
    QJsonObject t = parse(R"json({
        "apiVersion": "argoproj.io/v1alpha1", "kind": "AnalysisTemplate",
        "metadata": {"namespace": "shop"},
        "spec": {
            "args": [{"name": "service"}, {"name": "hash", "value": "none"}],
            "metrics": [{"name": "error-rate", "interval": "1h", "count": 100,
                         "successCondition": "result[0] < 0.05",
                         "provider": {"prometheus": {"address": "http://prometheus:9090",
                             "query": "sum(rate(rd_http_request_errors_total{service=\"{{args.service}}\"}[1m]))"}}}]
        }
    })json");
    QJsonObject metadata = t.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("name"), name);
    t.insert(QStringLiteral("metadata"), metadata);
    return t;
}

inline QString hashOf(const QJsonObject &rs)
{
    return at(rs, QStringLiteral("metadata.labels.rollouts-pod-template-hash")).toString();
}

} // namespace ControllerTest

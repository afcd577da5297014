// SPDX-License-Identifier: GPL-3.0-or-later
// The objects ReleaseStorm writes, as the Argo Rollouts controller and its AnalysisRun
// controller would write them.
#include "releasestormobjects.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"

#include <QDateTime>
#include <QJsonArray>

namespace stormobjects {

using rdsim::ObjectStore;
using rdsim::ResourceCatalog;
using rdsim::ResourceType;
using rdsim::WriteScope;

const QString kMetadata = QStringLiteral("metadata");
const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");
static const QString kHashLabel = QStringLiteral("rollouts-pod-template-hash");
const QString kRevision = QStringLiteral("rollout.argoproj.io/revision");

const ResourceType &rolloutType()
{
    static const ResourceType &type
        = *ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
    return type;
}
const ResourceType &replicaSetType()
{
    static const ResourceType &type
        = *ResourceCatalog::find(QStringLiteral("apps"), QStringLiteral("replicasets"));
    return type;
}
const ResourceType &runType()
{
    static const ResourceType &type
        = *ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("analysisruns"));
    return type;
}
static const ResourceType &eventType()
{
    static const ResourceType &type = *ResourceCatalog::find(QString(), QStringLiteral("events"));
    return type;
}

// Real time, not the frozen simulator clock: the recorder's timelines should read as the
// storm ran.
static QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString hashFor(const QString &name, qint64 revision)
{
    const quint64 value = (quint64(qHash(name)) << 20 ^ quint64(revision)) * 2654435761ULL;
    return QString::number(value, 36).rightJustified(10, QLatin1Char('c')).right(10);
}

QString imageFor(const QString &app, qint64 revision)
{
    return QStringLiteral("ghcr.io/acme/%1:1.%2.0").arg(app).arg(revision);
}

QString runName(const QString &app, const QString &hash)
{
    return app + u'-' + hash + QStringLiteral("-bg");
}

// Writes a whole object as the controllers do (no resourceVersion: no conflict check).
bool put(ObjectStore *store, const ResourceType &type, QJsonObject object)
{
    QJsonObject meta = object.value(kMetadata).toObject();
    meta.remove(QStringLiteral("resourceVersion"));
    object.insert(kMetadata, meta);
    return store->update(type, object, WriteScope::Whole).ok();
}

QJsonObject withContainerImage(QJsonObject templ, const QString &image, const QString &hash)
{
    QJsonObject spec = templ.value(kSpec).toObject();
    QJsonArray containers = spec.value(QStringLiteral("containers")).toArray();
    QJsonObject first = containers.at(0).toObject();
    first.insert(QStringLiteral("image"), image);
    containers.replace(0, first);
    spec.insert(QStringLiteral("containers"), containers);
    templ.insert(kSpec, spec);
    if (!hash.isEmpty()) {
        QJsonObject meta = templ.value(kMetadata).toObject();
        QJsonObject labels = meta.value(QStringLiteral("labels")).toObject();
        labels.insert(kHashLabel, hash);
        meta.insert(QStringLiteral("labels"), labels);
        templ.insert(kMetadata, meta);
    }
    return templ;
}

// The new revision's ReplicaSet, made from the stable one (same owner, labels, template).
QJsonObject newReplicaSet(QJsonObject stable, const QString &app, const QString &hash,
                          qint64 revision)
{
    QJsonObject meta = stable.value(kMetadata).toObject();
    for (const char *field : {"uid", "resourceVersion", "generation"})
        meta.remove(QString::fromLatin1(field));
    meta.insert(QStringLiteral("name"), QString(app + u'-' + hash));
    meta.insert(QStringLiteral("creationTimestamp"), now());
    QJsonObject labels = meta.value(QStringLiteral("labels")).toObject();
    labels.insert(kHashLabel, hash);
    meta.insert(QStringLiteral("labels"), labels);
    QJsonObject annotations = meta.value(QStringLiteral("annotations")).toObject();
    annotations.insert(kRevision, QString::number(revision));
    meta.insert(QStringLiteral("annotations"), annotations);
    stable.insert(kMetadata, meta);
    QJsonObject spec = stable.value(kSpec).toObject();
    spec.insert(QStringLiteral("replicas"), 0);
    spec.insert(QStringLiteral("selector"),
                QJsonObject {{QStringLiteral("matchLabels"),
                              QJsonObject {{QStringLiteral("app"), app}, {kHashLabel, hash}}}});
    spec.insert(QStringLiteral("template"),
                withContainerImage(spec.value(QStringLiteral("template")).toObject(),
                                   imageFor(app, revision), hash));
    stable.insert(kSpec, spec);
    stable.insert(kStatus, QJsonObject {{QStringLiteral("replicas"), 0}});
    return stable;
}

bool scaleReplicaSet(ObjectStore *store, const QString &ns, const QString &name, int replicas)
{
    std::optional<QJsonObject> rs = store->get(replicaSetType(), ns, name);
    if (!rs)
        return false;
    QJsonObject spec = rs->value(kSpec).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    rs->insert(kSpec, spec);
    QJsonObject status = rs->value(kStatus).toObject();
    for (const char *field :
         {"replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas"})
        status.insert(QString::fromLatin1(field), replicas);
    rs->insert(kStatus, status);
    return put(store, replicaSetType(), *rs);
}

static QJsonObject measurement(int index)
{
    // A success rate a little different each time, so the values are not all one string.
    const QString value = QStringLiteral("[0.9%1]").arg(91 + index * 3 % 9);
    return QJsonObject {{QStringLiteral("phase"), QStringLiteral("Successful")},
                        {QStringLiteral("value"), value},
                        {QStringLiteral("startedAt"), now()},
                        {QStringLiteral("finishedAt"), now()}};
}

QJsonObject analysisRun(const QString &ns, const QString &app, const QString &hash, qint64 revision,
                        const QString &rolloutUid)
{
    const QJsonObject owner {{QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                             {QStringLiteral("kind"), QStringLiteral("Rollout")},
                             {QStringLiteral("name"), app},
                             {QStringLiteral("uid"), rolloutUid},
                             {QStringLiteral("controller"), true}};
    const QJsonObject metric {
        {QStringLiteral("name"), QStringLiteral("success-rate")},
        {QStringLiteral("interval"), QStringLiteral("1m")},
        {QStringLiteral("successCondition"), QStringLiteral("result[0] >= 0.95")},
        {QStringLiteral("failureLimit"), 3},
        {QStringLiteral("provider"),
         QJsonObject {
             {QStringLiteral("prometheus"),
              QJsonObject {
                  {QStringLiteral("address"), QStringLiteral("http://prometheus:9090")},
                  {QStringLiteral("query"),
                   QStringLiteral("sum(rate(http_requests_total{app=\"%1\",code!~\"5..\"}[1m])) / "
                                  "sum(rate(http_requests_total{app=\"%1\"}[1m]))")
                       .arg(app)}}}}}};
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("AnalysisRun")},
        {kMetadata,
         QJsonObject {
             {QStringLiteral("name"), runName(app, hash)},
             {QStringLiteral("namespace"), ns},
             {QStringLiteral("labels"),
              QJsonObject {{kHashLabel, hash},
                           {QStringLiteral("rollout-type"), QStringLiteral("Background")}}},
             {QStringLiteral("annotations"), QJsonObject {{kRevision, QString::number(revision)}}},
             {QStringLiteral("ownerReferences"), QJsonArray {owner}}}},
        {kSpec, QJsonObject {{QStringLiteral("metrics"), QJsonArray {metric}}}},
        {kStatus,
         QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                      {QStringLiteral("startedAt"), now()},
                      {QStringLiteral("metricResults"),
                       QJsonArray {QJsonObject {
                           {QStringLiteral("name"), QStringLiteral("success-rate")},
                           {QStringLiteral("phase"), QStringLiteral("Running")},
                           {QStringLiteral("count"), 1},
                           {QStringLiteral("successful"), 1},
                           {QStringLiteral("measurements"), QJsonArray {measurement(0)}}}}}}}};
}

// One more measurement; the last ends the run Successful.
bool measure(ObjectStore *store, const QString &ns, const QString &name, bool last)
{
    std::optional<QJsonObject> run = store->get(runType(), ns, name);
    if (!run)
        return false;
    QJsonObject status = run->value(kStatus).toObject();
    QJsonArray results = status.value(QStringLiteral("metricResults")).toArray();
    QJsonObject result = results.at(0).toObject();
    QJsonArray measurements = result.value(QStringLiteral("measurements")).toArray();
    measurements.append(measurement(int(measurements.size())));
    result.insert(QStringLiteral("measurements"), measurements);
    result.insert(QStringLiteral("count"), measurements.size());
    result.insert(QStringLiteral("successful"), measurements.size());
    if (last) {
        result.insert(QStringLiteral("phase"), QStringLiteral("Successful"));
        status.insert(QStringLiteral("phase"), QStringLiteral("Successful"));
        status.insert(QStringLiteral("completedAt"), now());
    }
    results.replace(0, result);
    status.insert(QStringLiteral("metricResults"), results);
    run->insert(kStatus, status);
    return put(store, runType(), *run);
}

bool event(ObjectStore *store, const QJsonObject &rollout, const QString &reason,
           const QString &message, quint64 sequence)
{
    const QJsonObject meta = rollout.value(kMetadata).toObject();
    const QString ns = meta.value(QStringLiteral("namespace")).toString();
    const QString name = meta.value(QStringLiteral("name")).toString();
    const QJsonObject involved {
        {QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("Rollout")},
        {QStringLiteral("name"), name},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("uid"), meta.value(QStringLiteral("uid"))}};
    const QJsonObject object {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {kMetadata,
         QJsonObject {
             {QStringLiteral("name"), QString(name + u'.' + QString::number(sequence, 16))},
             {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"), involved},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), QStringLiteral("Normal")},
        {QStringLiteral("count"), 1},
        {QStringLiteral("firstTimestamp"), now()},
        {QStringLiteral("lastTimestamp"), now()},
        {QStringLiteral("source"),
         QJsonObject {{QStringLiteral("component"), QStringLiteral("rollouts-controller")}}}};
    return store->create(eventType(), object).ok();
}

// The Rollout's status at a canary stage: step index, the canary weight, and a pause
// condition at the two pause steps.
void setStage(QJsonObject &status, int step, int weight, bool paused, const QString &phase)
{
    status.insert(QStringLiteral("currentStepIndex"), step);
    status.insert(QStringLiteral("phase"), phase);
    status.insert(QStringLiteral("message"),
                  paused ? QStringLiteral("CanaryPauseStep") : QString());
    if (paused)
        status.insert(
            QStringLiteral("pauseConditions"),
            QJsonArray {QJsonObject {{QStringLiteral("reason"), QStringLiteral("CanaryPauseStep")},
                                     {QStringLiteral("startTime"), now()}}});
    else
        status.remove(QStringLiteral("pauseConditions"));
    if (weight >= 0)
        status.insert(
            QStringLiteral("canary"),
            QJsonObject {{QStringLiteral("weights"),
                          QJsonObject {{QStringLiteral("canary"),
                                        QJsonObject {{QStringLiteral("weight"), weight}}}}}});
    else
        status.remove(QStringLiteral("canary"));
    status.insert(QStringLiteral("updatedReplicas"), weight < 0 ? 10 : weight / 10);
}

} // namespace stormobjects

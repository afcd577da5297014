// SPDX-License-Identifier: GPL-3.0-or-later
// What Flagger's DeploymentController and KubernetesRouter write (pkg/canary/deployment_*.go,
// pkg/router/kubernetes_default.go): the primary Deployment, the three Services, the target's
// scale, and when a Deployment counts as ready (deployment_ready.go).
#include "simflaggercontroller.h"

#include "jsonutil.h"
#include "kinds.h"

#include "core/objectstore.h"

namespace rdsim {

namespace {

// The label Flagger selects a workload by (its -selector-labels default), found in the
// target's selector; empty when it has none of them.
QString selectorLabel(const QJsonObject &target)
{
    const QJsonObject matchLabels = JsonUtil::objectAt(target, "spec.selector.matchLabels");
    for (const char *label : {"app", "name", "app.kubernetes.io/name"}) {
        if (matchLabels.contains(QLatin1String(label)))
            return QLatin1String(label);
    }
    return QString();
}

QString selectorValue(const QJsonObject &target)
{
    return JsonUtil::objectAt(target, "spec.selector.matchLabels")
        .value(selectorLabel(target))
        .toString();
}

// The target's pod template for the primary: the selector label says `<value>-primary`.
QJsonObject primaryTemplate(const QJsonObject &target)
{
    QJsonObject podTemplate = JsonUtil::objectAt(target, "spec.template");
    QJsonObject labels = JsonUtil::objectAt(podTemplate, "metadata.labels");
    labels.insert(selectorLabel(target),
                  QString(selectorValue(target) + QStringLiteral("-primary")));
    JsonUtil::setAt(podTemplate, "metadata.labels", labels);
    return podTemplate;
}

QJsonObject serviceObject(const QString &ns, const QString &name, const QString &selectorKey,
                          const QString &selectorValue, int port, const QJsonObject &canary)
{
    const QJsonObject portEntry {{QStringLiteral("name"), QStringLiteral("http")},
                                 {QStringLiteral("port"), port},
                                 {QStringLiteral("protocol"), QStringLiteral("TCP")},
                                 {QStringLiteral("targetPort"), port}};
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Service")},
        {QStringLiteral("metadata"),
         QJsonObject {
             {QStringLiteral("name"), name},
             {QStringLiteral("namespace"), ns},
             {QStringLiteral("labels"), QJsonObject {{QStringLiteral("app"), name}}},
             {QStringLiteral("ownerReferences"), QJsonArray {JsonUtil::controllerRef(canary)}}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("ClusterIP")},
                      {QStringLiteral("selector"), QJsonObject {{selectorKey, selectorValue}}},
                      {QStringLiteral("ports"), QJsonArray {portEntry}}}}};
}

} // namespace

std::optional<QJsonObject> FlaggerController::deployment(const QString &ns,
                                                         const QString &name) const
{
    return m_store.get(Kinds::deployments(), ns, name);
}

// `<svc>` and `<svc>-primary` select the primary's pods, `<svc>-canary` the target's. An apex
// Service that exists already is taken over: its selector moves to the primary.
bool FlaggerController::ensureServices(Run &run)
{
    const QString label = selectorLabel(run.target);
    if (label.isEmpty()) {
        warning(run,
                QStringLiteral("deployment %1 spec.selector.matchLabels must contain one of "
                               "[app name app.kubernetes.io/name]")
                    .arg(run.targetId()));
        return false;
    }
    const QString value = selectorValue(run.target);
    const QString apex = run.spec.serviceName;
    const QList<QPair<QString, QString>> wanted {
        {apex, value + QStringLiteral("-primary")},
        {apex + QStringLiteral("-primary"), value + QStringLiteral("-primary")},
        {apex + QStringLiteral("-canary"), value}};
    for (const auto &[name, selected] : wanted) {
        std::optional<QJsonObject> existing = m_store.get(Kinds::services(), run.ns, name);
        if (!existing) {
            m_store.create(
                Kinds::services(),
                serviceObject(run.ns, name, label, selected, run.spec.servicePort, run.canary));
            continue;
        }
        const QJsonObject selector {{label, selected}};
        if (JsonUtil::objectAt(*existing, "spec.selector") != selector) {
            JsonUtil::setAt(*existing, "spec.selector", selector);
            m_store.update(Kinds::services(), *existing, WriteScope::Whole);
        }
    }
    return true;
}

// The primary Deployment, made once from the target (its replicas, at least 1), owned by the
// Canary.
bool FlaggerController::ensurePrimary(Run &run)
{
    if (deployment(run.ns, run.primaryName()))
        return true;
    const QString label = selectorLabel(run.target);
    const QString primaryValue = selectorValue(run.target) + QStringLiteral("-primary");
    QJsonObject labels = JsonUtil::objectAt(run.target, "metadata.labels");
    labels.insert(label, primaryValue);
    const qint64 replicas = JsonUtil::intAt(run.target, "spec.replicas", 1);
    QJsonObject spec = JsonUtil::objectAt(run.target, "spec");
    spec.insert(QStringLiteral("replicas"), replicas > 0 ? replicas : 1);
    spec.insert(QStringLiteral("selector"),
                QJsonObject {{QStringLiteral("matchLabels"), QJsonObject {{label, primaryValue}}}});
    spec.insert(QStringLiteral("template"), primaryTemplate(run.target));
    spec.remove(QStringLiteral("paused"));
    const QJsonObject primary {{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                               {QStringLiteral("kind"), QStringLiteral("Deployment")},
                               {QStringLiteral("metadata"),
                                QJsonObject {{QStringLiteral("name"), run.primaryName()},
                                             {QStringLiteral("namespace"), run.ns},
                                             {QStringLiteral("labels"), labels},
                                             {QStringLiteral("ownerReferences"),
                                              QJsonArray {JsonUtil::controllerRef(run.canary)}}}},
                               {QStringLiteral("spec"), spec}};
    const StoreResult created = m_store.create(Kinds::deployments(), primary);
    if (!created.ok())
        warning(run, created.error.message);
    return created.ok();
}

// Promote: the primary takes the target's template (its own labels kept) and settings.
void FlaggerController::copyTemplateToPrimary(Run &run)
{
    std::optional<QJsonObject> primary = deployment(run.ns, run.primaryName());
    if (!primary)
        return;
    QJsonObject spec = JsonUtil::objectAt(*primary, "spec");
    for (const char *key :
         {"minReadySeconds", "revisionHistoryLimit", "strategy", "progressDeadlineSeconds"}) {
        const QJsonValue value = JsonUtil::objectAt(run.target, "spec").value(QLatin1String(key));
        if (!value.isUndefined())
            spec.insert(QLatin1String(key), value);
    }
    spec.insert(QStringLiteral("template"), primaryTemplate(run.target));
    if (JsonUtil::intAt(run.target, "spec.replicas", 0) > 0)
        spec.insert(QStringLiteral("replicas"), JsonUtil::intAt(run.target, "spec.replicas", 1));
    primary->insert(QStringLiteral("spec"), spec);
    m_store.update(Kinds::deployments(), *primary, WriteScope::Spec);
}

void FlaggerController::scaleTarget(Run &run, int replicas)
{
    if (JsonUtil::intAt(run.target, "spec.replicas", 1) == replicas)
        return;
    JsonUtil::setAt(run.target, "spec.replicas", replicas);
    const StoreResult result = m_store.update(Kinds::deployments(), run.target, WriteScope::Spec);
    if (result.ok())
        run.target = result.object;
    else
        warning(run,
                QStringLiteral("scaling %1 failed: %2").arg(run.targetId(), result.error.message));
}

// ScaleFromZero: the target's own replicas, else the primary's, else 1.
int FlaggerController::replicasToScaleUp(const Run &run) const
{
    const qint64 own = JsonUtil::intAt(run.target, "spec.replicas", 0);
    if (own > 0)
        return int(own);
    const std::optional<QJsonObject> primary = deployment(run.ns, run.primaryName());
    const qint64 primaryReplicas = primary ? JsonUtil::intAt(*primary, "spec.replicas", 0) : 0;
    return primaryReplicas > 0 ? int(primaryReplicas) : 1;
}

QString FlaggerController::notReadyReason(const QJsonObject &deployment)
{
    const qint64 generation = JsonUtil::intAt(deployment, "metadata.generation", 1);
    if (JsonUtil::intAt(deployment, "status.observedGeneration", 0) < generation)
        return QStringLiteral("waiting for rollout to finish: observed deployment generation less "
                              "than desired generation");
    const qint64 wanted = JsonUtil::intAt(deployment, "spec.replicas", 1);
    const qint64 updated = JsonUtil::intAt(deployment, "status.updatedReplicas", 0);
    const qint64 total = JsonUtil::intAt(deployment, "status.replicas", 0);
    const qint64 available = JsonUtil::intAt(deployment, "status.availableReplicas", 0);
    if (updated < wanted)
        return QStringLiteral("waiting for rollout to finish: %1 out of %2 new replicas have been "
                              "updated")
            .arg(updated)
            .arg(wanted);
    if (total > updated)
        return QStringLiteral("waiting for rollout to finish: %1 old replicas are pending "
                              "termination")
            .arg(total - updated);
    if (available < updated)
        return QStringLiteral("waiting for rollout to finish: %1 of %2 (readyThreshold 100%) "
                              "updated replicas are available")
            .arg(available)
            .arg(updated);
    return QString();
}

} // namespace rdsim

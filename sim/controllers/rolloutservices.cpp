// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutReconciler: the rollouts-pod-template-hash in the selectors of a rollout's Services.
#include "rolloutkeys.h"
#include "rolloutreconciler.h"

#include "jsonutil.h"
#include "kinds.h"

#include "core/objectstore.h"

namespace rdsim {

namespace {

const QString kManagedBy = QStringLiteral("argo-rollouts.argoproj.io/managed-by-rollouts");

} // namespace

QString RolloutReconciler::serviceHash(const QString &service, const QString &fallback) const
{
    if (service.isEmpty())
        return {};
    const std::optional<QJsonObject> object
        = env.store.get(Kinds::services(), nameSpace(), service);
    if (!object)
        return fallback;
    return JsonUtil::objectAt(*object, "spec.selector").value(RolloutKeys::hashLabel).toString();
}

void RolloutReconciler::switchService(const QString &service, const QString &hash)
{
    if (service.isEmpty())
        return;
    std::optional<QJsonObject> object = env.store.get(Kinds::services(), nameSpace(), service);
    if (!object)
        return;
    QJsonObject svc = *object;
    QJsonObject selector = JsonUtil::objectAt(svc, "spec.selector");
    const QString previous = selector.value(RolloutKeys::hashLabel).toString();
    if (previous == hash && JsonUtil::hasAnnotation(svc, kManagedBy))
        return;
    selector.insert(RolloutKeys::hashLabel, hash);
    JsonUtil::setAt(svc, "spec.selector", selector);
    JsonUtil::setAnnotation(svc, kManagedBy, name());
    if (env.store.update(Kinds::services(), svc, WriteScope::Whole).ok())
        markWritten();
    if (previous != hash)
        event(QStringLiteral("SwitchService"),
              QStringLiteral("Switched selector for service '%1' from '%2' to '%3'")
                  .arg(service, previous, hash));
}

void RolloutReconciler::ensureServiceTarget(const QString &service, const RsState *rs)
{
    if (!rs || service.isEmpty())
        return;
    const std::optional<QJsonObject> object
        = env.store.get(Kinds::services(), nameSpace(), service);
    if (!object)
        return;
    const QString current
        = JsonUtil::objectAt(*object, "spec.selector").value(RolloutKeys::hashLabel).toString();
    if (current == rs->hash())
        return;
    // Adopting a Service waits for a fully available ReplicaSet; a managed one only needs a pod.
    if (!JsonUtil::hasAnnotation(*object, kManagedBy) && rs->available() < rs->specReplicas())
        return;
    if (rs->available() <= 0)
        return;
    switchService(service, rs->hash());
}

} // namespace rdsim

// SPDX-License-Identifier: GPL-3.0-or-later
#include "simflaggerphases.h"

#include "jsonutil.h"
#include "podtemplatehash.h"

#include "core/resourcecatalog.h"

#include <QJsonArray>

namespace rdsim::FlaggerPhases {

bool isAnalysisPhase(const QString &phase)
{
    return phase == progressingPhase() || phase == waitingPhase()
        || phase == waitingPromotionPhase() || phase == promotingPhase()
        || phase == finalisingPhase();
}

Condition promotedCondition(const QString &phase, const QString &kind)
{
    const QString unknown = QStringLiteral("Unknown");
    if (phase == initializedPhase())
        return {QStringLiteral("True"), QStringLiteral("%1 initialization completed.").arg(kind)};
    if (phase == waitingPhase() || phase == waitingPromotionPhase())
        return {unknown, QStringLiteral("Waiting for approval.")};
    if (phase == progressingPhase())
        return {unknown, QStringLiteral("New revision detected, progressing canary analysis.")};
    if (phase == promotingPhase())
        return {unknown,
                QStringLiteral("Canary analysis completed, starting primary rolling update.")};
    if (phase == finalisingPhase())
        return {unknown,
                QStringLiteral("Canary analysis completed, routing all traffic to primary.")};
    if (phase == succeededPhase())
        return {QStringLiteral("True"),
                QStringLiteral("Canary analysis completed successfully, promotion finished.")};
    if (phase == failedPhase())
        return {QStringLiteral("False"),
                QStringLiteral("Canary analysis failed, %1 scaled to zero.").arg(kind)};
    return {unknown, QStringLiteral("New %1 detected, starting initialization.").arg(kind)};
}

QJsonArray nextConditions(const QJsonObject &status, const QString &phase, const QString &kind,
                          const QString &now)
{
    QJsonObject current;
    for (const QJsonValue &value : status.value(QLatin1String("conditions")).toArray()) {
        if (value.toObject().value(QLatin1String("type")).toString() == QLatin1String("Promoted"))
            current = value.toObject();
    }
    const Condition next = promotedCondition(phase, kind);
    const QString currentStatus = current.value(QLatin1String("status")).toString();
    if (!current.isEmpty() && currentStatus == next.status
        && current.value(QLatin1String("reason")).toString() == phase)
        return {};
    const QString transition = !current.isEmpty() && currentStatus == next.status
        ? current.value(QLatin1String("lastTransitionTime")).toString()
        : now;
    return QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("Promoted")},
                                    {QStringLiteral("status"), next.status},
                                    {QStringLiteral("lastUpdateTime"), now},
                                    {QStringLiteral("lastTransitionTime"), transition},
                                    {QStringLiteral("reason"), phase},
                                    {QStringLiteral("message"), next.message}}};
}

QString templateChecksum(const QJsonObject &deployment)
{
    return PodTemplateHash::ofBytes(
        JsonUtil::compact(JsonUtil::objectAt(deployment, "spec.template")));
}

const ResourceType &canaryType()
{
    static const ResourceType *t
        = ResourceCatalog::find(QStringLiteral("flagger.app"), QStringLiteral("canaries"));
    return *t;
}

const ResourceType &metricTemplateType()
{
    static const ResourceType *t
        = ResourceCatalog::find(QStringLiteral("flagger.app"), QStringLiteral("metrictemplates"));
    return *t;
}

} // namespace rdsim::FlaggerPhases

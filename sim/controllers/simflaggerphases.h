// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace rdsim {

struct ResourceType;

// Flagger's words: the Canary phases (pkg/apis/flagger/v1beta1/status.go), the Promoted
// condition of each (pkg/canary/status.go, MakeStatusConditions), and the checksum that
// stands for a target's pod template in status.lastAppliedSpec.
namespace FlaggerPhases {

inline QString initializingPhase()
{
    return QStringLiteral("Initializing");
}
inline QString initializedPhase()
{
    return QStringLiteral("Initialized");
}
inline QString waitingPhase()
{
    return QStringLiteral("Waiting");
}
inline QString progressingPhase()
{
    return QStringLiteral("Progressing");
}
inline QString waitingPromotionPhase()
{
    return QStringLiteral("WaitingPromotion");
}
inline QString promotingPhase()
{
    return QStringLiteral("Promoting");
}
inline QString finalisingPhase()
{
    return QStringLiteral("Finalising");
}
inline QString succeededPhase()
{
    return QStringLiteral("Succeeded");
}
inline QString failedPhase()
{
    return QStringLiteral("Failed");
}

// The phases in which shouldAdvance() goes on without a new revision.
bool isAnalysisPhase(const QString &phase);

// The Promoted condition Flagger writes for `phase` of a Canary whose target is `kind`:
// {status, message}; the reason is the phase.
struct Condition
{
    QString status;
    QString message;
};
Condition promotedCondition(const QString &phase, const QString &kind);

// The Promoted condition after a change to `phase`, or an empty array when the current one
// already says it (same status and reason), so lastTransitionTime stays.
QJsonArray nextConditions(const QJsonObject &status, const QString &phase, const QString &kind,
                          const QString &now);

// A short hash of the Deployment's spec.template.
QString templateChecksum(const QJsonObject &deployment);

const ResourceType &canaryType();
const ResourceType &metricTemplateType();

} // namespace FlaggerPhases

} // namespace rdsim

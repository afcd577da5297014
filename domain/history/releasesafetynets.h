// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releasereport.h"
#include "safetynets.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// The post-release report's "Safety nets" section (issue 15): what the release's canary
// brought compared with its stable version, from the latest safety nets recorded for it
// (ReleaseTimeline::safetyNets, safetyNetsJson's shape): vulnerabilities by severity and the
// CVEs it added, policy failures new with it, Gatekeeper violations and admission denials,
// Falco alerts on its pods, the CI run that built it, the earlier environment's evidence. A
// source that was not read is said to be so, never counted as clean.
class ReleaseSafetyNetsReport
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseSafetyNetsReport)

public:
    static ReleaseReportSection section(const ReleaseSafetyNets &recorded);

    // A stored source word ("loaded", "notServed", "forbidden", "failed", "notAsked") of
    // safetyNetsJson's "sources" as the state it was; an unknown word is NotAsked.
    static SafetyNetSourceState::State stateOf(const QString &word);
    // The state of a source in a recorded object.
    static SafetyNetSourceState::State stateOf(const QJsonObject &nets, SafetyNetSource source);

private:
    static ReleaseReportTable overview(const QJsonObject &nets);
    static QString vulnerabilityText(const QJsonObject &nets);
    static QString policyText(const QJsonObject &nets);
    static QString gatekeeperText(const QJsonObject &nets);
    static QString falcoText(const QJsonObject &nets);
    static QString ciText(const QJsonObject &nets);
    static QString stagingText(const QJsonObject &nets);
    static ReleaseReportTable addedCves(const QJsonObject &nets);
    static ReleaseReportTable newPolicyFailures(const QJsonObject &nets);
    static QStringList unreadNotes(const QJsonObject &nets);
};

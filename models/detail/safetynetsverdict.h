// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailroles.h"
#include "safetynets.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// How the safety nets of one rollout judge, section by section, as DetailRoles tones: the
// Safety nets tab's section symbols, its title and the detail header's summary colour all
// read them here, so a red section is red everywhere. Green is said only of what was read:
// a section none of whose sources could be read is Muted, one read only in part or with
// nothing to judge (no CI run matched) stays Default.
class SafetyNetsVerdict
{
    Q_DECLARE_TR_FUNCTIONS(SafetyNetsVerdict)

public:
    using Tone = DetailRoles::Tone;

    // The tab's sections, in the order shown.
    enum class Section { Vulnerabilities, Policy, Runtime, Ci, Staging, FeatureFlags };
    static QList<Section> sections();
    // The sources a section reads (Policy: PolicyReports and Gatekeeper; ...).
    static QList<SafetyNetSource> sources(Section section);

    // Failed, Warning, Ok, Default or Muted (above).
    static Tone tone(const SafetyNets &nets, Section section);
    // The worst finding of every section: Failed or Warning when one section is; Ok only when
    // every section was read (at least in part) and none found anything; Muted when nothing
    // was read at all; Default otherwise.
    static Tone worst(const SafetyNets &nets);
    // One line per source for the header's tooltip: "Image vulnerabilities (Trivy): read at
    // 14:03:12" or the source's note.
    static QString toolTip(const SafetyNets &nets);

    // Trivy's severities (CRITICAL...; any case) as tones: critical and high red, medium
    // amber, low default, unknown muted.
    static Tone severityTone(const QString &severity);
    // Falco's priorities: Emergency, Alert, Critical and Error red, Warning amber, the rest
    // default.
    static Tone priorityTone(const QString &priority);
    // Falco's priorities from the most urgent; an unknown word sorts last.
    static int priorityRank(const QString &priority);
    // The PhaseStyle symbol of a tone: Degraded, Paused, Healthy; empty for the others.
    static QString symbol(Tone tone);
};

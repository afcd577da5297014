// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "safetynets.h"

#include <QCoreApplication>
#include <QString>

// The safety nets in words, shared by the detail header, the fleet column, the release record
// and the CLI's table. Never claims green for a source that was not read.
class SafetyNetsText
{
    Q_DECLARE_TR_FUNCTIONS(SafetyNetsText)

public:
    // One compact line, e.g. "+2 critical CVEs · policy: 1 fail · CI failed · staging chaos
    // failed · 3 Falco alerts"; without findings "no findings" (or "no findings in what could
    // be read" when a source answered 403 or failed), "not scanned" when nothing was read.
    static QString summary(const SafetyNets &nets);
    // "Image vulnerabilities (Trivy)", "Policy reports", ...
    static QString sourceName(SafetyNetSource source);
    // A quiet note on a source that could not be read, e.g. "Trivy Operator is not installed
    // in this cluster (the API has no VulnerabilityReport kind)." or "Not allowed to list
    // PolicyReports here (403)."; empty when Loaded.
    static QString sourceNote(SafetyNetSource source, const SafetyNetSourceState &state);
    // Trivy's CRITICAL/HIGH/MEDIUM/LOW/UNKNOWN (any case), translated; other words unchanged.
    static QString severityName(const QString &trivySeverity);

    // The earlier environment's load tests and chaos experiments for the canary's version, for
    // the promotion view: what the verdict is and one line saying it ("staging: chaos failed
    // (checkout-pod-delete)"). None, with no text, when there is no earlier environment or none
    // of its sources could be read: an unread source is not missing evidence.
    enum class Evidence { None, Passed, Failed, Missing };
    static Evidence evidence(const SafetyNets &nets, QString *line = nullptr);
};

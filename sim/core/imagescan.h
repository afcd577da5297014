// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace rdsim {

// One known vulnerability of an image, as Trivy reports it (issue 15).
struct ImageVulnerability
{
    QString id {}; // CVE-2024-3094
    QString package {}; // the OS or language package ("resource" in the report)
    QString installedVersion {};
    QString fixedVersion {}; // empty: no fix yet
    QString severity {}; // CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN
    double score = -1; // CVSS v3 score, -1 when unknown
    QString title {};
};

// What the scenario's top-level `images:` says about one image reference: the scanners and
// policy engines of every cluster read it, so an image looks the same wherever it runs.
struct ImageScan
{
    QString image {}; // exact reference, "ghcr.io/acme/checkout:1.4.1"
    // Added to the baseline every image of the repository shares (derived from its name).
    QList<ImageVulnerability> vulnerabilities {};
    bool baseline = true; // false: only the listed vulnerabilities
    bool signedImage = true; // false: the policy engine's signature check fails
};

} // namespace rdsim

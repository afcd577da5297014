// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/imagescan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rdsim {

// An image reference split as Trivy reports it.
struct ImageReference
{
    QString registry {}; // "ghcr.io"; "index.docker.io" when the reference names none
    QString repository {}; // "acme/checkout"
    QString tag {}; // "1.4.2"; "latest" when the reference has neither tag nor digest
    // "sha256:<hex>": the reference's own digest, else the SHA-256 of the reference text, so
    // every simulated object (reports, CI results) names the same digest for one image.
    QString digest {};
    static ImageReference parse(const QString &image);
};

// Trivy Operator's reports, written for an object it scanned (a ReplicaSet in the simulator).
namespace SimTrivyScanner {

// The image's vulnerabilities: the baseline its repository shares (two to four LOW and
// MEDIUM findings of Debian's base packages, chosen by a hash of the repository, so a
// version bump alone changes nothing) plus what `scans` lists for this exact image.
QList<ImageVulnerability> vulnerabilities(const QString &image, const QList<ImageScan> &scans);

// One VulnerabilityReport (aquasecurity.github.io/v1alpha1) for a container of `owner`:
// named <kind>-<owner>-<container>, labelled trivy-operator.resource.{kind,name,namespace}
// and trivy-operator.container.name, owned by `owner`, its summary counted from the list.
QJsonObject vulnerabilityReport(const QJsonObject &owner, const QString &ownerKind,
                                const QString &container, const QString &image,
                                const QList<ImageScan> &scans, const QString &now);

// The ConfigAuditReport of `owner`'s pod template (named <kind>-<owner>): the checks of
// Trivy's Kubernetes misconfiguration rules the template fails.
QJsonObject configAuditReport(const QJsonObject &owner, const QString &ownerKind,
                              const QString &now);

} // namespace SimTrivyScanner

} // namespace rdsim

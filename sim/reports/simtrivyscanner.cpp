// SPDX-License-Identifier: GPL-3.0-or-later
#include "simtrivyscanner.h"

#include "controllers/jsonutil.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace rdsim {

namespace {

const QString kScannerVersion = QStringLiteral("0.24.1");

// Findings Trivy reports for Debian 12's base packages in most images built on it; the
// baseline of an image is a few of these.
const ImageVulnerability kBaseline[] = {
    {"CVE-2011-3374", "apt", "2.6.1", "", "LOW", 3.7, "apt-key does not check the master keyring"},
    {"CVE-2022-0563", "libblkid1", "2.38.1-5+b1", "", "LOW", 5.5,
     "util-linux: chfn and chsh can disclose parts of arbitrary files"},
    {"CVE-2016-2781", "coreutils", "9.1-1", "", "LOW", 6.5,
     "coreutils: chroot lets a session escape to its parent terminal"},
    {"CVE-2017-18018", "coreutils", "9.1-1", "", "LOW", 4.7,
     "coreutils: race in chown and chgrp with -R -L"},
    {"CVE-2023-29383", "login", "1:4.13+dfsg1-1", "", "LOW", 3.3,
     "shadow: chfn accepts control characters"},
    {"CVE-2023-50495", "libtinfo6", "6.4-4", "", "MEDIUM", 6.5,
     "ncurses: crash in the terminfo entry parser"},
    {"CVE-2023-4039", "libgcc-s1", "12.2.0-14", "", "MEDIUM", 4.8,
     "gcc: stack protector misses dynamic allocations on arm64"},
    {"CVE-2024-2236", "libgcrypt20", "1.10.1-3", "", "MEDIUM", 5.9,
     "libgcrypt: timing side channel in RSA decryption"},
};
constexpr int kBaselineSize = int(sizeof(kBaseline) / sizeof(kBaseline[0]));

QByteArray sha256(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

QJsonObject vulnerabilityJson(const ImageVulnerability &v, const QString &target)
{
    QJsonObject json {
        {QStringLiteral("vulnerabilityID"), v.id},
        {QStringLiteral("resource"), v.package},
        {QStringLiteral("installedVersion"), v.installedVersion},
        {QStringLiteral("fixedVersion"), v.fixedVersion},
        {QStringLiteral("severity"), v.severity},
        {QStringLiteral("title"), v.title},
        {QStringLiteral("primaryLink"),
         QString(QStringLiteral("https://avd.aquasec.com/nvd/") + v.id.toLower())},
        {QStringLiteral("links"), QJsonArray()},
        {QStringLiteral("target"), target},
        {QStringLiteral("class"), QStringLiteral("os-pkgs")},
        {QStringLiteral("packageType"), QStringLiteral("debian")},
        {QStringLiteral("publishedDate"), QStringLiteral("2024-01-01T00:00:00Z")},
    };
    if (v.score >= 0)
        json.insert(QStringLiteral("score"), v.score);
    return json;
}

// Trivy's summary keys for its severity words.
QJsonObject summaryOf(const QStringList &severities, bool withUnknown)
{
    QJsonObject summary;
    for (const char *word : {"critical", "high", "medium", "low"}) {
        const QString key = QLatin1String(word) + QStringLiteral("Count");
        summary.insert(key, int(severities.count(QString::fromLatin1(word).toUpper())));
    }
    if (withUnknown) {
        summary.insert(QStringLiteral("unknownCount"),
                       int(severities.count(QStringLiteral("UNKNOWN"))));
        summary.insert(QStringLiteral("noneCount"), 0);
    }
    return summary;
}

QJsonObject scanner()
{
    return QJsonObject {{QStringLiteral("name"), QStringLiteral("Trivy")},
                        {QStringLiteral("vendor"), QStringLiteral("Aqua Security")},
                        {QStringLiteral("version"), kScannerVersion}};
}

// Labels and owner of a report about `owner`, as Trivy Operator sets them.
QJsonObject reportMetadata(const QJsonObject &owner, const QString &ownerKind, const QString &name,
                           const QString &container)
{
    const QJsonObject template_ = JsonUtil::objectAt(owner, "spec.template");
    const QString specHash = QString::fromLatin1(
        sha256(QString::fromUtf8(JsonUtil::compact(template_))).toHex().left(10));
    QJsonObject labels {
        {QStringLiteral("trivy-operator.resource.kind"), ownerKind},
        {QStringLiteral("trivy-operator.resource.name"), JsonUtil::name(owner)},
        {QStringLiteral("trivy-operator.resource.namespace"), JsonUtil::nameSpace(owner)},
        {QStringLiteral("resource-spec-hash"), specHash},
        {QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("trivy-operator")},
    };
    if (!container.isEmpty())
        labels.insert(QStringLiteral("trivy-operator.container.name"), container);
    QJsonObject reference = JsonUtil::controllerRef(owner);
    reference.insert(QStringLiteral("blockOwnerDeletion"), false);
    return QJsonObject {{QStringLiteral("name"), name},
                        {QStringLiteral("namespace"), JsonUtil::nameSpace(owner)},
                        {QStringLiteral("labels"), labels},
                        {QStringLiteral("ownerReferences"), QJsonArray {reference}}};
}

} // namespace

ImageReference ImageReference::parse(const QString &image)
{
    ImageReference ref;
    QString rest = image;
    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        ref.digest = rest.mid(at + 1);
        rest = rest.left(at);
    }
    const qsizetype slash = rest.indexOf(u'/');
    const QString first = rest.left(slash);
    if (slash > 0
        && (first.contains(u'.') || first.contains(u':') || first == QStringLiteral("localhost"))) {
        ref.registry = first;
        rest = rest.mid(slash + 1);
    } else {
        ref.registry = QStringLiteral("index.docker.io");
        if (!rest.contains(u'/'))
            rest = QStringLiteral("library/") + rest;
    }
    const qsizetype colon = rest.lastIndexOf(u':');
    ref.repository = colon > 0 ? rest.left(colon) : rest;
    ref.tag = colon > 0 ? rest.mid(colon + 1) : (at >= 0 ? QString() : QStringLiteral("latest"));
    if (ref.digest.isEmpty())
        ref.digest = QStringLiteral("sha256:") + QString::fromLatin1(sha256(image).toHex());
    return ref;
}

QList<ImageVulnerability> SimTrivyScanner::vulnerabilities(const QString &image,
                                                           const QList<ImageScan> &scans)
{
    const ImageScan *scan = nullptr;
    for (const ImageScan &candidate : scans) {
        if (candidate.image == image)
            scan = &candidate;
    }
    QList<ImageVulnerability> out;
    if (!scan || scan->baseline) {
        const ImageReference ref = ImageReference::parse(image);
        const QByteArray hash = sha256(ref.registry + u'/' + ref.repository);
        const int count = 2 + quint8(hash.at(0)) % 3;
        const int start = quint8(hash.at(1)) % kBaselineSize;
        for (int i = 0; i < count; ++i)
            out << kBaseline[(start + i) % kBaselineSize];
    }
    if (scan)
        out << scan->vulnerabilities;
    return out;
}

QJsonObject SimTrivyScanner::vulnerabilityReport(const QJsonObject &owner, const QString &ownerKind,
                                                 const QString &container, const QString &image,
                                                 const QList<ImageScan> &scans, const QString &now)
{
    const ImageReference ref = ImageReference::parse(image);
    const QString name = ownerKind.toLower() + u'-' + JsonUtil::name(owner) + u'-' + container;
    const QString target = image + QStringLiteral(" (debian 12.8)");
    QJsonArray list;
    QStringList severities;
    for (const ImageVulnerability &v : vulnerabilities(image, scans)) {
        list.append(vulnerabilityJson(v, target));
        severities << v.severity;
    }
    const QJsonObject report {
        {QStringLiteral("updateTimestamp"), now},
        {QStringLiteral("scanner"), scanner()},
        {QStringLiteral("registry"), QJsonObject {{QStringLiteral("server"), ref.registry}}},
        {QStringLiteral("artifact"),
         QJsonObject {{QStringLiteral("repository"), ref.repository},
                      {QStringLiteral("tag"), ref.tag},
                      {QStringLiteral("digest"), ref.digest},
                      {QStringLiteral("mimeType"),
                       QStringLiteral("application/vnd.oci.image.manifest.v1+json")}}},
        {QStringLiteral("os"),
         QJsonObject {{QStringLiteral("family"), QStringLiteral("debian")},
                      {QStringLiteral("name"), QStringLiteral("12.8")}}},
        {QStringLiteral("summary"), summaryOf(severities, true)},
        {QStringLiteral("vulnerabilities"), list},
    };
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("aquasecurity.github.io/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("VulnerabilityReport")},
        {QStringLiteral("metadata"), reportMetadata(owner, ownerKind, name, container)},
        {QStringLiteral("report"), report}};
}

namespace {

struct ConfigCheck
{
    const char *id;
    const char *title;
    const char *severity;
    const char *field; // the securityContext or resources field the check wants
    bool (*fails)(const QJsonObject &container, const QJsonObject &podSecurity);
};

// Trivy's Kubernetes checks the simulator evaluates, on each container of the template.
const ConfigCheck kChecks[] = {
    {"KSV001", "Can elevate its own privileges", "MEDIUM",
     "securityContext.allowPrivilegeEscalation to false",
     [](const QJsonObject &c, const QJsonObject &) {
         return JsonUtil::at(c, "securityContext.allowPrivilegeEscalation") != QJsonValue(false);
     }},
    {"KSV011", "CPU not limited", "LOW", "resources.limits.cpu",
     [](const QJsonObject &c, const QJsonObject &) {
         return !JsonUtil::has(c, "resources.limits.cpu");
     }},
    {"KSV012", "Runs as root user", "MEDIUM", "securityContext.runAsNonRoot to true",
     [](const QJsonObject &c, const QJsonObject &pod) {
         return !JsonUtil::boolAt(c, "securityContext.runAsNonRoot")
             && !pod.value(QStringLiteral("runAsNonRoot")).toBool();
     }},
    {"KSV014", "Root file system is not read-only", "HIGH",
     "securityContext.readOnlyRootFilesystem to true",
     [](const QJsonObject &c, const QJsonObject &) {
         return !JsonUtil::boolAt(c, "securityContext.readOnlyRootFilesystem");
     }},
    {"KSV018", "Memory not limited", "LOW", "resources.limits.memory",
     [](const QJsonObject &c, const QJsonObject &) {
         return !JsonUtil::has(c, "resources.limits.memory");
     }},
};

} // namespace

QJsonObject SimTrivyScanner::configAuditReport(const QJsonObject &owner, const QString &ownerKind,
                                               const QString &now)
{
    const QJsonObject podSpec = JsonUtil::objectAt(owner, "spec.template.spec");
    const QJsonObject podSecurity = podSpec.value(QStringLiteral("securityContext")).toObject();
    const QJsonArray containers = podSpec.value(QStringLiteral("containers")).toArray();
    QJsonArray checks;
    QStringList severities;
    for (const ConfigCheck &check : kChecks) {
        QJsonArray messages;
        for (const QJsonValue &value : containers) {
            const QJsonObject container = value.toObject();
            if (!check.fails(container, podSecurity))
                continue;
            messages.append(QStringLiteral("Container '%1' of %2 '%3' should set '%4'")
                                .arg(container.value(QStringLiteral("name")).toString(), ownerKind,
                                     JsonUtil::name(owner), QLatin1String(check.field)));
        }
        if (messages.isEmpty())
            continue;
        severities << QString::fromLatin1(check.severity);
        checks.append(
            QJsonObject {{QStringLiteral("checkID"), QLatin1String(check.id)},
                         {QStringLiteral("title"), QLatin1String(check.title)},
                         {QStringLiteral("severity"), QLatin1String(check.severity)},
                         {QStringLiteral("category"), QStringLiteral("Kubernetes Security Check")},
                         {QStringLiteral("description"), QLatin1String(check.title)},
                         {QStringLiteral("messages"), messages},
                         {QStringLiteral("success"), false}});
    }
    const QJsonObject report {{QStringLiteral("updateTimestamp"), now},
                              {QStringLiteral("scanner"), scanner()},
                              {QStringLiteral("summary"), summaryOf(severities, false)},
                              {QStringLiteral("checks"), checks}};
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("aquasecurity.github.io/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigAuditReport")},
        {QStringLiteral("metadata"),
         reportMetadata(owner, ownerKind, ownerKind.toLower() + u'-' + JsonUtil::name(owner), {})},
        {QStringLiteral("report"), report}};
}

} // namespace rdsim

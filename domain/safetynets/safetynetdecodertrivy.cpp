// SPDX-License-Identifier: GPL-3.0-or-later
// Trivy Operator's reports, aquasecurity.github.io/v1alpha1, as its Go types write them
// (aquasecurity/trivy-operator 1006872c, pkg/apis/aquasecurity/v1alpha1/vulnerability_types.go
// and config_audit_types.go): report.{updateTimestamp, scanner{name, vendor, version},
// artifact{repository, tag, digest}, summary{criticalCount ... unknownCount, noneCount},
// vulnerabilities[]{vulnerabilityID, resource, installedVersion, fixedVersion, severity,
// title, primaryLink, score (a float, omitted when unknown)}}; a ConfigAuditReport's
// report.{summary{criticalCount, highCount, mediumCount, lowCount}, checks[]{checkID, title,
// description, severity, messages[], success}}. The object a report is about is named by the
// labels trivy-operator.resource.{kind,name,namespace} and trivy-operator.container.name
// (pkg/trivyoperator/constants.go).
#include "safetynetdecoder_p.h"

using namespace SafetyNetRead;

namespace {

void readSummary(Context &ctx, Element value, const Path &path, SeverityCounts &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "criticalCount"))
            readInt32(ctx, v, p, out.critical);
        else if (is(key, "highCount"))
            readInt32(ctx, v, p, out.high);
        else if (is(key, "mediumCount"))
            readInt32(ctx, v, p, out.medium);
        else if (is(key, "lowCount"))
            readInt32(ctx, v, p, out.low);
        else if (is(key, "unknownCount"))
            readInt32(ctx, v, p, out.unknown);
    });
}

ObjectRef ownerFromLabels(const QHash<QString, QString> &labels)
{
    ObjectRef owner;
    owner.kind = labels.value(QStringLiteral("trivy-operator.resource.kind"));
    owner.name = labels.value(QStringLiteral("trivy-operator.resource.name"));
    owner.namespace_ = labels.value(QStringLiteral("trivy-operator.resource.namespace"));
    return owner;
}

void readVulnerability(Context &ctx, Element value, const Path &path, Vulnerability &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "vulnerabilityID"))
            readText(ctx, v, p, out.id);
        else if (is(key, "resource"))
            readWord(ctx, v, p, out.package);
        else if (is(key, "installedVersion"))
            readWord(ctx, v, p, out.installedVersion);
        else if (is(key, "fixedVersion"))
            readWord(ctx, v, p, out.fixedVersion);
        else if (is(key, "severity"))
            readWord(ctx, v, p, out.severity);
        else if (is(key, "title"))
            readText(ctx, v, p, out.title);
        else if (is(key, "primaryLink"))
            readText(ctx, v, p, out.link);
        else if (is(key, "score") && !v.is_null()) {
            double score = 0;
            if (v.get(score) == simdjson::SUCCESS)
                out.score = score;
            else
                ctx.reportMessage(p, SafetyNetDecoder::tr("expected a number"));
        }
    });
}

void readVulnerabilityData(Context &ctx, Element value, const Path &path, VulnerabilityReport &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "updateTimestamp")) {
            readMs(ctx, v, p, out.updatedMs);
        } else if (is(key, "scanner")) {
            QString name;
            QString version;
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (is(k, "name"))
                    readWord(ctx, sv, sp, name);
                else if (is(k, "version"))
                    readWord(ctx, sv, sp, version);
            });
            out.scanner = version.isEmpty() ? name : name + QLatin1Char(' ') + version;
        } else if (is(key, "artifact")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element av, const Path &ap) {
                if (is(k, "repository"))
                    readText(ctx, av, ap, out.repository);
                else if (is(k, "tag"))
                    readText(ctx, av, ap, out.tag);
                else if (is(k, "digest"))
                    readText(ctx, av, ap, out.digest);
            });
        } else if (is(key, "summary")) {
            readSummary(ctx, v, p, out.summary);
        } else if (is(key, "vulnerabilities")) {
            out.truncated
                = forEachBounded(ctx, v, p, SafetyNetLimits::maxVulnerabilitiesPerReport,
                                 [&](Element item, const Path &ip) {
                                     out.vulnerabilities.emplaceBack();
                                     readVulnerability(ctx, item, ip, out.vulnerabilities.last());
                                 });
        }
    });
}

void readCheck(Context &ctx, Element value, const Path &path, ConfigAuditCheck &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "checkID"))
            readWord(ctx, v, p, out.id);
        else if (is(key, "title"))
            readText(ctx, v, p, out.title);
        else if (is(key, "severity"))
            readWord(ctx, v, p, out.severity);
        else if (is(key, "description"))
            readText(ctx, v, p, out.description);
        else if (is(key, "success"))
            readBool(ctx, v, p, out.success);
        else if (is(key, "messages"))
            appendValues(ctx, v, p, out.messages, SafetyNetLimits::maxPolicyResultsPerReport);
    });
}

void readConfigAuditData(Context &ctx, Element value, const Path &path, ConfigAuditReport &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "summary")) {
            readSummary(ctx, v, p, out.summary);
        } else if (is(key, "checks")) {
            // Only failures are kept, but every check counts against the bound: a report of
            // a million passed checks costs no more than one of 2,000.
            out.truncated = forEachBounded(ctx, v, p, SafetyNetLimits::maxPolicyResultsPerReport,
                                           [&](Element item, const Path &ip) {
                                               ConfigAuditCheck check;
                                               readCheck(ctx, item, ip, check);
                                               if (!check.success)
                                                   out.checks.append(std::move(check));
                                           });
        }
    });
}

} // namespace

ObjectList<VulnerabilityReport> SafetyNetDecoder::vulnerabilityReports(const QByteArray &body)
{
    return decodeList<VulnerabilityReport>(
        body, [](Context &ctx, Element item, const Path &path, QList<VulnerabilityReport> &out) {
            VulnerabilityReport &report = out.emplaceBack();
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata")) {
                    ItemMeta meta;
                    readItemMeta(ctx, v, p, meta);
                    report.name = meta.name;
                    report.namespace_ = meta.namespace_;
                    report.owner = ownerFromLabels(meta.labels);
                    report.container
                        = meta.labels.value(QStringLiteral("trivy-operator.container.name"));
                } else if (is(key, "report")) {
                    readVulnerabilityData(ctx, v, p, report);
                }
            });
        });
}

ObjectList<ConfigAuditReport> SafetyNetDecoder::configAuditReports(const QByteArray &body)
{
    return decodeList<ConfigAuditReport>(
        body, [](Context &ctx, Element item, const Path &path, QList<ConfigAuditReport> &out) {
            ConfigAuditReport &report = out.emplaceBack();
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata")) {
                    ItemMeta meta;
                    readItemMeta(ctx, v, p, meta);
                    report.name = meta.name;
                    report.namespace_ = meta.namespace_;
                    report.owner = ownerFromLabels(meta.labels);
                } else if (is(key, "report")) {
                    readConfigAuditData(ctx, v, p, report);
                }
            });
        });
}

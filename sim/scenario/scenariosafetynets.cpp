// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenariosafetynets.h"

#include "core/resourcecatalog.h"
#include "scenario/scenarioargocd.h"

namespace rdsim {

namespace {

const QStringList kImageKeys {QStringLiteral("image"), QStringLiteral("vulnerabilities"),
                              QStringLiteral("baseline"), QStringLiteral("signed")};
const QStringList kVulnerabilityKeys {
    QStringLiteral("id"),           QStringLiteral("package"),  QStringLiteral("installedVersion"),
    QStringLiteral("fixedVersion"), QStringLiteral("severity"), QStringLiteral("score"),
    QStringLiteral("title")};
const QStringList kSeverities {QStringLiteral("CRITICAL"), QStringLiteral("HIGH"),
                               QStringLiteral("MEDIUM"), QStringLiteral("LOW"),
                               QStringLiteral("UNKNOWN")};
const QStringList kFalcoKeys {QStringLiteral("rule"),    QStringLiteral("priority"),
                              QStringLiteral("perHour"), QStringLiteral("canaryOnly"),
                              QStringLiteral("tags"),    QStringLiteral("source")};
// Falco's priorities in the order of their numbers, which the exporter's label carries.
const QStringList kFalcoPriorities {QStringLiteral("Emergency"),     QStringLiteral("Alert"),
                                    QStringLiteral("Critical"),      QStringLiteral("Error"),
                                    QStringLiteral("Warning"),       QStringLiteral("Notice"),
                                    QStringLiteral("Informational"), QStringLiteral("Debug")};

} // namespace

QList<ImageScan> SafetyNetScenarioParser::images(const MapReader &top) const
{
    QList<ImageScan> scans;
    ArgoCdScenarioParser(m_source).forEach(
        top, QStringLiteral("images"), kImageKeys, [&](const MapReader &item) {
            item.require(QStringLiteral("image"));
            ImageScan scan;
            scan.image = item.string(QStringLiteral("image"));
            for (const ImageScan &other : std::as_const(scans)) {
                if (other.image == scan.image)
                    item.fail(QStringLiteral("image"),
                              QStringLiteral("image '%1' is listed twice").arg(scan.image));
            }
            scan.baseline = item.boolean(QStringLiteral("baseline"), true);
            scan.signedImage = item.boolean(QStringLiteral("signed"), true);
            ArgoCdScenarioParser(m_source).forEach(
                item, QStringLiteral("vulnerabilities"), kVulnerabilityKeys,
                [&](const MapReader &v) { scan.vulnerabilities << vulnerability(v); });
            scans << scan;
        });
    return scans;
}

ImageVulnerability SafetyNetScenarioParser::vulnerability(const MapReader &item) const
{
    ImageVulnerability v;
    for (const char *key : {"id", "package", "installedVersion", "severity"})
        item.require(QLatin1String(key));
    v.id = item.string(QStringLiteral("id"));
    v.package = item.string(QStringLiteral("package"));
    v.installedVersion = item.string(QStringLiteral("installedVersion"));
    v.fixedVersion = item.string(QStringLiteral("fixedVersion"));
    v.severity = item.string(QStringLiteral("severity"));
    if (!kSeverities.contains(v.severity))
        item.fail(QStringLiteral("severity"),
                  QStringLiteral("'%1' is not one of %2")
                      .arg(v.severity, kSeverities.join(QStringLiteral(", "))));
    v.score = item.number(QStringLiteral("score"), -1);
    if (item.has(QStringLiteral("score")) && (v.score < 0 || v.score > 10))
        item.fail(QStringLiteral("score"), QStringLiteral("must be between 0 and 10"));
    v.title = item.string(QStringLiteral("title"));
    return v;
}

QStringList SafetyNetScenarioParser::unservedKinds(const MapReader &cluster) const
{
    QStringList unserved;
    const QStringList families = ResourceCatalog::families();
    const QString servesKey = QStringLiteral("serves");
    if (cluster.has(servesKey)) {
        const MapReader serves(m_source, cluster.value(servesKey), cluster.childPath(servesKey),
                               cluster.keyLine(servesKey), families);
        for (const ResourceType &type : ResourceCatalog::all()) {
            if (!type.family.isEmpty() && !serves.boolean(type.family, true))
                unserved << type.key();
        }
    }
    const QString withoutKey = QStringLiteral("withoutKinds");
    const QStringList without = cluster.stringList(withoutKey);
    for (int i = 0; i < without.size(); ++i) {
        const QString &key = without.at(i);
        bool known = false;
        for (const ResourceType &type : ResourceCatalog::all())
            known = known || (!type.family.isEmpty() && type.key() == key);
        if (!known)
            m_source.fail(cluster.keyLine(withoutKey),
                          YamlSource::index(cluster.childPath(withoutKey), i),
                          QStringLiteral("'%1' is not a safety-net kind (plural.group, e.g. "
                                         "vulnerabilityreports.aquasecurity.github.io)")
                              .arg(key));
        if (!unserved.contains(key))
            unserved << key;
    }
    return unserved;
}

QList<FalcoRule> SafetyNetScenarioParser::falco(const MapReader &metric) const
{
    QList<FalcoRule> rules;
    ArgoCdScenarioParser(m_source).forEach(
        metric, QStringLiteral("falco"), kFalcoKeys, [&](const MapReader &item) {
            item.require(QStringLiteral("rule"));
            FalcoRule rule;
            rule.rule = item.string(QStringLiteral("rule"));
            const QString priority
                = item.string(QStringLiteral("priority"), QStringLiteral("Warning"));
            rule.priority = int(kFalcoPriorities.indexOf(priority));
            if (rule.priority < 0)
                item.fail(QStringLiteral("priority"),
                          QStringLiteral("'%1' is not one of %2")
                              .arg(priority, kFalcoPriorities.join(QStringLiteral(", "))));
            rule.perHour = item.number(QStringLiteral("perHour"), 60);
            if (rule.perHour <= 0)
                item.fail(QStringLiteral("perHour"), QStringLiteral("must be greater than 0"));
            rule.canaryOnly = item.boolean(QStringLiteral("canaryOnly"), true);
            const QStringList tags = item.stringList(QStringLiteral("tags"));
            rule.tags = u',' + tags.join(u',') + u',';
            rule.source = item.string(QStringLiteral("source"), rule.source);
            rules << rule;
        });
    return rules;
}

} // namespace rdsim

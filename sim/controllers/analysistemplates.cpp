// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysistemplates.h"

#include "kinds.h"

#include "core/objectstore.h"

#include <QSet>

namespace rdsim::AnalysisTemplates {

namespace {

// Appends entries of `more` whose `key` is not yet present (dryRun, measurementRetention).
QJsonArray mergeByKey(QJsonArray into, const QJsonArray &more, const char *key)
{
    QSet<QString> seen;
    for (const QJsonValue &v : std::as_const(into))
        seen.insert(v.toObject().value(QLatin1String(key)).toString());
    for (const QJsonValue &v : more) {
        const QString k = v.toObject().value(QLatin1String(key)).toString();
        if (!seen.contains(k)) {
            seen.insert(k);
            into.append(v);
        }
    }
    return into;
}

} // namespace

std::optional<Parts> collect(const ObjectStore &store, const QString &ns,
                             const QJsonObject &analysis, QString *error)
{
    Parts parts;
    parts.dryRun = analysis.value(QLatin1String("dryRun")).toArray();
    parts.retention = analysis.value(QLatin1String("measurementRetention")).toArray();
    for (const QJsonValue &value : analysis.value(QLatin1String("templates")).toArray()) {
        const QJsonObject ref = value.toObject();
        const QString templateName = ref.value(QLatin1String("templateName")).toString();
        const bool cluster = ref.value(QLatin1String("clusterScope")).toBool();
        const std::optional<QJsonObject> found = cluster
            ? store.get(Kinds::clusterAnalysisTemplates(), QString(), templateName)
            : store.get(Kinds::analysisTemplates(), ns, templateName);
        if (!found) {
            *error = QStringLiteral("%1.argoproj.io \"%2\" not found")
                         .arg(cluster ? QStringLiteral("clusteranalysistemplate")
                                      : QStringLiteral("analysistemplate"),
                              templateName);
            return std::nullopt;
        }
        const QJsonObject templateSpec = found->value(QLatin1String("spec")).toObject();
        for (const QJsonValue &metric : templateSpec.value(QLatin1String("metrics")).toArray())
            parts.metrics.append(metric);
        parts.templateArgs = mergeByKey(
            parts.templateArgs, templateSpec.value(QLatin1String("args")).toArray(), "name");
        parts.dryRun = mergeByKey(
            parts.dryRun, templateSpec.value(QLatin1String("dryRun")).toArray(), "metricName");
        parts.retention = mergeByKey(
            parts.retention, templateSpec.value(QLatin1String("measurementRetention")).toArray(),
            "metricName");
    }
    return parts;
}

} // namespace rdsim::AnalysisTemplates

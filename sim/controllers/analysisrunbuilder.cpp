// SPDX-License-Identifier: GPL-3.0-or-later
// AnalysisStarter: the AnalysisRun object for an analysis, built from its AnalysisTemplates
// with the rollout's arguments resolved (rollout/analysis.go, analysisutil).
#include "analysisstarter.h"

#include "jsonutil.h"
#include "kinds.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"

#include <QSet>

#include <optional>

namespace rdsim {

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

// What the analysis's templates contribute to its run: their metrics in order, and their
// args, dryRun and measurementRetention merged into the analysis's own.
struct TemplateParts
{
    QJsonArray metrics;
    QJsonArray templateArgs;
    QJsonArray dryRun;
    QJsonArray retention;
};

std::optional<TemplateParts> collectTemplates(const RolloutReconciler &r,
                                              const QJsonObject &analysis, QString *error)
{
    TemplateParts parts;
    parts.dryRun = analysis.value(QLatin1String("dryRun")).toArray();
    parts.retention = analysis.value(QLatin1String("measurementRetention")).toArray();
    for (const QJsonValue &value : analysis.value(QLatin1String("templates")).toArray()) {
        const QJsonObject ref = value.toObject();
        const QString templateName = ref.value(QLatin1String("templateName")).toString();
        const bool cluster = ref.value(QLatin1String("clusterScope")).toBool();
        const std::optional<QJsonObject> found = cluster
            ? r.env.store.get(Kinds::clusterAnalysisTemplates(), QString(), templateName)
            : r.env.store.get(Kinds::analysisTemplates(), r.nameSpace(), templateName);
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

} // namespace

QString AnalysisStarter::resolveFieldPath(const QString &path) const
{
    // Downward-API style paths: metadata.name, metadata.labels['app'], spec.replicas, ...
    const QJsonObject rollout = r.rolloutObject();
    const int bracket = path.indexOf(QLatin1String("['"));
    QString base = bracket >= 0 ? path.left(bracket) : path;
    QJsonValue value = JsonUtil::at(rollout, base.toUtf8().constData());
    if (bracket >= 0) {
        const QString key = path.mid(bracket + 2).chopped(2);
        value = value.toObject().value(key);
    }
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

QJsonObject AnalysisStarter::buildRun(const QJsonObject &analysis, const QString &runName,
                                      const QJsonObject &labels, QString *error) const
{
    const std::optional<TemplateParts> parts = collectTemplates(r, analysis, error);
    if (!parts)
        return {};
    const QJsonArray &metrics = parts->metrics;
    const QJsonArray &templateArgs = parts->templateArgs;
    const QJsonArray &dryRun = parts->dryRun;
    const QJsonArray &retention = parts->retention;

    // The rollout's arguments, resolved against its ReplicaSets and fields, override the
    // templates' defaults; every argument must end up with a value.
    QJsonArray args;
    const QJsonArray incoming = analysis.value(QLatin1String("args")).toArray();
    for (const QJsonValue &value : std::as_const(templateArgs)) {
        QJsonObject arg = value.toObject();
        const QString argName = arg.value(QLatin1String("name")).toString();
        for (const QJsonValue &in : incoming) {
            const QJsonObject given = in.toObject();
            if (given.value(QLatin1String("name")).toString() != argName)
                continue;
            arg.remove(QStringLiteral("value"));
            arg.remove(QStringLiteral("valueFrom"));
            if (given.contains(QLatin1String("value"))) {
                arg.insert(QStringLiteral("value"), given.value(QLatin1String("value")));
            } else {
                const QJsonObject from = given.value(QLatin1String("valueFrom")).toObject();
                const QString hashValue
                    = from.value(QLatin1String("podTemplateHashValue")).toString();
                if (hashValue == QLatin1String("Stable"))
                    arg.insert(QStringLiteral("value"),
                               r.stableRS ? r.stableRS->hash() : QString());
                else if (hashValue == QLatin1String("Latest"))
                    arg.insert(QStringLiteral("value"), r.newRS ? r.newRS->hash() : QString());
                else if (from.contains(QLatin1String("fieldRef")))
                    arg.insert(QStringLiteral("value"),
                               resolveFieldPath(JsonUtil::stringAt(from, "fieldRef.fieldPath")));
                else if (!from.isEmpty())
                    arg.insert(QStringLiteral("valueFrom"), from);
            }
        }
        if (!arg.contains(QLatin1String("value")) && !arg.contains(QLatin1String("valueFrom"))) {
            *error = QStringLiteral("args.%1 was not resolved").arg(argName);
            return {};
        }
        args.append(arg);
    }

    QJsonObject runLabels = labels;
    const QJsonObject metadataLabels = JsonUtil::objectAt(analysis, "analysisRunMetadata.labels");
    for (auto it = metadataLabels.begin(); it != metadataLabels.end(); ++it)
        runLabels.insert(it.key(), it.value());
    const QJsonObject selectorLabels
        = r.spec.selector().value(QLatin1String("matchLabels")).toObject();
    for (auto it = selectorLabels.begin(); it != selectorLabels.end(); ++it)
        runLabels.insert(it.key(), it.value());
    QJsonObject annotations {
        {QStringLiteral("rollout.argoproj.io/revision"), QString::number(r.revision())}};
    const QJsonObject metadataAnnotations
        = JsonUtil::objectAt(analysis, "analysisRunMetadata.annotations");
    for (auto it = metadataAnnotations.begin(); it != metadataAnnotations.end(); ++it)
        annotations.insert(it.key(), it.value());

    QJsonObject runSpec {{QStringLiteral("metrics"), metrics}};
    if (!args.isEmpty())
        runSpec.insert(QStringLiteral("args"), args);
    if (!dryRun.isEmpty())
        runSpec.insert(QStringLiteral("dryRun"), dryRun);
    if (!retention.isEmpty())
        runSpec.insert(QStringLiteral("measurementRetention"), retention);
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
                        {QStringLiteral("kind"), QStringLiteral("AnalysisRun")},
                        {QStringLiteral("metadata"),
                         QJsonObject {{QStringLiteral("name"), runName},
                                      {QStringLiteral("namespace"), r.nameSpace()},
                                      {QStringLiteral("labels"), runLabels},
                                      {QStringLiteral("annotations"), annotations},
                                      {QStringLiteral("ownerReferences"),
                                       QJsonArray {JsonUtil::controllerRef(r.rolloutObject())}}}},
                        {QStringLiteral("spec"), runSpec}};
}

} // namespace rdsim

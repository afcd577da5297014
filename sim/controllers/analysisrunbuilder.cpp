// SPDX-License-Identifier: GPL-3.0-or-later
// AnalysisStarter: the AnalysisRun object for an analysis, built from its AnalysisTemplates
// with the rollout's arguments resolved (rollout/analysis.go, analysisutil).
#include "analysisstarter.h"

#include "analysistemplates.h"
#include "jsonutil.h"
#include "kinds.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"

#include <QSet>

#include <optional>

namespace rdsim {

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

QJsonObject AnalysisStarter::resolvedArg(const QJsonObject &given) const
{
    QJsonObject arg {{QStringLiteral("name"), given.value(QLatin1String("name"))}};
    if (given.contains(QLatin1String("value"))) {
        arg.insert(QStringLiteral("value"), given.value(QLatin1String("value")));
        return arg;
    }
    const QJsonObject from = given.value(QLatin1String("valueFrom")).toObject();
    const QString hashValue = from.value(QLatin1String("podTemplateHashValue")).toString();
    if (hashValue == QLatin1String("Stable"))
        arg.insert(QStringLiteral("value"), r.stableRS ? r.stableRS->hash() : QString());
    else if (hashValue == QLatin1String("Latest"))
        arg.insert(QStringLiteral("value"), r.newRS ? r.newRS->hash() : QString());
    else if (from.contains(QLatin1String("fieldRef")))
        arg.insert(QStringLiteral("value"),
                   resolveFieldPath(JsonUtil::stringAt(from, "fieldRef.fieldPath")));
    else if (!from.isEmpty())
        arg.insert(QStringLiteral("valueFrom"), from);
    return arg;
}

QJsonObject AnalysisStarter::buildRun(const QJsonObject &analysis, const QString &runName,
                                      const QJsonObject &labels, QString *error) const
{
    const std::optional<AnalysisTemplates::Parts> parts
        = AnalysisTemplates::collect(r.env.store, r.nameSpace(), analysis, error);
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
            const QJsonObject resolved = resolvedArg(given);
            for (auto it = resolved.begin(); it != resolved.end(); ++it)
                arg.insert(it.key(), it.value());
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

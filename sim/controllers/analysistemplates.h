// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace rdsim {

class ObjectStore;

namespace AnalysisTemplates {

// What an analysis's templates contribute to its run: their metrics in order, and their
// args, dryRun and measurementRetention merged into the analysis's own.
struct Parts
{
    QJsonArray metrics;
    QJsonArray templateArgs;
    QJsonArray dryRun;
    QJsonArray retention;
};

// `analysis` has `templates: [{templateName, clusterScope}]` (a rollout's analysis, or an
// experiment's single template in that shape); AnalysisTemplates are looked up in `ns`.
// nullopt with Kubernetes' not-found text when a template is missing.
std::optional<Parts> collect(const ObjectStore &store, const QString &ns,
                             const QJsonObject &analysis, QString *error);

} // namespace AnalysisTemplates

} // namespace rdsim

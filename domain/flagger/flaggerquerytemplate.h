// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stringmap.h"

#include <QString>

// The values Flagger hands a metric query (pkg/apis/flagger/v1beta1 MetricTemplateModel): the
// canary's name and namespace, the target Deployment's name, the Service, ingress and route
// names (each the target's unless the canary names its own), the metric's interval and the
// metric's templateVariables.
struct FlaggerQueryModel
{
    QString name;
    QString namespaceName;
    QString target;
    QString service;
    QString ingress;
    QString route;
    QString interval;
    StringMap variables;
};

namespace FlaggerQueryTemplate {

// The query with its Go template actions replaced as Flagger's RenderQuery does (its functions
// name, namespace, target, service, ingress, route, interval and variables; a missing
// variable is an error). The actions understood: `{{ target }}` and the other functions,
// `{{ variables.KEY }}`, `{{ index variables "KEY" }}`, comments, and `{{-`/`-}}` trimming.
// Anything else (another function, a pipeline, a condition) is false with a translated
// *error, e.g. `function "upper" is not defined`.
bool render(const QString &query, const FlaggerQueryModel &model, QString *out, QString *error);

} // namespace FlaggerQueryTemplate

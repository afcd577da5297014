// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "flaggercanary.h"
#include "flaggermetrictemplate.h"

#include <QList>
#include <QString>
#include <QStringList>

// The charts of a Flagger canary's analysis (issue 16): one per metric of spec.analysis, each
// drawn for the target Deployment (the canary) and for `<target>-primary` (the stable
// version, "primary" in the legend), with the thresholdRange as its threshold lines.
//
// - request-success-rate and request-duration are the queries Flagger's observer for the
//   canary's provider runs (istio, linkerd, kubernetes; fluxcd/flagger
//   pkg/metrics/observers): the success rate in percent (fails below min), the duration as
//   the 99th percentile in milliseconds (kubernetes: seconds) that fails above max.
// - A metric with a templateRef renders its MetricTemplate's query (provider prometheus), an
//   inline query its own, with Flagger's values (FlaggerQueryTemplate).
//
// Each chart is split by role (ChartSpec::splitByRole) and its query names the workload as
// {{hash}}: the canary's part is run with the target's name, the stable's with the
// primary's (queryFor). A metric that cannot be charted gets a translated reason instead.
namespace FlaggerCharts {

struct Charts
{
    QList<ChartSpec> charts;
    QStringList reasons; // one line per metric without a chart, in spec order
};

// `templates` are the MetricTemplates the canary's metrics may name (any namespace); a
// templateRef without a namespace means the canary's. `unreadable` ("namespace/name") are those
// whose read failed: their reason says so rather than "not found".
Charts forCanary(const FlaggerCanary &canary, const QList<FlaggerMetricTemplate> &templates,
                 const QStringList &unreadable = {});

// The Deployments charted: the target (canary) and `<target>-primary` (stable).
QString canaryWorkload(const FlaggerCanary &canary);
QString primaryWorkload(const FlaggerCanary &canary);

// A chart's query for one workload (its {{hash}} replaced), as Prometheus is asked.
QString queryFor(const ChartSpec &chart, const QString &workload);

} // namespace FlaggerCharts

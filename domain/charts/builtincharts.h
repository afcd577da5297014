// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"

#include <QList>

// The charts every rollout gets when the config defines none, for the exporters most
// clusters run: an application's http_requests_total and http_request_duration_seconds
// (with a `code` label, as the Prometheus client libraries' middleware and the Argo Rollouts
// examples name them), cAdvisor's container_* series and kube-state-metrics' restarts. Each
// is split by role: the canary's pods and the stable pods, found by pod name
// ({{pod_regex}}), which those exporters carry as the `pod` label.
namespace BuiltinCharts {

QList<ChartSpec> defaults();

} // namespace BuiltinCharts

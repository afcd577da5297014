// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "gatespec.h"

#include <QByteArray>
#include <QList>

// The demo's chart definitions: what a config file for clusters exporting rd-sim's metric
// names (rd_http_requests_total, rd_http_request_duration_seconds, rd_container_*, and
// kube-state-metrics' restarts, labelled with rollout and rollouts_pod_template_hash) would
// hold. Written as config YAML and read by ChartConfig, so the demo exercises the parser.
namespace DemoCharts {

QByteArray yaml();
QList<ChartSpec> charts();
// The demo's quality gates for shop/checkout (config YAML read by GateConfig).
QByteArray gatesYaml();
GateSettings gates();

} // namespace DemoCharts

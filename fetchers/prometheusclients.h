// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "kubeconfig.h"
#include "prometheusclient.h"

#include <memory>

// The Prometheus client of one environment, as its config says: direct, or through the
// cluster's service proxy with the context's credentials. Null with a Config *error when the
// context cannot be resolved. Charts (MetricQueryWorker), gates (GateMonitor) and `gate
// check` all make theirs here, so they reach the same server the same way.
std::unique_ptr<PrometheusClient> makePrometheusClient(const Kubeconfig &kubeconfig,
                                                       const EnvironmentSpec &environment,
                                                       PromError *error);

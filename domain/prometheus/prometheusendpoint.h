// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serviceendpoint.h"

// Where an environment's Prometheus-compatible query API is: a ServiceEndpoint whose
// defaults (service monitoring/prometheus:9090) are Prometheus'. The name stays for the
// metric code, which reads better with it.
using PrometheusEndpoint = ServiceEndpoint;

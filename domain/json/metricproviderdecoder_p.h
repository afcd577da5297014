// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: an AnalysisRun metric's provider (metricproviderdecoder.cpp).

#include "jsonreader_p.h"

struct MetricProvider;

namespace JsonRead {

// metrics[].provider: the kind (the first member that is not null) and what the dashboard
// shows of it; never a Web header's value nor a plugin's config values.
void decodeMetricProvider(Context &ctx, Element value, const Path &path, MetricProvider &out);

} // namespace JsonRead

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"

#include <QByteArray>
#include <QList>

// A chart's data as CSV (RFC 4180): a header "time,<series>...", then one row per timestamp
// of any series in ascending order, the time in UTC ISO 8601 with milliseconds when they are
// not zero ("2024-05-02T10:15:00Z"), each series' exact value (shortest round-trip form;
// "NaN", "+Inf", "-Inf") or an empty cell where it has no sample. Names with commas, quotes
// or line breaks are quoted. Lines end with CRLF.
namespace ChartCsv {

QByteArray build(const QList<ChartSeries> &series);

} // namespace ChartCsv

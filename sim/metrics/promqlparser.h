// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/promqlast.h"

#include <QString>

namespace rdsim::promql {

// Parses the PromQL subset rd-sim evaluates (see docs/rd-sim.md) and type-checks it as
// Prometheus does. On failure returns nullptr and sets *error to a Prometheus-style message,
// "LINE:COLUMN: parse error: WHAT" (columns count from 1). Valid PromQL that rd-sim does not
// evaluate fails the same way, with a message that says so.
ExprPtr parseQuery(const QString &query, QString *error);

// One series selector as match[] takes it: `metric{matchers}` or `{matchers}`. Unlike a
// query, the matchers may all match the empty string (the API rejects that with its own
// message).
bool parseSeriesSelector(const QString &text, QList<Matcher> *matchers, QString *error);

} // namespace rdsim::promql

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// A GateReport as `gate check` prints it (docs/cli.md, "Quality gates"):
// - text: the verdict, then one block per gate (outcome, value, bound, why), translated;
// - JSON: {"apiVersion": "release-dashboard/v1", "kind": "GateReport", "verdict", ...,
//   "gates": [{"name", "source", "outcome", "value", "worstValue", "stableValue", "bound",
//   "window", "step", "samples", "stableSamples", "query", "stableQuery", "message"}]},
//   absent numbers as null, outcomes and sources untranslated;
// - JUnit XML: one test suite per report, one test case per gate (Fail a <failure>, Error
//   an <error>, Inconclusive <skipped>), so CI systems list gates as test results.
class GateReportFormat
{
    Q_DECLARE_TR_FUNCTIONS(GateReportFormat)

public:
    static QString text(const GateReport &report);
    static QByteArray json(const GateReport &report);
    // Several reports (one per --watch round that ran) as one <testsuites>.
    static QByteArray junit(const QList<GateReport> &reports);
};

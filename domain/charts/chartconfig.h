// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Charts from the environments config file (the same YAML document as `environments:`):
//
//   charts:
//     - title: Error ratio                   # required
//       query: >-                            # required; PromQL with {{variables}}
//         sum(rate(http_requests_total{namespace="{{namespace}}",pod=~"{{pod_regex}}",
//         code=~"5.."}[2m])) / sum(rate(http_requests_total{{{selector}}}[2m]))
//       unit: ratio                          # none (default), ratio, percent, seconds,
//                                            # milliseconds, bytes, cores, requests/s
//       splitByRole: true                    # run once for the canary, once for the stable
//       thresholds:                          # lines where values start to fail
//         - { max: 0.05, label: SLO }        # fails above; or min: fails below
//       variables:                           # the chart's own; may use the rollout's
//         selector: 'namespace="{{namespace}}",pod=~"{{pod_regex}}"'
//       environments: [prod, staging]        # default: every environment
//
// Variables (chartvariables.h): namespace, rollout, environment, canary_hash, stable_hash,
// revision; with splitByRole also role, hash and pod_regex, one of which the query must use.
// With a `charts:` list the built-in charts are replaced; analysis charts always show.
//
// Every error names the file, the line (1-based) and the field, e.g.
// "config.yaml:9: charts[0].query: unknown variable {{hsh}} (known: canary_hash, ...)".
class ChartConfig
{
public:
    // The `charts:` list of a config document; other top-level keys are not looked at (the
    // environment config checks them). No `charts:` key: an empty list.
    static bool fromYaml(const QByteArray &yaml, const QString &fileName, QList<ChartSpec> *out,
                         QString *error);
    static bool fromFile(const QString &path, QList<ChartSpec> *out, QString *error);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gatespec.h"

#include <QByteArray>
#include <QString>

// Quality gates from the environments config file (the same YAML document):
//
//   gateInterval: 30s                     # how often live gates are judged (10s to 1h)
//   gates:
//     - name: checkout error ratio        # required, unique
//       query: >-                         # required; PromQL with {{variables}}, judged
//         sum(rate(http_requests_total{namespace="{{namespace}}",pod=~"{{pod_regex}}",
//         code=~"5.."}[1m])) / sum(rate(http_requests_total{namespace="{{namespace}}",
//         pod=~"{{pod_regex}}"}[1m]))      #   on the canary's pods ({{pod_regex}}, {{hash}})
//       max: 0.02                         # bound on the canary's value (and/or min:)
//       relative: { maxIncrease: 10% }    # against the stable pods (or maxDecrease:)
//       window: 10m                       # the last 10 minutes (default 10m; 30s to 24h)
//       step: 15s                         # points in the window (default 15s; 1s to window)
//       minSamples: 10                    # fewer points with a value: Inconclusive
//                                         # (default: half the points of the window)
//       variables: { sel: 'namespace="{{namespace}}"' }   # as in charts
//       environments: [prod]              # default: all
//       workloads: [shop/checkout]        # NAMESPACE/NAME; default: every rollout
//
// A gate needs a bound (max, min or relative) and its query must select the role's pods
// through {{pod_regex}}, {{hash}} or {{role}}, or canary and stable would be the same series.
// Every error names the file, the line and the field, e.g.
// "config.yaml:12: gates[0].relative.maxIncrease: '10' is not a percentage such as 10%".
class GateConfig
{
public:
    static bool fromYaml(const QByteArray &yaml, const QString &fileName, GateSettings *out,
                         QString *error);
    static bool fromFile(const QString &path, GateSettings *out, QString *error);
};

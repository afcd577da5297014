// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "environmentspec.h"
#include "kubeconfig.h"
#include "safetynets.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class PrometheusClient;

// Falco's runtime alerts of one namespace (issue 15), from the environment's Prometheus: the
// Falco exporter's falco_events counter (falcosecurity/falco-exporter pkg/exporter: labels
// rule, priority, hostname, source, k8s_ns_name, k8s_pod_name, tags), increased over the
// release's window and summed by pod, rule and priority. Series relabelled to plain
// namespace/pod count too, where k8s_ns_name is absent.
class SafetyNetFalco
{
    Q_DECLARE_TR_FUNCTIONS(SafetyNetFalco)

public:
    // The PromQL for the window [toMs - rangeSeconds s, toMs], evaluated at toMs.
    static QString query(const QString &namespaceName, qint64 rangeSeconds);
    // The exporter writes Falco's priority as its number ("4"); the word ("Warning") is what
    // Falco's rules and people say. Words pass through, capitalised.
    static QString priorityName(const QString &label);

    // NotAsked without a window (toMs <= fromMs), with `safetyNets: falco: false`, or with
    // metrics turned off; 404 -> NotServed, 403 -> Forbidden, other failures -> Failed.
    // Counts of zero are left out.
    static SafetyNetSourceState count(const Kubeconfig &kubeconfig,
                                      const EnvironmentSpec &environment,
                                      const QString &namespaceName, qint64 fromMs, qint64 toMs,
                                      const CancelToken &cancel, int maxRetries,
                                      int maxRetryWaitSeconds, QList<FalcoCount> *out);
};

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "gateresult.h"
#include "gatespec.h"
#include "rolloutdetail.h"

#include <QCoreApplication>
#include <QString>

class PrometheusClient;

// Which revisions a judgement compares: by default the rollout's canary (status.currentPodHash)
// and stable (status.stableRS); a review of a past instant names the ones of that time.
struct GateTarget
{
    QString canaryHash;
    QString stableHash;

    static GateTarget of(const Rollout &rollout);
    // False when there is nothing to judge: one revision runs (or none is known).
    bool hasCanary() const { return !canaryHash.isEmpty() && canaryHash != stableHash; }
};

// Judges every gate of one rollout at one instant: the config gates through their range
// queries (GateJudge), then the AnalysisRuns of the canary's revision (AnalysisGates).
// Blocking, on the caller's thread: the command line calls it directly, the window from its
// gate thread. Bounded by the client's limits and cancellable between and during queries.
class GateEvaluator
{
    Q_DECLARE_TR_FUNCTIONS(GateEvaluator)

public:
    // client: the environment's Prometheus; null when metrics are off there (config gates are
    // then an Error that says so). Not owned.
    explicit GateEvaluator(PrometheusClient *client) : m_client(client) { }

    GateReport evaluate(const QList<GateSpec> &gates, const RolloutDetail &detail,
                        const GateTarget &target, qint64 atMs,
                        const CancelToken &cancel = CancelToken());

private:
    GateResult configGate(const GateSpec &spec, const RolloutDetail &detail,
                          const GateTarget &target, qint64 atMs, const CancelToken &cancel);

    PrometheusClient *m_client;
};

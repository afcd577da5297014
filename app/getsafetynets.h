// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "environmentspec.h"
#include "kubeconfig.h"
#include "rolloutdetail.h"
#include "rolloutsummary.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

// The `safetyNets` object of each rollout in `get rollout(s) -o json` (issue 15, docs/cli.md).
// Every environment and namespace the rollouts live in is read once (SafetyNetLister, plus
// its Events for admission denials), and so is the earlier environment's namespace (the one
// before it in the config's order) for the staging evidence. The reads run in parallel and
// stop at a time limit: what could not be read is a Failed source in the object, never the
// command's failure.
class GetSafetyNets
{
    Q_DECLARE_TR_FUNCTIONS(GetSafetyNets)

public:
    // configEnvironments: the config's environments in its order; selected: the ones the
    // command reads (with --context, one the config may not have).
    GetSafetyNets(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &configEnvironments,
                  const QList<EnvironmentSpec> &selected);

    // Reads still under way after this long are cancelled. Default 20 s.
    void setTimeLimitMs(int ms) { m_timeLimitMs = ms; }

    // Sets RolloutSummary::safetyNets of every rollout that `details` has (by environment,
    // namespace and name). Falco is counted from the earliest canary's start to now.
    void attach(const QList<RolloutDetail> &details, QList<RolloutSummary> *rollouts) const;

private:
    struct Read;
    const EnvironmentSpec *selected(const QString &name) const;
    const EnvironmentSpec *earlier(const QString &name) const;
    QMap<QString, Read> plan(const QList<RolloutDetail> &details, qint64 nowMs) const;
    void runAll(QMap<QString, Read> *reads) const;
    static void run(const Kubeconfig &kubeconfig, Read *read, const CancelToken &cancel);

    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_config;
    QList<EnvironmentSpec> m_selected;
    int m_timeLimitMs = 20000;
};

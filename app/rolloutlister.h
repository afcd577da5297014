// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "kubeconfig.h"
#include "rolloutdetail.h"
#include "rolloutsummary.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class JsonDecoder;
class KubeClient;

// Which namespaces `get` reads in one environment.
struct NamespaceScope
{
    enum class Kind {
        Context, // the kubeconfig context's namespace ("default" when it names none)
        All, // -A: the environment's namespaces, or every namespace when it names none
        One, // -n NS
    };
    Kind kind = Kind::Context;
    QString namespaceName; // for One
};

// The rollouts of one environment, or why they could not be read.
struct EnvironmentListing
{
    QString environment;
    QList<RolloutSummary> rollouts; // sorted by namespace, then name
    // Each rollout with the ReplicaSets it owns (in the order listed), for what joins to a
    // rollout's canary and stable: the safety nets of `get -o json`.
    QList<RolloutDetail> details {};
    QStringList namespaces; // what was read; "" = all namespaces
    QString error; // translated, empty on success
    // Fields that could not be read (DataWarnings): the rollouts are shown with defaults.
    QStringList warnings;
    bool notFound = false; // get rollout NAME: no such rollout here
};

// Lists rollouts once (and their ReplicaSets, for weights, revision and images) through a
// blocking KubeClient: the same request, decode and status code paths as the window, with
// no thread and no watch. Used by `release-dashboard get`.
class RolloutLister
{
    Q_DECLARE_TR_FUNCTIONS(RolloutLister)

public:
    explicit RolloutLister(const Kubeconfig &kubeconfig);

    EnvironmentListing list(const EnvironmentSpec &environment, const NamespaceScope &scope) const;
    // One rollout by name; namespaceName empty: the context's namespace.
    EnvironmentListing get(const EnvironmentSpec &environment, const QString &namespaceName,
                           const QString &name) const;
    // The rollout with its ReplicaSets and AnalysisRuns (`gate check`); *out stays invalid
    // when the listing has an error or notFound.
    EnvironmentListing detail(const EnvironmentSpec &environment, const QString &namespaceName,
                              const QString &name, RolloutDetail *out) const;

    // The rollout with everything the plugin's tree shows (`get rollout NAME`): its
    // ReplicaSets and their pods, AnalysisRuns, Experiments, analysis Jobs and their pods,
    // filed as the window files them (FleetStore). A detail kind that may not be listed or is
    // not served is the detail's notice and a warning, not an error.
    EnvironmentListing tree(const EnvironmentSpec &environment, const QString &namespaceName,
                            const QString &name, RolloutDetail *out) const;

private:
    // namespaceReplicaSets, when given, receives every ReplicaSet listed in the namespace (the
    // rollout's and its experiments').
    bool read(const EnvironmentSpec &environment, const QString &namespaceName, const QString &name,
              bool withAnalysis, RolloutDetail *detail, EnvironmentListing *listing,
              QList<ReplicaSet> *namespaceReplicaSets = nullptr) const;
    bool readAnalysisRuns(KubeClient *client, JsonDecoder *decoder, const QString &ns,
                          RolloutDetail *detail, EnvironmentListing *listing) const;

    Kubeconfig m_kubeconfig;
};

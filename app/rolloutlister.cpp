// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutlister.h"

#include "clusterconnection.h"
#include "datawarnings.h"
#include "fleetstore.h"
#include "jsondecoder.h"
#include "kubeclient.h"

#include <algorithm>

namespace {

QString rolloutsPath(const QString &ns, const QString &name = QString())
{
    return KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                              QStringLiteral("rollouts"), ns, name);
}

QString replicaSetsPath(const QString &ns)
{
    return KubePath::resource(QStringLiteral("apps"), QStringLiteral("v1"),
                              QStringLiteral("replicasets"), ns);
}

// A command line waits for an answer, but not for half a minute of Retry-After.
void configureForCommandLine(KubeClient *client)
{
    client->setRetryPolicy(2, 5);
}

QString objectName(const ObjectMeta &metadata)
{
    return metadata.namespaceName + QLatin1Char('/') + metadata.name;
}

template<typename T>
bool decodePages(JsonDecoder *decoder, const KubeListResult &result, const QString &resource,
                 QList<T> *out, EnvironmentListing *listing)
{
    for (const QByteArray &page : result.pages) {
        ObjectList<T> list = decoder->decodeList<T>(page);
        if (!list.isOk()) {
            listing->error = list.report.error;
            return false;
        }
        for (const DecodeIssue &issue : list.report.issues) {
            const qsizetype index = DataWarnings::itemIndex(issue);
            const QString object = index >= 0 && index < list.items.size()
                ? objectName(list.items.at(index).metadata)
                : QString();
            listing->warnings.append(DataWarnings::text(resource, object, issue));
        }
        *out += list.items;
    }
    return true;
}

RolloutDetail ownedDetail(const QString &environment, const Rollout &rollout,
                          const QList<ReplicaSet> &replicaSets)
{
    RolloutDetail detail;
    detail.environment = environment;
    detail.rollout = rollout;
    for (const ReplicaSet &replicaSet : replicaSets) {
        if (replicaSet.metadata.isOwnedBy(rollout.metadata.uid))
            detail.replicaSets.append(replicaSet);
    }
    return detail;
}

// Lists one kind in ns into the batch; a detail kind that is forbidden or not served is
// noted in the batch's detailStatus instead of failing.
template<typename T>
bool listKind(KubeClient *client, JsonDecoder *decoder, const QString &ns, const QString &selector,
              WorkloadDeltaBatch *batch, EnvironmentListing *listing)
{
    using Traits = WorkloadKindTraits<T>;
    KubeListOptions options;
    options.labelSelector = selector;
    const KubeListResult result
        = client->list(KubePath::resource(QLatin1String(Traits::resource.group),
                                          QLatin1String(Traits::resource.version),
                                          QLatin1String(Traits::resource.plural), ns),
                       options);
    if (!result.isOk()) {
        if constexpr (Traits::isDetail) {
            const NetError::Kind kind = result.error.kind;
            if (kind == NetError::Kind::Forbidden || kind == NetError::Kind::NotFound) {
                DetailKindStatus &status = batch->detailStatus[int(Traits::detail)];
                status.problem = kind == NetError::Kind::Forbidden
                    ? DetailKindStatus::Problem::Forbidden
                    : DetailKindStatus::Problem::NotServed;
                status.reason = result.error.message;
                return true;
            }
        }
        listing->error = result.error.message;
        return false;
    }
    QString resource = QLatin1String(Traits::resource.plural);
    if (Traits::resource.group[0] != '\0')
        resource += QLatin1Char('.') + QLatin1String(Traits::resource.group);
    QList<T> items;
    if (!decodePages(decoder, result, resource, &items, listing))
        return false;
    batch->upserts<T>() += items;
    return true;
}

bool lessByNamespaceAndName(const RolloutSummary &a, const RolloutSummary &b)
{
    if (a.namespaceName != b.namespaceName)
        return a.namespaceName < b.namespaceName;
    return a.name < b.name;
}

} // namespace

RolloutLister::RolloutLister(const Kubeconfig &kubeconfig) : m_kubeconfig(kubeconfig) { }

EnvironmentListing RolloutLister::list(const EnvironmentSpec &environment,
                                       const NamespaceScope &scope) const
{
    EnvironmentListing listing;
    listing.environment = environment.name;
    ClusterConnection connection;
    QString error;
    if (!ClusterConnection::resolve(m_kubeconfig, environment.context, &connection, &error)) {
        listing.error = error;
        return listing;
    }
    switch (scope.kind) {
    case NamespaceScope::Kind::Context:
        listing.namespaces = {connection.namespaceName};
        break;
    case NamespaceScope::Kind::All:
        listing.namespaces
            = environment.namespaces.isEmpty() ? QStringList {QString()} : environment.namespaces;
        break;
    case NamespaceScope::Kind::One:
        listing.namespaces = {scope.namespaceName};
        break;
    }

    KubeClient client(connection);
    configureForCommandLine(&client);
    JsonDecoder decoder;
    for (const QString &ns : std::as_const(listing.namespaces)) {
        const KubeListResult rollouts = client.list(rolloutsPath(ns));
        if (!rollouts.isOk()) {
            listing.error = rollouts.error.message;
            return listing;
        }
        const KubeListResult replicaSets = client.list(replicaSetsPath(ns));
        if (!replicaSets.isOk()) {
            listing.error = replicaSets.error.message;
            return listing;
        }
        QList<Rollout> rolloutItems;
        QList<ReplicaSet> replicaSetItems;
        if (!decodePages(&decoder, rollouts, QStringLiteral("rollouts.argoproj.io"), &rolloutItems,
                         &listing)
            || !decodePages(&decoder, replicaSets, QStringLiteral("replicasets.apps"),
                            &replicaSetItems, &listing)) {
            return listing;
        }
        for (const Rollout &rollout : std::as_const(rolloutItems)) {
            listing.rollouts.append(RolloutSummary::from(environment.name, connection.contextName,
                                                         rollout, replicaSetItems));
            listing.details.append(ownedDetail(environment.name, rollout, replicaSetItems));
        }
    }
    std::sort(listing.rollouts.begin(), listing.rollouts.end(), lessByNamespaceAndName);
    return listing;
}

bool RolloutLister::read(const EnvironmentSpec &environment, const QString &namespaceName,
                         const QString &name, bool withAnalysis, RolloutDetail *detail,
                         EnvironmentListing *listing, QList<ReplicaSet> *namespaceReplicaSets) const
{
    listing->environment = environment.name;
    ClusterConnection connection;
    QString error;
    if (!ClusterConnection::resolve(m_kubeconfig, environment.context, &connection, &error)) {
        listing->error = error;
        return false;
    }
    const QString ns = namespaceName.isEmpty() ? connection.namespaceName : namespaceName;
    listing->namespaces = {ns};

    KubeClient client(connection);
    configureForCommandLine(&client);
    const KubeResponse response = client.get(rolloutsPath(ns, name));
    if (response.error.kind == NetError::Kind::NotFound) {
        listing->notFound = true;
        return false;
    }
    if (!response.isOk()) {
        listing->error = response.error.message;
        return false;
    }
    const KubeListResult replicaSets = client.list(replicaSetsPath(ns));
    if (!replicaSets.isOk()) {
        listing->error = replicaSets.error.message;
        return false;
    }
    JsonDecoder decoder;
    QList<ReplicaSet> replicaSetItems;
    if (!decodePages(&decoder, replicaSets, QStringLiteral("replicasets.apps"), &replicaSetItems,
                     listing))
        return false;
    Decoded<Rollout> rollout = decoder.decodeObject<Rollout>(response.body);
    if (!rollout.isOk()) {
        listing->error = rollout.report.error;
        return false;
    }
    for (const DecodeIssue &issue : rollout.report.issues) {
        listing->warnings.append(DataWarnings::text(QStringLiteral("rollouts.argoproj.io"),
                                                    objectName(rollout.value.metadata), issue));
    }
    *detail = ownedDetail(environment.name, rollout.value, replicaSetItems);
    listing->details.append(*detail);
    listing->rollouts.append(RolloutSummary::from(environment.name, connection.contextName,
                                                  rollout.value, replicaSetItems));
    if (namespaceReplicaSets)
        *namespaceReplicaSets = std::move(replicaSetItems);
    return !withAnalysis || readAnalysisRuns(&client, &decoder, ns, detail, listing);
}

bool RolloutLister::readAnalysisRuns(KubeClient *client, JsonDecoder *decoder, const QString &ns,
                                     RolloutDetail *detail, EnvironmentListing *listing) const
{
    const KubeListResult runs
        = client->list(KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                                          QStringLiteral("analysisruns"), ns));
    if (!runs.isOk()) {
        listing->error = runs.error.message;
        return false;
    }
    QList<AnalysisRun> items;
    if (!decodePages(decoder, runs, QStringLiteral("analysisruns.argoproj.io"), &items, listing))
        return false;
    for (const AnalysisRun &run : std::as_const(items)) {
        if (run.metadata.isOwnedBy(detail->rollout.metadata.uid))
            detail->analysisRuns.append(run);
    }
    return true;
}

EnvironmentListing RolloutLister::get(const EnvironmentSpec &environment,
                                      const QString &namespaceName, const QString &name) const
{
    EnvironmentListing listing;
    RolloutDetail detail;
    read(environment, namespaceName, name, false, &detail, &listing);
    return listing;
}

EnvironmentListing RolloutLister::detail(const EnvironmentSpec &environment,
                                         const QString &namespaceName, const QString &name,
                                         RolloutDetail *out) const
{
    EnvironmentListing listing;
    *out = RolloutDetail();
    if (!read(environment, namespaceName, name, true, out, &listing))
        *out = RolloutDetail();
    return listing;
}

EnvironmentListing RolloutLister::tree(const EnvironmentSpec &environment,
                                       const QString &namespaceName, const QString &name,
                                       RolloutDetail *out) const
{
    EnvironmentListing listing;
    *out = RolloutDetail();
    RolloutDetail read;
    QList<ReplicaSet> replicaSets;
    if (!this->read(environment, namespaceName, name, false, &read, &listing, &replicaSets))
        return listing;
    ClusterConnection connection;
    QString error;
    if (!ClusterConnection::resolve(m_kubeconfig, environment.context, &connection, &error)) {
        listing.error = error;
        return listing;
    }
    KubeClient client(connection);
    configureForCommandLine(&client);
    JsonDecoder decoder;
    const QString ns = read.rollout.metadata.namespaceName;
    const QString rolloutHash = QStringLiteral("rollouts-pod-template-hash");
    WorkloadDeltaBatch batch;
    batch.reset = true;
    batch.detailStatus = QList<DetailKindStatus>(DetailKindCount);
    batch.upserts<Rollout>().append(read.rollout);
    // The same kinds and selectors as the window's informers (EnvironmentWorker). read() has
    // listed the namespace's ReplicaSets already: of those, the ones the selector would give.
    for (ReplicaSet &replicaSet : replicaSets) {
        if (replicaSet.metadata.labels.contains(rolloutHash))
            batch.upserts<ReplicaSet>().append(std::move(replicaSet));
    }
    const bool listed = listKind<Pod>(&client, &decoder, ns, rolloutHash, &batch, &listing)
        && listKind<Pod>(&client, &decoder, ns, Job::analysisRunUidLabel(), &batch, &listing)
        && listKind<AnalysisRun>(&client, &decoder, ns, QString(), &batch, &listing)
        && listKind<Experiment>(&client, &decoder, ns, QString(), &batch, &listing)
        && listKind<Job>(&client, &decoder, ns, Job::analysisRunUidLabel(), &batch, &listing);
    if (!listed)
        return listing;
    FleetStore store;
    store.environmentFor(environment.name).apply(batch, QDateTime::currentDateTimeUtc());
    *out = store.rolloutDetail(environment.name, read.rollout.metadata.uid);
    listing.warnings += out->notices;
    listing.details = {*out};
    return listing;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "informer.h"

#include "informerloop.h"
#include "kubeclient.h"

QString InformerSpec::path() const
{
    switch (kind) {
    case WorkloadKind::Rollout:
        return KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                                  QStringLiteral("rollouts"), namespaceName);
    case WorkloadKind::ReplicaSet:
        return KubePath::resource(QStringLiteral("apps"), QStringLiteral("v1"),
                                  QStringLiteral("replicasets"), namespaceName);
    case WorkloadKind::Deployment:
        return KubePath::resource(QStringLiteral("apps"), QStringLiteral("v1"),
                                  QStringLiteral("deployments"), namespaceName);
    case WorkloadKind::Pod:
        return KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                                  namespaceName);
    case WorkloadKind::AnalysisRun:
        return KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                                  QStringLiteral("analysisruns"), namespaceName);
    case WorkloadKind::Event:
        return KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("events"),
                                  namespaceName);
    }
    return QString();
}

QString InformerSpec::resourceName() const
{
    switch (kind) {
    case WorkloadKind::Rollout:
        return QStringLiteral("rollouts.argoproj.io");
    case WorkloadKind::ReplicaSet:
        return QStringLiteral("replicasets.apps");
    case WorkloadKind::Deployment:
        return QStringLiteral("deployments.apps");
    case WorkloadKind::Pod:
        return QStringLiteral("pods");
    case WorkloadKind::AnalysisRun:
        return QStringLiteral("analysisruns.argoproj.io");
    case WorkloadKind::Event:
        return QStringLiteral("events");
    }
    return QString();
}

bool InformerSpec::isDetailKind() const
{
    return kind == WorkloadKind::Pod || kind == WorkloadKind::AnalysisRun
        || kind == WorkloadKind::Event;
}

DetailKind InformerSpec::detailKind() const
{
    switch (kind) {
    case WorkloadKind::AnalysisRun:
        return DetailKind::AnalysisRuns;
    case WorkloadKind::Event:
        return DetailKind::Events;
    default:
        return DetailKind::Pods;
    }
}

InformerStats &InformerStats::operator+=(const InformerStats &o)
{
    lists += o.lists;
    listAttempts += o.listAttempts;
    watches += o.watches;
    relistsAfterExpired += o.relistsAfterExpired;
    failures += o.failures;
    events += o.events;
    bookmarks += o.bookmarks;
    backoffDelaysMs += o.backoffDelaysMs;
    if (!o.lastError.isEmpty())
        lastError = o.lastError;
    return *this;
}

Informer::Informer(int id, const InformerSpec &spec, const ClusterConnection &connection,
                   const InformerOptions &options, InformerSink *sink, CancelToken cancel) :
    m_id(id),
    m_spec(spec),
    m_connection(connection),
    m_options(options),
    m_sink(sink),
    m_cancel(std::move(cancel))
{ }

Informer::~Informer() = default;

void Informer::run()
{
    switch (m_spec.kind) {
    case WorkloadKind::Rollout:
        InformerLoop<Rollout>(*this).run();
        break;
    case WorkloadKind::ReplicaSet:
        InformerLoop<ReplicaSet>(*this).run();
        break;
    case WorkloadKind::Deployment:
        InformerLoop<Deployment>(*this).run();
        break;
    case WorkloadKind::Pod:
        InformerLoop<Pod>(*this).run();
        break;
    case WorkloadKind::AnalysisRun:
        InformerLoop<AnalysisRun>(*this).run();
        break;
    case WorkloadKind::Event:
        InformerLoop<Event>(*this).run();
        break;
    }
}

InformerStats Informer::stats() const
{
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}
